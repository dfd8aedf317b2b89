import { createHash } from 'node:crypto';
import { createUser } from './support/factories';
import { startOidcProvider, type RunningProvider } from './support/oidc/launch';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { rawId } from './support/ids';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in a
 * child process), driven over HTTP the way a browser follows the redirects.
 */
const DASHBOARD = 'http://dashboard.test';
const CLIENT = { client_id: 'stagecoach', client_secret: 'test-client-secret', redirect_uris: [`${DASHBOARD}/auth/oidc/uni/callback`] };
const ACCOUNTS = {
  ada: { email: 'Ada@Uni.test', email_verified: true, name: 'Ada Lovelace' },
  bob: { email: 'bob@uni.test', email_verified: false, name: 'Bob Unverified' },
  cyd: { email: 'cyd@uni.test', email_verified: true, name: 'Cyd From The Provider' },
  dan: { email: 'dan@uni.test', email_verified: true, name: 'Dan Invited' },
  eve: { email: 'eve@elsewhere.test', email_verified: true, name: 'Eve Elsewhere' },
};
type Login = keyof typeof ACCOUNTS;

/** Cookies per origin, as a browser would keep them (paths ignored: each origin here is one application). */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    this.jars.set(origin, new Map([...(this.jars.get(origin) ?? []), [name, value]]));
  }
}

function location(res: Response): string {
  const to = res.headers.get('location');
  if (!to) throw new Error(`expected a redirect, got ${res.status}: ${res.statusText}`);
  return to;
}

/** The message a refused sign-in shows on the login page. */
function refusal(url: string): string | null {
  const landed = new URL(url);
  return landed.pathname === '/login' ? landed.searchParams.get('error') : null;
}

describeDb('single sign-on with OpenID Connect', () => {
  let provider: RunningProvider;
  let server: TestServer;

  const issuerConfig = (extra: Record<string, unknown> = {}) => ({
    id: 'uni',
    name: 'Test University',
    issuer: provider.issuer,
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    ...extra,
  });

  async function serverWith(issuer: Record<string, unknown>): Promise<TestServer> {
    return startTestServer({ webUrl: DASHBOARD, oidcIssuers: [{ emailClaim: 'email', allowedDomains: null, ...issuer } as never] });
  }

  /** Until the provider's answer reaches the dashboard's callback address (not yet followed). */
  async function toCallback(browser: Browser, target: TestServer, login: Login | 'cancel', query = ''): Promise<string> {
    const start = await browser.get(`${target.url}/auth/oidc/uni/start${query}`);
    expect(start.status).toBe(303);
    let url = location(start);
    if (refusal(url) !== null) return url;
    expect(url.startsWith(provider.issuer)).toBe(true);
    for (let hops = 0; hops < 10; hops++) {
      if (url.startsWith(DASHBOARD)) return url;
      const res = await browser.get(url);
      if (res.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
        const form = await browser.get(`${url}/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(login === 'cancel' ? { cancel: '1' } : { login }).toString(),
        });
        url = new URL(location(form), url).href;
      } else {
        url = new URL(location(res), url).href;
      }
    }
    throw new Error('the provider never sent the browser back');
  }

  /** Delivers the provider's answer to the API, as the dashboard forwards `/auth/oidc`; returns where the browser lands. */
  async function callback(browser: Browser, target: TestServer, callbackUrl: string): Promise<string> {
    const url = new URL(callbackUrl);
    const res = await browser.get(`${target.url}${url.pathname}${url.search}`);
    expect(res.status).toBe(303);
    const landing = location(res);
    return landing;
  }

  async function signIn(target: TestServer, login: Login | 'cancel', query = ''): Promise<{ landing: string; browser: Browser }> {
    const browser = new Browser();
    const to = await toCallback(browser, target, login, query);
    if (!to.startsWith(`${DASHBOARD}/auth/oidc/`)) return { landing: to, browser };
    return { landing: await callback(browser, target, to), browser };
  }

  const sessionOf = (browser: Browser, target = server) => browser.cookie(target.url, 'stagecoach_session');
  const me = async (target: TestServer, session: string | undefined) =>
    (await target.ok<{ me: { id: string; email: string; name: string } | null }>('{ me { id email name } }', {}, session)).me;
  const userCount = async (target: TestServer) => (await target.app.db.manager.query('SELECT COUNT(*) AS n FROM user'))[0].n as number | string;

  beforeAll(async () => {
    provider = await startOidcProvider({ accounts: ACCOUNTS, clients: [CLIENT] });
    server = await serverWith(issuerConfig({ allowedDomains: ['uni.test'] }));
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  it('lists the provider for the login page', async () => {
    const { signInProviders } = await server.ok('{ signInProviders { id name startUrl } }');
    expect(signInProviders).toEqual([{ id: 'uni', name: 'Test University', startUrl: '/auth/oidc/uni/start' }]);
  });

  it('creates an account at the first sign-in and signs the same account in the second time', async () => {
    const first = await signIn(server, 'ada');
    expect(first.landing).toBe(`${DASHBOARD}/`);
    const account = await me(server, sessionOf(first.browser));
    expect(account).toMatchObject({ email: 'ada@uni.test', name: 'Ada Lovelace' });

    const users = await userCount(server);
    const second = await signIn(server, 'ada', '?next=/spaces');
    expect(await userCount(server)).toEqual(users);
    expect(second.landing).toBe(`${DASHBOARD}/spaces`);
    expect(sessionOf(second.browser)).not.toBe(sessionOf(first.browser));
    expect((await me(server, sessionOf(second.browser)))?.id).toBe(account?.id);
    // The account has no password: signing in with one is refused like any wrong password.
    const login = await server.gql('mutation { login(email: "ada@uni.test", password: "anything at all") { token } }');
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('links an existing password account with the same verified address', async () => {
    const existing = await createUser(server, 'Cyd');
    await server.app.db.manager.query('UPDATE user SET email = ? WHERE id = ?', ['cyd@uni.test', rawId(existing.id)]);
    const before = await userCount(server);
    const { landing, browser } = await signIn(server, 'cyd');
    expect(landing).toBe(`${DASHBOARD}/`);
    expect(await me(server, sessionOf(browser))).toMatchObject({ id: existing.id, name: 'Cyd' });
    expect(await userCount(server)).toEqual(before);
    // The password still works too.
    expect((await server.ok('mutation { login(email: "cyd@uni.test", password: "correct horse battery") { user { id } } }')).login.user.id).toBe(existing.id);
  });

  it.each([
    ['an address the provider has not verified', 'bob', 'Test University has not verified your e-mail address, so it cannot sign you in here; verify it with Test University first'],
    ['an address outside the allowed domains', 'eve', 'eve@elsewhere.test may not sign in with Test University; addresses at uni.test may'],
  ] as const)('refuses %s, creating nothing', async (_what, login, message) => {
    const before = await userCount(server);
    const { landing, browser } = await signIn(server, login);
    expect(refusal(landing)).toBe(message);
    expect(sessionOf(browser)).toBeUndefined();
    expect(await userCount(server)).toEqual(before);
  });

  it('refuses when the provider answers with an error (the person cancelled), creating nothing', async () => {
    const before = await userCount(server);
    const { landing, browser } = await signIn(server, 'cancel');
    expect(refusal(landing)).toBe('Test University did not sign you in: the login was cancelled');
    expect(sessionOf(browser)).toBeUndefined();
    expect(await userCount(server)).toEqual(before);
  });

  it('refuses an answer whose state does not match, and the same answer a second time', async () => {
    const before = await userCount(server);
    const browser = new Browser();
    const answer = await toCallback(browser, server, 'dan');
    const forged = new URL(answer);
    forged.searchParams.set('state', 'not-the-state-that-was-sent');
    // The attempt cookie survives the refused try so the genuine answer can be replayed with it.
    const key = browser.cookie(server.url, 'stagecoach_sso');
    expect(refusal(await callback(browser, server, forged.href))).toMatch(/^the answer from Test University could not be verified \(.*state.*\); please sign in again$/);

    const replayer = new Browser();
    replayer.setCookie(server.url, 'stagecoach_sso', key!);
    expect(refusal(await callback(replayer, server, answer))).toBe(
      'this sign-in was already used, has expired or was started in another browser; please sign in again',
    );
    // Without the browser's attempt cookie the answer is refused as well.
    expect(refusal(await callback(new Browser(), server, answer))).toMatch(/^this sign-in was already used/);
    expect(await userCount(server)).toEqual(before);
  });

  it('refuses an ID token whose nonce is not the one this browser sent', async () => {
    const before = await userCount(server);
    const browser = new Browser();
    const answer = await toCallback(browser, server, 'dan');
    // As if the code had been obtained in another sign-in: the provider's token carries that sign-in's nonce.
    const keyHash = createHash('sha256').update(browser.cookie(server.url, 'stagecoach_sso')!).digest('hex');
    await server.app.db.manager.query('UPDATE sign_in_attempt SET nonce = ? WHERE keyHash = ?', ['a-nonce-this-browser-never-sent', keyHash]);
    expect(refusal(await callback(browser, server, answer))).toMatch(/^the answer from Test University could not be verified \(.*nonce.*\); please sign in again$/);
    expect(sessionOf(browser)).toBeUndefined();
    expect(await userCount(server)).toEqual(before);
  });

  it('replaying a successful answer does not sign in again', async () => {
    const browser = new Browser();
    const answer = await toCallback(browser, server, 'ada');
    const key = browser.cookie(server.url, 'stagecoach_sso');
    expect(await callback(browser, server, answer)).toBe(`${DASHBOARD}/`);
    const replayer = new Browser();
    replayer.setCookie(server.url, 'stagecoach_sso', key!);
    expect(refusal(await callback(replayer, server, answer))).toMatch(/^this sign-in was already used/);
    expect(sessionOf(replayer)).toBeUndefined();
  });

  it('refuses a provider whose issuer is not the one configured', async () => {
    // Same provider, reached under another name: its documents name 127.0.0.1, not localhost.
    const wrong = await serverWith(issuerConfig({ issuer: provider.issuer.replace('127.0.0.1', 'localhost') }));
    try {
      const before = await userCount(wrong);
      const { landing, browser } = await signIn(wrong, 'ada');
      expect(refusal(landing)).toMatch(/^signing in with Test University is not available: its settings could not be read \(.*issuer.*\)$/);
      expect(sessionOf(browser, wrong)).toBeUndefined();
      expect(await userCount(wrong)).toEqual(before);
    } finally {
      await wrong.stop();
    }
  });

  it('refuses an unknown provider and a next page on another site', async () => {
    const unknown = await new Browser().get(`${server.url}/auth/oidc/nowhere/start`);
    expect(refusal(location(unknown))).toBe("there is no sign-in provider 'nowhere'");
    const elsewhere = await new Browser().get(`${server.url}/auth/oidc/uni/start?next=//evil.example/`);
    expect(refusal(location(elsewhere))).toBe("'//evil.example/' is not a page of this dashboard; give a path such as /spaces");
  });

  it('accepts an invitation carried through the sign-in', async () => {
    const admin = await createUser(server, 'Instructor');
    const { createSpace } = await server.ok(`mutation { createSpace(input: { name: "Logic 101", kind: COURSE }) { id } }`, {}, admin.token);
    const { createInviteLink } = await server.ok(
      `mutation($s: ID!) { createInviteLink(spaceId: $s, role: MEMBER) { token } }`,
      { s: createSpace.id },
      admin.token,
    );
    const { landing, browser } = await signIn(server, 'dan', `?invite=${encodeURIComponent(createInviteLink.token)}&next=/spaces/${createSpace.id}`);
    expect(landing).toBe(`${DASHBOARD}/spaces/${createSpace.id}`);
    const { space } = await server.ok(`query($id: ID!) { space(id: $id) { name myRole } }`, { id: createSpace.id }, sessionOf(browser));
    expect(space).toEqual({ name: 'Logic 101', myRole: 'MEMBER' });

    // A used invitation is refused before anything happens.
    const again = await new Browser().get(`${server.url}/auth/oidc/uni/start?invite=${encodeURIComponent(createInviteLink.token)}`);
    expect(refusal(location(again))).toMatch(/^this invitation was used already \(.* UTC\); ask .+ for a new one$/);
  });
});
