import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { sampleMemoryIfPossible, type MemoryWindow } from './memory-sampler';
import { collectGarbage, median, round, timed } from './stats';
import type { ServerReady, ServerReply, ServerRequest } from './transfer-server';

/** One transfer of the whole body. */
export interface TransferRun {
  seconds: number;
  /** 10^6 bytes per second. */
  mbPerSecond: number;
  memory: MemoryWindow | null;
  sha256: string;
  sha256Matches: boolean;
  httpStatus: number | null;
}

/** One direction over every round. */
export interface TransferCase {
  medianSeconds: number;
  /** At the median time. */
  mbPerSecond: number;
  /** Median time over the median time of the file-system baseline in the same direction. */
  timeVsBaseline: number;
  /** Which process the memory figures are of. */
  measuredProcess: 'server' | 'bench';
  /** The largest growth over all rounds, with the RSS that round started from. */
  peakRssGrowth: number | null;
  startRssOfPeakRound: number | null;
  medianCpuSeconds: number | null;
  sha256Matches: boolean;
  runs: TransferRun[];
}

export interface TransferResult {
  bytes: number;
  chunkBytes: number;
  rounds: number;
  memoryMethod: string;
  baselineWrite: TransferCase;
  baselineRead: TransferCase;
  upload: TransferCase;
  download: TransferCase;
}

const CHUNK = 256 * 1024;
const POOL = 16;

/**
 * The bytes to send: `total` bytes cycled from a small pool of random chunks,
 * so a GiB streams through without a GiB in memory. A fresh pool per run
 * keeps the content new to the blob store. Chunks are never written to, so
 * handing the same buffer to several pending writes is safe.
 */
function makeSource(total: number): () => Generator<Buffer> {
  const pool = Array.from({ length: POOL }, () => randomBytes(CHUNK));
  return function* chunks() {
    for (let sent = 0, i = 0; sent < total; i++) {
      const chunk = pool[i % POOL];
      const length = Math.min(chunk.length, total - sent);
      yield length === chunk.length ? chunk : chunk.subarray(0, length);
      sent += length;
    }
  };
}

function rate(bytes: number, ms: number): number {
  return round(bytes / 1e6 / (ms / 1000), 1);
}

/** Starts the measured server in its own process and waits until it is ready. */
async function startServer(runScript: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(runScript, ['--serve'], { env, execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`transfer server exited with code ${code} before it was ready`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('error', reject);
      child.off('exit', onExit);
      resolve(message as ServerReady);
    });
  });
  return { child, ready };
}

async function ask(child: ChildProcess, request: ServerRequest, expect: ServerReply['type']): Promise<void> {
  let settle = () => undefined as void;
  const reply = new Promise<void>((resolve, reject) => {
    const onMessage = (message: ServerReply) => {
      if (message.type === expect) resolve();
    };
    const onExit = () => reject(new Error(`transfer server exited while asked to ${request.type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    settle = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
  });
  child.send(request);
  try {
    await reply;
  } finally {
    settle();
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    if (child.connected) await ask(child, { type: 'stop' }, 'stopped').catch(() => undefined);
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

async function writeFileBaseline(file: string, source: () => Generator<Buffer>): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  try {
    for (const chunk of source()) {
      hash.update(chunk);
      await handle.write(chunk);
    }
    // The blob store fsyncs before it renames; the baseline does the same work.
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

async function hashStream(stream: AsyncIterable<Buffer>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function upload(url: string, token: string, total: number, source: () => Generator<Buffer>) {
  const request = http.request(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(total) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.once('error', reject);
    });
  });
  const hash = createHash('sha256');
  let answeredEarly = false;
  response.then(
    () => (answeredEarly = true),
    () => (answeredEarly = true),
  );
  for (const chunk of source()) {
    if (answeredEarly) break;
    hash.update(chunk);
    if (!request.write(chunk)) await Promise.race([once(request, 'drain'), response]);
  }
  request.end();
  const { status, body } = await response;
  if (status !== 201) throw new Error(`upload answered HTTP ${status}: ${body.slice(0, 300)}`);
  return { status, sha256: hash.digest('hex') };
}

async function download(url: string, token: string) {
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get(url, { headers: { authorization: `Bearer ${token}` } }, resolve).once('error', reject);
  });
  if (res.statusCode !== 200) {
    let body = '';
    for await (const chunk of res) body += String(chunk);
    throw new Error(`download answered HTTP ${res.statusCode}: ${body.slice(0, 300)}`);
  }
  return { status: res.statusCode, ...(await hashStream(res)) };
}

interface Measured {
  ms: number;
  memory: MemoryWindow | null;
  sha256: string;
  bytes: number;
  httpStatus: number | null;
}

function summarizeCase(
  runs: readonly Measured[],
  expected: readonly string[],
  total: number,
  measuredProcess: TransferCase['measuredProcess'],
  baselineMs: number | null,
): TransferCase {
  const ms = median(runs.map((r) => r.ms));
  const peak = runs.reduce<Measured | null>((top, r) => (r.memory && (!top?.memory || r.memory.growth > top.memory.growth) ? r : top), null);
  const cpu = runs.flatMap((r) => (r.memory ? [r.memory.cpuSeconds] : []));
  const detailed = runs.map(
    (r, i): TransferRun => ({
      seconds: round(r.ms / 1000, 2),
      mbPerSecond: rate(total, r.ms),
      memory: r.memory,
      sha256: r.sha256,
      sha256Matches: r.sha256 === expected[i] && r.bytes === total,
      httpStatus: r.httpStatus,
    }),
  );
  return {
    medianSeconds: round(ms / 1000, 2),
    mbPerSecond: rate(total, ms),
    timeVsBaseline: round(ms / (baselineMs ?? ms), 2),
    measuredProcess,
    peakRssGrowth: peak?.memory?.growth ?? null,
    startRssOfPeakRound: peak?.memory?.startRss ?? null,
    medianCpuSeconds: cpu.length ? round(median(cpu), 2) : null,
    sha256Matches: detailed.every((r) => r.sha256Matches),
    runs: detailed,
  };
}

/**
 * Streams `total` bytes to a file and back as a baseline, then uploads and
 * downloads the same bytes over HTTP to a server in its own process, sampling
 * that process's memory from /proc; `rounds` times, with new bytes each round
 * so every upload stores a new blob.
 */
export async function benchTransfer(options: {
  runScript: string;
  serverEnv: NodeJS.ProcessEnv;
  scratchDir: string;
  total: number;
  rounds: number;
}): Promise<TransferResult> {
  const { total } = options;
  const measure = async (pid: number, work: () => Promise<{ sha256: string; bytes: number; httpStatus: number | null }>) => {
    const { result, memory } = await sampleMemoryIfPossible(pid, () => timed(work));
    return { ms: result.ms, memory, ...result.result };
  };

  const sent: string[] = [];
  const runs = { baselineWrite: [] as Measured[], baselineRead: [] as Measured[], upload: [] as Measured[], download: [] as Measured[] };
  const { child, ready } = await startServer(options.runScript, options.serverEnv);
  try {
    const pid = child.pid!;
    for (let turn = 1; turn <= options.rounds; turn++) {
      const source = makeSource(total);
      const file = path.join(options.scratchDir, `baseline-${turn}.bin`);
      try {
        collectGarbage();
        const write = await measure(process.pid, async () => ({
          sha256: await writeFileBaseline(file, source),
          bytes: total,
          httpStatus: null,
        }));
        sent.push(write.sha256);
        runs.baselineWrite.push(write);
        collectGarbage();
        runs.baselineRead.push(
          await measure(process.pid, async () => ({ ...(await hashStream(createReadStream(file))), httpStatus: null })),
        );
      } finally {
        await rm(file, { force: true });
      }

      const fileUrl = `${ready.url}/api/workspaces/${ready.workspaceId}/files/files/bench/round-${turn}.bin`;
      await ask(child, { type: 'gc' }, 'gc-done');
      runs.upload.push(
        await measure(pid, async () => {
          const { sha256, status } = await upload(fileUrl, ready.token, total, source);
          return { sha256, bytes: total, httpStatus: status };
        }),
      );
      await ask(child, { type: 'gc' }, 'gc-done');
      runs.download.push(
        await measure(pid, async () => {
          const { sha256, bytes, status } = await download(fileUrl, ready.token);
          return { sha256, bytes, httpStatus: status };
        }),
      );
    }
  } finally {
    await stopServer(child);
  }

  const writeMs = median(runs.baselineWrite.map((r) => r.ms));
  const readMs = median(runs.baselineRead.map((r) => r.ms));
  return {
    bytes: total,
    chunkBytes: CHUNK,
    rounds: options.rounds,
    memoryMethod:
      'VmRSS from /proc/<pid>/status sampled every 50 ms, and VmHWM after resetting it (clear_refs 5) at the start; ' +
      'the server runs in its own child process, so its figures exclude the client; growth is over the RSS at the start (after a GC)',
    baselineWrite: summarizeCase(runs.baselineWrite, sent, total, 'bench', null),
    baselineRead: summarizeCase(runs.baselineRead, sent, total, 'bench', null),
    upload: summarizeCase(runs.upload, sent, total, 'server', writeMs),
    download: summarizeCase(runs.download, sent, total, 'server', readMs),
  };
}
