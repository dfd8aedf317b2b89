import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { startApp, type RunningApp } from '../app';
import { loadConfig, type Dialect } from '../config';
import type { StudentStatus } from '../modules/assignments/deadlines';
import { HandIn } from '../modules/assignments/hand-in.entity';
import type { User } from '../modules/users/user.entity';
import { Workspace } from '../modules/workspaces/workspace.entity';
import { goalsOf, printBurst, printExports, printSetup, printStatus } from './assignments-report';
import { printProfile, withCpuProfile, type ProfileSummary } from './cpu-profile';
import { actorOf, addMembers, createBenchUser, createCourseWorkspace, databaseVersion, insertStudents, upload } from './fixture';
import { sampleMemoryIfPossible } from './memory-sampler';
import { countStatements, totalStatements } from './query-counter';
import { machine, printGoals, writeResult } from './report';
import { collectGarbage, forEachLimit, median, round, summarize, timed, type Summary } from './stats';
import type { SetupResult, StatusSeries, BurstResult, ZipResult, SheetResult, StatusProfile, Course, StatusPage } from './assignments-types';
/** Students in the course. */
export const STUDENTS = 1000;
/** Data files of the material, beside a notebook and an answers template: 20 files. */
const DATA_FILES = 18;
const FILE_BYTES = 10 * 1024;
/** Hand-ins in flight at once during the burst. */
export const BURST_CONCURRENCY = 50;
/** Uploads in flight at once while the students edit (setup). */
const EDIT_CONCURRENCY = 8;
/** How long before the deadline the burst starts; the assignment rejects late hand-ins, so a hand-in after it is an error. */
const DEADLINE_MARGIN_MS = 90_000;
/** Timed repetitions of one status request (100: the p99 is the second slowest). */
const STATUS_RUNS = 100;
/** Timed repetitions of reading every page of the status. */
const SWEEP_RUNS = 10;
/** Calls before a timed series, so it finds compiled code and warm caches. */
const WARM_UP = 5;
const SHEET_RUNS = 5;
const PAGE = 100;

/** The hand-in path; the sealed tree holds files/, files/hw/ and files/hw/data/ and the 20 files. */
const HAND_IN_PATH = 'files/hw';
const SEALED_FOLDERS = 3;
const MATERIAL_FILES = DATA_FILES + 2;

const STATUS_QUERY = `query BenchStatuses($a: ID!, $first: Int!, $after: String) {
  handInStatuses(assignmentId: $a, first: $first, after: $after) { totalCount nodes { status student { name } } pageInfo { hasNextPage endCursor } }
}`;

function round1(value: number): number {
  return round(value, 1);
}

/** Digits in CSV: about as compressible as real measurements. */
function csvData(bytes: number, seed: string): Buffer {
  const lines = [`# ${seed}`, 'id,x,y,z'];
  let size = lines[0].length + lines[1].length + 2;
  for (let i = 0; size < bytes; i++) {
    const line = `${i},${Math.random().toFixed(6)},${(Math.random() * 1000).toFixed(3)},${Math.floor(Math.random() * 1e6)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`.slice(0, bytes));
}

function notebook(seed: string, extraCell?: string): Buffer {
  const code = Array.from({ length: 60 }, (_, i) => `values_${i} = [${Array.from({ length: 12 }, () => Math.random().toFixed(4)).join(', ')}]\n`);
  const cells: unknown[] = [
    { cell_type: 'markdown', metadata: {}, source: [`# Homework 1 (${seed})\n`, 'Load the data and answer in answers.md.\n'] },
    { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: code },
  ];
  if (extraCell) cells.push({ cell_type: 'code', execution_count: 1, metadata: {}, outputs: [{ output_type: 'stream', name: 'stdout', text: [extraCell] }], source: ['print(result)\n'] });
  return Buffer.from(JSON.stringify({ cells, metadata: { kernelspec: { name: 'python3' } }, nbformat: 4, nbformat_minor: 5 }, null, 1));
}

function answers(student: User, index: number): Buffer {
  const lines = [`# Answers of ${student.name}`, ''];
  for (let q = 1; q <= 12; q++) lines.push(`${q}. ${randomBytes(24).toString('base64')} (student ${index}, question ${q})`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * The course: 1,000 students inserted directly and added as members, the
 * material (a notebook, an answers template and 18 data files of about 10 KiB)
 * uploaded to the MASTER workspace, an assignment on files/hw released by the
 * worker (a push to every student), then two edits by every student (their
 * answers and their notebook), so every hand-in differs.
 */
async function setUp(app: RunningApp, dialect: Dialect, profileDir: string | null): Promise<{ course: Course; setup: SetupResult }> {
  const { services } = app;
  const admin = await createBenchUser(services, `assignments-${dialect}`);
  const inserted = await timed(() => insertStudents(services, STUDENTS, admin.actor.user.passwordHash));
  const students = inserted.result;
  const actors = students.map(actorOf);
  const masterId = await createCourseWorkspace(services, admin.actor, 'Bench assignments course');
  const [master] = await services.workspaces.byIds([masterId]);
  const spaceId = master.spaceId;
  const members = await timed(() => addMembers(services, admin.actor, spaceId, students));

  let materialBytes = 0;
  const material = await timed(async () => {
    const files: [string, Buffer][] = [
      [`${HAND_IN_PATH}/notebook.ipynb`, notebook('material')],
      [`${HAND_IN_PATH}/answers.md`, Buffer.from('# Answers\n\n1.\n2.\n3.\n')],
      ...Array.from({ length: DATA_FILES }, (_, i): [string, Buffer] => [
        `${HAND_IN_PATH}/data/part-${String(i + 1).padStart(2, '0')}.csv`,
        csvData(FILE_BYTES, `part ${i + 1}`),
      ]),
    ];
    for (const [filePath, content] of files) {
      await upload(services, admin.actor, masterId, filePath, content);
      materialBytes += content.length;
    }
  });

  const release = await timed(async () => {
    const assignment = await services.assignments.create(admin.actor, {
      spaceId,
      title: 'Homework 1',
      instructions: 'Answer in answers.md; keep your notebook.',
      source: { workspaceId: masterId },
      paths: [HAND_IN_PATH],
      deadline: new Date(Date.now() + 3_600_000),
      latePolicy: { mode: 'REJECT' },
      maxPoints: 20,
    });
    await services.worker.drain();
    return assignment.id;
  });
  const assignmentId = release.result;
  const released = await services.assignments.get(admin.actor, assignmentId);
  if (!released.releasedAt || !released.distributionId) throw new Error('the worker did not release the assignment');
  const distribution = await services.distributions.get(admin.actor, released.distributionId);
  const counts = await services.distributions.counts(released.distributionId);
  if (distribution.status !== 'SUCCEEDED' || counts.byStatus.SUCCEEDED < STUDENTS) {
    throw new Error(`the release ended ${distribution.status} with ${JSON.stringify(counts.byStatus)}`);
  }

  const workspaces = await services.db.manager.find(Workspace, { where: { spaceId, kind: 'PERSONAL' } });
  const workspaceOf = new Map(workspaces.map((w) => [w.ownerId, w.id]));
  let editBytes = 0;
  const edits = await timed(() =>
    forEachLimit(students, EDIT_CONCURRENCY, async (student, i) => {
      const workspaceId = workspaceOf.get(student.id);
      if (!workspaceId) throw new Error(`${student.name} has no personal workspace`);
      const mine = answers(student, i);
      const book = notebook('material', `result = ${randomBytes(16).toString('hex')} (${student.name})\n`);
      await upload(services, actors[i], workspaceId, `${HAND_IN_PATH}/answers.md`, mine);
      await upload(services, actors[i], workspaceId, `${HAND_IN_PATH}/notebook.ipynb`, book);
      editBytes += mine.length + book.length;
    }),
  );
  // The status counts a student's commits as activity; let the commit listeners settle.
  await new Promise((resolve) => setTimeout(resolve, 200));

  return {
    course: { app, services, admin, assignmentId, students, actors, profileDir },
    setup: {
      students: STUDENTS,
      materialFiles: MATERIAL_FILES,
      materialBytes,
      userInsertMs: round1(inserted.ms),
      membersMs: round1(members.ms),
      materialMs: round1(material.ms),
      releaseMs: round1(release.ms),
      releaseTargets: counts.byStatus.SUCCEEDED,
      editsPerStudent: 2,
      editConcurrency: EDIT_CONCURRENCY,
      editsMs: round1(edits.ms),
      editBytes,
    },
  };
}

function checkStatuses(where: string, statuses: readonly StudentStatus[], expected: StudentStatus, count: number): void {
  const wrong = statuses.filter((s) => s !== expected);
  if (statuses.length !== count || wrong.length) {
    throw new Error(`${where}: ${statuses.length} rows, ${wrong.length} not ${expected} (e.g. ${wrong[0] ?? '-'}), expected ${count} ${expected}`);
  }
}

/** One request of the status through the service, as the resolver asks it. */
async function servicePage(course: Course, expected: StudentStatus, after: string | null = null) {
  const page = await course.services.status.list(course.admin.actor, course.assignmentId, { first: PAGE, after });
  if (page.totalCount !== STUDENTS || page.counts[expected] !== STUDENTS) {
    throw new Error(`the status lists ${page.totalCount} students with counts ${JSON.stringify(page.counts)}, expected ${STUDENTS} ${expected}`);
  }
  return page;
}

async function serviceSweep(course: Course, expected: StudentStatus): Promise<number> {
  const statuses: StudentStatus[] = [];
  let after: string | null = null;
  let requests = 0;
  for (;;) {
    const page = await servicePage(course, expected, after);
    requests++;
    statuses.push(...page.nodes.map((r) => r.status));
    if (!page.hasNextPage) break;
    after = page.cursors.at(-1) ?? null;
  }
  checkStatuses('status, every page', statuses, expected, STUDENTS);
  return requests;
}

/** POSTs the status query; returns the page and the response size. */
async function httpPage(course: Course, after: string | null): Promise<{ page: StatusPage; bytes: number }> {
  const response = await fetch(`${course.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${course.admin.token}` },
    body: JSON.stringify({ query: STATUS_QUERY, variables: { a: course.assignmentId, first: PAGE, after } }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: { handInStatuses: StatusPage }; errors?: { message: string }[] };
  const page = body.data?.handInStatuses;
  if (!response.ok || body.errors || !page || page.totalCount !== STUDENTS) {
    throw new Error(`GraphQL handInStatuses failed (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
  return { page, bytes: Buffer.byteLength(text) };
}

async function httpSweep(course: Course, expected: StudentStatus): Promise<{ requests: number; bytes: number }> {
  const statuses: StudentStatus[] = [];
  let after: string | null = null;
  let requests = 0;
  let bytes = 0;
  for (;;) {
    const { page, bytes: size } = await httpPage(course, after);
    requests++;
    bytes += size;
    statuses.push(...page.nodes.map((n) => n.status));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  checkStatuses('GraphQL status, every page', statuses, expected, STUDENTS);
  return { requests, bytes };
}

/**
 * A turn of the event loop with its timers. Calls through the service on
 * SQLite never leave the microtask queue (the driver answers synchronously),
 * so a long series of them holds back every timer, the HTTP server's
 * keep-alive timeout too: the next request would go out on the idle
 * connection just as that timer closes it (ECONNRESET). Afterwards the
 * server has closed what it meant to close, and the client connects anew.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

/** Warms up, then times `runs` calls of `once`. */
async function series(runs: number, once: () => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < WARM_UP; i++) await once();
  collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(once)).ms);
  return summarize(samples);
}

async function profiled<T>(course: Course, name: string, work: () => Promise<T>): Promise<{ result: T; profile: ProfileSummary | null }> {
  if (!course.profileDir) return { result: await work(), profile: null };
  const dialect = course.services.db.dialect;
  const { result, summary } = await withCpuProfile(path.join(course.profileDir, `assignments-${dialect}-${name}.cpuprofile`), work);
  return { result, profile: summary };
}

/**
 * The status of all 1,000 students, four ways: one request (which computes
 * every student's status and returns the first page of 100 with the counts)
 * and every page in turn, through StatusService.list and as the GraphQL
 * request over HTTP. With a CPU profile folder, the service's first page is
 * also profiled.
 */
async function measureStatus(course: Course, phase: StatusSeries['phase'], expected: StudentStatus, profiles: StatusProfile[]): Promise<StatusSeries[]> {
  const out: StatusSeries[] = [];
  const first = (await servicePage(course, expected)).nodes.map((r) => r.status);
  checkStatuses('status, first page', first, expected, PAGE);
  const page = await profiled(course, `status-service-${phase.replace(/ /g, '-')}`, () => series(STATUS_RUNS, () => servicePage(course, expected)));
  if (page.profile) profiles.push({ label: `status, service, first page, ${phase} (${STATUS_RUNS + WARM_UP} calls)`, profile: page.profile });
  out.push({ phase, via: 'service', scope: 'first page', requestsPerRun: 1, expected, summary: page.result, responseBytes: null });
  let requests = 0;
  const sweep = await series(SWEEP_RUNS, async () => {
    requests = await serviceSweep(course, expected);
  });
  out.push({ phase, via: 'service', scope: 'all pages', requestsPerRun: requests, expected, summary: sweep, responseBytes: null });

  let bytes = 0;
  await settle();
  const http = await series(STATUS_RUNS, async () => {
    const answer = await httpPage(course, null);
    checkStatuses('GraphQL status, first page', answer.page.nodes.map((n) => n.status), expected, PAGE);
    bytes = answer.bytes;
  });
  out.push({ phase, via: 'HTTP GraphQL', scope: 'first page', requestsPerRun: 1, expected, summary: http, responseBytes: bytes });
  let sweepBytes = 0;
  const httpAll = await series(SWEEP_RUNS, async () => {
    const answer = await httpSweep(course, expected);
    requests = answer.requests;
    sweepBytes = answer.bytes;
  });
  out.push({ phase, via: 'HTTP GraphQL', scope: 'all pages', requestsPerRun: requests, expected, summary: httpAll, responseBytes: sweepBytes });
  return out;
}

/**
 * Moves the deadline to shortly ahead (late hand-ins are rejected), then
 * every student hands in through HandInsService.handIn, `BURST_CONCURRENCY`
 * at a time. Errors are counted, not thrown.
 */
async function measureBurst(course: Course): Promise<BurstResult> {
  const { services } = course;
  const deadline = new Date(Date.now() + DEADLINE_MARGIN_MS);
  await services.assignments.update(course.admin.actor, course.assignmentId, { deadline });
  const latencies: number[] = new Array(STUDENTS);
  const errors: string[] = [];
  const receipts = new Set<string>();
  let late = 0;
  let lastAt = 0;
  collectGarbage();
  const counter = countStatements(services.db);
  const start = performance.now();
  const startedAt = Date.now();
  const { result: run, memory } = await sampleMemoryIfPossible(process.pid, () =>
    profiled(course, 'burst', () =>
      forEachLimit(course.actors, BURST_CONCURRENCY, async (actor, i) => {
        const began = performance.now();
        try {
          const { handIn, late: isLate } = await services.handIns.handIn(actor, course.assignmentId, { allowMissing: false, message: 'final answers' });
          receipts.add(handIn.rootTreeId);
          if (isLate) late++;
          lastAt = Math.max(lastAt, handIn.handedInAt.getTime());
        } catch (error) {
          errors.push(`${actor.user.name}: ${(error as Error).message}`);
        }
        latencies[i] = performance.now() - began;
      }),
    ),
  );
  const ms = performance.now() - start;
  const statements = counter.stop();
  const storedHandIns = await services.db.manager.count(HandIn, { where: { assignmentId: course.assignmentId } });
  return {
    handIns: STUDENTS,
    concurrency: BURST_CONCURRENCY,
    seconds: round(ms / 1000, 2),
    perSecond: round1((STUDENTS - errors.length) / (ms / 1000)),
    latency: summarize(latencies),
    errors: errors.length,
    errorSamples: errors.slice(0, 5),
    late,
    distinctReceipts: receipts.size,
    storedHandIns,
    deadlineAfterStartMs: deadline.getTime() - startedAt,
    lastBeforeDeadlineMs: lastAt ? deadline.getTime() - lastAt : 0,
    statements,
    statementsPerHandIn: round(totalStatements(statements) / STUDENTS, 1),
    memory,
    profile: run.profile,
  };
}

/** Reads a stream to its end, counting bytes (also in `progress` as they come) and keeping the last `keep` of them. */
async function drainStream(stream: Readable, keep: number, progress = { bytes: 0 }): Promise<{ bytes: number; firstByteMs: number; tail: Buffer }> {
  const start = performance.now();
  let firstByteMs = -1;
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (firstByteMs < 0) firstByteMs = performance.now() - start;
    progress.bytes += buffer.length;
    tail = buffer.length >= keep ? buffer.subarray(buffer.length - keep) : Buffer.concat([tail, buffer]).subarray(-keep);
  }
  return { bytes: progress.bytes, firstByteMs, tail: Buffer.from(tail) };
}

/**
 * A zip's end-of-central-directory record (the last 22 bytes, the zip having
 * no comment): entries counted, and where the central directory starts and
 * how long it is; null when the tail is not one (or is a zip64 one).
 */
function zipEnd(tail: Buffer): { entries: number; centralBytes: number; centralOffset: number } | null {
  const at = tail.length - 22;
  if (at < 0 || tail.readUInt32LE(at) !== 0x06054b50) return null;
  const entries = tail.readUInt16LE(at + 10);
  const centralBytes = tail.readUInt32LE(at + 12);
  const centralOffset = tail.readUInt32LE(at + 16);
  return entries === 0xffff || centralOffset === 0xffffffff ? null : { entries, centralBytes, centralOffset };
}

/**
 * The zip of every hand-in, read to its end while the process's resident
 * memory is sampled every 50 ms, with a timeline of memory against the bytes
 * read (so a rise can be placed: while the entries stream, or at the end).
 */
async function measureZip(course: Course): Promise<ZipResult> {
  const { services } = course;
  collectGarbage();
  const progress = { bytes: 0 };
  const samples: { ms: number; rss: number; heap: number; bytes: number }[] = [];
  const start = performance.now();
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ ms: performance.now() - start, rss, heap: heapUsed, bytes: progress.bytes });
  };
  sample();
  const timer = setInterval(sample, 50);
  let measured;
  try {
    measured = await sampleMemoryIfPossible(process.pid, () =>
      profiled(course, 'zip', async () => {
        const download = await services.gradeExports.handInsZip(course.admin.actor, course.assignmentId);
        const callMs = performance.now() - start;
        const read = await drainStream(download.stream, 22, progress);
        return { callMs, firstByteMs: callMs + read.firstByteMs, totalMs: performance.now() - start, bytes: read.bytes, tail: read.tail };
      }),
    );
  } finally {
    clearInterval(timer);
  }
  sample();
  const { result, memory } = measured;
  const zip = result.result;
  const end = zipEnd(zip.tail);
  const startRss = memory?.startRss ?? samples[0].rss;
  const growth = (phase: typeof samples) => (phase.length ? Math.max(0, Math.max(...phase.map((x) => x.rss)) - startRss) : null);
  collectGarbage();
  const { rss, heapUsed, external } = process.memoryUsage();
  return {
    handIns: STUDENTS,
    bytes: zip.bytes,
    entries: end?.entries ?? null,
    expectedEntries: 1 + STUDENTS * (1 + SEALED_FOLDERS + MATERIAL_FILES),
    callMs: round1(zip.callMs),
    firstByteMs: round1(zip.firstByteMs),
    totalMs: round1(zip.totalMs),
    mbPerSecond: round1(zip.bytes / 1e6 / (zip.totalMs / 1000)),
    memory,
    entriesGrowth: end ? growth(samples.filter((x) => x.bytes < end.centralOffset)) : null,
    centralDirectoryGrowth: end ? growth(samples.filter((x) => x.bytes >= end.centralOffset)) : null,
    centralDirectoryBytes: end?.centralBytes ?? null,
    timeline: samples.map((x) => [Math.round(x.ms), round1(x.rss / 1e6), round1(x.heap / 1e6), round1(x.bytes / 1e6)]),
    afterGc: { rss, heapUsed, external },
    profile: result.profile,
  };
}

async function measureSheet(course: Course, format: 'csv' | 'xlsx'): Promise<SheetResult> {
  const { services } = course;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < SHEET_RUNS; i++) {
    const run = await timed(async () => {
      const download =
        format === 'csv'
          ? await services.gradeExports.gradesCsv(course.admin.actor, course.assignmentId)
          : await services.gradeExports.gradesXlsx(course.admin.actor, course.assignmentId);
      return drainStream(download.stream, 0);
    });
    times.push(run.ms);
    bytes = run.result.bytes;
  }
  if (bytes === 0) throw new Error(`the ${format} grade sheet is empty`);
  return { format, runs: SHEET_RUNS, medianMs: round1(median(times)), minMs: round1(Math.min(...times)), maxMs: round1(Math.max(...times)), bytes };
}

/**
 * The assignments benchmark on one database, in this process: a course of
 * 1,000 students; the status query before and after the hand-ins; 1,000
 * hand-ins in a burst just before the deadline; the zip of every hand-in and
 * the grade sheets. Prints the results against the goals and writes
 * `bench-results/assignments-<dialect>.json`. The app runs in the API role:
 * the benchmark drives the worker itself. With BENCH_CPU_PROFILE=<dir>, the
 * burst, the status series through the service and the zip are CPU-profiled
 * into that folder and summarised (the profiler slows them down).
 */
export async function runAssignments(dialect: Dialect): Promise<void> {
  const profileDir = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `stagecoach-bench-assignments-${dialect}-`));
  const started = new Date();
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false', STAGECOACH_ROLE: 'api', REQUEST_BUDGET_POINTS: '0' });
    if (config.dialect !== dialect) throw new Error(`asked for ${dialect} but the configuration selects ${config.dialect}`);
    const app = await startApp(config);
    try {
      const database = await databaseVersion(app.db);
      console.log(`\n=== assignments, ${dialect}: ${database} ===`);
      const setupStart = performance.now();
      const { course, setup } = await setUp(app, dialect, profileDir);
      console.log(`[${dialect}] course of ${STUDENTS.toLocaleString('en')} students set up in ${round((performance.now() - setupStart) / 1000, 1)} s`);

      const profiles: StatusProfile[] = [];
      const status = await measureStatus(course, 'before the burst', 'IN_PROGRESS', profiles);
      console.log(`[${dialect}] status before the burst measured`);
      const burst = await measureBurst(course);
      console.log(`[${dialect}] burst: ${burst.handIns} hand-ins in ${burst.seconds} s, ${burst.errors} errors`);
      status.push(...(await measureStatus(course, 'after the burst', 'HANDED_IN', profiles)));
      console.log(`[${dialect}] status after the burst measured`);
      const zip = await measureZip(course);
      const sheets = [await measureSheet(course, 'csv'), await measureSheet(course, 'xlsx')];

      printSetup(dialect, setup);
      printStatus(dialect, status);
      printBurst(dialect, burst);
      printExports(dialect, zip, sheets);
      if (burst.profile) printProfile(dialect, 'hand-in burst', burst.profile);
      for (const p of profiles) printProfile(dialect, p.label, p.profile);
      if (zip.profile) printProfile(dialect, 'zip of every hand-in', zip.profile);
      const goals = goalsOf(dialect, status, burst, zip);
      printGoals(dialect, goals);
      const file = writeResult('assignments', dialect, {
        benchmark: 'assignments',
        dialect,
        database,
        startedAt: started.toISOString(),
        durationSeconds: round1((Date.now() - started.getTime()) / 1000),
        machine: machine(),
        setup,
        status,
        burst,
        zip,
        sheets,
        goals,
      });
      console.log(`\n[${dialect}] results written to ${file}`);
    } finally {
      await app.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
