import { createUser, type TestUser } from './support/factories';
import { randomBytes } from 'node:crypto';
import { probeRedisSync, testRedisUrl } from './support/redis-probe';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { configureLogger } from '../src/core/logger';
import { ACCOUNT_FAILURES, ADDRESS_FAILURES } from '../src/modules/users/login-throttle';

const PASSWORD = 'correct horse battery';

async function loginAt(server: TestServer, email: string, password: string, address?: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(address ? { 'x-forwarded-for': address } : {}) },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } } | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.errors?.[0]?.extensions.code, message: body.errors?.[0]?.message, token: body.data?.login.token };
}

/** Password guessing is throttled per account and per client address. */
describeDb('login throttling', () => {
  let server: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    configureLogger('info', { write: (line: string) => void lines.push(line) });
  });
  afterAll(async () => {
    configureLogger('silent');
    await server.stop();
  });
  const login = (email: string, password: string, address?: string) => loginAt(server, email, password, address);

  it('50 wrong passwords in a row end in 429 with Retry-After, and the right password is refused too while throttled', async () => {
    const user = await createUser(server, 'Guessed');
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await login(user.email, `wrong password ${i}`, '198.51.100.1'));
    expect(answers.slice(0, ACCOUNT_FAILURES).every((a) => a.code === 'UNAUTHENTICATED')).toBe(true);
    const throttled = answers.slice(ACCOUNT_FAILURES);
    for (const answer of throttled) {
      expect(answer.status).toBe(429);
      expect(answer.code).toBe('RATE_LIMITED');
      expect(answer.message).toMatch(/too many wrong passwords; try again in \d+ seconds/);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(15 * 60);
    }
    // From another address too: the account itself is locked.
    const right = await login(user.email, PASSWORD, '198.51.100.2');
    expect(right.status).toBe(429);
    expect(right.code).toBe('RATE_LIMITED');
    expect(right.token).toBeUndefined();
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.email === user.email);
    expect(logged.filter((entry) => entry.event === 'login_failed')).toHaveLength(ACCOUNT_FAILURES);
    expect(logged.filter((entry) => entry.event === 'login_throttled').length).toBe(50 - ACCOUNT_FAILURES + 1);
    expect(logged.find((entry) => entry.event === 'login_throttled')).toMatchObject({ address: '198.51.100.1', level: 40 });
  });

  it('a successful login clears the account’s count of wrong passwords', async () => {
    const user = await createUser(server, 'Forgetful');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) expect((await login(user.email, 'not my password', '198.51.100.3')).code).toBe('UNAUTHENTICATED');
      expect((await login(user.email, PASSWORD, '198.51.100.3')).token).toMatch(/^sc_ses_/);
    }
  });

  it('an address that guesses across many accounts is throttled for every account, other addresses are not', async () => {
    const victim: TestUser = await createUser(server, 'Victim');
    const attacker = '203.0.113.66';
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      const answer = await login(`nobody${i}@example.org`, 'guess', attacker);
      expect(answer.code).toBe('UNAUTHENTICATED');
    }
    const fromAttacker = await login(victim.email, PASSWORD, attacker);
    expect(fromAttacker.status).toBe(429);
    expect(fromAttacker.retryAfter).toMatch(/^\d+$/);
    const fromElsewhere = await login(victim.email, PASSWORD, '203.0.113.67');
    expect(fromElsewhere.token).toMatch(/^sc_ses_/);
  });
});

const redisMissing = probeRedisSync();
(redisMissing ? describe.skip : describeDb)('login throttling with REDIS_URL', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ redisUrl: testRedisUrl });
    second = await startTestServer({ redisUrl: testRedisUrl });
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
  });

  it('every API process shares the counters: an account locked on one is locked on the other', async () => {
    const email = `shared.${randomBytes(6).toString('hex')}@example.org`;
    const address = `192.0.2.${1 + (randomBytes(1)[0] % 250)}`;
    for (let i = 0; i < ACCOUNT_FAILURES; i++) expect((await loginAt(first, email, 'wrong', address)).code).toBe('UNAUTHENTICATED');
    const elsewhere = await loginAt(second, email, 'wrong', address);
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.code).toBe('RATE_LIMITED');
  });
});
