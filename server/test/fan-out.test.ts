import { createCrowd, inParallel, namesIn, putFile } from './support/crowd';
import { watchProgress } from './support/progress-watch';
import { probeRedisSync, testRedisUrl } from './support/redis-probe';
import { killServerProcesses, requireBuiltServer, startServerProcess, throwawayStorage, type ServerProcess, type Storage } from './support/server-process';
import { dialect } from './support/test-server';

/**
 * MariaDB and Redis only, so it runs in the mysql project alone. Outside CI a
 * missing Redis skips it with one line; under CI it fails, as a missing
 * MariaDB fails global setup.
 */
const mysqlAvailable = process.env.STAGECOACH_MYSQL_AVAILABLE === '1';
const redisProblem = dialect === 'mysql' && mysqlAvailable ? probeRedisSync() : null;
if (redisProblem) {
  if (process.env.CI === 'true') throw new Error(`Redis is required under CI but ${testRedisUrl} does not answer: ${redisProblem}`);
  process.stdout.write(`\nRedis not reachable at ${testRedisUrl} (${redisProblem}): fan-out suite skipped.\n`);
}
const describeFanOut = dialect === 'mysql' && mysqlAvailable && !redisProblem ? describe : describe.skip;

const STUDENTS = 4;
const FILES = ['brief.md', 'data.csv', 'starter.py'];
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id status targetCount } }`;
const STATUS = `query($id: ID!) { distribution(id: $id) { status counts { total pending running done } } }`;
/** How long the API-only process is watched doing nothing with a queued push. */
const IDLE_WINDOW_MS = 2_000;

describeFanOut('fan-out: an API-only and a worker-only process on one MariaDB database and Redis', () => {
  let storage: Storage;
  let api: ServerProcess;
  beforeAll(async () => {
    requireBuiltServer();
    storage = await throwawayStorage('mysql');
    api = await startServerProcess({ storage, role: 'api', env: { REDIS_URL: testRedisUrl } });
  }, 90_000);
  afterAll(async () => {
    await killServerProcesses();
    await storage?.remove();
  });

  it("the worker process executes a push made through the API process, whose subscribers see every step", async () => {
    expect(await (await api.fetch('/healthz')).json()).toEqual({ ok: true, role: 'api' });
    const crowd = await createCrowd(api, STUDENTS, { width: 4 });
    const admin = crowd.admin.token;
    for (const name of FILES) await putFile(api, admin, crowd.master, `files/lab1/${name}`, `${name} for lab 1\n`);
    const { pushDistribution } = await api.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: ['files/lab1'], targets: { spaceId: crowd.spaceId } } },
      admin,
    );
    const id: string = pushDistribution.id;
    expect(pushDistribution).toMatchObject({ status: 'QUEUED', targetCount: STUDENTS });

    const watch = watchProgress(api.url, admin, id);
    try {
      const initial = await watch.until(() => true, 10_000);
      expect(initial).toMatchObject({ distribution: { status: 'QUEUED' }, counts: { total: STUDENTS, pending: STUDENTS, done: 0 }, finished: [], final: false });

      // No worker runs in the API process: the push stays queued, untouched.
      const until = Date.now() + IDLE_WINDOW_MS;
      while (Date.now() < until) {
        const { distribution } = await api.ok(STATUS, { id }, admin);
        expect(distribution).toMatchObject({ status: 'QUEUED', counts: { total: STUDENTS, pending: STUDENTS, running: 0, done: 0 } });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(watch.events).toHaveLength(1);

      const worker = await startServerProcess({ storage, role: 'worker', env: { REDIS_URL: testRedisUrl } });
      expect(await (await worker.fetch('/healthz')).json()).toEqual({ ok: true, role: 'worker' });
      expect((await worker.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status).toBe(404);

      const final = await watch.until((e) => e.final, 60_000);
      expect(final.distribution.status).toBe('SUCCEEDED');
      expect(final.counts).toMatchObject({ total: STUDENTS, done: STUDENTS, succeeded: STUDENTS, pending: 0, running: 0 });
      // Finished targets are named only from the worker's events, which reach this process through Redis.
      const reported = watch.events.slice(1).flatMap((e) => e.finished.map((f) => `${f.workspaceId} ${f.status}`));
      expect(reported.sort()).toEqual([...crowd.personal.values()].map((w) => `${w} SUCCEEDED`).sort());

      await inParallel(crowd.students, 4, async (student) => {
        expect(await namesIn(api, student.token, crowd.personal.get(student.id)!, 'files/lab1')).toEqual(FILES);
      });
      await worker.stop();
    } finally {
      await watch.close();
    }
  }, 120_000);
});
