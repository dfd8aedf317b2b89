import { runAdminCreate } from '../src/cli/admin-create';
import { runOutbox } from '../src/cli/outbox';
import { Invitation } from '../src/modules/spaces/invitation.entity';
import { PasswordReset } from '../src/modules/users/password-reset.entity';
import { createCourse, createUser, type TestCourse } from './support/factories';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { rawId } from './support/ids';

const PASSWORD = 'correct horse battery';
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { token user { id instanceAdmin } } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ACCEPT = 'mutation($t: String!, $s: AcceptSignUpInput) { acceptInvitation(token: $t, signUp: $s) { token user { id } space { id myRole } } }';
const PREVIEW = 'query($t: String!) { invitation(token: $t) { spaceName spaceKind role invitedBy email expiresAt status closedAt } }';
const LINK = 'mutation($s: ID!, $r: Role!) { createInviteLink(spaceId: $s, role: $r) { token invitation { id } } }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { token user { email } } }';

const email = (who: string) => `${who}.${Math.random().toString(36).slice(2, 8)}@example.org`;

/** The reset links the instance outbox holds for `to`, newest last, as `npm run outbox` prints them. */
async function resetLinks(server: TestServer, to: string): Promise<string[]> {
  const lines: string[] = [];
  expect(await runOutbox(server.config, ['1000'], (line) => lines.push(line))).toBe(0);
  return lines
    .filter((block) => block.includes(` to ${to} `))
    .map((block) => /\/reset-password\/(sc_rst_[\w-]+)/.exec(block)![1]);
}

describeDb('onboarding: open sign-up, invitations, accounts and password resets', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 1);
  });
  afterAll(() => server.stop());

  it('states the password rule that sign-up enforces', async () => {
    const { signUpSettings } = await server.ok('{ signUpSettings { openSignUp passwordRule passwordMinLength } }', {}, null);
    expect(signUpSettings).toEqual({ openSignUp: true, passwordRule: expect.stringContaining('at least 10 characters'), passwordMinLength: 10 });
  });

  it('refuses weak passwords naming what is wrong, and creates no account', async () => {
    const address = email('weak');
    const cases: [string, RegExp][] = [
      ['short', /at least 10 characters/],
      ['aaaaabbbbbaaaaa', /at least 5 different characters/],
      [`${address}!`, /must not contain your e-mail address/],
    ];
    for (const [password, message] of cases) {
      const result = await server.gql(SIGN_UP, { i: { email: address, name: 'Weak', password } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(message);
    }
    expect(codeOf(await server.gql(LOGIN, { e: address, p: 'short' }))).toBe('UNAUTHENTICATED');
    expect((await server.gql(SIGN_UP, { i: { email: address, name: 'Weak', password: PASSWORD } })).errors).toBeUndefined();
  });

  describe('invitations', () => {
    it('shows what a link offers without signing in, and nothing for an unknown link', async () => {
      const { createInviteLink } = await server.ok(LINK, { s: course.spaceId, r: 'MEMBER' }, course.admin.token);
      const { invitation } = await server.ok(PREVIEW, { t: createInviteLink.token }, null);
      expect(invitation).toMatchObject({ spaceKind: 'COURSE', role: 'MEMBER', invitedBy: 'Admin', email: null, status: 'OPEN', closedAt: null });
      expect(new Date(invitation.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
      expect((await server.ok(PREVIEW, { t: 'sc_inv_forged' }, null)).invitation).toBeNull();
      const accepted = await server.gql(ACCEPT, { t: 'sc_inv_forged', s: { email: email('forger'), name: 'Forger', password: PASSWORD } });
      expect(codeOf(accepted)).toBe('NOT_FOUND');
      expect(accepted.errors![0].message).toMatch(/this invitation link is not valid/);
    });

    it('lets a new person create an account and join in one step, and refuses the used link after', async () => {
      const { createInviteLink } = await server.ok(LINK, { s: course.spaceId, r: 'MEMBER' }, course.admin.token);
      const joined = await server.ok(ACCEPT, { t: createInviteLink.token, s: { email: email('newcomer'), name: 'Newcomer', password: PASSWORD } });
      expect(joined.acceptInvitation.space).toEqual({ id: course.spaceId, myRole: 'MEMBER' });
      const again = await server.gql(ACCEPT, { t: createInviteLink.token }, course.outsider.token);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toMatch(/^this invitation was used already \(.* UTC\); ask Admin for a new one$/);
      expect((await server.ok(PREVIEW, { t: createInviteLink.token }, null)).invitation).toMatchObject({ status: 'USED', closedAt: expect.any(String) });
    });

    it('refuses a weak password on the invitation page and leaves the link usable', async () => {
      const { createInviteLink } = await server.ok(LINK, { s: course.spaceId, r: 'MEMBER' }, course.admin.token);
      const address = email('joiner');
      const weak = await server.gql(ACCEPT, { t: createInviteLink.token, s: { email: address, name: 'Joiner', password: 'too short' } });
      expect(codeOf(weak)).toBe('BAD_USER_INPUT');
      expect((await server.ok(PREVIEW, { t: createInviteLink.token }, null)).invitation.status).toBe('OPEN');
      expect((await server.ok(ACCEPT, { t: createInviteLink.token, s: { email: address, name: 'Joiner', password: PASSWORD } })).acceptInvitation.space.myRole).toBe('MEMBER');
    });

    it('says when a link expired and who to ask, and lets nobody join with it', async () => {
      const { createInviteLink } = await server.ok(LINK, { s: course.spaceId, r: 'MEMBER' }, course.admin.token);
      const expiredAt = new Date(Date.now() - 60_000);
      await server.app.db.manager.update(Invitation, { id: rawId(createInviteLink.invitation.id) }, { expiresAt: expiredAt });
      const result = await server.gql(ACCEPT, { t: createInviteLink.token }, course.outsider.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toBe(`this invitation expired on ${expiredAt.toISOString().slice(0, 19).replace('T', ' ')} UTC; ask Admin for a new one`);
      expect((await server.ok(PREVIEW, { t: createInviteLink.token }, null)).invitation.status).toBe('EXPIRED');
      expect(codeOf(await server.gql('query($id: ID!) { space(id: $id) { id } }', { id: course.spaceId }, course.outsider.token))).toBe('NOT_FOUND');
    });

    it('says when a link was withdrawn', async () => {
      const { createInviteLink } = await server.ok(LINK, { s: course.spaceId, r: 'VIEWER' }, course.admin.token);
      await server.ok('mutation($id: ID!) { revokeInvitation(id: $id) { revokedAt } }', { id: createInviteLink.invitation.id }, course.admin.token);
      const result = await server.gql(ACCEPT, { t: createInviteLink.token, s: { email: email('late'), name: 'Late', password: PASSWORD } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/^this invitation was withdrawn \(.* UTC\); ask Admin for a new one$/);
      expect((await server.ok(PREVIEW, { t: createInviteLink.token }, null)).invitation.status).toBe('REVOKED');
    });

    it('lets only admins offer roles, and a link dies with its maker\'s right to offer that role', async () => {
      const byTa = await server.gql(LINK, { s: course.spaceId, r: 'ADMIN' }, course.ta.token);
      expect(codeOf(byTa)).toBe('FORBIDDEN');
      const second = await createUser(server, 'Second Admin');
      await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: ADMIN) { role } }', { s: course.spaceId, e: second.email }, course.admin.token);
      const { createInviteLink } = await server.ok(LINK, { s: course.spaceId, r: 'ADMIN' }, second.token);
      await server.ok('mutation($s: ID!, $u: ID!) { changeMemberRole(spaceId: $s, userId: $u, role: TA) { role } }', { s: course.spaceId, u: second.id }, course.admin.token);
      const result = await server.gql(ACCEPT, { t: createInviteLink.token }, course.outsider.token);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.errors![0].message).toMatch(/Second Admin can no longer offer the role ADMIN/);
      expect(codeOf(await server.gql('query($id: ID!) { space(id: $id) { id } }', { id: course.spaceId }, course.outsider.token))).toBe('NOT_FOUND');
      const raise = await server.gql('mutation($s: ID!, $u: ID!) { changeMemberRole(spaceId: $s, userId: $u, role: ADMIN) { role } }', { s: course.spaceId, u: second.id }, second.token);
      expect(codeOf(raise)).toBe('FORBIDDEN');
    });

    it('resends an e-mail invitation with a fresh link; the old one stops working', async () => {
      const address = email('guest');
      const { inviteByEmail } = await server.ok(
        'mutation($s: ID!, $e: String!) { inviteByEmail(spaceId: $s, email: $e, role: MEMBER) { token invitation { id } } }',
        { s: course.spaceId, e: address },
        course.admin.token,
      );
      const resend = 'mutation($id: ID!) { resendInvitation(id: $id) { id expiresAt } }';
      expect(codeOf(await server.gql(resend, { id: inviteByEmail.invitation.id }, course.ta.token))).toBe('FORBIDDEN');
      await server.ok(resend, { id: inviteByEmail.invitation.id }, course.admin.token);
      const { space } = await server.ok('query($id: ID!) { space(id: $id) { outbox { recipient body } } }', { id: course.spaceId }, course.admin.token);
      const links = space.outbox.filter((m: { recipient: string }) => m.recipient === address).map((m: { body: string }) => /\/invite\/(sc_inv_[\w-]+)/.exec(m.body)![1]);
      expect(links).toHaveLength(2);
      expect(links).toContain(inviteByEmail.token);
      const fresh = links.find((l: string) => l !== inviteByEmail.token);
      expect((await server.ok(PREVIEW, { t: inviteByEmail.token }, null)).invitation).toBeNull();
      const { invitation } = await server.ok(PREVIEW, { t: fresh }, null);
      expect(invitation).toMatchObject({ email: address, status: 'OPEN' });
      await server.ok(ACCEPT, { t: fresh, s: { name: 'Guest', password: PASSWORD } });
      const link = await server.ok(LINK, { s: course.spaceId, r: 'MEMBER' }, course.admin.token);
      const ofLink = await server.gql(resend, { id: link.createInviteLink.invitation.id }, course.admin.token);
      expect(codeOf(ofLink)).toBe('BAD_USER_INPUT');
      expect(codeOf(await server.gql(resend, { id: inviteByEmail.invitation.id }, course.admin.token))).toBe('CONFLICT');
    });
  });

  describe('accounts', () => {
    it('changes the display name, refusing an empty one', async () => {
      const user = await createUser(server, 'Renamed');
      expect(codeOf(await server.gql('mutation { updateProfile(name: "   ") { name } }', {}, user.token))).toBe('BAD_USER_INPUT');
      expect((await server.ok('mutation { updateProfile(name: "Dr. Renamed") { name } }', {}, user.token)).updateProfile.name).toBe('Dr. Renamed');
      expect((await server.ok('{ me { name } }', {}, user.token)).me.name).toBe('Dr. Renamed');
    });

    it('changes a password only with the current one, ending the other sessions', async () => {
      const user = await createUser(server, 'Changer');
      const other = (await server.ok(LOGIN, { e: user.email, p: PASSWORD })).login.token;
      const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
      const wrong = await server.gql(change, { c: 'not my password', n: 'a brand new passphrase' }, user.token);
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
      expect(wrong.errors![0].message).toBe('the current password is wrong; nothing was changed');
      expect(codeOf(await server.gql(change, { c: PASSWORD, n: 'short' }, user.token))).toBe('BAD_USER_INPUT');
      expect((await server.ok('{ me { id } }', {}, other)).me).not.toBeNull();
      await server.ok(change, { c: PASSWORD, n: 'a brand new passphrase' }, user.token);
      expect((await server.ok('{ me { id } }', {}, other)).me).toBeNull();
      expect((await server.ok('{ me { id } }', {}, user.token)).me.id).toBe(user.id);
      expect(codeOf(await server.gql(LOGIN, { e: user.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
      expect((await server.ok(LOGIN, { e: user.email, p: 'a brand new passphrase' })).login.token).toMatch(/^sc_ses_/);
    });
  });

  describe('password reset', () => {
    it('answers the same for an unknown address, and mails a link only to a known one', async () => {
      const user = await createUser(server, 'Forgetful');
      const request = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
      const known = await server.gql(request, { e: user.email.toUpperCase() });
      const unknown = await server.gql(request, { e: 'nobody.here@example.org' });
      // The same answer (the cost figures aside, which depend on the caller's address, not on the account).
      expect([known.data, known.errors]).toEqual([unknown.data, unknown.errors]);
      expect(known.data).toEqual({ requestPasswordReset: true });
      expect(known.errors).toBeUndefined();
      expect(await resetLinks(server, user.email)).toHaveLength(1);
      expect(await resetLinks(server, 'nobody.here@example.org')).toHaveLength(0);
      expect(codeOf(await server.gql(request, { e: 'not an address' }))).toBe('BAD_USER_INPUT');
    });

    it('sets a new password once with the link, signing in and ending the old sessions', async () => {
      const user = await createUser(server, 'Resetter');
      await server.ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.email });
      const [token] = await resetLinks(server, user.email);
      const weak = await server.gql(RESET, { t: token, p: 'weak' });
      expect(codeOf(weak)).toBe('BAD_USER_INPUT');
      const reset = await server.ok(RESET, { t: token, p: 'my new long secret' });
      expect(reset.resetPassword.user.email).toBe(user.email);
      expect((await server.ok('{ me { id } }', {}, reset.resetPassword.token)).me.id).toBe(user.id);
      expect((await server.ok('{ me { id } }', {}, user.token)).me).toBeNull();
      expect(codeOf(await server.gql(LOGIN, { e: user.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
      const reused = await server.gql(RESET, { t: token, p: 'another long secret' });
      expect(codeOf(reused)).toBe('BAD_USER_INPUT');
      expect(reused.errors![0].message).toMatch(/^this password reset link was used already/);
      expect((await server.ok(LOGIN, { e: user.email, p: 'my new long secret' })).login.token).toMatch(/^sc_ses_/);
    });

    it('refuses forged and expired links, changing nothing', async () => {
      const user = await createUser(server, 'Target');
      const forged = await server.gql(RESET, { t: 'sc_rst_' + 'A'.repeat(43), p: 'attacker password' });
      expect(codeOf(forged)).toBe('BAD_USER_INPUT');
      expect(forged.errors![0].message).toMatch(/^this password reset link is not valid/);
      await server.ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.email });
      const [token] = await resetLinks(server, user.email);
      await server.app.db.manager.update(PasswordReset, { userId: rawId(user.id) }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await server.gql(RESET, { t: token, p: 'attacker password' });
      expect(codeOf(expired)).toBe('BAD_USER_INPUT');
      expect(expired.errors![0].message).toMatch(/^this password reset link expired at .* UTC; ask for a new one/);
      expect((await server.ok(LOGIN, { e: user.email, p: PASSWORD })).login.token).toMatch(/^sc_ses_/);
    });

    it('mails at most 3 open links per account, answering every request the same', async () => {
      const user = await createUser(server, 'Flooded');
      for (let i = 0; i < 5; i++) {
        expect((await server.gql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.email })).data).toEqual({ requestPasswordReset: true });
      }
      const links = await resetLinks(server, user.email);
      expect(links).toHaveLength(3);
      await server.ok(RESET, { t: links[0], p: 'a fresh long secret' });
      expect(codeOf(await server.gql(RESET, { t: links[1], p: 'another long secret' }))).toBe('BAD_USER_INPUT');
    });

    it('stores only a hash of the link', async () => {
      const user = await createUser(server, 'Hashed');
      await server.ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.email });
      const [token] = await resetLinks(server, user.email);
      const rows = await server.app.db.manager.find(PasswordReset, { where: { userId: rawId(user.id) } });
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);
    });
  });
});

describeDb('onboarding: a fresh instance', () => {
  it('makes the first account to sign up the instance admin', async () => {
    const server = await startTestServer();
    try {
      const first = await server.ok(SIGN_UP, { i: { email: email('first'), name: 'First', password: PASSWORD } });
      const second = await server.ok(SIGN_UP, { i: { email: email('second'), name: 'Second', password: PASSWORD } });
      expect([first.signUp.user.instanceAdmin, second.signUp.user.instanceAdmin]).toEqual([true, false]);
    } finally {
      await server.stop();
    }
  });

  it('with sign-up closed: refuses sign-up, lets invited people in, and only instance admins create spaces', async () => {
    const server = await startTestServer({ allowSignUp: false });
    try {
      expect((await server.ok('{ signUpSettings { openSignUp } }', {}, null)).signUpSettings.openSignUp).toBe(false);
      const refused = await server.gql(SIGN_UP, { i: { email: email('walk.in'), name: 'Walk In', password: PASSWORD } });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toMatch(/does not allow signing up without an invitation/);

      const bad: string[] = [];
      expect(await runAdminCreate(server.config, ['--email', 'not-an-address', '--name', 'Ops'], (l) => bad.push(l))).toBe(2);
      expect(bad.join('\n')).toMatch(/'not-an-address' is not an e-mail address/);

      const printed: string[] = [];
      const adminEmail = email('ops');
      expect(await runAdminCreate(server.config, ['--email', adminEmail, '--name', 'Ops Person'], (l) => printed.push(l))).toBe(0);
      const url = printed.find((l) => l.includes('/reset-password/'))!;
      expect(printed.join('\n')).not.toMatch(/password: /i);
      const admin = (await server.ok(RESET, { t: url.split('/reset-password/')[1], p: 'operator passphrase' })).resetPassword;
      const { createSpace } = await server.ok('mutation { createSpace(input: { name: "Real Course", kind: COURSE }) { id } }', {}, admin.token);

      const { createInviteLink } = await server.ok(LINK, { s: createSpace.id, r: 'MEMBER' }, admin.token);
      const joined = await server.ok(ACCEPT, { t: createInviteLink.token, s: { email: email('student'), name: 'Student', password: PASSWORD } });
      expect(joined.acceptInvitation.space.myRole).toBe('MEMBER');
      const student = joined.acceptInvitation.token;
      const own = await server.gql('mutation { createSpace(input: { name: "Mine", kind: RESEARCH }) { id } }', {}, student);
      expect(codeOf(own)).toBe('FORBIDDEN');
      expect(own.errors![0].message).toMatch(/only an instance admin can create spaces/);

      const again: string[] = [];
      expect(await runAdminCreate(server.config, ['--email', adminEmail, '--name', 'Ops'], (l) => again.push(l))).toBe(0);
      expect(again.join('\n')).toMatch(/has an account already .* keeps its password/);
    } finally {
      await server.stop();
    }
  });
});
