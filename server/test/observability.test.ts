import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { configureLogger } from '../src/core/logger';
import { createCourse, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { probeRedisSync, testRedisUrl } from './support/redis-probe';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { rawId } from './support/ids';

type LogLine = Record<string, any>;

describeDb('observability: request ids in JSON logs, readiness, metrics', () => {
  let server: TestServer;
  let course: TestCourse;
  const lines: string[] = [];
  const logged = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);
  beforeAll(async () => {
    server = await startTestServer({ metricsPort: 0 });
    course = await createCourse(server, 2);
    configureLogger('info', { write: (line: string) => void lines.push(line) });
  });
  afterAll(async () => {
    configureLogger('silent');
    await server.stop();
  });

  it('every request gets an id, echoed in X-Request-Id and on its JSON log line with operation, status and duration', async () => {
    const given = await server.fetch(`/api/workspaces/${course.master}/files/missing.txt`, { token: course.admin.token, headers: { 'x-request-id': 'lb-trace-42' } });
    expect(given.status).toBe(404);
    expect(given.headers.get('x-request-id')).toBe('lb-trace-42');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${course.admin.token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const reqId = res.headers.get('x-request-id');
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    await res.json();
    const forged = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'not an id <script>' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const entries = logged();
    expect(entries.find((e) => e.reqId === 'lb-trace-42')).toMatchObject({
      msg: 'request',
      operation: 'GET /api/workspaces/:id/files/*path',
      status: 404,
      outcome: 'refused',
    });
    expect(entries.find((e) => e.reqId === reqId)).toMatchObject({ msg: 'request', operation: 'query me', status: 200, method: 'POST' });
    expect(entries.every((e) => typeof e.time === 'number' && typeof e.level === 'number')).toBe(true);
  });

  it('a distribution and its targets are logged with the distribution id, and counted in the metrics', async () => {
    await upload(server, course.admin.token, course.master, 'files/a.txt', 'hello');
    await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/a.txt"]) { path } }', { s: { workspaceId: course.master } }, course.admin.token);
    const { pushDistribution } = await server.ok(
      'mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }',
      { input: { source: { workspaceId: course.master }, targets: { spaceId: course.spaceId } } },
      course.admin.token,
    );
    await followDistribution(server, course.admin.token, pushDistribution.id);
    const finished = logged().find((e) => e.msg === 'distribution finished' && e.distributionId === rawId(pushDistribution.id));
    expect(finished).toMatchObject({ status: 'SUCCEEDED', targets: { SUCCEEDED: 2 } });

    const metrics = await (await fetch(server.app.metricsUrl!)).text();
    expect(metrics).toMatch(/^stagecoach_distribution_targets_total\{status="SUCCEEDED"\} [2-9]\d*$/m);
    expect(metrics).toMatch(/^stagecoach_request_duration_seconds_count\{operation="mutation pushDistribution",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^stagecoach_request_duration_seconds_bucket\{le="0.5",operation="PUT \/api\/workspaces\/:id\/files\/\*path",outcome="ok"\} \d+$/m);
  });

  it('the metrics endpoint, on its own port, exposes queue depth, jobs due, open subscriptions and blob store bytes', async () => {
    expect(server.app.metricsUrl).not.toContain(`:${server.app.port}/`);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    const client = createClient({
      url: server.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${course.admin.token}` },
      retryAttempts: 0,
    });
    const subscribed = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const stop = client.subscribe({ query: 'subscription { notificationAdded { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await subscribed;
    // The subscribe message follows connection_ack; the count is read when scraped, so scrape until it shows.
    let metrics = '';
    for (let attempt = 0; attempt < 50 && !/^stagecoach_subscriptions_open 1$/m.test(metrics); attempt++) {
      metrics = await (await fetch(server.app.metricsUrl!)).text();
    }
    expect(metrics).toMatch(/^stagecoach_subscriptions_open 1$/m);
    expect(metrics).toMatch(/^stagecoach_distribution_queue_depth\{status="PENDING"\} 0$/m);
    expect(metrics).toMatch(/^stagecoach_scheduled_jobs_due 0$/m);
    const bytes = Number(/^stagecoach_blob_store_bytes (\d+)$/m.exec(metrics)?.[1]);
    expect(bytes).toBeGreaterThanOrEqual('hello'.length);
    stop();
    await client.dispose();
  });

  it('subscriptions are measured like requests: the time to subscribe by operation and outcome, and every event delivered by operation', async () => {
    const client = createClient({
      url: server.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${course.outsider.token}` },
      retryAttempts: 0,
    });
    const admin = createClient({
      url: server.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${course.admin.token}` },
      retryAttempts: 0,
    });
    const query = 'subscription($id: ID!) { workspaceChanged(workspaceId: $id) { version } }';
    // An outsider may not watch the course's workspace (to them it does not exist): refused, and measured as refused.
    const refused = await new Promise<unknown>((resolve) =>
      client.subscribe({ query, variables: { id: course.master } }, { next: (result) => resolve(result.errors), error: resolve, complete: () => resolve(null) }),
    );
    expect(refused).toEqual([expect.objectContaining({ message: `workspace ${rawId(course.master)} does not exist` })]);

    const versions: number[] = [];
    let eventArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (eventArrived = resolve));
    const subscribed = new Promise<void>((resolve) => admin.on('connected', () => resolve()));
    const stop = admin.subscribe<{ workspaceChanged: { version: number } }>({ query, variables: { id: course.master } }, {
      next: ({ data }) => {
        versions.push(data!.workspaceChanged.version);
        eventArrived();
      },
      error: () => undefined,
      complete: () => undefined,
    });
    await subscribed;
    // The subscription runs once the server counts it open; only then can an event reach it.
    let metrics = '';
    for (let attempt = 0; attempt < 50 && !/^stagecoach_subscriptions_open 1$/m.test(metrics); attempt++) {
      metrics = await (await fetch(server.app.metricsUrl!)).text();
    }
    await upload(server, course.admin.token, course.master, 'files/watched.txt', 'seen');
    await arrived;
    metrics = await (await fetch(server.app.metricsUrl!)).text();
    expect(metrics).toMatch(new RegExp(`^stagecoach_subscription_events_total\\{operation="subscription workspaceChanged",outcome="ok"\\} ${versions.length}$`, 'm'));
    expect(metrics).toMatch(/^stagecoach_request_duration_seconds_count\{operation="subscription workspaceChanged",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^stagecoach_request_duration_seconds_count\{operation="subscription workspaceChanged",outcome="refused"\} 1$/m);
    stop();
    await client.dispose();
    await admin.dispose();
  });
});

describeDb('readiness', () => {
  it('/readyz answers 200 while the database answers and 503 with the failing check once it is gone; /healthz stays up', async () => {
    const server = await startTestServer();
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, checks: { database: 'ok' } });
      await server.app.db.close();
      const gone = await fetch(`${server.url}/readyz`);
      expect(gone.status).toBe(503);
      expect(gone.headers.get('retry-after')).toBe('5');
      const body = (await gone.json()) as { ready: boolean; checks: { database: string } };
      expect(body.ready).toBe(false);
      expect(body.checks.database).not.toBe('ok');
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  (probeRedisSync() ? it.skip : it)('/readyz checks Redis when REDIS_URL is set', async () => {
    const server = await startTestServer({ redisUrl: testRedisUrl });
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(await ready.json()).toMatchObject({ ready: true, checks: { database: 'ok', redis: 'ok' } });
    } finally {
      await server.stop();
    }
  });
});
