import { spawnSync } from 'node:child_process';

export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const PING = `
const net = require('node:net');
const url = new URL(process.argv[1]);
const fail = (why) => { process.stderr.write(why); process.exit(1); };
const socket = net.connect(Number(url.port || 6379), url.hostname);
socket.setTimeout(3000, () => fail('no answer within 3 s'));
socket.on('connect', () => socket.write('PING\\r\\n'));
socket.on('data', (data) => (String(data).startsWith('+PONG') ? process.exit(0) : fail(String(data).trim())));
socket.on('error', (error) => fail(error.message));
`;

/**
 * Null when a Redis server answers PING at `url`, else why not. Synchronous
 * (a short child process) so that a test file can choose describe or
 * describe.skip while it is loaded.
 */
export function probeRedisSync(url = testRedisUrl): string | null {
  const result = spawnSync(process.execPath, ['-e', PING, url], { encoding: 'utf8', timeout: 10_000 });
  if (result.status === 0) return null;
  return result.stderr.trim() || (result.error?.message ?? `probe exited with ${result.status}`);
}
