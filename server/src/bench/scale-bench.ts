import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { RunningApp } from '../app';
import type { Dialect } from '../config';
import type { User } from '../modules/users/user.entity';
import { createBenchUser, createCourseSpace, databaseVersion, fillFolder, insertStudents, addMembers, withBenchApp, type BenchUser } from './fixture';
import { cpuTicksOf, USER_HZ } from './memory-sampler';
import { printGoals, printTable, writeResult, type Goal } from './report';
import { forEachLimit, round } from './stats';
import { startClients, type Clients } from './subscriber-clients-process';
import type { LatencyReport } from './subscriber-clients';

/**
 * Load at university scale on MariaDB, with the server as it is deployed:
 * two API processes and one, then two, worker processes started from the
 * built server, sharing the database and a Redis of the benchmark's own.
 * Per worker count: a push to BENCH_SCALE_TARGETS (10,000) students; a push to
 * BENCH_SCALE_WATCHED (1,000) students watched by BENCH_SCALE_CLIENTS (1,000)
 * WebSocket clients spread over both API processes (latency from the commit's
 * announcement to each client); BENCH_SCALE_HANDINS (10,000) hand-ins spread
 * evenly over BENCH_SCALE_HANDIN_SECONDS (300) through both API processes
 * (autocannon) with 20 staff watching the tracker. CPU seconds per process and
 * phase, and each process's peak memory. BENCH_SCALE_WORKERS=1,2 sets the
 * worker counts; BENCH_SCALE_PROFILE=<dir> has each worker write a CPU profile there.
 */
const env = process.env;
const TARGETS = Number(env.BENCH_SCALE_TARGETS ?? 10_000);
const WATCHED = Number(env.BENCH_SCALE_WATCHED ?? 1_000);
const CLIENTS = Number(env.BENCH_SCALE_CLIENTS ?? 1_000);
const HANDINS = Number(env.BENCH_SCALE_HANDINS ?? 10_000);
const HANDIN_SECONDS = Number(env.BENCH_SCALE_HANDIN_SECONDS ?? 300);
const WORKER_COUNTS = (env.BENCH_SCALE_WORKERS ?? '1,2').split(',').map(Number);
const STAFF = 20;
const FILES = 10;
const MAIN = path.resolve(__dirname, '..', 'main.js');
const HAND_IN = 'mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { contentHash } }';

interface Proc {
  name: string;
  role: 'api' | 'worker';
  child: ChildProcess;
  url: string;
  peakRss: number;
  output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function startProcess(name: string, role: 'api' | 'worker', shared: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `stagecoach-scale-${name}-`));
  // BENCH_SCALE_PROFILE=<dir>: each worker process writes a V8 CPU profile there when it stops.
  const profile = role === 'worker' && env.BENCH_SCALE_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_SCALE_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, MAIN], {
    env: { PATH: env.PATH ?? '', HOME: os.homedir(), NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, STAGECOACH_ROLE: role, ...shared },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString()).slice(-10_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => void rm(dataDir, { recursive: true, force: true }));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 60 s:\n${printed}`));
    }, 60_000);
    child.stdout!.on('data', () => {
      if (/listening on /.test(printed)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) at start:\n${printed}`));
    });
  });
  child.removeAllListeners('exit');
  child.once('exit', () => void rm(dataDir, { recursive: true, force: true }));
  return { name, role, child, url: `http://127.0.0.1:${port}`, peakRss: rssOf(child.pid!), output: () => printed };
}

async function stopProcess(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

async function ownRedis(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const until = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > until) throw new Error('redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU seconds each process used while `work` ran; peak resident memory kept on each process. */
/** Processes beside the server's on this machine whose CPU time each phase also reports: the database, Redis, the WebSocket clients. */
const beside: { name: string; pid: number }[] = [];

/** The local MariaDB server's process, when the database runs on this machine. */
function databasePid(): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (/^(mariadbd|mysqld)\n?$/.test(readFileSync(`/proc/${name}/comm`, 'utf8'))) return Number(name);
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

async function measured<T>(procs: Proc[], work: () => Promise<T>): Promise<{ result: T; seconds: number; cpu: Record<string, number> }> {
  // Processes started during `work` (workers joining a push) count from their start.
  const before = new Map([...procs.map((p) => [p.name, cpuTicksOf(p.child.pid!)] as const), ...beside.map((b) => [b.name, cpuTicksOf(b.pid)] as const)]);
  const sampler = setInterval(() => {
    for (const p of procs) p.peakRss = Math.max(p.peakRss, rssOf(p.child.pid!));
  }, 200);
  const start = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - start) / 1000;
    const all = [...procs.map((p) => ({ name: p.name, pid: p.child.pid! })), ...beside];
    const cpu = Object.fromEntries(all.map((p) => [p.name, round((cpuTicksOf(p.pid) - (before.get(p.name) ?? 0)) / USER_HZ, 1)]));
    return { result, seconds: round(seconds, 2), cpu };
  } finally {
    clearInterval(sampler);
  }
}

async function openTargets(app: RunningApp, distributionId: string): Promise<number> {
  const rows = (await app.db.manager.query("SELECT COUNT(*) AS n FROM distribution_target WHERE distributionId = ? AND status IN ('PENDING', 'RUNNING')", [distributionId])) as { n: number }[];
  return Number(rows[0].n);
}

async function untilDone(app: RunningApp, distributionId: string): Promise<void> {
  while ((await openTargets(app, distributionId)) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

interface Course {
  admin: BenchUser;
  students: User[];
  big: { spaceId: string; masterId: string };
  watched: { spaceId: string; masterId: string };
  tokens: string[];
  folders: number;
}

async function setUp(app: RunningApp): Promise<Course> {
  const { services } = app;
  const admin = await createBenchUser(services, 'scale');
  const students = await insertStudents(services, Math.max(TARGETS, HANDINS, WATCHED), admin.actor.user.passwordHash);
  const big = await createCourseSpace(services, admin.actor, 'Scale: whole year');
  await addMembers(services, admin.actor, big.spaceId, students);
  const watched = await createCourseSpace(services, admin.actor, 'Scale: watched course');
  await addMembers(services, admin.actor, watched.spaceId, students.slice(0, WATCHED));
  const tokens: string[] = new Array(HANDINS);
  await forEachLimit(students.slice(0, HANDINS), 20, async (student, i) => {
    tokens[i] = await services.users.startSession(student);
  });
  return { admin, students, big, watched, tokens, folders: 0 };
}

async function pushFolder(app: RunningApp, course: Course, to: { spaceId: string; masterId: string }): Promise<string> {
  const folder = `scale-${++course.folders}`;
  await fillFolder(app.services, course.admin.actor, to.masterId, [folder], FILES);
  const distribution = await app.services.distributions.push(course.admin.actor, { source: { workspaceId: to.masterId }, paths: [`files/${folder}`], targets: { spaceId: to.spaceId } });
  return distribution.id;
}

interface HandInRun {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  /** From the last answer until every staff client had heard of every student. */
  trackerLagMs: number;
  stored: number;
}

/** Hand-ins through both API processes at an even rate (autocannon, one session per student). */
async function handInBurst(app: RunningApp, course: Course, apis: Proc[], clients: Clients): Promise<HandInRun> {
  const folder = `handout-${++course.folders}`;
  await fillFolder(app.services, course.admin.actor, course.big.masterId, [folder], FILES);
  const assignment = await app.services.assignments.create(course.admin.actor, {
    spaceId: course.big.spaceId,
    title: `Scale hand-in ${course.folders}`,
    instructions: '',
    source: { workspaceId: course.big.masterId },
    paths: [`files/${folder}`],
    deadline: new Date(Date.now() + 3_600_000),
    maxPoints: 10,
  });
  // Released to every student by the workers; wait for that push to finish.
  for (;;) {
    const rows = (await app.db.manager.query("SELECT COUNT(*) AS n FROM distribution_target WHERE status IN ('PENDING', 'RUNNING')")) as { n: number }[];
    if (Number(rows[0].n) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const [i, api] of apis.entries()) {
    await clients.send({ type: 'statuses', url: api.url, token: course.admin.token, count: STAFF / apis.length + (i < STAFF % apis.length ? 1 : 0), assignmentId: assignment.id });
  }
  await clients.send({ type: 'reset' });
  const body = JSON.stringify({ query: HAND_IN, variables: { a: assignment.id } });
  let lastAnswer = 0;
  const share = Math.ceil(HANDINS / apis.length);
  const runs = apis.map((api, a) => {
    const tokens = course.tokens.slice(a * share, (a + 1) * share);
    let next = 0;
    return new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${api.url}/graphql`,
          connections: 20,
          amount: tokens.length,
          // autocannon paces whole requests per second; a fractional rate never finishes.
          overallRate: Math.max(1, Math.ceil(tokens.length / HANDIN_SECONDS)),
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => ({ ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` }, body }),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', () => (lastAnswer = Date.now()));
    });
  });
  const results = await Promise.all(runs);
  const rows = (await app.db.manager.query('SELECT COUNT(DISTINCT studentId) AS n FROM hand_in WHERE assignmentId = ?', [assignment.id])) as { n: number }[];
  // Every student whose hand-in was stored must reach every tracker (autocannon may leave a few requests of a small run unsent).
  await clients.send({ type: 'untilStudents', students: Number(rows[0].n) });
  const trackerLagMs = Date.now() - lastAnswer;
  await clients.send({ type: 'close' });
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    requests,
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
    // The slower API process's figures: every student waits on one of them.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    trackerLagMs,
    stored: Number(rows[0].n),
  };
}

interface WorkerRun {
  workers: number;
  bigPush: { seconds: number; cpu: Record<string, number> };
  watchedPush: { seconds: number; latency: LatencyReport; cpu: Record<string, number> };
  handIns: { seconds: number; run: HandInRun; cpu: Record<string, number> };
  peakRssMb: Record<string, number>;
}

async function runWorkers(app: RunningApp, course: Course, workers: number, shared: Record<string, string>, clients: Clients): Promise<WorkerRun> {
  const procs: Proc[] = [];
  try {
    const apis = [await startProcess('api-1', 'api', shared), await startProcess('api-2', 'api', shared)];
    procs.push(...apis);
    // Watched push: subscribers open before any worker runs, so every target's event is measured.
    const watchedId = await pushFolder(app, course, course.watched);
    for (const [i, api] of apis.entries()) {
      await clients.send({ type: 'progress', url: api.url, token: course.admin.token, count: CLIENTS / apis.length + (i < CLIENTS % apis.length ? 1 : 0), distributionId: watchedId });
    }
    await clients.send({ type: 'until', what: 'first' });
    await clients.send({ type: 'reset' });
    const announced: Record<string, number> = {};
    const bus = app.services.events.subscribe('DISTRIBUTION_PROGRESS', watchedId)[Symbol.asyncIterator]();
    const listening = (async () => {
      for (;;) {
        const next = await bus.next();
        if (next.done) return;
        if (next.value.targetId) announced[next.value.targetId] = Date.now();
      }
    })();
    const workerProcs: Proc[] = [];
    const watched = await measured(procs, async () => {
      for (let i = 1; i <= workers; i++) workerProcs.push(await startProcess(`worker-${i}`, 'worker', shared));
      procs.push(...workerProcs);
      await clients.send({ type: 'until', what: 'final' });
    });
    const latency = (await clients.send({ type: 'latency', sentAt: announced })) as LatencyReport;
    await bus.return?.();
    await listening;
    await clients.send({ type: 'close' });
    console.log(`  ${workers} worker(s): push to ${WATCHED} watched by ${CLIENTS}: p50 ${latency.p50} ms, p99 ${latency.p99} ms`);

    const bigId = await pushFolder(app, course, course.big);
    const big = await measured(procs, () => untilDone(app, bigId));
    console.log(`  ${workers} worker(s): push to ${TARGETS}: ${big.seconds} s`);

    const handIns = await measured(procs, () => handInBurst(app, course, apis, clients));
    console.log(`  ${workers} worker(s): ${HANDINS} hand-ins: p99 ${handIns.result.p99} ms, tracker lag ${handIns.result.trackerLagMs} ms`);
    return {
      workers,
      bigPush: { seconds: big.seconds, cpu: big.cpu },
      watchedPush: { seconds: watched.seconds, latency, cpu: watched.cpu },
      handIns: { seconds: handIns.seconds, run: handIns.result, cpu: handIns.cpu },
      peakRssMb: Object.fromEntries(procs.map((p) => [p.name, round(p.peakRss / 2 ** 20, 0)])),
    };
  } catch (error) {
    for (const p of procs) console.error(`--- ${p.name}\n${p.output()}`);
    throw error;
  } finally {
    await Promise.all(procs.map(stopProcess));
  }
}

export async function runScale(dialect: Dialect): Promise<void> {
  if (dialect !== 'mysql') {
    console.log('\nscale: measured on MariaDB only (several processes share one database); skipped on SQLite');
    return;
  }
  const started = new Date();
  const redis = await ownRedis();
  const clients = startClients();
  const databaseProcess = databasePid();
  beside.push(...(databaseProcess ? [{ name: 'mariadb', pid: databaseProcess }] : []), { name: 'redis', pid: redis.pid }, { name: 'clients', pid: clients.pid });
  try {
    await withBenchApp(
      'scale',
      dialect,
      async (app) => {
        const database = await databaseVersion(app.db);
        console.log(`\n=== scale, ${dialect}: ${database} ===`);
        const setup = await measured([], () => setUp(app));
        const course = setup.result;
        console.log(`[${dialect}] ${course.students.length.toLocaleString('en')} students and ${HANDINS.toLocaleString('en')} sessions set up in ${setup.seconds} s`);
        const shared = { DATABASE_URL: env.DATABASE_URL!, REDIS_URL: redis.url, REQUEST_BUDGET_POINTS: '0', GC_INTERVAL_MS: '0' };
        const runs: WorkerRun[] = [];
        for (const workers of WORKER_COUNTS) runs.push(await runWorkers(app, course, workers, shared, clients));

        const cpuOf = (cpu: Record<string, number>) => Object.entries(cpu).map(([name, s]) => `${name} ${s}`).join(', ');
        printTable(
          `[${dialect}] two API processes, 1 and 2 workers`,
          ['workers', `push to ${TARGETS} s`, `${CLIENTS} clients p50 ms`, 'p99 ms', 'arrivals', `${HANDINS} hand-ins in s`, 'hand-in p50 ms', 'p99 ms', 'errors', 'stored', 'tracker lag ms'],
          runs.map((r) => [
            r.workers,
            r.bigPush.seconds,
            r.watchedPush.latency.p50,
            r.watchedPush.latency.p99,
            `${r.watchedPush.latency.arrivals}${r.watchedPush.latency.missing ? ` (${r.watchedPush.latency.missing} never heard)` : ''}`,
            r.handIns.seconds,
            r.handIns.run.p50,
            r.handIns.run.p99,
            r.handIns.run.errors,
            r.handIns.run.stored,
            r.handIns.run.trackerLagMs,
          ]),
        );
        printTable(
          `[${dialect}] CPU seconds per process and phase, peak RSS MB`,
          ['workers', `push to ${TARGETS}`, `watched push`, 'hand-ins', 'peak RSS MB'],
          runs.map((r) => [r.workers, cpuOf(r.bigPush.cpu), cpuOf(r.watchedPush.cpu), cpuOf(r.handIns.cpu), cpuOf(r.peakRssMb)]),
        );
        if (runs.length > 1) {
          const [a, b] = [runs[0], runs.at(-1)!];
          printTable(
            `[${dialect}] growth from ${a.workers} to ${b.workers} workers (ratio ${b.workers} / ${a.workers}, same run)`,
            ['figure', `${a.workers}`, `${b.workers}`, 'ratio'],
            [
              [`push to ${TARGETS} s`, a.bigPush.seconds, b.bigPush.seconds, round(b.bigPush.seconds / a.bigPush.seconds, 2)],
              ['watched push event p99 ms', a.watchedPush.latency.p99, b.watchedPush.latency.p99, round(b.watchedPush.latency.p99 / Math.max(1, a.watchedPush.latency.p99), 2)],
              ['hand-in p99 ms', a.handIns.run.p99, b.handIns.run.p99, round(b.handIns.run.p99 / Math.max(1, a.handIns.run.p99), 2)],
              ['workers CPU s, push', sumWorkers(a.bigPush.cpu), sumWorkers(b.bigPush.cpu), round(sumWorkers(b.bigPush.cpu) / Math.max(0.1, sumWorkers(a.bigPush.cpu)), 2)],
              ['database CPU s, push', a.bigPush.cpu.mariadb ?? '-', b.bigPush.cpu.mariadb ?? '-', a.bigPush.cpu.mariadb ? round((b.bigPush.cpu.mariadb ?? 0) / Math.max(0.1, a.bigPush.cpu.mariadb), 2) : '-'],
            ],
          );
        }
        const goals: Goal[] = runs.flatMap((r) => [
          { name: `push to ${TARGETS} targets, ${r.workers} worker(s)`, goal: '< 20 s', value: `${r.bigPush.seconds} s`, met: r.bigPush.seconds < 20 },
          {
            name: `event latency p99, ${CLIENTS} clients on 2 API processes, ${r.workers} worker(s)`,
            goal: '< 250 ms',
            value: `${r.watchedPush.latency.p99} ms`,
            met: r.watchedPush.latency.p99 < 250 && r.watchedPush.latency.missing === 0,
          },
          { name: `every hand-in stored, ${r.workers} worker(s)`, goal: `${HANDINS}`, value: `${r.handIns.run.stored}`, met: r.handIns.run.stored === HANDINS && r.handIns.run.errors === 0 },
        ]);
        printGoals(dialect, goals);
        const file = writeResult('scale', dialect, { benchmark: 'scale', dialect, database, startedAt: started.toISOString(), targets: TARGETS, watched: WATCHED, clients: CLIENTS, handIns: HANDINS, handInSeconds: HANDIN_SECONDS, runs, goals });
        console.log(`\n[${dialect}] results written to ${file}`);
      },
      { REDIS_URL: redis.url, GC_INTERVAL_MS: '0' },
    );
  } finally {
    await clients.stop();
    await redis.stop();
  }
}

function sumWorkers(cpu: Record<string, number>): number {
  return round(
    Object.entries(cpu)
      .filter(([name]) => name.startsWith('worker'))
      .reduce((n, [, s]) => n + s, 0),
    1,
  );
}
