import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createCrowd, getFile, putFile, targetsOf, unsuccessful, viewWorkspace } from '../support/crowd';
import { killServerProcesses, requireBuiltServer, startServerProcess, throwawayStorage, type ServerProcess, type Storage } from '../support/server-process';
import { describeDb, dialect } from '../support/test-server';
import { partFiles, startRawUpload } from '../support/uploads';
import { waitFor } from '../support/wait';

/**
 * SIGTERM as an orchestrator sends it: every role exits within
 * SHUTDOWN_GRACE_MS, uploads that can finish in time do, those that cannot
 * leave no temporary file, and a push stopped midway is finished by the next
 * process with every target applied exactly once.
 */
const GRACE_MS = 3_000;
/** Time beyond the grace for the operating system to report the exit. */
const SLACK_MS = 1_500;
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }`;
const COUNTS = `query($id: ID!) { distribution(id: $id) { status counts { total done } } }`;

/** Sends SIGTERM and resolves with how the process ended and how long it took. */
async function terminate(server: ServerProcess): Promise<{ code: number | null; signal: string | null; tookMs: number }> {
  const started = Date.now();
  process.kill(server.pid, 'SIGTERM');
  const { code, signal } = await server.exited;
  return { code, signal, tookMs: Date.now() - started };
}

const storages: Storage[] = [];
async function storage(): Promise<Storage> {
  const created = await throwawayStorage(dialect);
  storages.push(created);
  return created;
}

const start = (store: Storage, env: Record<string, string> = {}, role: 'all' | 'api' | 'worker' = 'all') =>
  startServerProcess({ storage: store, role, env: { SHUTDOWN_GRACE_MS: String(GRACE_MS), ...env } });

describeDb('shutdown on SIGTERM', () => {
  beforeAll(() => requireBuiltServer());
  afterAll(async () => {
    await killServerProcesses();
    for (const s of storages) await s.remove();
  });

  it('an API-only process with idle, silent and subscribed connections exits within the grace, closing its subscriptions', async () => {
    const store = await storage();
    // Long connection limits, so only the shutdown can close these connections.
    const server = await start(store, { KEEP_ALIVE_TIMEOUT_MS: '600000', HEADERS_TIMEOUT_MS: '600000', REQUEST_TIMEOUT_MS: '600000' }, 'api');
    const crowd = await createCrowd(server, 0);
    const silent = net.connect(server.port, '127.0.0.1');
    silent.on('error', () => undefined);
    await new Promise((resolve) => silent.once('connect', resolve));
    const keepAlive = await fetch(`${server.url}/healthz`, { keepalive: true });
    expect(keepAlive.status).toBe(200);
    const closes: number[] = [];
    const client = createClient({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${crowd.admin.token}` },
      retryAttempts: 0,
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    let subscribed!: () => void;
    const acknowledged = new Promise<void>((resolve) => (subscribed = resolve));
    client.on('connected', () => subscribed());
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: `subscription($w: ID!) { workspaceChanged(workspaceId: $w) { version } }`, variables: { w: crowd.master } },
        { next: () => undefined, error: resolve, complete: () => resolve('complete') },
      );
    });
    await acknowledged;

    const { code, tookMs } = await terminate(server);
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(GRACE_MS + SLACK_MS);
    await ended;
    // 1001 "going away": the client knows the server left and may reconnect elsewhere.
    expect(closes).toEqual([1001]);
    expect(silent.destroyed || silent.readableEnded).toBe(true);
    await client.dispose();
  });

  it('every role exits promptly on SIGTERM when idle', async () => {
    const store = await storage();
    for (const role of ['all', 'api', 'worker'] as const) {
      const server = await start(store, {}, role);
      const { code, tookMs } = await terminate(server);
      expect({ role, code }).toEqual({ role, code: 0 });
      expect(tookMs).toBeLessThan(GRACE_MS + SLACK_MS);
    }
  });

  it('an upload that keeps sending finishes during the grace and is kept', async () => {
    const store = await storage();
    const server = await start(store);
    const crowd = await createCrowd(server, 0);
    const chunk = Buffer.alloc(16 * 1024, 7);
    const chunks = 8;
    const upload = startRawUpload(server.url, crowd.master, 'files/finished.bin', crowd.admin.token, chunks * chunk.length);
    await upload.send(chunk);
    await waitFor(async () => partFiles(store.dataDir).length, (n) => n === 1, 'the upload to reach the blob store');
    const stopping = terminate(server);
    await waitFor(async () => server.output(), (out) => out.includes('SIGTERM: draining'), 'the server to start draining');
    for (let i = 1; i < chunks; i++) await upload.send(chunk);
    upload.finish();
    expect(await upload.response).toMatchObject({ status: 201 });
    const { code, tookMs } = await stopping;
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(GRACE_MS + SLACK_MS);
    expect(partFiles(store.dataDir)).toEqual([]);

    const again = await start(store);
    const res = await again.fetch(`/api/workspaces/${crowd.master}/files/files/finished.bin`, { token: crowd.admin.token });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.alloc(chunks * chunk.length, 7))).toBe(true);
    await again.stop();
  });

  it('an upload that cannot finish within the grace is cut, leaving no temporary file and no change', async () => {
    const store = await storage();
    const server = await start(store, { REQUEST_TIMEOUT_MS: '600000' });
    const crowd = await createCrowd(server, 0);
    const before = await viewWorkspace(server, crowd.admin.token, crowd.master);
    const upload = startRawUpload(server.url, crowd.master, 'files/cut.bin', crowd.admin.token, 1024 * 1024);
    await upload.send(Buffer.alloc(64 * 1024, 9));
    await waitFor(async () => partFiles(store.dataDir).length, (n) => n === 1, 'the upload to reach the blob store');
    // The client sends nothing more: only the grace can end this upload.
    const { code, tookMs } = await terminate(server);
    expect(code).toBe(0);
    expect(tookMs).toBeGreaterThanOrEqual(GRACE_MS * 0.8);
    expect(tookMs).toBeLessThan(GRACE_MS + SLACK_MS);
    expect(await upload.response).toHaveProperty('error');
    expect(partFiles(store.dataDir)).toEqual([]);

    const again = await start(store);
    expect(await getFile(again, crowd.admin.token, crowd.master, 'files/cut.bin')).toBeNull();
    expect((await viewWorkspace(again, crowd.admin.token, crowd.master)).version).toBe(before.version);
    await again.stop();
  });

  it('a push stopped midway is finished by the next process, every target applied exactly once', async () => {
    const store = await storage();
    const server = await start(store);
    const students = 12;
    const crowd = await createCrowd(server, students, { width: 4 });
    const admin = crowd.admin.token;
    for (let i = 0; i < 20; i++) await putFile(server, admin, crowd.master, `files/lab/part-${i}.txt`, `part ${i}\n`);
    const { pushDistribution } = await server.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: ['files/lab'], targets: { spaceId: crowd.spaceId } } },
      admin,
    );
    const id: string = pushDistribution.id;
    await waitFor(async () => (await server.ok(COUNTS, { id }, admin)).distribution.counts.done as number, (done) => done >= 1, 'the first target to be done');
    const { code, tookMs } = await terminate(server);
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(GRACE_MS + SLACK_MS);

    const again = await start(store);
    const final = await waitFor(
      async () => (await again.ok(COUNTS, { id }, admin)).distribution,
      (d) => d.status !== 'QUEUED' && d.status !== 'RUNNING',
      'the push to finish in the next process',
      60_000,
    );
    expect(final).toMatchObject({ status: 'SUCCEEDED', counts: { total: students, done: students } });
    expect(unsuccessful(await targetsOf(again, admin, id))).toEqual([]);
    for (const student of crowd.students) {
      const view = await viewWorkspace(again, student.token, crowd.personal.get(student.id)!, ['files/lab']);
      expect(view.commits.filter((c) => c.distributionId === id)).toHaveLength(1);
      expect(view.folders.get('files/lab')?.size).toBe(20);
    }
    await again.stop();
  }, 120_000);

  it('temporary files left by a killed process are swept at the next start; a fresh one is kept', async () => {
    const store = await storage();
    const tmp = path.join(store.dataDir, 'blobs', 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const stale = path.join(tmp, 'left-by-a-crash.part');
    const fresh = path.join(tmp, 'being-written.part');
    fs.writeFileSync(stale, 'half an upload');
    fs.writeFileSync(fresh, 'an upload in progress elsewhere');
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    const server = await start(store);
    expect(partFiles(store.dataDir)).toEqual(['being-written.part']);
    expect(server.output()).toMatch(/removed 1 temporary file/);
    await server.stop();
  });
});
