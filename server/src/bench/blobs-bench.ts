import { spawn, type ChildProcess } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { Dialect } from '../config';
import type { BlobStore } from '../core/storage/blob-store';
import { LocalBlobStore } from '../core/storage/local-blob-store';
import { createS3Client, S3BlobStore } from '../core/storage/s3-blob-store';
import { sampleMemoryIfPossible } from './memory-sampler';
import { mb, printGoals, printTable, writeResult, type Goal } from './report';
import { collectGarbage, round } from './stats';

const MIB = 1024 * 1024;
const TOTAL = Number(process.env.BLOBS_BENCH_MIB ?? 200) * MIB;
const BUCKET = 'stagecoach-bench';
/**
 * What an upload may hold, whatever the blob's size: the parts in flight (4
 * of 8 MiB, the store's defaults), each also as the SDK's request buffers and
 * as garbage not yet collected (three times), plus 32 MiB of slack. Measured
 * on this machine: about 95 MB for 200 MiB and 106 MB for 600 MiB
 * (`BLOBS_BENCH_MIB=600`), so it does not grow with the blob.
 */
const RSS_GOAL = 3 * 4 * 8 * MIB + 32 * MIB;
const SIZE = `${TOTAL / MIB} MiB`;

/** TOTAL bytes (200 MiB unless BLOBS_BENCH_MIB says otherwise) of random bytes, made one fresh 1 MiB chunk at a time as the store pulls them. */
async function* generated(): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < TOTAL; sent += MIB) yield randomFillSync(Buffer.allocUnsafe(MIB));
}

interface Row {
  store: string;
  operation: string;
  seconds: number;
  mbPerSecond: number;
  rssGrowthBytes: number | null;
}

async function measure(store: string, operation: string, work: () => Promise<unknown>): Promise<Row> {
  collectGarbage();
  const start = performance.now();
  const { memory } = await sampleMemoryIfPossible(process.pid, work, 20);
  const seconds = (performance.now() - start) / 1000;
  return { store, operation, seconds: round(seconds, 2), mbPerSecond: round(TOTAL / MIB / seconds, 1), rssGrowthBytes: memory?.growth ?? null };
}

async function drain(stream: NodeJS.ReadableStream): Promise<void> {
  for await (const chunk of stream as AsyncIterable<Buffer>) void chunk;
}

async function uploadAndDownload(name: string, store: BlobStore): Promise<Row[]> {
  let id = '';
  const up = await measure(name, `upload ${SIZE}`, async () => {
    id = (await store.put(generated())).id;
  });
  const down = await measure(name, `download ${SIZE} (verified)`, async () => drain(await store.openRead(id)));
  await store.delete(id);
  return [up, down];
}

/**
 * Starts s3rver in a child process (so the measured process holds only the
 * client's memory); resolves with its port, or null when s3rver (a
 * development dependency) is not installed.
 */
async function startS3rver(directory: string): Promise<{ port: number; child: ChildProcess } | null> {
  const script = `
    const S3rver = require('s3rver');
    new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1] }).run()
      .then((a) => console.log(String(a.port)), (e) => { console.error(e.message); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script, directory], { cwd: __dirname, stdio: ['ignore', 'pipe', 'inherit'] });
  const [first] = (await Promise.race([once(child.stdout!, 'data'), once(child, 'exit').then(() => [null])])) as [Buffer | null];
  if (!first) return null;
  return { port: Number(first.toString().trim()), child };
}

/**
 * `blobs`: the local folder against an S3-compatible bucket (s3rver, in a
 * child process on this machine) for a 200 MiB blob: upload and verified
 * download speed, and how much the uploading process's memory grows (it must
 * stay bounded: the blob is streamed, never held). Not bound to the database:
 * measured on the SQLite run only.
 */
export async function runBlobs(dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') {
    console.log(`\n[${dialect}] blobs: not database-bound; measured once, on the sqlite run`);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'blobs-bench-'));
  const rows: Row[] = [];
  let server: { port: number; child: ChildProcess } | null = null;
  try {
    rows.push(...(await uploadAndDownload('local folder', new LocalBlobStore(path.join(dir, 'local')))));
    server = await startS3rver(path.join(dir, 's3rver'));
    if (!server) {
      console.log('blobs: s3rver is not installed; the bucket rows are left out');
    } else {
      const config = {
        kind: 's3' as const,
        bucket: BUCKET,
        prefix: 'blobs',
        endpoint: `http://127.0.0.1:${server.port}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        forcePathStyle: true,
      };
      const client = createS3Client(config);
      await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
      rows.push(...(await uploadAndDownload('s3rver bucket', new S3BlobStore(client, { bucket: BUCKET, prefix: 'blobs' }))));
      client.destroy();
    }
  } finally {
    server?.child.kill();
    if (server) await once(server.child, 'exit');
    await rm(dir, { recursive: true, force: true });
  }
  printTable(
    `[${dialect}] blob stores, one blob of ${SIZE} (s3rver on this machine: its speed, not a real bucket's)`,
    ['store', 'operation', 's', 'MB/s', 'RSS growth MB'],
    rows.map((r) => [r.store, r.operation, r.seconds, r.mbPerSecond, mb(r.rssGrowthBytes)]),
  );
  const goals: Goal[] = rows
    .filter((r) => r.operation.startsWith('upload') && r.rssGrowthBytes !== null)
    .map((r) => ({
      name: `${r.store}: memory while uploading ${SIZE}`,
      goal: `RSS grows < ${mb(RSS_GOAL)} MB`,
      value: `${mb(r.rssGrowthBytes)} MB`,
      met: (r.rssGrowthBytes ?? 0) < RSS_GOAL,
    }));
  printGoals(dialect, goals);
  console.log(`results: ${writeResult('blobs', dialect, { totalBytes: TOTAL, rows, goals })}`);
}
