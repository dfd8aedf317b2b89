import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../app';
import { loadConfig, type Dialect } from '../config';
import { createBenchUser, createCourseWorkspace, databaseVersion, fillFolder } from './fixture';
import { benchListing, type ListingResult } from './listing-bench';
import { machine, mb, printGoals, printTable, writeResult, type Goal } from './report';
import { benchSnapshots, type SnapshotResult } from './snapshot-bench';
import { round } from './stats';
import { benchTransfer, type TransferResult } from './transfer-bench';

const SMALL_FILES = 10;
const LARGE_FILES = 10_000;
const SNAPSHOT_REPETITIONS = 50;
const LISTING_RUNS = 20;
const TRANSFER_BYTES = 1024 ** 3;
const TRANSFER_ROUNDS = 3;
const LISTING_GOAL_MS = 100;
const MEMORY_GOAL_BYTES = 200e6;

/**
 * Runs the storage benchmarks against one database in this process (the
 * entity column types are fixed per process by the dialect), prints them and
 * writes `bench-results/foundation-<dialect>.json`.
 */
export async function runDialect(dialect: Dialect, runScript: string): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `stagecoach-bench-${dialect}-`));
  const started = new Date();
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false', REQUEST_BUDGET_POINTS: '0' });
    if (config.dialect !== dialect) throw new Error(`asked for ${dialect} but the configuration selects ${config.dialect}`);
    let app = await startApp(config);
    try {
      const database = await databaseVersion(app.db);
      console.log(`\n=== ${dialect}: ${database} ===`);
      const { services } = app;
      const user = await createBenchUser(services, dialect);
      const smallId = await createCourseWorkspace(services, user.actor, 'Bench small');
      const largeId = await createCourseWorkspace(services, user.actor, 'Bench large');
      const smallFill = await fillFolder(services, user.actor, smallId, ['small'], SMALL_FILES);
      const largeFill = await fillFolder(services, user.actor, largeId, ['big'], LARGE_FILES);
      printTable(
        `[${dialect}] setup (not a goal: how long building the fixtures took)`,
        ['workspace', 'files', 'put blobs ms', 'one commit ms', 'tree rows written'],
        [
          ['small', smallFill.files, smallFill.blobMs, smallFill.commitMs, smallFill.treeRowsWritten],
          ['large', largeFill.files, largeFill.blobMs, largeFill.commitMs, largeFill.treeRowsWritten],
        ],
      );

      const snapshots = await benchSnapshots(
        services,
        user.actor,
        { workspaceId: smallId, files: SMALL_FILES },
        { workspaceId: largeId, files: LARGE_FILES },
        SNAPSHOT_REPETITIONS,
      );
      printSnapshots(dialect, snapshots);

      const listing = await benchListing(
        app,
        config,
        { actor: user.actor, token: user.token, workspaceId: largeId, folder: 'files/big', entries: LARGE_FILES },
        LISTING_RUNS,
      );
      app = listing.app;
      printListing(dialect, listing.result);

      let transfer: TransferResult | null = null;
      if (dialect === 'sqlite') {
        transfer = await benchTransfer({
          runScript,
          serverEnv: { ...process.env, DATA_DIR: path.join(dataDir, 'transfer-server') },
          scratchDir: dataDir,
          total: TRANSFER_BYTES,
          rounds: TRANSFER_ROUNDS,
        });
        printTransfer(dialect, transfer);
      }

      const goals = goalsOf(dialect, snapshots, listing.result, transfer);
      printGoals(dialect, goals);
      const file = writeResult('foundation', dialect, {
        benchmark: 'foundation',
        dialect,
        database,
        startedAt: started.toISOString(),
        durationSeconds: round((Date.now() - started.getTime()) / 1000, 1),
        machine: machine(),
        setup: { small: smallFill, large: largeFill },
        snapshots,
        listing: listing.result,
        transfer,
        goals,
      });
      console.log(`\n[${dialect}] results written to ${file}`);
    } finally {
      // After a failure mid-way the app may be stopped already; the first error is the one to see.
      await app.stop().catch((error) => console.error('stopping the app failed:', (error as Error).message));
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function printSnapshots(dialect: string, s: SnapshotResult): void {
  printTable(
    `[${dialect}] snapshot create, ${s.repetitions} runs each (ms)`,
    ['workspace', 'files', 'median', 'p95', 'min', 'max'],
    [
      ['small', s.small.files, s.small.medianMs, s.small.p95Ms, s.small.minMs, s.small.maxMs],
      ['large', s.large.files, s.large.medianMs, s.large.p95Ms, s.large.minMs, s.large.maxMs],
    ],
  );
  console.log(
    `ratio large/small: median ${s.ratioMedian}, p95 ${s.ratioP95}; written while snapshotting: ` +
      `${s.treeRowsWritten} tree rows, ${s.blobBytesWritten} blob bytes`,
  );
}

function printListing(dialect: string, l: ListingResult): void {
  printTable(
    `[${dialect}] first ${l.pageSize} of ${l.entries} entries in ${l.path} (ms)`,
    ['case', 'n', 'median', 'p95', 'min', 'max'],
    [
      ['service, cold (fresh services, empty tree cache)', l.coldFreshServices.n, l.coldFreshServices.medianMs, l.coldFreshServices.p95Ms, l.coldFreshServices.minMs, l.coldFreshServices.maxMs],
      ['service, first call after app restart', 1, l.coldAfterRestartMs, null, null, null],
      ['service, warm', l.warm.n, l.warm.medianMs, l.warm.p95Ms, l.warm.minMs, l.warm.maxMs],
      ['GraphQL over HTTP, warm', l.graphqlWarm.n, l.graphqlWarm.medianMs, l.graphqlWarm.p95Ms, l.graphqlWarm.minMs, l.graphqlWarm.maxMs],
      ['GraphQL over HTTP, { __typename } (request overhead)', l.graphqlTrivial.n, l.graphqlTrivial.medianMs, l.graphqlTrivial.p95Ms, l.graphqlTrivial.minMs, l.graphqlTrivial.maxMs],
      ['GraphQL over HTTP, first request after app restart', 1, l.graphqlColdAfterRestartMs, null, null, null],
    ],
  );
}

function printTransfer(dialect: string, t: TransferResult): void {
  const cases = [
    ['fs write + fsync (baseline)', t.baselineWrite],
    ['fs read (baseline)', t.baselineRead],
    ['HTTP upload (PUT)', t.upload],
    ['HTTP download (GET)', t.download],
  ] as const;
  printTable(
    `[${dialect}] ${(t.bytes / 1024 ** 3).toFixed(0)} GiB streamed in ${t.chunkBytes / 1024} KiB chunks, ${t.rounds} rounds (MB = 10^6 bytes)`,
    ['case', 'median s', 'MB/s', 'time vs fs', 'process', 'RSS at start MB', 'peak RSS growth MB', 'CPU s', 'sha256 ok'],
    cases.map(([name, c]) => [
      name,
      c.medianSeconds,
      c.mbPerSecond,
      c.timeVsBaseline,
      c.measuredProcess,
      mb(c.startRssOfPeakRound),
      mb(c.peakRssGrowth),
      c.medianCpuSeconds,
      c.sha256Matches ? 'yes' : 'NO',
    ]),
  );
  for (const [name, c] of cases) console.log(`${name}: MB/s per round ${c.runs.map((r) => r.mbPerSecond).join(', ')}`);
  console.log(`memory: ${t.memoryMethod}; peak growth is the largest over the rounds; CPU s is the measured process's user+system time`);
}

function goalsOf(dialect: Dialect, s: SnapshotResult, l: ListingResult, t: TransferResult | null): Goal[] {
  const goals: Goal[] = [
    {
      name: 'snapshot cost independent of size',
      goal: 'median 10k/10 about 1 (<= 1.5)',
      value: `${s.ratioMedian} (p95 ${s.ratioP95})`,
      met: s.ratioMedian <= 1.5,
    },
    {
      name: 'snapshot writes no trees or blobs',
      goal: '0 rows, 0 bytes',
      value: `${s.treeRowsWritten} rows, ${s.blobBytesWritten} bytes`,
      met: s.treeRowsWritten === 0 && s.blobBytesWritten === 0,
    },
  ];
  if (dialect === 'sqlite') {
    const worst = Math.max(l.coldFreshServices.medianMs, l.coldAfterRestartMs, l.warm.medianMs, l.graphqlWarm.medianMs, l.graphqlColdAfterRestartMs);
    goals.push({
      name: 'list 100 of 10,000 entries',
      goal: `< ${LISTING_GOAL_MS} ms (every case)`,
      value: `worst ${round(worst, 1)} ms`,
      met: worst < LISTING_GOAL_MS,
    });
  }
  if (t) {
    const growth = Math.max(t.upload.peakRssGrowth ?? Infinity, t.download.peakRssGrowth ?? Infinity);
    goals.push(
      {
        name: 'server memory during 1 GiB transfers',
        goal: `peak RSS growth < ${mb(MEMORY_GOAL_BYTES)} MB`,
        value: Number.isFinite(growth) ? `${mb(growth)} MB` : 'not measurable here',
        met: growth < MEMORY_GOAL_BYTES,
      },
      {
        name: 'downloaded bytes equal uploaded bytes',
        goal: 'same sha256',
        value: t.upload.sha256Matches && t.download.sha256Matches ? 'same' : 'DIFFERENT',
        met: t.upload.sha256Matches && t.download.sha256Matches,
      },
    );
  }
  return goals;
}
