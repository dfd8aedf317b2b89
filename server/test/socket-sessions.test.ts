import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createUser } from './support/factories';
import { describeDb, startTestServer, type TestServer } from './support/test-server';

interface Closed {
  code: number;
  reason: string;
}

/**
 * A live subscription on `notificationAdded` authenticated with `auth`;
 * `acknowledged` settles when the server accepted it, `closed` when the socket closes.
 */
function subscribe(server: TestServer, auth: { token?: string; headers?: Record<string, string> }) {
  let ack!: () => void;
  let closedWith!: (event: Closed) => void;
  const acknowledged = new Promise<void>((resolve) => (ack = resolve));
  const closed = new Promise<Closed>((resolve) => (closedWith = resolve));
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: auth.headers ?? {} });
    }
  }
  const client = createClient({
    url: server.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WithHeaders,
    connectionParams: auth.token ? { authorization: `Bearer ${auth.token}` } : undefined,
    retryAttempts: 0,
    lazy: false,
    // The close is what these tests wait for; it is not an error to report.
    onNonLazyError: () => undefined,
    on: {
      connected: () => ack(),
      closed: (event) => closedWith({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }),
    },
  });
  client.subscribe({ query: 'subscription { notificationAdded { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  return { acknowledged, closed, dispose: () => client.dispose() };
}

/** Within `ms`, or the test fails naming what did not happen. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))),
  ]);
}

/**
 * Opens a bare graphql-ws socket with `headers` and says how the HTTP upgrade
 * was answered: the status (101 when accepted), the refusal's body, and how many
 * graphql-ws messages arrived (none is sent unless the client speaks first).
 */
function upgrade(server: TestServer, headers: Record<string, string>): Promise<{ status: number; body: string; messages: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws', { headers });
    let messages = 0;
    socket.on('message', () => messages++);
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, messages }));
    });
    socket.on('upgrade', () => {
      socket.close();
      resolve({ status: 101, body: '', messages });
    });
    socket.on('error', (err) => (err.message.startsWith('Unexpected server response') ? undefined : reject(err)));
  });
}

describeDb('subscription sockets end with their session and check their origin', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webUrl: 'http://dashboard.example.org', corsOrigins: ['https://lms.example.org'] });
  });
  afterAll(() => server.stop());

  it('logging out closes the open subscriptions of that session within seconds', async () => {
    const user = await createUser(server);
    const socket = subscribe(server, { token: user.token });
    await within(socket.acknowledged, 5000, 'connection ack');
    await server.ok('mutation { logout }', {}, user.token);
    const closed = await within(socket.closed, 6000, 'closing the socket after logout');
    expect(closed.code).toBe(4401);
    socket.dispose();
  });

  it('revoking a personal token closes the subscriptions it opened; other sessions stay open', async () => {
    const user = await createUser(server);
    const { createApiToken } = await server.ok('mutation { createApiToken(name: "dashboard tv") { secret token { id } } }', {}, user.token);
    const viaToken = subscribe(server, { token: createApiToken.secret });
    const viaSession = subscribe(server, { token: user.token });
    await within(Promise.all([viaToken.acknowledged, viaSession.acknowledged]), 5000, 'connection ack');
    let sessionClosed = false;
    void viaSession.closed.then(() => (sessionClosed = true));
    await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: createApiToken.token.id }, user.token);
    expect((await within(viaToken.closed, 6000, 'closing the revoked token’s socket')).code).toBe(4401);
    expect(sessionClosed).toBe(false);
    viaToken.dispose();
    viaSession.dispose();
  });

  it('a socket upgrade carrying the session cookie from a foreign origin is refused with 403 before any message; the dashboard, a listed origin, the API itself and tokens are not', async () => {
    const user = await createUser(server);
    const cookie = `stagecoach_session=${user.token}`;
    const foreign = await upgrade(server, { cookie, origin: 'https://evil.example.net' });
    expect(foreign).toEqual({ status: 403, body: expect.stringContaining('https://evil.example.net may not use the session cookie'), messages: 0 });
    for (const origin of ['http://dashboard.example.org', 'https://lms.example.org']) {
      const allowed = subscribe(server, { headers: { cookie, origin } });
      await within(allowed.acknowledged, 5000, `connection ack for ${origin}`);
      allowed.dispose();
    }
    for (const origin of ['http://dashboard.example.org', 'https://lms.example.org', server.url]) {
      expect((await upgrade(server, { cookie, origin })).status).toBe(101);
    }
    expect((await upgrade(server, { origin: 'https://evil.example.net' })).status).toBe(101);
    const withToken = subscribe(server, { token: user.token, headers: { origin: 'https://evil.example.net' } });
    await within(withToken.acknowledged, 5000, 'connection ack with a token');
    withToken.dispose();
  });
});
