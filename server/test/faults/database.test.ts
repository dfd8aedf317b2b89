import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createConnection, type Connection } from 'mysql2/promise';
import { createCrowd, getFile, inParallel, putFile, targetsOf, unsuccessful, viewWorkspace, type Crowd } from '../support/crowd';
import { killServerProcesses, requireBuiltServer, startServerProcess, throwawayStorage, type ServerProcess, type Storage } from '../support/server-process';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { describeDb, dialect, startTestServer, type TestServer } from '../support/test-server';
import { partFiles } from '../support/uploads';
import { waitFor } from '../support/wait';
import { rawId } from '../support/ids';

/**
 * The database failing under a running server: connections killed mid-push,
 * the database unreachable or frozen, the disk full. Nothing is lost or
 * applied twice, and clients get an answer they can act on (503 with
 * Retry-After, 507) instead of a hang or a generic 500.
 */
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }`;
const STATEMENT_TIMEOUT_MS = 1_000;
const adminUrl = () => process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
/** Connection kills and freezes are MariaDB's; the SQLite project has no such test rather than a skipped one. */
const describeMysql = (name: string, tests: () => void) => {
  if (dialect === 'mysql') describeDb(name, tests);
};

/** The little of better-sqlite3 (which ships no types) that holding a lock needs. */
interface SqliteHandle {
  exec(sql: string): void;
  close(): void;
}
const BetterSqlite3 = createRequire(__filename)('better-sqlite3') as new (file: string, options?: { nativeBinding?: string }) => SqliteHandle;

/** What a client sees of a refused request. */
async function answerOf(res: Response) {
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, any> };
}

/** Makes the server's database unavailable and brings it back, per dialect. */
interface Outage {
  begin(): Promise<void>;
  end(): Promise<void>;
}

/** SQLite: another process holds the write lock. MariaDB: every connection is refused and cut. */
function outageFor(store: Storage, proxy: TcpProxy | null): Outage {
  let holder: SqliteHandle | null = null;
  return {
    async begin() {
      if (proxy) return proxy.cut();
      holder = new BetterSqlite3(path.join(store.dataDir, 'stagecoach.sqlite'), { nativeBinding: process.env.SQLITE_NATIVE_BINDING });
      holder.exec('BEGIN IMMEDIATE');
    },
    async end() {
      if (proxy) return proxy.restore();
      holder?.exec('ROLLBACK');
      holder?.close();
    },
  };
}

describeDb('the database failing under a running server', () => {
  let store: Storage;
  let proxy: TcpProxy | null = null;
  let server: ServerProcess;
  let crowd: Crowd;
  beforeAll(async () => {
    requireBuiltServer();
    store = await throwawayStorage(dialect);
    const env: Record<string, string> = { DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), DB_ACQUIRE_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) };
    if (store.databaseUrl) {
      const url = new URL(store.databaseUrl);
      proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
      url.port = String(proxy.port);
      env.DATABASE_URL = url.toString();
    }
    server = await startServerProcess({ storage: store, env });
    crowd = await createCrowd(server, 0);
  }, 90_000);
  afterAll(async () => {
    await killServerProcesses();
    await proxy?.close();
    await store?.remove();
  });

  it('answers 503 with Retry-After while the database is unavailable, saves nothing, and works again once it is back', async () => {
    const admin = crowd.admin.token;
    await putFile(server, admin, crowd.master, 'files/kept.txt', 'kept\n');
    const before = await viewWorkspace(server, admin, crowd.master);
    const outage = outageFor(store, proxy);
    await outage.begin();
    try {
      const started = Date.now();
      const upload = await answerOf(await server.fetch(`/api/workspaces/${crowd.master}/files/files/new.txt`, { method: 'PUT', token: admin, body: 'new\n' }));
      expect(upload).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE' } } });
      expect(Number(upload.retryAfter)).toBeGreaterThan(0);
      const mutation = await answerOf(
        await server.fetch('/graphql', {
          method: 'POST',
          token: admin,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `mutation($w: ID!) { createFolder(workspaceId: $w, path: "files/made") { version } }`, variables: { w: crowd.master } }),
        }),
      );
      expect(mutation.status).toBe(503);
      expect(Number(mutation.retryAfter)).toBeGreaterThan(0);
      expect(mutation.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      // Bounded by the statement and acquire timeouts, not by the outage.
      expect(Date.now() - started).toBeLessThan(4 * STATEMENT_TIMEOUT_MS + 3_000);
    } finally {
      await outage.end();
    }
    expect(partFiles(store.dataDir)).toEqual([]);
    const after = await viewWorkspace(server, admin, crowd.master, ['files']);
    expect(after.version).toBe(before.version);
    expect([...after.folders.get('files')!.keys()]).toEqual(['kept.txt']);
    await putFile(server, admin, crowd.master, 'files/new.txt', 'new\n');
    expect(await getFile(server, admin, crowd.master, 'files/new.txt')).toBe('new\n');
    expect(server.output()).not.toMatch(/unexpected error/);
  });

  if (dialect === 'mysql') {
    it('answers 503 within the statement timeout while the database is frozen, instead of hanging', async () => {
      const admin = crowd.admin.token;
      proxy!.freeze();
      try {
        const started = Date.now();
        const res = await answerOf(await server.fetch(`/api/workspaces/${crowd.master}/files/files/frozen.txt`, { method: 'PUT', token: admin, body: 'x' }));
        expect(res).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE' } } });
        expect(Number(res.retryAfter)).toBeGreaterThan(0);
        expect(Date.now() - started).toBeLessThan(4 * STATEMENT_TIMEOUT_MS + 3_000);
      } finally {
        proxy!.restore();
      }
      expect(await getFile(server, admin, crowd.master, 'files/frozen.txt')).toBeNull();
    });

    it('an API process on a frozen database still exits within the shutdown grace', async () => {
      const api = await startServerProcess({
        storage: store,
        role: 'api',
        env: { DATABASE_URL: `mysql://root@127.0.0.1:${proxy!.port}${new URL(store.databaseUrl!).pathname}`, SHUTDOWN_GRACE_MS: '2000' },
      });
      expect((await api.fetch('/healthz')).status).toBe(200);
      proxy!.freeze();
      try {
        const hanging = api.fetch(`/api/workspaces/${crowd.master}/files/files/a.txt`, { token: crowd.admin.token }).catch((error: Error) => error);
        const started = Date.now();
        process.kill(api.pid, 'SIGTERM');
        await api.exited;
        expect(Date.now() - started).toBeLessThan(2_000 + 1_500);
        await hanging;
      } finally {
        proxy!.restore();
      }
    });
  }
});

describeMysql('database connections killed mid-push', () => {
  let server: TestServer;
  let admin: Connection;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await createConnection({ uri: adminUrl() });
  });
  afterAll(async () => {
    await admin?.end();
    await server?.stop();
  });

  it('every target is applied exactly once and none fails', async () => {
    const students = 10;
    const crowd = await createCrowd(server, students, { width: 4 });
    const token = crowd.admin.token;
    for (let i = 0; i < 10; i++) await putFile(server, token, crowd.master, `files/lab/part-${i}.txt`, `part ${i}\n`);
    const database = new URL(server.config.databaseUrl!).pathname.slice(1);
    const done = async () => {
      const [rows] = await admin.query(`SELECT status, COUNT(*) AS n FROM \`${database}\`.distribution_target WHERE distributionId = ? GROUP BY status`, [rawId(id)]);
      return rows as { status: string; n: number }[];
    };
    const { pushDistribution } = await server.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: ['files/lab'], targets: { spaceId: crowd.spaceId } } },
      token,
    );
    const id: string = pushDistribution.id;
    // Each time another target is done, kill every connection the server holds: the next target is mid-flight.
    let killed = 0;
    let seen = -1;
    const until = Date.now() + 60_000;
    for (;;) {
      const rows = await done();
      const finished = rows.filter((r) => !['PENDING', 'RUNNING'].includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
      if (finished === students) break;
      if (Date.now() > until) throw new Error(`the push did not finish within 60 s of connection kills: ${JSON.stringify(rows)}`);
      if (finished !== seen) {
        seen = finished;
        const [connections] = await admin.query('SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()', [database]);
        for (const { id: connectionId } of connections as { id: number }[]) {
          await admin.query(`KILL ${Number(connectionId)}`).then(() => killed++, () => undefined);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(killed).toBeGreaterThan(0);
    // The push is closed just after its last target, in a transaction of its own.
    const { distribution } = await waitFor(
      () => server.ok(`query($id: ID!) { distribution(id: $id) { status } }`, { id }, token),
      (r) => r.distribution.status !== 'RUNNING',
      'the push to be closed after its last target',
    );
    expect(distribution.status).toBe('SUCCEEDED');
    expect(unsuccessful(await targetsOf(server, token, id))).toEqual([]);
    await inParallel(crowd.students, 4, async (student) => {
      const view = await viewWorkspace(server, student.token, crowd.personal.get(student.id)!, ['files/lab']);
      expect(view.commits.filter((c) => c.distributionId === id)).toHaveLength(1);
      expect(view.folders.get('files/lab')?.size).toBe(10);
    });
  }, 120_000);
});

/** SQLite's analogue of a killed connection: another process holds the write lock mid-push (SQLITE_BUSY). */
const describeSqlite = (name: string, tests: () => void) => {
  if (dialect === 'sqlite') describeDb(name, tests);
};

describeSqlite('the database busy mid-push', () => {
  let store: Storage;
  let server: ServerProcess;
  beforeAll(async () => {
    requireBuiltServer();
    store = await throwawayStorage(dialect);
    // One target at a time, so the push is still under way when the lock is taken after its first target.
    server = await startServerProcess({
      storage: store,
      env: { DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), WORKER_CONCURRENCY: '1' },
    });
  }, 90_000);
  afterAll(async () => {
    await killServerProcesses();
    await store?.remove();
  });

  it('the worker waits the lock out: every target applied exactly once, none failed', async () => {
    // Enough targets that the push is still under way when the lock is taken after the first.
    const students = 40;
    const crowd = await createCrowd(server, students, { width: 4 });
    const token = crowd.admin.token;
    for (let i = 0; i < 20; i++) await putFile(server, token, crowd.master, `files/lab/part-${i}.txt`, `part ${i}\n`);
    const { pushDistribution } = await server.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: ['files/lab'], targets: { spaceId: crowd.spaceId } } },
      token,
    );
    const id: string = pushDistribution.id;
    const COUNTS = `query($id: ID!) { distribution(id: $id) { status counts { done } } }`;
    await waitFor(async () => (await server.ok(COUNTS, { id }, token)).distribution.counts.done as number, (done) => done >= 1, 'the first target to be done');
    const outage = outageFor(store, null);
    await outage.begin();
    try {
      // Readers are not blocked, and the lock came mid-push: targets are left for the worker to apply.
      const atLock = (await server.ok(COUNTS, { id }, token)).distribution;
      expect(atLock.status).toBe('RUNNING');
      expect(atLock.counts.done).toBeLessThan(students);
      await waitFor(async () => server.output(), (out) => out.includes('met a transient database error'), 'the worker to meet the busy database', 30_000);
      // Still in progress, nothing failed.
      expect((await server.ok(COUNTS, { id }, token)).distribution.status).toBe('RUNNING');
    } finally {
      await outage.end();
    }
    const final = await waitFor(
      async () => (await server.ok(COUNTS, { id }, token)).distribution,
      (d) => d.status !== 'RUNNING' && d.status !== 'QUEUED',
      'the push to finish',
      60_000,
    );
    expect(final).toMatchObject({ status: 'SUCCEEDED', counts: { done: students } });
    expect(unsuccessful(await targetsOf(server, token, id))).toEqual([]);
    await inParallel(crowd.students, 4, async (student) => {
      const view = await viewWorkspace(server, student.token, crowd.personal.get(student.id)!, ['files/lab']);
      expect(view.commits.filter((c) => c.distributionId === id)).toHaveLength(1);
      expect(view.folders.get('files/lab')?.size).toBe(20);
    });
  }, 120_000);
});

/** A tmpfs of `size` mounted at `dir` (root only), or why not. */
function mountTmpfs(dir: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
}

/** Whether a tmpfs can be mounted here (root only): tried once on a scratch folder while the file loads. */
function tmpfsProblem(): string | null {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecoach-tmpfs-probe-'));
  const problem = mountTmpfs(probe, '1m');
  if (!problem) execFileSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return problem;
}

const mountProblem = tmpfsProblem();
if (mountProblem) {
  if (process.env.CI === 'true') throw new Error(`a small tmpfs is needed for the full-disk test under CI: ${mountProblem}`);
  process.stdout.write(`\ncannot mount a tmpfs (${mountProblem}): full-disk test skipped.\n`);
}

(mountProblem ? describe.skip : describeDb)('a full disk under the blob store', () => {
  let server: TestServer;
  let fullDiskDir: string;
  let mounted = false;
  beforeAll(async () => {
    fullDiskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecoach-full-'));
    fs.mkdirSync(path.join(fullDiskDir, 'blobs'));
    const problem = mountTmpfs(path.join(fullDiskDir, 'blobs'), '2m');
    if (problem) throw new Error(`cannot mount a tmpfs: ${problem}`);
    mounted = true;
    server = await startTestServer({ dataDir: fullDiskDir });
  });
  afterAll(async () => {
    await server?.stop();
    if (mounted) execFileSync('umount', [path.join(fullDiskDir, 'blobs')]);
    if (fullDiskDir) fs.rmSync(fullDiskDir, { recursive: true, force: true });
  });

  it('an upload that does not fit is answered 507, leaves no temporary file and no change, and the server goes on', async () => {
    const crowd = await createCrowd(server, 0);
    const token = crowd.admin.token;
    const before = await viewWorkspace(server, token, crowd.master);
    const res = await server.fetch(`/api/workspaces/${crowd.master}/files/files/big.bin`, { method: 'PUT', token, body: new Uint8Array(3 * 1024 * 1024) });
    expect(await answerOf(res)).toMatchObject({ status: 507, body: { error: { code: 'INSUFFICIENT_STORAGE' } } });
    expect(partFiles(fullDiskDir)).toEqual([]);
    expect(await getFile(server, token, crowd.master, 'files/big.bin')).toBeNull();
    expect((await viewWorkspace(server, token, crowd.master)).version).toBe(before.version);
    await putFile(server, token, crowd.master, 'files/small.txt', 'fits\n');
    expect(await getFile(server, token, crowd.master, 'files/small.txt')).toBe('fits\n');
  });
});
