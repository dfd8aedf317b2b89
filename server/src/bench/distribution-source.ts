import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileName } from './fixture';
import { printTable } from './report';
import { round, timed } from './stats';

const run = promisify(execFile);

/** How the parent hands the generated folders and the copy baseline to each dialect's child. */
export const DISTRIBUTION_SOURCE_ENV = 'STAGECOACH_BENCH_DISTRIBUTION_SOURCE';

export type ContentSize = 'big' | 'small';

export interface SourceFolder {
  size: ContentSize;
  dir: string;
  files: number;
  bytesPerFile: number;
  bytes: number;
}

export interface CopyBaseline {
  folder: ContentSize;
  copies: number;
  bytes: number;
  /** `cp -r` of the folder into `copies` new directories, one after the other. */
  totalMs: number;
  perCopyMs: number;
  copyMs: number[];
  /** A `sync` right after the copies, not included in the times above. */
  syncAfterMs: number;
}

export interface DistributionSource {
  salt: string;
  generateMs: number;
  folders: Record<ContentSize, SourceFolder>;
  baseline: Record<ContentSize, CopyBaseline>;
}

export const SOURCE_FILES = 10_000;
/** 10,000 of these make 1 GiB (to within 10,000 bytes). */
const BIG_FILE_BYTES = Math.floor(1024 ** 3 / SOURCE_FILES);
/** 10,000 of these make 1 MiB (to within 10,000 bytes). */
const SMALL_FILE_BYTES = Math.floor(1024 ** 2 / SOURCE_FILES);
const COPIES = 10;

/**
 * Writes the folder as real files: each file is the same random block with
 * its own header (run salt and index) over the first bytes, so every file
 * has distinct content without generating a GiB of randomness.
 */
async function writeFolder(dir: string, size: ContentSize, salt: string): Promise<SourceFolder> {
  const bytesPerFile = size === 'big' ? BIG_FILE_BYTES : SMALL_FILE_BYTES;
  const block = size === 'big' ? randomBytes(bytesPerFile) : Buffer.alloc(bytesPerFile, '.');
  block[bytesPerFile - 1] = 0x0a;
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < SOURCE_FILES; i++) {
    // The block is rewritten only after the previous write finished.
    block.write(`stagecoach bench ${salt} ${size} ${i}\n`, 0, 'latin1');
    await writeFile(path.join(dir, fileName(i, SOURCE_FILES)), block);
  }
  return { size, dir, files: SOURCE_FILES, bytesPerFile, bytes: bytesPerFile * SOURCE_FILES };
}

async function copyBaseline(folder: SourceFolder, scratch: string): Promise<CopyBaseline> {
  const copyMs: number[] = [];
  const copies = Array.from({ length: COPIES }, (_, i) => path.join(scratch, `${folder.size}-copy-${i + 1}`));
  try {
    const total = await timed(async () => {
      for (const target of copies) copyMs.push((await timed(() => run('cp', ['-r', folder.dir, target]))).ms);
    });
    const sync = await timed(() => run('sync'));
    return {
      folder: folder.size,
      copies: COPIES,
      bytes: folder.bytes,
      totalMs: round(total.ms, 1),
      perCopyMs: round(total.ms / COPIES, 1),
      copyMs: copyMs.map((ms) => round(ms, 1)),
      syncAfterMs: round(sync.ms, 1),
    };
  } finally {
    await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
    // Freeing the copies' blocks must not land on whatever is timed next.
    await run('sync');
  }
}

/**
 * Generates the two folders of 10,000 files (about 1 GiB and 1 MiB) once per
 * run, on disk, and times `cp -r` of each into 10 directories: the baseline
 * every dialect's push is compared with. `cleanup` removes it all.
 */
export async function prepareDistributionSource(): Promise<{ source: DistributionSource; cleanup: () => Promise<void> }> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'stagecoach-bench-source-'));
  const cleanup = () => rm(scratch, { recursive: true, force: true });
  try {
    const salt = randomBytes(6).toString('hex');
    const generated = await timed(async () => {
      const big = await writeFolder(path.join(scratch, 'big'), 'big', salt);
      const small = await writeFolder(path.join(scratch, 'small'), 'small', salt);
      // Dirty pages of the generated files must not be flushed on the copies' time.
      await run('sync');
      return { big, small };
    });
    const folders = generated.result;
    const baseline = { big: await copyBaseline(folders.big, scratch), small: await copyBaseline(folders.small, scratch) };
    return { source: { salt, generateMs: round(generated.ms, 1), folders, baseline }, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 ** 3 * 0.9 ? `${round(bytes / 1024 ** 3, 2)} GiB` : `${round(bytes / 1024 ** 2, 2)} MiB`;
}

export function printBaseline(source: DistributionSource): void {
  printTable(
    `cp -r baseline: each folder copied into ${COPIES} new directories, one after the other (generated in ${round(source.generateMs / 1000, 1)} s)`,
    ['folder', 'files', 'content', 'total s', 'per copy ms', 'fastest copy ms', 'slowest copy ms', 'sync after s'],
    (['big', 'small'] as const).map((size) => {
      const b = source.baseline[size];
      return [
        size,
        source.folders[size].files,
        describeSize(b.bytes),
        round(b.totalMs / 1000, 2),
        b.perCopyMs,
        Math.min(...b.copyMs),
        Math.max(...b.copyMs),
        round(b.syncAfterMs / 1000, 2),
      ];
    }),
  );
}

export function readDistributionSource(env: NodeJS.ProcessEnv = process.env): DistributionSource {
  const text = env[DISTRIBUTION_SOURCE_ENV];
  if (!text) throw new Error(`${DISTRIBUTION_SOURCE_ENV} is not set: run the distribution benchmark through run.js`);
  return JSON.parse(text) as DistributionSource;
}
