import { createHash } from 'node:crypto';

/**
 * What a test compares two large byte strings by: their length and SHA-256.
 * Jest's deep equality walks a Buffer element by element, which for a few
 * hundred kilobytes holds the event loop for seconds; the server under test
 * shares that loop, so its timers (an idle connection's keep-alive deadline)
 * fall due while the test's HTTP client cannot notice, and the client then
 * sends its next request down a connection the server is closing.
 */
export function digestOf(data: Buffer | Uint8Array | ArrayBuffer): { bytes: number; sha256: string } {
  const bytes = data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}
