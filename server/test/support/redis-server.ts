import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from './server-process';

/**
 * A redis-server of the test's own on a free port, so a test can stop and
 * restart it without touching the shared one on 6379.
 */
export interface OwnRedis {
  readonly url: string;
  readonly port: number;
  start(): Promise<void>;
  /** SIGTERM, resolved once the server has exited. */
  stop(): Promise<void>;
  /** Channels someone is subscribed to right now (`PUBSUB CHANNELS`). */
  channels(): Promise<string[]>;
}

/** Sends one inline command and parses a RESP array-of-bulk-strings reply. */
function arrayCommand(port: number, command: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(2_000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${command}`));
    });
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('error', reject);
    socket.on('data', (data) => {
      reply += String(data);
      const lines = reply.split('\r\n');
      const count = Number(lines[0].slice(1));
      if (!lines[0].startsWith('*')) return reject(new Error(`unexpected reply to ${command}: ${reply}`));
      // *n, then $len and value per item, then the trailing empty piece.
      if (lines.length < 2 + 2 * count) return;
      socket.destroy();
      resolve(Array.from({ length: count }, (_, i) => lines[2 + 2 * i]));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(String(data).startsWith('+PONG')));
    socket.on('error', () => done(false));
  });
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const redis: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    channels: () => arrayCommand(port, 'PUBSUB CHANNELS'),
    async start() {
      if (child) return;
      const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      child = started;
      const failed = new Promise<never>((_, reject) => {
        started.once('error', reject);
        started.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited with ${code} at start`)));
      });
      const until = Date.now() + 10_000;
      while (!(await Promise.race([answersPing(port), failed]))) {
        if (Date.now() > until) throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      started.removeAllListeners('exit');
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = null;
      if (running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
  };
  await redis.start();
  return redis;
}
