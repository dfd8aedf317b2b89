import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { apiSession } from './support/api-client';
import { assertAccessible, DEMO_PASSWORD, demoEmail, openCourse, screenshot, signIn } from './support/browser';
import { WEB_DIR } from './support/stack';
import { browserSuite } from './support/suite';

const SERVER_DIST = path.resolve(WEB_DIR, '../server/dist/server/src');
const COURSE = 'Data Analysis 101';

describe('onboarding: invitations, accounts and password resets', () => {
  const suite = browserSuite('onboarding');

  /** Runs one of the operator's commands against the stack's API data, as `npm run <name>` would. */
  const operator = (cli: string, args: string[] = []) => {
    const run = spawnSync(process.execPath, [path.join(SERVER_DIST, 'cli', `${cli}.js`), ...args], { env: suite.stack.apiEnv, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || run.stdout);
    return run.stdout;
  };

  const courseId = async (email: string) => {
    const api = await apiSession(suite.stack.apiUrl, email);
    const { spaces } = await api.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces { nodes { id name } } }');
    return { api, id: spaces.nodes.find((s) => s.name === COURSE)!.id };
  };

  const inviteLink = async (role: string) => {
    const { api, id } = await courseId(demoEmail('instructor'));
    const { createInviteLink } = await api.request<{ createInviteLink: { token: string; invitation: { id: string } } }>(
      'mutation($s: ID!, $r: Role!) { createInviteLink(spaceId: $s, role: $r) { token invitation { id } } }',
      { s: id, r: role },
    );
    return createInviteLink;
  };

  it('an instructor makes an invitation link; a new student opens it, signs up and lands in the course', { timeout: 120_000 }, async () => {
    const instructor = await suite.pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('tab', { name: 'Members' }).click();
    await instructor.getByRole('button', { name: 'Create link' }).click();
    const link = await instructor.getByLabel('The link (shown only now)').inputValue();
    assert.match(link, /\/invite\/sc_inv_/);
    await screenshot(instructor, 'onboarding-link-made');

    const student = await suite.newPage();
    await student.goto(link);
    await student.getByRole('heading', { level: 1, name: `Join ${COURSE}` }).waitFor();
    await student.getByText(`Ada Instructor invites you to the course ${COURSE} as student.`).waitFor();
    await student.getByText(/The password needs at least 10 characters/).waitFor();
    await assertAccessible(student, 'invitation-page');
    const email = `newcomer.${Date.now().toString(36)}@example.org`;
    await student.getByLabel('Your name').fill('Nia Newcomer');
    await student.getByLabel('E-mail address').fill(email);
    await student.getByLabel('Password').fill('aaaaaaaaaaaa');
    await student.getByRole('button', { name: 'Create account and join' }).click();
    await student.getByText('password must contain at least 5 different characters').waitFor();
    await screenshot(student, 'onboarding-weak-password');
    await student.getByLabel('Password').fill('a sturdy passphrase');
    await student.getByRole('button', { name: 'Create account and join' }).click();
    await student.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await student.getByRole('link', { name: 'Nia Newcomer' }).waitFor();

    // The link is used up: opening it again says so.
    const late = await suite.newPage();
    await late.goto(link);
    await late.getByText(/^This invitation was used already \(.+\): each link lets one person in; ask Ada Instructor for a new one\.$/).waitFor();
  });

  it('an instructor resends an e-mail invitation from the members page; only the new link works', { timeout: 90_000 }, async () => {
    const address = `invitee.${Date.now().toString(36)}@example.org`;
    const instructor = await suite.pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('tab', { name: 'Members' }).click();
    await instructor.getByRole('textbox', { name: 'E-mail address' }).fill(address);
    await instructor.getByRole('button', { name: 'Add member' }).click();
    await instructor.getByRole('button', { name: 'Send an invitation' }).click();
    const row = instructor.getByRole('row').filter({ hasText: address });
    await row.getByRole('button', { name: `Resend invitation to ${address}` }).click();
    await instructor.getByText(`The invitation was sent again to ${address}, with a new link; the old link no longer works.`).waitFor();
    await screenshot(instructor, 'onboarding-resent');

    const { api, id } = await courseId(demoEmail('instructor'));
    const { space } = await api.request<{ space: { outbox: { recipient: string; body: string }[] } }>('query($id: ID!) { space(id: $id) { outbox { recipient body } } }', { id });
    const links = space.outbox.filter((m) => m.recipient === address).map((m) => /\/invite\/(sc_inv_[\w-]+)/.exec(m.body)![1]);
    assert.equal(links.length, 2, 'two mails went out');
    const [fresh, old] = links;
    const invitee = await suite.newPage();
    await invitee.goto(`/invite/${old}`);
    await invitee.getByText('This invitation link is not valid.', { exact: false }).waitFor();
    await invitee.goto(`/invite/${fresh}`);
    await invitee.getByText(`The invitation expires on`, { exact: false }).waitFor();
    assert.equal(await invitee.getByLabel('E-mail address').inputValue(), address);
  });

  it('with open sign-up, the sign-in page links to a sign-up page that states the password rule', { timeout: 60_000 }, async () => {
    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await page.getByText(/The password needs at least 10 characters, at least 5 of them different/).waitFor();
    await assertAccessible(page, 'sign-up');
    await page.getByLabel('Your name').fill('Sol Signup');
    await page.getByLabel('E-mail address').fill(`sol.${Date.now().toString(36)}@example.org`);
    await page.getByLabel('Password').fill('sol chooses well');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your spaces' }).waitFor();
  });

  it('a signed-in person joins with one click', { timeout: 90_000 }, async () => {
    const email = `colleague.${Date.now().toString(36)}@example.org`;
    const signUp = await fetch(`${suite.stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }', variables: { i: { email, name: 'Cleo Colleague', password: DEMO_PASSWORD } } }),
    });
    assert.equal(signUp.status, 200);
    const { token } = await inviteLink('VIEWER');
    const page = await suite.newPage();
    await signIn(page, email);
    await page.goto(`/invite/${token}`);
    await page.getByText('You are signed in as Cleo Colleague').waitFor();
    await page.getByText(`Ada Instructor invites you to the course ${COURSE} as viewer.`).waitFor();
    await screenshot(page, 'onboarding-join-signed-in');
    await page.getByRole('button', { name: `Join ${COURSE}` }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
  });

  it('an expired link says when it expired and whom to ask', { timeout: 60_000 }, async () => {
    const { token, invitation } = await inviteLink('MEMBER');
    // The row's id: the API answers global ids, base64url of `Invitation:<row id>`.
    const rowId = Buffer.from(invitation.id, 'base64url').toString('utf8').replace(/^Invitation:/, '');
    // Time passes: the invitation's expiry is moved into the past in the API's database.
    const script = `require('reflect-metadata');
      const { loadConfig } = require(${JSON.stringify(path.join(SERVER_DIST, 'config.js'))});
      const { openDatabase } = require(${JSON.stringify(path.join(SERVER_DIST, 'db/database.js'))});
      const { entities } = require(${JSON.stringify(path.join(SERVER_DIST, 'entities.js'))});
      const { Invitation } = require(${JSON.stringify(path.join(SERVER_DIST, 'modules/spaces/invitation.entity.js'))});
      openDatabase(loadConfig(), entities).then(async (db) => { await db.manager.update(Invitation, { id: ${JSON.stringify(rowId)} }, { expiresAt: new Date(Date.now() - 3600000) }); await db.close(); });`;
    const run = spawnSync(process.execPath, ['-e', script], { env: suite.stack.apiEnv, encoding: 'utf8', cwd: path.resolve(WEB_DIR, '../server') });
    assert.equal(run.status, 0, run.stderr);

    const page = await suite.newPage();
    await page.goto(`/invite/${token}`);
    await page.getByText(/^This invitation expired on .+; ask Ada Instructor for a new one\.$/).waitFor();
    assert.equal(await page.getByRole('button', { name: /join/i }).count(), 0, 'an expired link offers no way to join');
    await assertAccessible(page, 'invitation-expired');

    const forged = await suite.newPage();
    await forged.goto('/invite/sc_inv_not-a-real-one');
    await forged.getByText('This invitation link is not valid. Check that you copied all of it, or ask whoever sent it for a new one.').waitFor();
  });

  it('a forgotten password is reset through the link in the outbox, once', { timeout: 90_000 }, async () => {
    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('E-mail address').fill(demoEmail('farah'));
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If ${demoEmail('farah')} has an account, a link to set a new password is on its way.`, { exact: false }).waitFor();
    await screenshot(page, 'onboarding-reset-asked');

    const outbox = operator('outbox');
    const link = new RegExp(`to ${demoEmail('farah').replace(/[.]/g, '\\.')} [\\s\\S]*?(http\\S+/reset-password/sc_rst_[\\w-]+)`).exec(outbox)?.[1];
    assert.ok(link, `the outbox holds farah's reset link:\n${outbox}`);
    assert.ok(link.startsWith(suite.stack.webUrl), 'the link opens the dashboard');

    await page.goto(link);
    await page.getByText(/The password needs at least 10 characters/).waitFor();
    await assertAccessible(page, 'reset-password');
    await page.getByLabel('New password').fill('farah has a new passphrase');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your spaces' }).waitFor();

    const again = await suite.newPage();
    await again.goto(link);
    await again.getByLabel('New password').fill('someone else entirely');
    await again.getByRole('button', { name: 'Set password and sign in' }).click();
    await again.getByText(/this password reset link was used already/).waitFor();

    const login = await suite.newPage();
    await login.goto('/login');
    await login.getByLabel('E-mail address').fill(demoEmail('farah'));
    await login.getByLabel('Password').fill('farah has a new passphrase');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.getByRole('heading', { level: 1, name: 'Your spaces' }).waitFor();
  });

  it('a personal API token is shown once, works, and stops working when revoked', { timeout: 90_000 }, async () => {
    const page = await suite.pageFor('ta');
    await page.getByRole('link', { name: /Tomás Assistant/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('grading script');
    await page.getByLabel(/^Read-only/).uncheck();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Token “grading script” (shown only now: copy it)').inputValue();
    assert.match(secret, /^sc_pat_/);
    await assertAccessible(page, 'account');

    const me = async () => {
      const res = await fetch(`${suite.stack.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      return ((await res.json()) as { data: { me: { email: string } | null } }).data.me;
    };
    assert.equal((await me())?.email, demoEmail('ta'));

    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'grading script' });
    await row.getByText('Read and write').waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
    await row.getByRole('button', { name: 'Revoke token grading script' }).click();
    await row.getByText('Revoked').waitFor();
    await screenshot(page, 'onboarding-token-revoked');
    assert.equal(await me(), null);
  });
});
