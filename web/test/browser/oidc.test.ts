import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { screenshot } from './support/browser';
import { startOidcProvider, type OidcProvider } from './support/oidc-provider';
import { freePort } from './support/stack';
import { browserSuite } from './support/suite';

const CLIENT = { id: 'stagecoach', secret: 'browser-test-secret' };
const ACCOUNTS = {
  ada: { email: 'ada@uni.test', email_verified: true, name: 'Ada Lovelace' },
  bob: { email: 'bob@uni.test', email_verified: false, name: 'Bob Unverified' },
};

/**
 * Signing in with a university's own login: the dashboard's button leads to a
 * real OpenID Connect provider, whose login brings the person back signed in.
 */
describe('single sign-on in a browser', () => {
  let providerPort: number;
  let provider: OidcProvider | undefined;
  // Before the stack starts (hooks run in the order they are declared): the API is told the provider's address.
  before(async () => {
    providerPort = await freePort();
  });
  // The API reads the provider's settings only at the first sign-in, so it may start before the provider,
  // which needs the dashboard's address (its redirect URI) that only the started stack knows.
  const suite = browserSuite('oidc', {
    apiEnv: {
      // Read when the stack starts, once the port is chosen.
      get OIDC_ISSUERS() {
        return JSON.stringify([{ id: 'uni', name: 'Test University', issuer: `http://127.0.0.1:${providerPort}`, clientId: CLIENT.id, clientSecret: CLIENT.secret }]);
      },
    },
  });

  before(async () => {
    provider = await startOidcProvider(providerPort, { ...CLIENT, redirectUri: `${suite.stack.webUrl}/auth/oidc/uni/callback` }, ACCOUNTS);
  });
  after(async () => {
    await provider?.stop();
  });

  it('"Sign in with Test University" leads to its login and back to the dashboard, signed in', { timeout: 60_000 }, async () => {
    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Test University' }).click();
    await page.getByRole('heading', { name: 'Test University login' }).waitFor();
    assert.ok(page.url().startsWith(provider!.issuer), `the provider's login page, not ${page.url()}`);
    await page.getByLabel('Username').fill('ada');
    await screenshot(page, 'oidc-provider-login');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your spaces' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await page.locator('.app-header__name').innerText(), /^Signed in as\s+Ada Lovelace$/);
    // A new account: the provider's first sign-in created it.
    await page.getByText('You are not a member of any space yet.').waitFor();
  });

  it('an address the provider has not verified ends on the login page saying why', { timeout: 60_000 }, async () => {
    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Test University' }).click();
    await page.getByLabel('Username').fill('bob');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'You are not signed in' });
    await alert.waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(
      await alert.innerText(),
      'You are not signed in: Test University has not verified your e-mail address, so it cannot sign you in here; verify it with Test University first.',
    );
  });
});
