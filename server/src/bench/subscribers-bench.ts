import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp, type RunningApp } from '../app';
import { loadConfig, type Dialect } from '../config';
import { DistributionTarget } from '../modules/distributions/distribution-target.entity';
import { Distribution } from '../modules/distributions/distribution.entity';
import type { User } from '../modules/users/user.entity';
import { Workspace } from '../modules/workspaces/workspace.entity';
import { printProfile, withCpuProfile } from './cpu-profile';
import { cpuTicksOf, USER_HZ } from './memory-sampler';
import { actorOf, addMembers, createBenchUser, createCourseWorkspace, databaseVersion, fillFolder, insertStudents, type BenchUser } from './fixture';
import { countStatements, totalStatements } from './query-counter';
import { printGoals, printTable, writeResult, type Goal } from './report';
import { forEachLimit, median, round, timed } from './stats';
import type { LatencyReport } from './subscriber-clients';
import { startClients, type Clients } from './subscriber-clients-process';

/** Students in the course; BENCH_STUDENTS=2000 measures the space page at 2,000 (a longer run). */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1000);
const FILES = 100;
/** BENCH_PROGRESS_SUBSCRIBERS=0,100 measures only those counts. */
const PROGRESS_SUBSCRIBERS = (process.env.BENCH_PROGRESS_SUBSCRIBERS ?? `0,100,${STUDENTS}`).split(',').map(Number);
const STAFF_WATCHERS = 20;
/** BENCH_CPU_PROFILE=<folder> writes a CPU profile of the server during each push there, with a summary. */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
const HAND_IN_CONCURRENCY = 50;
const SMALL_COURSE = 100;
const PAGE_RUNS = 5;

/** What the dashboard's space page asks for (web/src/modules/spaces/graphql/space.query.ts with its fragments). */
const SPACE_PAGE = `query Space($id: ID!) { space(id: $id) { id name kind description myRole tasGrantExtensions canGrantExtensions
  workspaces { id name kind version ownerId canWrite owner { email } } } }`;
/** What the distribution page subscribes to (its first event lists the targets already finished). */
const PROGRESS_PAGE = `subscription($id: ID!) { distributionProgress(id: $id) { final counts { total done succeeded failed }
  distribution { id status startedAt finishedAt } finished { id workspaceId status attempts error finishedAt snapshotId
  workspace { id name kind } counts { added replaced unchanged } } } }`;

/** Figures measured on this code before subscriptions shared their reads and before the space page was measured here. */
const EARLIER = {
  spacePage: '41 statements for 12 workspaces, 311 for 102',
  push: 'a push with 1,000 progress subscribers took 207 s against 7.7 s with 100',
};

/** Whether the distribution has ended (succeeded, failed or was cancelled). */
async function finished(services: RunningApp['services'], distributionId: string): Promise<boolean> {
  const { status } = await services.db.manager.findOneByOrFail(Distribution, { id: distributionId });
  return status !== 'QUEUED' && status !== 'RUNNING';
}

/** Waits until `test` holds, looking every 20 ms, for at most `ms`. */
async function poll(test: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The highest resident set size of this (the server's) process while `work` runs. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; rssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  try {
    const result = await work();
    return { result, rssMb: round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20, 0) };
  } finally {
    clearInterval(timer);
  }
}

interface Course {
  app: RunningApp;
  admin: BenchUser;
  spaceId: string;
  masterId: string;
  students: User[];
  pushes: number;
}

async function setUp(app: RunningApp, dialect: Dialect): Promise<{ course: Course; small: string }> {
  const { services } = app;
  const admin = await createBenchUser(services, `subscribers-${dialect}`);
  const students = await insertStudents(services, STUDENTS, admin.actor.user.passwordHash);
  const masterId = await createCourseWorkspace(services, admin.actor, 'Bench subscribers course');
  const [master] = await services.workspaces.byIds([masterId]);
  await addMembers(services, admin.actor, master.spaceId, students);
  const smallMaster = await createCourseWorkspace(services, admin.actor, 'Bench small course');
  const [small] = await services.workspaces.byIds([smallMaster]);
  await addMembers(services, admin.actor, small.spaceId, students.slice(0, SMALL_COURSE));
  return { course: { app, admin, spaceId: master.spaceId, masterId, students, pushes: 0 }, small: small.spaceId };
}

interface PushResult {
  subscribers: number;
  kind: 'progress' | 'workspaceChanged';
  pushSeconds: number;
  latency: LatencyReport | null;
  rssMb: number;
  /** CPU seconds during the push: the server process (API and worker thread) and the clients' process. */
  serverCpu: number;
  clientsCpu: number;
  distributionId: string;
}

/**
 * A push of a new folder of 100 files to every student, with `subscribers`
 * clients watching its progress or (`workspaces`) one client per student
 * workspace watching it change. Times the worker from the first target to the
 * last, and each event's arrival at each client from the moment the target's
 * commit was announced.
 */
async function measurePush(course: Course, clients: Clients, subscribers: number, kind: PushResult['kind']): Promise<PushResult> {
  const { services } = course.app;
  const folder = `push-${++course.pushes}`;
  await fillFolder(services, course.admin.actor, course.masterId, [folder], FILES);
  const distribution = await services.distributions.push(course.admin.actor, {
    source: { workspaceId: course.masterId },
    paths: [`files/${folder}`],
    targets: { spaceId: course.spaceId },
    message: `material ${course.pushes}`,
  });
  const url = course.app.url;
  const token = course.admin.token;
  let workspaceIds: string[] = [];
  if (kind === 'progress' && subscribers > 0) {
    const opening = performance.now();
    await clients.send({ type: 'progress', url, token, count: subscribers, distributionId: distribution.id });
    await clients.send({ type: 'until', what: 'first' });
    console.log(`  ${subscribers} progress subscriptions open in ${round((performance.now() - opening) / 1000, 1)} s`);
  } else if (kind === 'workspaceChanged') {
    const personal = await services.db.manager.find(Workspace, { where: { spaceId: course.spaceId, kind: 'PERSONAL' }, select: { id: true } });
    workspaceIds = personal.map((w) => w.id);
    await clients.send({ type: 'workspaces', url, token, workspaceIds });
    await poll(() => workspaceIds.every((id) => services.workspaceLive.watchers(id) > 0), 60_000, 'the workspace subscriptions');
  }
  await clients.send({ type: 'reset' });
  // When each target's commit was announced, heard in this process straight from the event bus.
  const announced: Record<string, number> = {};
  const bus = services.events.subscribe('DISTRIBUTION_PROGRESS', distribution.id)[Symbol.asyncIterator]();
  let ended = () => undefined as void;
  const over = new Promise<void>((resolve) => (ended = resolve));
  const listening = (async () => {
    for (;;) {
      const next = await bus.next();
      if (next.done) return;
      if (next.value.targetId) announced[next.value.targetId] = Date.now();
      else if (await finished(services, distribution.id)) ended();
    }
  })();
  // As the product runs it: the worker thread, taking from the queue once the subscribers listen, until the push's end is announced.
  const thread = course.app.workerThread;
  const drain = async () => {
    if (!thread) return (await timed(() => services.worker.drain())).ms;
    await thread.resume();
    const ms = (await timed(() => over)).ms;
    await thread.pause();
    return ms;
  };
  const cpuAtStart = [cpuTicksOf(process.pid), cpuTicksOf(clients.pid)];
  const { result: ms, rssMb } = await peakRss(async () => {
    if (!PROFILE_DIR) return drain();
    const file = path.join(PROFILE_DIR, `subscribers-${subscribers}-${kind}.cpuprofile`);
    const { result, summary } = await withCpuProfile(file, drain);
    printProfile('subscribers', `push watched by ${subscribers} ${kind}`, summary);
    return result;
  });
  const [serverCpu, clientsCpu] = [process.pid, clients.pid].map((pid, i) => round((cpuTicksOf(pid) - cpuAtStart[i]) / USER_HZ, 2));
  console.log(`  pushed in ${round(ms / 1000, 1)} s`);
  let latency: LatencyReport | null = null;
  if (kind === 'progress' && subscribers > 0) {
    await clients.send({ type: 'until', what: 'final' });
    latency = (await clients.send({ type: 'latency', sentAt: announced })) as LatencyReport;
  } else if (kind === 'workspaceChanged') {
    await clients.send({ type: 'untilEveryWorkspace' });
    const targets = await services.db.manager.find(DistributionTarget, { where: { distributionId: distribution.id }, select: { id: true, workspaceId: true } });
    const byWorkspace = Object.fromEntries(targets.map((t) => [t.workspaceId, announced[t.id]]));
    latency = (await clients.send({ type: 'latency', sentAt: byWorkspace })) as LatencyReport;
  }
  await bus.return?.();
  await listening;
  await clients.send({ type: 'close' });
  return { subscribers, kind, pushSeconds: round(ms / 1000, 2), latency, rssMb, serverCpu, clientsCpu, distributionId: distribution.id };
}

interface HandInResult {
  watchers: number;
  seconds: number;
  statementsPerHandIn: number;
}

/** Every student hands in once (50 at a time) while `watchers` staff clients follow the statuses; statements until every watcher heard of every student. */
async function measureHandIns(course: Course, clients: Clients, assignmentId: string, watchers: number): Promise<HandInResult> {
  const { services } = course.app;
  if (watchers > 0) {
    await clients.send({ type: 'statuses', url: course.app.url, token: course.admin.token, count: watchers, assignmentId });
    await poll(() => services.assignmentLive.statusWatchers(assignmentId) >= watchers, 60_000, 'the status subscriptions');
  }
  await clients.send({ type: 'reset' });
  const counter = countStatements(services.db);
  const { ms } = await timed(async () => {
    await forEachLimit(course.students, HAND_IN_CONCURRENCY, async (student) => {
      await services.handIns.handIn(actorOf(student), assignmentId, { allowMissing: true });
    });
    if (watchers > 0) await clients.send({ type: 'untilStudents', students: course.students.length });
  });
  const statements = totalStatements(counter.stop());
  await clients.send({ type: 'close' });
  return { watchers, seconds: round(ms / 1000, 2), statementsPerHandIn: round(statements / course.students.length, 1) };
}

interface PageResult {
  page: string;
  students: number;
  statements: number;
  ms: number;
  kb: number;
}

/** The space page as the dashboard loads it: statements, median time over 5 loads and the response's size. */
async function measureSpacePage(course: Course, spaceId: string, students: number): Promise<PageResult> {
  const { services } = course.app;
  const load = async () => {
    const response = await fetch(`${course.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${course.admin.token}` },
      body: JSON.stringify({ query: SPACE_PAGE, variables: { id: spaceId } }),
    });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(`the space page failed: ${text.slice(0, 300)}`);
    return text.length;
  };
  await load();
  const counter = countStatements(services.db);
  const bytes = await load();
  const statements = totalStatements(counter.stop());
  const times: number[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) times.push((await timed(load)).ms);
  return { page: 'space page', students, statements, ms: round(median(times), 1), kb: round(bytes / 1024, 1) };
}

/** Opening a finished push's page: its subscription's first event, with every finished target (up to 1,000). */
async function measureFirstProgressEvent(course: Course, distributionId: string): Promise<PageResult> {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  const client = createClient({ url: `${course.app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${course.admin.token}` } });
  try {
    const counter = countStatements(course.app.services.db);
    const start = performance.now();
    const bytes = await new Promise<number>((resolve, reject) => {
      const stop = client.subscribe(
        { query: PROGRESS_PAGE, variables: { id: distributionId } },
        {
          next: (value) => {
            stop();
            resolve(JSON.stringify(value).length);
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    const ms = performance.now() - start;
    return { page: 'first progress event of a finished push', students: STUDENTS, statements: totalStatements(counter.stop()), ms: round(ms, 1), kb: round(bytes / 1024, 1) };
  } finally {
    await client.dispose();
  }
}

/**
 * The subscribers benchmark on one database: a course of 1,000 students (set
 * by BENCH_STUDENTS); a 100-file push watched by 0, 100 and 1,000 progress
 * subscribers and by one workspaceChanged subscriber per student; every
 * student handing in, unwatched and watched by 20 staff; the space page at 100
 * students and at the course's size; the first progress event of a finished
 * 1,000-target push. The clients are real graphql-ws clients over the app's
 * HTTP server, in a child process.
 */
export async function runSubscribers(dialect: Dialect): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `stagecoach-bench-subscribers-${dialect}-`));
  const started = new Date();
  const clients = startClients();
  try {
    // The worker on its own thread, as an `all` process runs it (WORKER_THREAD=false: inline, driven by the benchmark).
    const role = process.env.WORKER_THREAD === 'false' ? 'api' : 'all';
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false', STAGECOACH_ROLE: role, REQUEST_BUDGET_POINTS: '0' });
    const app = await startApp(config);
    // Each push runs once its subscribers listen: the thread takes from the queue only while one is measured.
    await app.workerThread?.pause();
    try {
      const database = await databaseVersion(app.db);
      console.log(`\n=== subscribers, ${dialect}: ${database} ===`);
      const setup = await timed(() => setUp(app, dialect));
      const { course, small } = setup.result;
      console.log(`[${dialect}] course of ${STUDENTS.toLocaleString('en')} students set up in ${round(setup.ms / 1000, 1)} s`);

      // One push first, unmeasured, so every measured push runs on a warmed-up worker (the first is compiled as it goes).
      await measurePush(course, clients, 0, 'progress');
      const pushes: PushResult[] = [];
      for (const n of PROGRESS_SUBSCRIBERS) {
        pushes.push(await measurePush(course, clients, n, 'progress'));
        console.log(`[${dialect}] push watched by ${n} progress subscribers: ${pushes.at(-1)!.pushSeconds} s`);
      }
      pushes.push(await measurePush(course, clients, STUDENTS, 'workspaceChanged'));
      console.log(`[${dialect}] push watched by ${STUDENTS} workspace subscribers: ${pushes.at(-1)!.pushSeconds} s`);

      const assignment = await app.services.assignments.create(course.admin.actor, {
        spaceId: course.spaceId,
        title: 'Homework',
        instructions: '',
        source: { workspaceId: course.masterId },
        paths: ['files/push-1'],
        deadline: new Date(Date.now() + 3_600_000),
        maxPoints: 10,
      });
      await app.services.worker.drain();
      const handIns = [await measureHandIns(course, clients, assignment.id, 0), await measureHandIns(course, clients, assignment.id, STAFF_WATCHERS)];

      const pages = [
        await measureSpacePage(course, small, SMALL_COURSE),
        await measureSpacePage(course, course.spaceId, STUDENTS),
        await measureFirstProgressEvent(course, pushes[0].distributionId),
      ];

      const none = pushes[0].pushSeconds;
      printTable(
        `[${dialect}] a ${FILES}-file push to ${STUDENTS.toLocaleString('en')} students`,
        ['subscribers', 'push s', 'vs none', 'latency p50 ms', 'p99 ms', 'max ms', 'arrivals', 'server RSS MB', 'server CPU s', 'clients CPU s'],
        pushes.map((p) => [
          `${p.subscribers} ${p.kind}`,
          p.pushSeconds,
          `${round(p.pushSeconds / none, 2)}×`,
          p.latency?.p50 ?? '-',
          p.latency?.p99 ?? '-',
          p.latency?.max ?? '-',
          p.latency ? `${p.latency.arrivals}${p.latency.missing ? ` (${p.latency.missing} never heard)` : ''}` : '-',
          p.rssMb,
          p.serverCpu,
          p.clientsCpu,
        ]),
      );
      printTable(
        `[${dialect}] ${STUDENTS.toLocaleString('en')} hand-ins, ${HAND_IN_CONCURRENCY} at a time`,
        ['staff watching', 'seconds', 'SQL statements per hand-in'],
        handIns.map((h) => [h.watchers, h.seconds, h.statementsPerHandIn]),
      );
      printTable(`[${dialect}] pages`, ['page', 'students', 'SQL statements', 'median ms', 'response KB'], pages.map((p) => [p.page, p.students, p.statements, p.ms, p.kb]));
      const withAll = pushes.find((p) => p.kind === 'progress' && p.subscribers === STUDENTS);
      const progressAfter = pushes.filter((p) => p.kind === 'progress').map((p) => `${p.pushSeconds} s with ${p.subscribers}`);
      printTable(
        `[${dialect}] before and after`,
        ['measure', 'before (measured earlier, quoted)', 'after (this run)'],
        [
          ['space page', EARLIER.spacePage, `${pages[0].statements} statements at ${SMALL_COURSE} students, ${pages[1].statements} at ${STUDENTS}`],
          ['push watched by progress subscribers', EARLIER.push, progressAfter.join(', ')],
        ],
      );
      const goals: Goal[] = [
        ...(withAll
          ? [{ name: `push with ${STUDENTS} progress subscribers ≤ 1.5× the push with none`, goal: '1.5×', value: `${round(withAll.pushSeconds / none, 2)}×`, met: withAll.pushSeconds <= 1.5 * none }]
          : []),
        ...pushes
          .filter((p) => p.latency)
          .map((p) => ({ name: `event latency p99, ${p.subscribers} ${p.kind}`, goal: '< 250 ms', value: `${p.latency!.p99} ms`, met: p.latency!.p99 < 250 && p.latency!.missing === 0 })),
      ];
      printGoals(dialect, goals);
      const file = writeResult('subscribers', dialect, { benchmark: 'subscribers', dialect, database, startedAt: started.toISOString(), students: STUDENTS, pushes, handIns, pages, goals });
      console.log(`\n[${dialect}] results written to ${file}`);
    } finally {
      await app.stop();
    }
  } finally {
    await clients.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
