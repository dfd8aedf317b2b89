import { createCourse, createUser, upload, type TestCourse } from './support/factories';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { rawId } from './support/ids';

describeDb('accounts, spaces, members and invitations', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
  });
  afterAll(() => server.stop());

  it('refuses a wrong password with the same words as an unknown address', async () => {
    const wrong = await server.gql('mutation($e: String!) { login(email: $e, password: "not the password") { token } }', { e: course.admin.email });
    const unknown = await server.gql('mutation { login(email: "nobody@example.org", password: "not the password") { token } }');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('sets an httpOnly, SameSite session cookie on login that authenticates later requests', async () => {
    const res = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "${course.admin.email}", password: "correct horse battery") { token } }` }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/stagecoach_session=sc_ses_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await me.json()) as { data: { me: { email: string } } }).data.me.email).toBe(course.admin.email);
  });

  it('shows a personal API token once, stores it hashed, and stops accepting it when revoked', async () => {
    const { createApiToken } = await server.ok('mutation { createApiToken(name: "grading script") { secret token { id prefix } } }', {}, course.ta.token);
    expect(createApiToken.secret.startsWith(createApiToken.token.prefix)).toBe(true);
    const { apiTokens } = await server.ok('{ apiTokens { id name } }', {}, course.ta.token);
    expect(JSON.stringify(apiTokens)).not.toContain(createApiToken.secret);
    expect((await server.ok('{ me { id } }', {}, createApiToken.secret)).me.id).toBe(course.ta.id);
    const other = await server.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: createApiToken.token.id }, course.admin.token);
    expect(codeOf(other)).toBe('NOT_FOUND');
    await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: createApiToken.token.id }, course.ta.token);
    expect((await server.ok('{ me { id } }', {}, createApiToken.secret)).me).toBeNull();
  });

  it('gives a new space its MASTER and DISTRIBUTED workspaces and the creator the ADMIN role', async () => {
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { myRole kind workspaces { kind } } }', { id: course.spaceId }, course.admin.token);
    expect(space.myRole).toBe('ADMIN');
    expect(space.workspaces.map((w: { kind: string }) => w.kind)).toEqual(['MASTER', 'DISTRIBUTED', 'PERSONAL', 'PERSONAL']);
  });

  it('hides a space from non-members as if it did not exist', async () => {
    const result = await server.gql('query($id: ID!) { space(id: $id) { id } }', { id: course.spaceId }, course.outsider.token);
    const missing = await server.gql('query { space(id: "00000000-0000-0000-0000-000000000000") { id } }', {}, course.outsider.token);
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.errors![0].message.replace(rawId(course.spaceId), 'X')).toBe(missing.errors![0].message.replace('00000000-0000-0000-0000-000000000000', 'X'));
  });

  it('shows students the staff and themselves, and staff the whole roster', async () => {
    const roster = (token: string) =>
      server.ok('query($id: ID!) { space(id: $id) { members(first: 100) { totalCount nodes { user { id } role } } } }', { id: course.spaceId }, token);
    const staffView = await roster(course.ta.token);
    expect(staffView.space.members.totalCount).toBe(5);
    const studentView = await roster(course.students[0].token);
    const ids = studentView.space.members.nodes.map((m: { user: { id: string } }) => m.user.id);
    expect(ids).toContain(course.students[0].id);
    expect(ids).not.toContain(course.students[1].id);
  });

  it('lets a late joiner by invitation link start from the DISTRIBUTED state', async () => {
    await server.ok('mutation($w: ID!) { createFolder(workspaceId: $w, path: "files/week1") { version } }', { w: course.distributed }, course.admin.token);
    await upload(server, course.admin.token, course.distributed, 'files/week1/task.md', 'Do the task');
    const { createInviteLink } = await server.ok('mutation($s: ID!) { createInviteLink(spaceId: $s, role: MEMBER) { token url } }', { s: course.spaceId }, course.admin.token);
    expect(createInviteLink.url).toContain(createInviteLink.token);
    const joined = await server.ok(
      'mutation($t: String!, $s: AcceptSignUpInput) { acceptInvitation(token: $t, signUp: $s) { token user { id } space { myRole } } }',
      { t: createInviteLink.token, s: { email: 'late.joiner@example.org', name: 'Late Joiner', password: 'a long password' } },
    );
    expect(joined.acceptInvitation.space.myRole).toBe('MEMBER');
    const token = joined.acceptInvitation.token;
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces(kind: PERSONAL) { id ownerId } } }', { id: course.spaceId }, token);
    expect(space.workspaces).toHaveLength(1);
    const text = await (await server.fetch(`/api/workspaces/${space.workspaces[0].id}/files/files/week1/task.md`, { token })).text();
    expect(text).toBe('Do the task');
    const again = await server.gql('mutation($t: String!) { acceptInvitation(token: $t) { space { id } } }', { t: createInviteLink.token }, course.outsider.token);
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('sends e-mail invitations to the outbox without SMTP, bound to that address', async () => {
    await server.ok('mutation($s: ID!) { inviteByEmail(spaceId: $s, email: "Guest@Example.org", role: VIEWER) { url } }', { s: course.spaceId }, course.admin.token);
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { outbox { recipient subject body sentAt } } }', { id: course.spaceId }, course.admin.token);
    const mail = space.outbox.find((m: { recipient: string }) => m.recipient === 'guest@example.org');
    expect(mail.sentAt).toBeNull();
    const link = /\/invite\/(sc_inv_[\w-]+)/.exec(mail.body)![1];
    const stranger = await createUser(server, 'Stranger');
    const wrongPerson = await server.gql('mutation($t: String!) { acceptInvitation(token: $t) { space { id } } }', { t: link }, stranger.token);
    expect(codeOf(wrongPerson)).toBe('FORBIDDEN');
    expect(wrongPerson.errors![0].message).toMatch(/guest@example\.org/);
  });

  it('keeps at least one admin', async () => {
    const result = await server.gql('mutation($s: ID!, $u: ID!) { changeMemberRole(spaceId: $s, userId: $u, role: TA) { role } }', { s: course.spaceId, u: course.admin.id }, course.admin.token);
    expect(codeOf(result)).toBe('CONFLICT');
  });
});
