import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, type Dialect } from '../config';
import { createEventBus } from '../core/pubsub';
import { createServices, type Services } from '../services';
import { editTree, getEntry } from '../core/storage/tree';
import { openDatabase, type Database } from '../db/database';
import { entities } from '../entities';
import type { PushInput } from '../modules/distributions/distributions.service';
import type { User } from '../modules/users/user.entity';
import type { Actor } from '../modules/users/users.service';
import { printProfile, withCpuProfile, type ProfileSummary } from './cpu-profile';
import { describeSize, readDistributionSource, SOURCE_FILES, type ContentSize, type DistributionSource } from './distribution-source';
import { addMembers, createBenchUser, createCourseWorkspace, databaseVersion, fillFolder, insertStudents, type BenchUser, type FillResult } from './fixture';
import { cpuTicksOf, sampleMemoryIfPossible, USER_HZ } from './memory-sampler';
import { countStatements } from './query-counter';
import { goalsOf, printCases, printRows, printSetup } from './distribution-report';
import { machine, printGoals, writeResult } from './report';
import { collectGarbage, cpuShare, median, round, timed } from './stats';
import type { CaseSpec, RunResult, CaseResult, SetupResult, Library, RunContext } from './distribution-types';
/**
 * The measured cases. Every run of a case pushes to the students of a new
 * course, so each push lands on targets that have received nothing yet.
 */
const CASES: readonly CaseSpec[] = [
  { targets: 100, size: 'small', snapshotFirst: true },
  { targets: 100, size: 'big', snapshotFirst: true },
  { targets: 1000, size: 'small', snapshotFirst: true },
  { targets: 1000, size: 'big', snapshotFirst: true },
  { targets: 1000, size: 'big', snapshotFirst: false },
];
/**
 * Rounds over every case, alternating their order, so drift in the machine's
 * speed hits every case alike (BENCH_ROUNDS overrides it).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/** A push before the measured ones, so they all find compiled code, open connections and warm caches. */
const WARM_UP: CaseSpec = { targets: 100, size: 'small', snapshotFirst: true };

/** Users signed up through argon2, to show what 1,000 would cost. */
const ARGON2_SAMPLES = 3;

function label(spec: CaseSpec, bytes: number): string {
  return `${spec.targets.toLocaleString('en')} targets x ${describeSize(bytes)}${spec.snapshotFirst ? '' : ', no snapshot'}`;
}

async function tableCounts(db: Database): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const tables = db.dataSource.entityMetadatas.map((m) => m.tableName).sort();
  for (const table of tables) {
    const rows = (await db.manager.query(`SELECT COUNT(*) AS n FROM ${db.dataSource.driver.escape(table)}`)) as { n: number | string }[];
    counts.set(table, Number(rows[0].n));
  }
  return counts;
}

async function versionSum(db: Database): Promise<number> {
  const rows = (await db.manager.query('SELECT COALESCE(SUM(version), 0) AS v FROM workspace')) as { v: number | string }[];
  return Number(rows[0].v);
}

/** What the blob store holds on disk, independently of its own byte counter. */
async function blobsOnDisk(services: Services): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const id of services.blobs.list()) {
    files++;
    bytes += (await services.blobs.stat(id))?.size ?? 0;
  }
  return { files, bytes };
}

/** The process id of the MariaDB/MySQL server when it runs on this machine (its CPU time is then measurable). */
async function localServerPid(db: Database): Promise<number | null> {
  if (db.dialect !== 'mysql') return null;
  try {
    const rows = (await db.manager.query('SELECT @@pid_file AS f')) as { f: string | null }[];
    const file = rows[0]?.f;
    if (!file || !existsSync(file)) return null;
    const pid = Number(readFileSync(file, 'utf8').trim());
    const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return /^(mariadbd|mysqld)$/.test(name) ? pid : null;
  } catch {
    return null;
  }
}

function cpuTicks(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    return cpuTicksOf(pid);
  } catch {
    return null;
  }
}

/**
 * A course whose master holds both folders (the library's trees: nothing is
 * copied) and whose members are `students`, added as an admin adds them: each
 * gets a personal workspace started from the course's DISTRIBUTED state.
 */
async function createCourse(services: Services, admin: BenchUser, name: string, students: readonly User[], library: Library) {
  const actor = admin.actor;
  const course = await timed(async () => {
    const masterId = await createCourseWorkspace(services, actor, name);
    const edits = (['big', 'small'] as const).map((size) => ({ path: ['files', size], entry: library[size] }));
    await services.store.change(masterId, (trees, root) => editTree(trees, root, edits), { authorId: actor.user.id, message: 'course material' });
    const [master] = await services.workspaces.byIds([masterId]);
    return { masterId, spaceId: master.spaceId };
  });
  const members = await timed(() => addMembers(services, actor, course.result.spaceId, students));
  return { ...course.result, courseMs: course.ms, membersMs: members.ms };
}

/** One push of `spec` to a new course: preview, then push() and the worker until it is done, measured. */
async function measurePush(ctx: RunContext, spec: CaseSpec, roundNo: number): Promise<RunResult> {
  const { services } = ctx;
  const { db } = services;
  const actor: Actor = ctx.admin.actor;
  const folder = ctx.source.folders[spec.size];
  const course = await createCourse(services, ctx.admin, `Bench course ${++ctx.courses}`, ctx.students.slice(0, spec.targets), ctx.library);
  const input: PushInput = {
    source: { workspaceId: course.masterId },
    paths: [`files/${spec.size}`],
    targets: { spaceId: course.spaceId },
    policies: { default: 'OVERWRITE' },
    snapshotFirst: spec.snapshotFirst,
    message: 'Week 1 material',
  };

  const share = cpuShare();
  collectGarbage();
  const preview = await timed(() => services.distributions.preview(actor, input));
  const previewed = preview.result.results;
  if (previewed.length !== spec.targets) throw new Error(`the preview lists ${previewed.length} targets, expected ${spec.targets}`);
  if (previewed.some((r) => !r.result.changed || r.result.counts.ADDED !== folder.files)) {
    throw new Error(`the preview does not add the ${folder.files} files to every target`);
  }

  const tablesBefore = await tableCounts(db);
  const versionsBefore = await versionSum(db);
  const treeRowsBefore = services.trees.rowsWritten;
  const blobBytesBefore = services.blobs.bytesWritten;

  const pushAndDrain = async () => {
    const start = performance.now();
    const distribution = await services.distributions.push(actor, input);
    const pushed = performance.now();
    // What worker.drain() does, one batch at a time so each batch is timed.
    const batches: number[] = [];
    for (;;) {
      const batchStart = performance.now();
      if ((await services.worker.runOnce()) === 0) break;
      batches.push(performance.now() - batchStart);
    }
    const done = performance.now();
    return { id: distribution.id, pushMs: pushed - start, executeMs: done - pushed, totalMs: done - start, batches };
  };
  const profileFile = ctx.profileDir
    ? path.join(ctx.profileDir, `distribution-${db.dialect}-${spec.targets}-${spec.size}${spec.snapshotFirst ? '' : '-nosnapshot'}-round${roundNo}.cpuprofile`)
    : null;
  collectGarbage();
  const counter = countStatements(db);
  const dbTicksBefore = cpuTicks(ctx.dbPid);
  const { result: measured, memory } = await sampleMemoryIfPossible(
    process.pid,
    async (): Promise<{ result: Awaited<ReturnType<typeof pushAndDrain>>; summary: ProfileSummary | null }> =>
      profileFile ? withCpuProfile(profileFile, pushAndDrain) : { result: await pushAndDrain(), summary: null },
  );
  const dbTicksAfter = cpuTicks(ctx.dbPid);
  const statements = counter.stop();
  const timing = measured.result;

  const blobBytesWritten = services.blobs.bytesWritten - blobBytesBefore;
  const treeRowsInserted = services.trees.rowsWritten - treeRowsBefore;
  const versionsAfter = await versionSum(db);
  const tablesAfter = await tableCounts(db);
  const rowsAddedByTable: Record<string, number> = {};
  for (const [table, after] of tablesAfter) {
    const delta = after - (tablesBefore.get(table) ?? 0);
    if (delta !== 0) rowsAddedByTable[table] = delta;
  }

  const distribution = await services.distributions.get(actor, timing.id);
  const counts = await services.distributions.counts(timing.id);
  if (distribution.status !== 'SUCCEEDED' || counts.byStatus.SUCCEEDED !== spec.targets) {
    throw new Error(`the push ended ${distribution.status} with ${JSON.stringify(counts.byStatus)}`);
  }
  // One recipient's view: the whole folder arrived.
  const listed = await services.workspaces.listFolder(actor, { workspaceId: previewed[0].workspace.id, path: `files/${spec.size}`, first: 1 });
  if (listed.totalCount !== folder.files) throw new Error(`a target holds ${listed.totalCount} files, expected ${folder.files}`);

  return {
    round: roundNo,
    setup: { courseMs: round1(course.courseMs), membersMs: round1(course.membersMs) },
    cpuShare: round(share, 2),
    previewMs: round1(preview.ms),
    previewMergeMs: preview.result.elapsedMs,
    pushMs: round1(timing.pushMs),
    executeMs: round1(timing.executeMs),
    totalMs: round1(timing.totalMs),
    msPerTarget: round(timing.totalMs / spec.targets, 2),
    cpuSeconds: memory ? round(memory.cpuSeconds, 2) : null,
    dbCpuSeconds: dbTicksBefore !== null && dbTicksAfter !== null ? round((dbTicksAfter - dbTicksBefore) / USER_HZ, 2) : null,
    statements,
    rowsAddedByTable,
    rowsAdded: Object.values(rowsAddedByTable).reduce((a, b) => a + b, 0),
    headsMoved: versionsAfter - versionsBefore,
    treeRowsInserted,
    blobBytesWritten,
    memory,
    batchMs: timing.batches.map(round1),
    profile: measured.summary,
  };
}

function round1(value: number): number {
  return round(value, 1);
}

function medianOf(runs: readonly RunResult[], pick: (r: RunResult) => number | null): number | null {
  const values = runs.map(pick).filter((v): v is number => v !== null);
  return values.length ? median(values) : null;
}

function summarizeCase(spec: CaseSpec, runs: RunResult[], source: DistributionSource): CaseResult {
  const folder = source.folders[spec.size];
  const totals = runs.map((r) => r.totalMs);
  const msPerTarget = median(runs.map((r) => r.msPerTarget));
  const rowsAddedByTable: Record<string, number> = {};
  for (const run of runs) for (const [table, n] of Object.entries(run.rowsAddedByTable)) rowsAddedByTable[table] = Math.max(rowsAddedByTable[table] ?? 0, n);
  const peaks = runs.flatMap((r) => (r.memory ? [Math.max(r.memory.peakSampledRss, r.memory.peakKernelRss ?? 0)] : []));
  const growths = runs.flatMap((r) => (r.memory ? [r.memory.growth] : []));
  const cpu = medianOf(runs, (r) => r.cpuSeconds);
  const dbCpu = medianOf(runs, (r) => r.dbCpuSeconds);
  return {
    ...spec,
    label: label(spec, folder.bytes),
    files: folder.files,
    contentBytes: folder.bytes,
    runs,
    totalMs: round1(median(totals)),
    minTotalMs: Math.min(...totals),
    maxTotalMs: Math.max(...totals),
    pushMs: round1(median(runs.map((r) => r.pushMs))),
    executeMs: round1(median(runs.map((r) => r.executeMs))),
    msPerTarget: round(msPerTarget, 2),
    previewMs: round1(median(runs.map((r) => r.previewMs))),
    cpuSeconds: cpu === null ? null : round(cpu, 2),
    dbCpuSeconds: dbCpu === null ? null : round(dbCpu, 2),
    perTargetVsCopy: round(msPerTarget / source.baseline[spec.size].perCopyMs, 5),
    statements: runs[0].statements,
    peakRss: peaks.length ? Math.max(...peaks) : null,
    rssGrowth: growths.length ? Math.max(...growths) : null,
    rowsAddedByTable,
    rowsAdded: Math.max(...runs.map((r) => r.rowsAdded)),
    headsMoved: Math.max(...runs.map((r) => r.headsMoved)),
    treeRowsInserted: Math.max(...runs.map((r) => r.treeRowsInserted)),
    blobBytesWritten: runs.reduce((sum, r) => sum + r.blobBytesWritten, 0),
  };
}

/**
 * Pushes a folder of 10,000 files (about 1 GiB, and about 1 MiB) to the
 * students of a course on one database, in this process, driving the worker
 * as `drain()` does; prints the results against the goals and writes
 * `bench-results/distribution-<dialect>.json`. With BENCH_CPU_PROFILE=<dir>,
 * every measured push is also CPU-profiled into that folder and summarised
 * (the profiler slows the pushes down); BENCH_ROUNDS sets the number of rounds.
 */
export async function runDistribution(dialect: Dialect): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`BENCH_ROUNDS must be a whole number of at least 1, not ${process.env.BENCH_ROUNDS}`);
  const source = readDistributionSource();
  const profileDir = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `stagecoach-bench-distribution-${dialect}-`));
  const started = new Date();
  try {
    // The API role leaves the worker loop off: the benchmark drives the worker itself.
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false', STAGECOACH_ROLE: 'api', REQUEST_BUDGET_POINTS: '0' });
    if (config.dialect !== dialect) throw new Error(`asked for ${dialect} but the configuration selects ${config.dialect}`);
    const db = await openDatabase(config, entities);
    const bus = createEventBus(null);
    try {
      const services = createServices(config, db, bus.pubSub);
      const database = await databaseVersion(db);
      console.log(`\n=== distribution, ${dialect}: ${database} ===`);

      const admin = await createBenchUser(services, `distribution-${dialect}`);
      const argon2 = await timed(async () => {
        for (let i = 0; i < ARGON2_SAMPLES; i++) {
          await services.users.createUser({ email: `bench-argon2-${randomUUID()}@example.org`, name: `Argon2 ${i}`, password: randomBytes(12).toString('hex') });
        }
      });
      const maxTargets = Math.max(...CASES.map((c) => c.targets));
      const students = await timed(() => insertStudents(services, maxTargets, admin.actor.user.passwordHash));

      const libraryId = await createCourseWorkspace(services, admin.actor, 'Bench distribution library');
      const fill = {} as Record<ContentSize, FillResult>;
      for (const size of ['big', 'small'] as const) {
        const folder = source.folders[size];
        fill[size] = await fillFolder(services, admin.actor, libraryId, [size], folder.files, (_, name) =>
          services.blobs.put(createReadStream(path.join(folder.dir, name))),
        );
        if (fill[size].bytes !== folder.bytes) throw new Error(`stored ${fill[size].bytes} bytes of the ${size} folder, expected ${folder.bytes}`);
      }
      const [libraryWorkspace] = await services.workspaces.byIds([libraryId]);
      const library = {} as Library;
      for (const size of ['big', 'small'] as const) {
        const entry = await getEntry(services.trees.reader, libraryWorkspace.rootTreeId, ['files', size]);
        if (!entry) throw new Error(`the library has no files/${size}`);
        library[size] = entry;
      }

      const ctx: RunContext = { services, admin, students: students.result, library, source, dbPid: await localServerPid(db), profileDir: null, courses: 0 };
      const diskBefore = await blobsOnDisk(services);
      const warmUp = await measurePush(ctx, WARM_UP, 0);
      ctx.profileDir = profileDir;
      const runs = new Map<CaseSpec, RunResult[]>(CASES.map((spec) => [spec, []]));
      for (let r = 1; r <= ROUNDS; r++) {
        for (const spec of r % 2 ? CASES : [...CASES].reverse()) {
          const run = await measurePush(ctx, spec, r);
          runs.get(spec)!.push(run);
          console.log(
            `[${dialect}] round ${r}, ${label(spec, source.folders[spec.size].bytes)}: ${round(run.totalMs / 1000, 2)} s ` +
              `(${run.msPerTarget} ms per target; busy-loop CPU share ${run.cpuShare}); course set up in ${round((run.setup.courseMs + run.setup.membersMs) / 1000, 1)} s`,
          );
          if (run.profile) printProfile(dialect, `${label(spec, source.folders[spec.size].bytes)}, round ${r}`, run.profile);
        }
      }
      const diskAfter = await blobsOnDisk(services);
      const cases = CASES.map((spec) => summarizeCase(spec, runs.get(spec)!, source));
      const setup: SetupResult = {
        argon2Samples: ARGON2_SAMPLES,
        argon2MsPerUser: round1(argon2.ms / ARGON2_SAMPLES),
        usersInserted: maxTargets,
        userInsertMs: round1(students.ms),
        fill,
        warmUpTargets: WARM_UP.targets,
        warmUpMs: warmUp.totalMs,
        warmUpTreeRows: warmUp.rowsAddedByTable.tree ?? 0,
        blobsOnDisk: { before: diskBefore, after: diskAfter },
      };

      printSetup(dialect, setup, cases);
      printCases(dialect, cases, source, ctx.dbPid !== null);
      printRows(dialect, cases, setup);
      const goals = goalsOf(dialect, cases, setup);
      printGoals(dialect, goals);
      const file = writeResult('distribution', dialect, {
        benchmark: 'distribution',
        dialect,
        database,
        startedAt: started.toISOString(),
        durationSeconds: round1((Date.now() - started.getTime()) / 1000),
        machine: machine(),
        rounds: ROUNDS,
        source: {
          files: SOURCE_FILES,
          folders: Object.fromEntries(Object.entries(source.folders).map(([k, f]) => [k, { files: f.files, bytesPerFile: f.bytesPerFile, bytes: f.bytes }])),
          baseline: source.baseline,
        },
        setup,
        cases,
        goals,
      });
      console.log(`\n[${dialect}] results written to ${file}`);
    } finally {
      await bus.close();
      await db.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
