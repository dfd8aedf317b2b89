/**
 * Content-addressed blob storage: a blob's id is the SHA-256 hex of its bytes,
 * so equal content is stored once and a stored blob never changes. Two
 * implementations keep the same promises: {@link LocalBlobStore} (a folder)
 * and {@link S3BlobStore} (an S3-compatible bucket); `openBlobStore` picks one
 * from the configuration.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { badInput } from '../errors';
import { uploadTooLarge } from '../upload-limit';

export interface PutResult {
  id: string;
  size: number;
  /** False when the blob was already stored (nothing new was kept). */
  created: boolean;
}

/** What a store accepts as the bytes of a new blob. */
export type BlobSource = NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

/**
 * A stored blob whose bytes no longer hash to its id (a flipped bit, a
 * truncated file). Not a domain error: the client did nothing wrong, so it is
 * logged and answered as an internal error; the blob has been moved to
 * quarantine, and uploading the right bytes again stores it afresh.
 */
export class BlobCorrupt extends Error {
  constructor(
    readonly id: string,
    readonly detail: string,
  ) {
    super(`blob ${id} failed its integrity check (${detail}) and was quarantined; upload the file again to repair it`);
    this.name = 'BlobCorrupt';
  }
}

/** A blob open for reading parts of it: each stream reads bytes from `start` up to (not including) `end`. */
export interface BlobParts {
  readonly size: number;
  stream(start: number, end: number): NodeJS.ReadableStream;
  close(): Promise<void>;
}

/** What {@link BlobStore.check} found. */
export type BlobHealth = { ok: true; size: number } | { ok: false; problem: 'missing' } | { ok: false; problem: 'corrupt'; detail: string };

/**
 * Everything that reads or writes blob bytes goes through this interface; the
 * contract suite (`__tests__/blob-store.contract.ts`) holds every
 * implementation to it. Every method that takes an id refuses one that is not
 * 64 lowercase hex digits with BAD_USER_INPUT.
 */
export interface BlobStore {
  /**
   * Streams bytes in, hashing as they pass; never holds the whole blob in
   * memory. The blob becomes visible under its id only once all its bytes are
   * stored. More than `options.maxBytes` bytes stops the upload: the source is
   * destroyed, nothing is kept, and BAD_USER_INPUT is thrown. A failing source
   * also leaves nothing behind.
   */
  put(source: BlobSource, options?: { maxBytes?: number }): Promise<PutResult>;
  putBuffer(data: Buffer | string): Promise<PutResult>;
  /**
   * Streams a blob, hashing it on the way: when the bytes do not match the id
   * the stream fails before its last chunk (a reader never gets a complete
   * wrong copy) and the blob is quarantined.
   * @throws DomainError NOT_FOUND when no blob has this id.
   */
  openRead(id: string): Promise<NodeJS.ReadableStream>;
  /**
   * Streams the bytes from `start` up to (not including) `end`. A part cannot
   * be checked against the id on its own, so these bytes are not verified
   * (whole reads and `fsck` are).
   * @throws DomainError NOT_FOUND when no blob has this id.
   */
  openRange(id: string, start: number, end: number): Promise<NodeJS.ReadableStream>;
  /**
   * Opens a blob for many reads of its parts (a zip's directory and entries),
   * unverified like {@link openRange}; `close` ends it.
   * @throws DomainError NOT_FOUND when no blob has this id.
   */
  openParts(id: string): Promise<BlobParts>;
  /**
   * @throws DomainError NOT_FOUND when no blob has this id.
   * @throws BlobCorrupt (after quarantining it) when its bytes do not match the id.
   */
  read(id: string): Promise<Buffer>;
  /** Hashes a stored blob without quarantining it: what `fsck` reports. */
  check(id: string): Promise<BlobHealth>;
  /**
   * Removes a blob unless it was written or re-uploaded at or after `cutoff`;
   * returns the bytes freed, or null when it was kept (young or absent). The
   * garbage collector's sweep: an upload that lands on the blob meanwhile keeps it.
   */
  removeIfOlder(id: string, cutoff: Date): Promise<number | null>;
  stat(id: string): Promise<{ size: number } | null>;
  /** Removes a blob; removing a missing blob is not an error. */
  delete(id: string): Promise<void>;
  /** Yields the id of every stored blob, in no particular order; temporary and quarantined copies are not blobs. */
  list(): AsyncIterable<string>;
  /**
   * Removes what writes that nobody finishes any more left behind (a process
   * killed mid-upload) once it has been idle for `idleMs`; returns how many.
   */
  sweepTemporary(idleMs: number): Promise<number>;
  /**
   * Waits up to `timeoutMs` for writes in progress to finish, then cuts those
   * still running and removes what they wrote, so a process about to exit
   * leaves no partial upload. Returns how many were cut.
   */
  settle(timeoutMs: number): Promise<number>;
  /**
   * Lets go of what the store holds open (an S3 client's pooled connections);
   * called once nothing reads or writes any more ({@link settle} first). The
   * store is unusable afterwards.
   */
  close(): Promise<void>;
  /** Writes still in progress. */
  readonly writesInProgress: number;
  /** Bytes written to new blobs since construction (existing content is not rewritten): benchmarks read this. */
  readonly bytesWritten: number;
}

export const BLOB_ID = /^[0-9a-f]{64}$/;

/**
 * Every method takes an id from outside; this check is what keeps a crafted
 * id (`../../etc/passwd`) from naming a path or key outside the store.
 */
export function checkId(id: string): void {
  if (typeof id !== 'string' || !BLOB_ID.test(id)) {
    const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 80)) : typeof id;
    throw badInput(`${shown} is not a blob id: expected 64 lowercase hex digits`);
  }
}

export function checkMaxBytes(maxBytes: number | undefined): void {
  if (maxBytes !== undefined && (!Number.isSafeInteger(maxBytes) || maxBytes < 0)) {
    throw badInput(`maxBytes must be a non-negative whole number, not ${String(maxBytes)}`);
  }
}

export function ignore(): void {}

function destroySource(source: unknown): void {
  const stream = source as { destroy?: unknown };
  if (typeof stream.destroy === 'function') (stream.destroy as () => void)();
}

/**
 * Runs `write` over `source`. A stream that fails before iteration starts
 * (while the store is still preparing where to write) would emit an unhandled
 * 'error' and crash the process; the listener prevents that, and iterating
 * still throws the stream's error.
 */
export async function guardSource<T>(source: BlobSource, write: () => Promise<T>): Promise<T> {
  const candidate = source as Partial<NodeJS.EventEmitter>;
  const emitter = typeof candidate.on === 'function' && typeof candidate.removeListener === 'function' ? (candidate as NodeJS.EventEmitter) : null;
  emitter?.on('error', ignore);
  try {
    return await write();
  } finally {
    emitter?.removeListener('error', ignore);
  }
}

/** The running hash and byte count of an upload, complete once {@link metered} has been drained. */
export class Tally {
  readonly hash: Hash = createHash('sha256');
  size = 0;
}

/**
 * Yields the bytes of `source` as buffers, adding each to `tally` on the way.
 * Past `maxBytes` it destroys the source and throws BAD_USER_INPUT, so a
 * writer pulling from it stops (and cleans up) like on any failed source.
 */
export async function* metered(source: BlobSource, maxBytes: number | undefined, tally: Tally): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    tally.size += bytes.byteLength;
    if (maxBytes !== undefined && tally.size > maxBytes) {
      destroySource(source);
      throw uploadTooLarge(maxBytes);
    }
    tally.hash.update(bytes);
    yield bytes;
  }
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Passes a blob's bytes through while hashing them, always holding the latest
 * chunk back: the last chunk goes out only once the whole content matched the
 * id, so a damaged blob ends in an error one chunk short of complete.
 */
export class VerifyingStream extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | null = null;
  private size = 0;

  constructor(
    private readonly id: string,
    private readonly onCorrupt: (detail: string) => Promise<Error>,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.byteLength;
    if (this.held) this.push(this.held);
    this.held = chunk;
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const actual = this.hash.digest('hex');
    if (actual === this.id) {
      if (this.held) this.push(this.held);
      callback();
      return;
    }
    void this.onCorrupt(`its ${this.size} bytes hash to ${actual}`).then((error) => callback(error));
  }
}
