import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection, type Connection } from 'mysql2/promise';
import { createCrowd, inParallel, namesIn, putFile, type Crowd } from './support/crowd';
import { fileUrl } from './support/factories';
import { createNetworkLab, keepOutput, networkLabProblem, waitForPort, type LabHost, type NetworkLab } from './support/network-lab';
import { watchProgress, type ProgressWatch } from './support/progress-watch';
import { requireBuiltServer, startServerProcess, type ServerProcess } from './support/server-process';
import { dialect } from './support/test-server';
import { rawId } from './support/ids';

/**
 * Five hosts on one machine, each a network namespace with its own address and
 * its own empty DATA_DIR: a services host (MariaDB, Redis and an S3-protocol
 * server of its own, never the shared ones), two API hosts and two worker
 * hosts. It runs once, in the mysql project. Outside CI it is skipped with one
 * line where namespaces cannot be made (not root, no `ip`); under CI that fails.
 */
const labProblem = dialect === 'mysql' ? networkLabProblem() : null;
if (labProblem) {
  if (process.env.CI === 'true') throw new Error(`the multi-host test must run under CI, but ${labProblem}`);
  process.stdout.write(`\nmulti-host suite skipped: ${labProblem}.\n`);
}
const describeHosts = dialect === 'mysql' && !labProblem ? describe : describe.skip;

const run = promisify(execFile);
const SERVER_DIR = path.resolve(__dirname, '..');
const S3RVER = require.resolve('s3rver/bin/s3rver.js', { paths: [SERVER_DIR] });
const DB_USER = 'stagecoach';
const DB_PASSWORD = 'multi-host-test';
const BUCKET = 'stagecoach';
const LEASE_MS = 3_000;
const STUDENTS = 60;
const FILES = ['brief.md', 'data.csv', 'starter.py'];
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id status targetCount } }`;
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

interface Services {
  databaseUrl: string;
  redisUrl: string;
  s3Endpoint: string;
  /** A root connection through the database's socket, for looking at rows the API does not show. */
  sql: Connection;
}

async function startServices(host: LabHost): Promise<Services> {
  const datadir = path.join(host.dir, 'mariadb');
  const socket = path.join(host.dir, 'mariadb.sock');
  await run('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db']);
  const mariadb = host.spawn('mariadbd', [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--socket=${socket}`,
    '--port=3306',
    `--bind-address=${host.address}`,
    '--user=root',
    '--skip-log-bin',
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=128M',
    `--pid-file=${path.join(host.dir, 'mariadb.pid')}`,
  ]);
  const mariadbOutput = keepOutput(mariadb);
  const redis = host.spawn('redis-server', ['--bind', host.address, '--port', '6379', '--save', '', '--appendonly', 'no', '--protected-mode', 'no']);
  const redisOutput = keepOutput(redis);
  const s3 = host.spawn(process.execPath, [S3RVER, '-d', path.join(host.dir, 's3'), '-a', host.address, '-p', '4568', '-s', '--configure-bucket', BUCKET]);
  const s3Output = keepOutput(s3);
  await Promise.all([
    waitForPort(host.address, 3306, 'MariaDB').catch((e: Error) => Promise.reject(new Error(`${e.message}\n${mariadbOutput()}`))),
    waitForPort(host.address, 6379, 'Redis').catch((e: Error) => Promise.reject(new Error(`${e.message}\n${redisOutput()}`))),
    waitForPort(host.address, 4568, 's3rver').catch((e: Error) => Promise.reject(new Error(`${e.message}\n${s3Output()}`))),
  ]);
  const sql = await createConnection({ socketPath: socket, user: 'root' });
  await sql.query(`CREATE USER '${DB_USER}'@'%' IDENTIFIED BY '${DB_PASSWORD}'`);
  await sql.query(`GRANT ALL ON *.* TO '${DB_USER}'@'%'`);
  await sql.query('CREATE DATABASE stagecoach CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
  await sql.query('USE stagecoach');
  return {
    databaseUrl: `mysql://${DB_USER}:${DB_PASSWORD}@${host.address}:3306/stagecoach`,
    redisUrl: `redis://${host.address}:6379`,
    s3Endpoint: `http://${host.address}:4568`,
    sql,
  };
}

function startHost(host: LabHost, services: Services, role: 'api' | 'worker'): Promise<ServerProcess> {
  return startServerProcess({
    storage: { dataDir: host.dir, databaseUrl: services.databaseUrl, remove: async () => undefined },
    role,
    netns: host.netns,
    host: host.address,
    readyTimeoutMs: 90_000,
    env: {
      REDIS_URL: services.redisUrl,
      BLOB_STORE: `s3://${BUCKET}/blobs`,
      S3_ENDPOINT: services.s3Endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      WORKER_LEASE_MS: String(LEASE_MS),
      GC_INTERVAL_MS: '0',
    },
  });
}

describeHosts('several hosts: two API hosts and two worker hosts sharing MariaDB, Redis and an S3 bucket on a services host', () => {
  let lab: NetworkLab | null = null;
  let services: Services | null = null;
  let apiA: ServerProcess;
  let apiB: ServerProcess;
  let workerHosts: LabHost[];
  let workers: ServerProcess[];
  let crowd: Crowd;

  beforeAll(async () => {
    requireBuiltServer();
    lab = createNetworkLab();
    const servicesHost = lab.addHost('services');
    const [hostA, hostB] = [lab.addHost('api-a'), lab.addHost('api-b')];
    workerHosts = [lab.addHost('worker-1'), lab.addHost('worker-2')];
    services = await startServices(servicesHost);
    // The first process migrates the empty database; the others start on it together.
    apiA = await startHost(hostA, services, 'api');
    [apiB, ...workers] = await Promise.all([startHost(hostB, services, 'api'), ...workerHosts.map((h) => startHost(h, services!, 'worker'))]);
    crowd = await createCrowd(apiA, STUDENTS, { width: 6 });
  }, 240_000);

  afterAll(async () => {
    await services?.sql.end().catch(() => undefined);
    await lab?.destroy();
  }, 60_000);

  const pushFromA = async (folder: string): Promise<string> => {
    const { pushDistribution } = await apiA.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: [`files/${folder}`], targets: { spaceId: crowd.spaceId }, policies: { default: 'KEEP_BOTH' } } },
      crowd.admin.token,
    );
    expect(pushDistribution).toMatchObject({ targetCount: STUDENTS });
    return pushDistribution.id;
  };

  /** Every target finished once: one SUCCEEDED report per workspace, one commit of this push per workspace, and the files once each. */
  const expectDoneOnce = async (watch: ProgressWatch, id: string, folder: string) => {
    const final = await watch.until((e) => e.final, 120_000);
    expect(final.distribution.status).toBe('SUCCEEDED');
    expect(final.counts).toMatchObject({ total: STUDENTS, done: STUDENTS, succeeded: STUDENTS, pending: 0, running: 0 });
    const reported = watch.events.flatMap((e) => e.finished.map((f) => `${f.workspaceId} ${f.status}`));
    expect(reported.sort()).toEqual([...crowd.personal.values()].map((w) => `${w} SUCCEEDED`).sort());
    const [rows] = await services!.sql.query('SELECT workspaceId, COUNT(*) AS n FROM commit WHERE distributionId = ? GROUP BY workspaceId', [rawId(id)]);
    const commits = rows as { workspaceId: string; n: number }[];
    // Rows hold raw ids.
    expect(commits.map((r) => `${r.workspaceId} ${Number(r.n)}`).sort()).toEqual([...crowd.personal.values()].map((w) => `${rawId(w)} 1`).sort());
    await inParallel(crowd.students, 6, async (student) => {
      expect(await namesIn(apiB, student.token, crowd.personal.get(student.id)!, `files/${folder}`)).toEqual(FILES);
    });
  };

  it('each host answers on its own address with its role, and each has only its own empty data folder', async () => {
    for (const [server, role] of [[apiA, 'api'], [apiB, 'api'], [workers[0], 'worker'], [workers[1], 'worker']] as const) {
      expect(server.url).not.toContain('127.0.0.1');
      expect(await (await server.fetch('/healthz')).json()).toEqual({ ok: true, role });
      expect((await server.fetch('/readyz')).status).toBe(200);
    }
    // A host's loopback is its own: nothing listens on the API's port at 127.0.0.1 inside worker-1.
    const probe = await run('ip', ['netns', 'exec', workerHosts[0].netns, process.execPath, '-e', `fetch('http://127.0.0.1:${apiA.port}/healthz').then(() => console.log('reached'), () => console.log('unreachable'))`]);
    expect(probe.stdout.trim()).toBe('unreachable');
  });

  it('an upload through API host A downloads through API host B, byte for byte, in ranges too', async () => {
    const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) % 256));
    const put = await apiA.fetch(fileUrl(crowd.master, 'files/shared/data.bin'), { method: 'PUT', token: crowd.admin.token, body: content });
    expect(put.status).toBeLessThan(300);
    const whole = await apiB.fetch(fileUrl(crowd.master, 'files/shared/data.bin'), { token: crowd.admin.token });
    expect(whole.status).toBe(200);
    expect(sha256(Buffer.from(await whole.arrayBuffer()))).toBe(sha256(content));
    const part = await apiB.fetch(fileUrl(crowd.master, 'files/shared/data.bin'), { token: crowd.admin.token, headers: { range: 'bytes=100000-100999' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(content.subarray(100_000, 101_000));
  });

  it('a push started on API host A is executed by the worker hosts, and a subscriber on API host B sees every target', async () => {
    for (const name of FILES) await putFile(apiA, crowd.admin.token, crowd.master, `files/lab1/${name}`, `${name} for lab 1\n`);
    const id = await pushFromA('lab1');
    const watch = watchProgress(apiB.url, crowd.admin.token, id);
    try {
      await expectDoneOnce(watch, id, 'lab1');
    } finally {
      await watch.close();
    }
    // Only worker processes hold leases: the targets were claimed by processes on the worker hosts.
    const [rows] = await services!.sql.query('SELECT COUNT(*) AS n FROM distribution_target WHERE distributionId = ? AND status = ?', [rawId(id), 'SUCCEEDED']);
    expect(Number((rows as { n: number }[])[0].n)).toBe(STUDENTS);
  }, 180_000);

  it('killing a worker host mid-push loses nothing: the other worker finishes, every target done once', async () => {
    for (const name of FILES) await putFile(apiA, crowd.admin.token, crowd.master, `files/lab2/${name}`, `${name} for lab 2\n`);
    const id = await pushFromA('lab2');
    const watch = watchProgress(apiB.url, crowd.admin.token, id);
    try {
      // Wait until a worker holds leased targets while others are finished or still waiting.
      let owner: string | null = null;
      const until = Date.now() + 60_000;
      while (!owner) {
        const [rows] = await services!.sql.query('SELECT leaseOwner FROM distribution_target WHERE distributionId = ? AND status = ? LIMIT 1', [rawId(id), 'RUNNING']);
        owner = (rows as { leaseOwner: string | null }[])[0]?.leaseOwner ?? null;
        if (!owner && Date.now() > until) throw new Error('no worker leased a target of the push within 60 s');
        if (!owner) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // The lease owner is `hostname:pid:random`; the pid says which worker host it runs on.
      const pid = Number(owner.split(':').at(-2));
      const victim = workers.findIndex((w) => w.pid === pid);
      expect(victim).toBeGreaterThanOrEqual(0);
      await workerHosts[victim].killAll();
      expect((await workers[victim].exited).signal).toBe('SIGKILL');
      const [left] = await services!.sql.query('SELECT COUNT(*) AS n FROM distribution_target WHERE distributionId = ? AND status IN (?, ?)', [rawId(id), 'PENDING', 'RUNNING']);
      // The push was cut in the middle: targets were still open when the host died.
      expect(Number((left as { n: number }[])[0].n)).toBeGreaterThan(0);
      await expectDoneOnce(watch, id, 'lab2');
    } finally {
      await watch.close();
    }
  }, 180_000);
});
