import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiSession } from './support/api-client';
import { DEMO_PASSWORD, demoEmail, launchChromium, openCourse, openPage, screenshot, signIn } from './support/browser';
import { startStack, type Stack } from './support/stack';

const MASTER = 'Data Analysis 101 (master)';

/**
 * The dashboard's own writes pass the API's cross-site request checks, and a
 * page on another origin of the same site (the session cookie is sent to it,
 * SameSite=Lax being per site, not per origin) cannot forge one.
 */
describe('cross-site request checks in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let workspaceId: string;

  before(async () => {
    stack = await startStack();
    browser = await launchChromium();
    page = await openPage(browser, stack.webUrl);
    await signIn(page, demoEmail('instructor'));
    await openCourse(page);
    await page.getByRole('link', { name: MASTER }).click();
    await page.waitForURL(/\/workspaces\/[^/?]+/);
    workspaceId = /\/workspaces\/([^/?#]+)/.exec(page.url())![1];
  });

  after(async () => {
    await page?.context().close();
    await browser?.close();
    await stack?.stop();
  });

  const tableNames = async () => {
    const session = await apiSession(stack.apiUrl, demoEmail('instructor'));
    const { workspace } = await session.request<{ workspace: { entries: { nodes: { name: string }[] } } }>(
      'query ($w: ID!) { workspace(id: $w) { entries(path: "tables") { nodes { name } } } }',
      { w: workspaceId },
    );
    return workspace.entries.nodes.map((n) => n.name);
  };

  it('an upload from the dashboard, signed in with the session cookie, is accepted', { timeout: 60_000 }, async () => {
    await page.getByRole('link', { name: 'files', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'csrf-check.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('uploaded through the dashboard\n'),
    });
    await page.getByRole('link', { name: 'csrf-check.txt', exact: true }).waitFor();
    await screenshot(page, 'edge-security-dashboard-upload');
  });

  it('a form on another origin of the same site cannot create a table with the visitor’s cookie', { timeout: 60_000 }, async () => {
    const evilOrigin = 'http://127.0.0.1:9';
    const target = `${stack.webUrl}/api/workspaces/${workspaceId}/tables/forged`;
    await page.context().route(`${evilOrigin}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Win a prize</title><form method="post" enctype="text/plain" action="${target}">
          <input name="Name,Score&#10;Mallory,100&#10;x" value="1"></form><script>document.forms[0].submit()</script>`,
      }),
    );
    const answer = page.waitForResponse((response) => response.url() === target);
    await page.goto(`${evilOrigin}/prize.html`);
    const response = await answer;
    assert.equal(response.status(), 403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'FORBIDDEN');
    assert.match(body.error.message, /may not use the session cookie/);
    await screenshot(page, 'edge-security-forged-form-refused');
    assert.ok(!(await tableNames()).includes('forged'));
  });

  it('after too many wrong passwords the sign-in form says to wait, even for the right one', { timeout: 60_000 }, async () => {
    const visitor = await openPage(browser, stack.webUrl);
    try {
      await visitor.goto('/login');
      const attempt = async (password: string) => {
        await visitor.getByLabel('E-mail address').fill(demoEmail('dana'));
        await visitor.getByLabel('Password').fill(password);
        const answered = visitor.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST');
        await visitor.getByRole('button', { name: 'Sign in' }).click();
        return (await answered).status();
      };
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push(await attempt(`wrong password ${i}`));
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
      assert.equal(statuses[10], 429);
      assert.equal(await attempt(DEMO_PASSWORD), 429);
      const alert = visitor.getByRole('alert');
      await alert.getByText('Too many attempts. Please wait before trying again.').waitFor();
      await alert.getByText(/try again in \d+ seconds/).waitFor();
      assert.match(visitor.url(), /\/login/);
      await screenshot(visitor, 'edge-security-login-throttled');
    } finally {
      await visitor.context().close();
    }
  });
});
