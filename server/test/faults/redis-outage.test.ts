import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createCrowd, getFile, putFile, targetsOf, unsuccessful, type Crowd } from '../support/crowd';
import { watchProgress } from '../support/progress-watch';
import { ownRedis, type OwnRedis } from '../support/redis-server';
import { killServerProcesses, requireBuiltServer, startServerProcess, throwawayStorage, type ServerProcess, type Storage } from '../support/server-process';
import { describeDb, dialect } from '../support/test-server';
import { waitFor } from '../support/wait';
import { rawId } from '../support/ids';

/**
 * Redis carries events only; the database holds the state. Stopping Redis
 * under a running server must cost events, never the process or a write.
 * The server runs as a child process with its own redis-server on a free port.
 */
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }`;
const STATUS = `query($id: ID!) { distribution(id: $id) { status } }`;

/** Versions announced by `workspaceChanged` for one workspace, as a subscriber receives them. */
function watchWorkspace(baseUrl: string, token: string, workspaceId: string) {
  const versions: number[] = [];
  let failure: unknown = null;
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const stop = client.subscribe(
    { query: `subscription($w: ID!) { workspaceChanged(workspaceId: $w) { version } }`, variables: { w: workspaceId } },
    {
      next: (value) => {
        if (value.errors) failure = value.errors;
        else versions.push((value.data as { workspaceChanged: { version: number } }).workspaceChanged.version);
      },
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return {
    versions,
    failure: () => failure,
    async close() {
      stop();
      await client.dispose();
    },
  };
}

describeDb('a Redis outage under a running server', () => {
  let redis: OwnRedis;
  let storage: Storage;
  let server: ServerProcess;
  let crowd: Crowd;
  let exitedEarly = false;
  beforeAll(async () => {
    requireBuiltServer();
    redis = await ownRedis();
    storage = await throwawayStorage(dialect);
    server = await startServerProcess({ storage, env: { REDIS_URL: redis.url } });
    void server.exited.then(() => (exitedEarly = true));
    crowd = await createCrowd(server, 2, { width: 2 });
  }, 90_000);
  afterAll(async () => {
    await killServerProcesses();
    await redis?.stop();
    await storage?.remove();
  });

  const alive = async () => {
    expect(exitedEarly).toBe(false);
    expect(await (await server.fetch('/healthz')).json()).toMatchObject({ ok: true });
  };

  it('keeps serving uploads and pushes while Redis is down, and events flow again once it is back', async () => {
    const admin = crowd.admin.token;
    const watcher = watchWorkspace(server.url, admin, crowd.master);
    const channel = `WORKSPACE_CHANGED:${rawId(crowd.master)}`;
    await waitFor(() => redis.channels(), (c) => c.includes(channel), 'the subscription to reach Redis');
    const first = await putFile(server, admin, crowd.master, 'files/before.txt', 'before the outage\n');
    await waitFor(async () => watcher.versions, (v) => v.includes(first.version), 'the event of the first upload');

    await redis.stop();
    const during = await putFile(server, admin, crowd.master, 'files/during.txt', 'while Redis is down\n');
    expect(during.version).toBe(first.version + 1);
    // The publish of that upload's event has failed and been handled: the process is still here.
    await waitFor(async () => server.output(), (out) => out.includes('event publishing: dropped an event'), 'the dropped event to be logged', 15_000);
    await alive();

    const { pushDistribution } = await server.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: ['files/during.txt'], targets: { spaceId: crowd.spaceId } } },
      admin,
    );
    const pushed = await waitFor(
      async () => (await server.ok(STATUS, { id: pushDistribution.id }, admin)).distribution.status as string,
      (s) => s !== 'QUEUED' && s !== 'RUNNING',
      'the push made during the outage to finish',
    );
    expect(pushed).toBe('SUCCEEDED');
    expect(unsuccessful(await targetsOf(server, admin, pushDistribution.id))).toEqual([]);
    for (const student of crowd.students) {
      expect(await getFile(server, student.token, crowd.personal.get(student.id)!, 'files/during.txt')).toBe('while Redis is down\n');
    }
    await alive();

    await redis.start();
    // The subscription opened before the outage is still open and subscribed again.
    await waitFor(() => redis.channels(), (c) => c.includes(channel), 'the subscriber to subscribe again', 20_000);
    const after = await putFile(server, admin, crowd.master, 'files/after.txt', 'after the outage\n');
    await waitFor(async () => watcher.versions, (v) => v.includes(after.version), 'the event of the upload after the outage', 20_000);
    expect(watcher.failure()).toBeNull();
    await watcher.close();

    // A push after the outage is followed live to its end.
    const second = await server.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: ['files/after.txt'], targets: { spaceId: crowd.spaceId } } },
      admin,
    );
    const progress = watchProgress(server.url, admin, second.pushDistribution.id);
    try {
      const final = await progress.until((e) => e.final, 30_000);
      expect(final.distribution.status).toBe('SUCCEEDED');
    } finally {
      await progress.close();
    }
    await alive();
    expect(server.output()).not.toMatch(/unhandled rejection|MaxRetriesPerRequestError/i);
    await server.stop();
  }, 120_000);
});
