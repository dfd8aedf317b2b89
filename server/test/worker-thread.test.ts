import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database';
import { entities } from '../src/entities';
import { createCrowd, getFile, inParallel, putFile, targetsOf, unsuccessful, viewWorkspace } from './support/crowd';
import { watchProgress } from './support/progress-watch';
import { freePort, killServerProcesses, requireBuiltServer, startServerProcess, throwawayStorage, type ServerProcess, type Storage } from './support/server-process';
import { describeDb, dialect } from './support/test-server';
import { waitFor } from './support/wait';

/**
 * A server started as users start it (role `all`) runs its distribution
 * worker on a thread of its own, with its own database connection. What a
 * user must not notice: saves made while a push runs are answered and kept
 * (on SQLite the two connections take turns at the write lock), progress is
 * heard live (events cross from the thread), and the metrics count the
 * thread's targets.
 */
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }`;
const STATUS = `query($id: ID!) { distribution(id: $id) { status counts { done } } }`;

describeDb('the worker on its own thread', () => {
  let store: Storage;
  let server: ServerProcess;
  let metricsPort: number;
  beforeAll(async () => {
    requireBuiltServer();
    store = await throwawayStorage(dialect);
    metricsPort = await freePort();
    server = await startServerProcess({ storage: store, env: { METRICS_PORT: String(metricsPort) } });
  }, 90_000);
  afterAll(async () => {
    await killServerProcesses();
    await store?.remove();
  });

  it('students save while a push runs: every save is answered and kept, every target applied once and heard live', async () => {
    const students = 16;
    const crowd = await createCrowd(server, students, { width: 4 });
    const token = crowd.admin.token;
    for (let i = 0; i < 30; i++) await putFile(server, token, crowd.master, `files/lab/part-${i}.txt`, `part ${i}\n`);
    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: crowd.master }, paths: ['files/lab'], targets: { spaceId: crowd.spaceId } } }, token);
    const id: string = pushDistribution.id;
    const watch = watchProgress(server.url, token, id);
    try {
      // Each student keeps saving their notes until the push has ended; every save must be answered 200/201.
      const saves = new Map<string, number>();
      const running = async () => ['QUEUED', 'RUNNING'].includes((await server.ok(STATUS, { id }, token)).distribution.status as string);
      await inParallel(crowd.students, students, async (student) => {
        const workspace = crowd.personal.get(student.id)!;
        let n = 0;
        do {
          n += 1;
          await putFile(server, student.token, workspace, 'files/notes.txt', `notes of ${student.id}, save ${n}\n`);
        } while (await running());
        saves.set(student.id, n);
      });
      const last = await watch.until((event) => event.final, 60_000);
      expect(last).toMatchObject({ distribution: { status: 'SUCCEEDED' }, counts: { done: students, succeeded: students } });
      // Every target that ended after the subscriber's first event (the state then) was heard live, from the thread.
      const [first, ...later] = watch.events;
      const heard = new Set(later.flatMap((event) => event.finished.map((f) => f.workspaceId)));
      expect(heard.size).toBeGreaterThanOrEqual(students - first.counts.done);
      // Unless the push was over before the subscription began (a loaded machine), it was followed live.
      if (!first.final) expect(later.length).toBeGreaterThan(0);
      expect(unsuccessful(await targetsOf(server, token, id))).toEqual([]);
      await inParallel(crowd.students, 4, async (student) => {
        const workspace = crowd.personal.get(student.id)!;
        expect(await getFile(server, student.token, workspace, 'files/notes.txt')).toBe(`notes of ${student.id}, save ${saves.get(student.id)}\n`);
        const view = await viewWorkspace(server, student.token, workspace, ['files/lab']);
        expect(view.commits.filter((c) => c.distributionId === id)).toHaveLength(1);
        expect(view.folders.get('files/lab')?.size).toBe(30);
      });
    } finally {
      await watch.close();
    }
    // The thread's targets are counted where the metrics are served.
    const metrics = await waitFor(
      async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text(),
      (text) => Number(/^stagecoach_distribution_targets_total\{status="SUCCEEDED"\} (\d+)$/m.exec(text)?.[1] ?? 0) >= students,
      'the metrics to count the pushed targets',
    );
    expect(metrics).toMatch(/^stagecoach_distribution_targets_total\{status="SUCCEEDED"\} \d+$/m);
    expect(server.output()).not.toMatch(/unexpected error|worker thread ended unexpectedly/);
  }, 120_000);
});

/** The little of better-sqlite3 (which ships no types) a second connection needs. */
interface SqliteHandle {
  exec(sql: string): void;
  close(): void;
}
const BetterSqlite3 = createRequire(__filename)('better-sqlite3') as new (file: string, options?: { nativeBinding?: string; timeout?: number }) => SqliteHandle;

if (dialect === 'sqlite') {
  describe('SQLite transactions beside another connection', () => {
    it('a transaction holds the write lock from its start, so another connection waits for it instead of refusing it halfway', async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stagecoach-write-lock-'));
      const nativeBinding = process.env.SQLITE_NATIVE_BINDING;
      const db = await openDatabase({ dialect: 'sqlite', databaseUrl: null, dataDir, sqliteNativeBinding: nativeBinding ?? null }, entities);
      // The other connection (the worker thread's, another process's) gives up after 50 ms.
      const other = new BetterSqlite3(path.join(dataDir, 'stagecoach.sqlite'), { timeout: 50, ...(nativeBinding ? { nativeBinding } : {}) });
      try {
        other.exec('CREATE TABLE lock_probe (x INTEGER)');
        let otherWrite: string = 'not tried';
        await db.transaction(async (manager) => {
          // Read first, as most transactions do, then let the other connection try to write before this one writes.
          await manager.query('SELECT COUNT(*) FROM migrations');
          try {
            other.exec('INSERT INTO lock_probe VALUES (1)');
            otherWrite = 'written';
          } catch (error) {
            otherWrite = (error as { code?: string }).code ?? String(error);
          }
          await manager.query('UPDATE migrations SET name = name WHERE id = -1');
        });
        expect(otherWrite).toBe('SQLITE_BUSY');
        // Once the transaction has committed, the other connection writes.
        other.exec('INSERT INTO lock_probe VALUES (2)');
      } finally {
        other.close();
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}
