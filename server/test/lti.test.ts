import { randomBytes } from 'node:crypto';
import { LtiKeysService } from '../src/modules/lti/lti-keys.service';
import { createUser, upload, type TestUser } from './support/factories';
import { LIS, readForm, startLtiPlatform, type LaunchSpec, type PlatformUser, type RunningPlatform } from './support/lti-platform';
import { awaitRelease } from './support/progress';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { rawId } from './support/ids';

/**
 * LTI 1.3 launches from a platform built here from jose (its own keys, key
 * set, authorisation endpoint answering with a form post), driven over HTTP
 * the way a browser follows them. Every hostile launch is refused before
 * anything is written.
 */
const DASHBOARD = 'http://dashboard.test';
const LOGIN_URL = `${DASHBOARD}/lti/login`;
const LAUNCH_URL = `${DASHBOARD}/lti/launch`;

const PLATFORM_FIELDS = 'id name issuer clientId deploymentIds authUrl tokenUrl jwksUrl linkByEmail';

interface Landed {
  status: number;
  /** Where the browser goes next (a dashboard page), or null. */
  location: string | null;
  /** The refusal's text, for a refused launch. */
  text: string;
  session: string | null;
  sessionCookie: string | null;
  /** What was posted to the launch endpoint, and the login cookie it carried (to replay it). */
  posted: Record<string, string> | null;
  stateCookie: string | null;
}

function cookieLine(res: Response, name: string): string | null {
  return res.headers.getSetCookie().find((line) => line.startsWith(`${name}=`)) ?? null;
}

function cookieValue(res: Response, name: string): string | null {
  const line = cookieLine(res, name);
  const value = line?.slice(name.length + 1, line.indexOf(';'));
  return value ? value : null;
}

const KEY_SECRET = randomBytes(32);

describeDb('LTI 1.3 launch', () => {
  let server: TestServer;
  let lms: RunningPlatform;
  let other: RunningPlatform;
  let admin: TestUser;

  const instructor: PlatformUser = { sub: 'lms-user-instructor-1', name: 'Irene Instructor', email: 'irene@uni.test' };
  const student: PlatformUser = { sub: 'lms-user-student-1', name: 'Sam Student', email: 'sam@uni.test', sourcedId: 'S-1001' };
  const ta: PlatformUser = { sub: 'lms-user-ta-1', name: 'Tam Assistant' };
  const course = { id: 'course-101', title: 'Data Science 101' };

  /** Follows a launch from the course page's login initiation to the dashboard page it lands on. */
  async function launch(
    platform: RunningPlatform,
    spec: LaunchSpec,
    options: { swapToken?: (token: string, nonce: string) => Promise<string>; cookie?: string | null } = {},
  ): Promise<Landed> {
    const init = new URL(platform.initiation(LOGIN_URL, spec));
    const login = await fetch(`${server.url}${init.pathname}${init.search}`, { redirect: 'manual' });
    const refused = (res: Response, text: string): Landed => ({ status: res.status, location: null, text, session: null, sessionCookie: null, posted: null, stateCookie: null });
    if (login.status !== 302) return refused(login, await login.text());
    const stateCookie = cookieValue(login, 'stagecoach_lti_state');
    const auth = await fetch(login.headers.get('location')!);
    expect(auth.status).toBe(200);
    const { action, fields } = readForm(await auth.text());
    expect(action).toBe(LAUNCH_URL);
    if (options.swapToken) fields.id_token = await options.swapToken(fields.id_token, platform.authRequests.at(-1)!.query.get('nonce')!);
    const cookie = options.cookie === undefined ? stateCookie : options.cookie;
    const res = await post(fields, cookie);
    return { ...res, posted: fields, stateCookie };
  }

  async function post(fields: Record<string, string>, stateCookie: string | null): Promise<Omit<Landed, 'posted' | 'stateCookie'>> {
    const res = await fetch(`${server.url}/lti/launch`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        // Cross-site: the platform's page posts the form.
        origin: new URL(lms.issuer).origin,
        ...(stateCookie ? { cookie: `stagecoach_lti_state=${stateCookie}` } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    });
    return {
      status: res.status,
      location: res.headers.get('location'),
      text: await res.text(),
      session: cookieValue(res, 'stagecoach_session'),
      sessionCookie: cookieLine(res, 'stagecoach_session'),
    };
  }

  /** Rows that a refused launch must not add. */
  async function counts() {
    const count = async (table: string) => Number((await server.app.db.manager.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return { users: await count('user'), spaces: await count('space'), memberships: await count('membership'), identities: await count('user_identity'), contexts: await count('lti_context') };
  }

  const spaceOf = (landed: Landed) => /\/spaces\/([A-Za-z0-9_-]+)$/.exec(landed.location ?? '')?.[1];

  beforeAll(async () => {
    lms = await startLtiPlatform({ toolRedirectUrl: LAUNCH_URL });
    other = await startLtiPlatform({ toolRedirectUrl: LAUNCH_URL });
    // The signing keys' private halves are encrypted at rest (LTI_KEY_SECRET); every launch, answer and assertion below signs with them.
    server = await startTestServer({ webUrl: DASHBOARD, ltiKeySecret: KEY_SECRET });
    admin = await createUser(server, 'Instance Admin');
    for (const [platform, name] of [[lms, 'Canvas'], [other, 'Moodle']] as const) {
      await server.ok(`mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }`, { i: platform.registration(name) }, admin.token);
    }
  });
  afterAll(async () => {
    await server?.stop();
    await lms?.stop();
    await other?.stop();
  });

  it('publishes the tool key set, the Canvas configuration and the values to paste', async () => {
    const jwks = (await (await server.fetch('/lti/jwks.json')).json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const config = (await (await server.fetch('/lti/config.json')).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ oidc_initiation_url: LOGIN_URL, target_link_uri: LAUNCH_URL, public_jwk_url: `${DASHBOARD}/lti/jwks.json` });
    const { ltiToolSettings } = await server.ok('{ ltiToolSettings { loginUrl launchUrl jwksUrl configUrl } }', {}, admin.token);
    expect(ltiToolSettings).toEqual({ loginUrl: LOGIN_URL, launchUrl: LAUNCH_URL, jwksUrl: `${DASHBOARD}/lti/jwks.json`, configUrl: `${DASHBOARD}/lti/config.json` });
  });

  it('lets only an instance admin register platforms, and names the field that is wrong', async () => {
    const someone = await createUser(server, 'Not An Admin');
    const denied = await server.gql(`mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }`, { i: lms.registration('Again') }, someone.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql('{ ltiPlatforms { id } }', {}, someone.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const duplicate = await server.gql(`mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }`, { i: lms.registration('Again') }, admin.token);
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badUrl = await server.gql(`mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }`, { i: { ...lms.registration(), clientId: 'x', jwksUrl: 'not a url' } }, admin.token);
    expect(badUrl.errors?.[0]).toMatchObject({ message: "jwksUrl must be a URL such as https://canvas.example.edu, not 'not a url'", extensions: { code: 'BAD_USER_INPUT' } });
    const noDeployment = await server.gql(`mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }`, { i: { ...lms.registration(), clientId: 'y', deploymentIds: [] } }, admin.token);
    expect(noDeployment.errors?.[0]?.message).toMatch(/^deploymentIds must list at least one deployment id/);

    const { ltiPlatforms } = await server.ok(`{ ltiPlatforms { ${PLATFORM_FIELDS} } }`, {}, admin.token);
    expect(ltiPlatforms.map((p: { name: string }) => p.name)).toEqual(['Canvas', 'Moodle']);
    const canvas = ltiPlatforms[0];
    const { updateLtiPlatform } = await server.ok(
      `mutation($id: ID!, $c: LtiPlatformChanges!) { updateLtiPlatform(id: $id, changes: $c) { ${PLATFORM_FIELDS} } }`,
      { id: canvas.id, c: { deploymentIds: [lms.deploymentId, 'second-deployment'] } },
      admin.token,
    );
    expect(updateLtiPlatform).toEqual({ ...canvas, deploymentIds: [lms.deploymentId, 'second-deployment'] });
  });

  it('opens a new space for an instructor, puts a student in their workspace, and finds both again by their sub', async () => {
    const first = await launch(lms, { user: instructor, course, roles: [LIS.instructor] });
    expect(first.status).toBe(303);
    const spaceId = spaceOf(first);
    expect(spaceId).toBeDefined();
    expect(first.location).toBe(`${DASHBOARD}/spaces/${spaceId}`);
    // Works inside the platform's frame: a cross-site cookie.
    expect(first.sessionCookie).toMatch(/; HttpOnly/i);
    expect(first.sessionCookie).toMatch(/; Secure/i);
    expect(first.sessionCookie).toMatch(/; SameSite=None/i);
    const { me, space } = await server.ok('query($id: ID!) { me { name } space(id: $id) { name kind myRole } }', { id: spaceId }, first.session);
    expect(me.name).toBe('Irene Instructor');
    expect(space).toEqual({ name: 'Data Science 101', kind: 'COURSE', myRole: 'ADMIN' });

    const learner = await launch(lms, { user: student, course, roles: [LIS.learner] });
    expect(learner.status).toBe(303);
    const workspaceId = /\/workspaces\/([A-Za-z0-9_-]+)$/.exec(learner.location ?? '')?.[1];
    const { workspace } = await server.ok('query($id: ID!) { workspace(id: $id) { kind spaceId } }', { id: workspaceId }, learner.session);
    expect(workspace).toEqual({ kind: 'PERSONAL', spaceId });

    const assistant = await launch(lms, { user: ta, course, roles: [LIS.instructor, LIS.ta] });
    expect(assistant.location).toBe(`${DASHBOARD}/spaces/${spaceId}`);

    const members = await server.ok(
      'query($id: ID!) { space(id: $id) { members(first: 10) { edges { node { role studentNumber user { name email } } } } } }',
      { id: spaceId },
      first.session,
    );
    const rows = members.space.members.edges.map((e: { node: { role: string; studentNumber: string | null; user: { name: string; email: string } } }) => e.node);
    expect(rows.map((r: { user: { name: string }; role: string; studentNumber: string | null }) => [r.user.name, r.role, r.studentNumber]).sort()).toEqual([
      ['Irene Instructor', 'ADMIN', null],
      ['Sam Student', 'MEMBER', 'S-1001'],
      ['Tam Assistant', 'TA', null],
    ]);
    // The platform's addresses are not trusted unless the admin said so: no account is given them.
    expect(rows.every((r: { user: { email: string } }) => r.user.email.endsWith('@lti.invalid'))).toBe(true);

    const before = await counts();
    const again = await launch(lms, { user: instructor, course, roles: [LIS.instructor] });
    expect(again.location).toBe(first.location);
    expect(await counts()).toEqual(before);
  });

  it('refuses a student whose course no instructor has opened yet, creating nothing', async () => {
    const before = await counts();
    const landed = await launch(lms, { user: { sub: 'early-student', name: 'Early' }, course: { id: 'course-not-opened', title: 'Physics 2' }, roles: [LIS.learner] });
    expect(landed.status).toBe(403);
    expect(landed.text).toContain("Stagecoach has not been set up for &#39;Physics 2&#39; yet: an instructor opens it from the course first");
    expect(landed.session).toBeNull();
    expect(await counts()).toEqual(before);
  });

  const hostile: [string, (platform: RunningPlatform) => Parameters<typeof launch>[2] & { spec?: Partial<LaunchSpec> }, RegExp][] = [
    ['a wrong signature', () => ({ spec: { signing: 'foreign-key' } }), /its signature does not verify with the platform&#39;s keys/],
    ['an unknown key id', () => ({ spec: { signing: 'unknown-kid' } }), /unknown kid/],
    ['a wrong audience', (p) => ({ swapToken: (_t, nonce) => p.idToken({ user: instructor, course, roles: [LIS.instructor] }, nonce, 'someone-elses-client') }), /claim &#39;aud&#39; is wrong/],
    ['an expired token', () => ({ spec: { claims: (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 600 }) } }), /it has expired \(exp\)/],
    ['a token issued in the future', () => ({ spec: { claims: (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) + 600, exp: Math.floor(Date.now() / 1000) + 900 }) } }), /issued in the future|iat/],
    ['an unknown deployment', () => ({ spec: { claims: (c) => ({ ...c, 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'deployment-nobody-registered' }) } }), /deployment &#39;deployment-nobody-registered&#39; is not registered/],
    ['a nonce other than the one sent', (p) => ({ swapToken: () => p.idToken({ user: instructor, course, roles: [LIS.instructor] }, 'a-nonce-this-tool-never-sent') }), /its nonce is not the one this login sent/],
    ['a wrong LTI version', () => ({ spec: { claims: (c) => ({ ...c, 'https://purl.imsglobal.org/spec/lti/claim/version': '1.1' }) } }), /LTI version &#39;1.1&#39; is not 1.3.0/],
    ['an unknown message type', () => ({ spec: { claims: (c) => ({ ...c, 'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiSubmissionReviewRequest' }) } }), /message type &#39;LtiSubmissionReviewRequest&#39;/],
    ['a foreign authorised party', () => ({ spec: { claims: (c) => ({ ...c, azp: 'another-tool' }) } }), /authorised party \(azp\)/],
    ['no login cookie (started in another browser)', () => ({ cookie: null }), /was not started in this browser/],
  ];

  it.each(hostile)('refuses a launch with %s, creating nothing', async (_what, make, message) => {
    const before = await counts();
    const { spec, ...options } = make(lms);
    const landed = await launch(lms, { user: { sub: `hostile-${Math.random()}`, name: 'Mallory' }, course: { id: `course-${Math.random()}`, title: 'Hostile' }, roles: [LIS.instructor], ...spec }, options);
    expect(landed.status).toBe(403);
    expect(landed.text).toMatch(message);
    expect(landed.session).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('refuses the same launch posted a second time (a replayed nonce and state)', async () => {
    const genuine = await launch(lms, { user: instructor, course, roles: [LIS.instructor] });
    expect(genuine.status).toBe(303);
    const before = await counts();
    const replay = await post(genuine.posted!, genuine.stateCookie);
    expect(replay.status).toBe(403);
    expect(replay.text).toContain('this launch has expired or was already used');
    expect(replay.session).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('refuses a student posing as an instructor of a course they do not belong to, signed by another platform', async () => {
    const learner = await launch(lms, { user: student, course, roles: [LIS.learner] });
    const learnerId = (await server.ok('{ me { id } }', {}, learner.session)).me.id as string;
    const before = await counts();
    // The other platform signs a token that claims to come from the first, for its course, as an instructor.
    const forged = await launch(lms, { user: student, course, roles: [LIS.learner] }, {
      swapToken: (_t, nonce) =>
        other.idToken({ user: student, course, roles: [LIS.instructor], claims: (c) => ({ ...c, iss: lms.issuer, aud: lms.clientId, 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': lms.deploymentId }) }, nonce),
    });
    expect(forged.status).toBe(403);
    expect(forged.text).toMatch(/unknown kid|signature/);
    expect(await counts()).toEqual(before);

    // Under its own name the other platform reaches only its own course and its own people, even with the same ids.
    const own = await launch(other, { user: student, course, roles: [LIS.instructor] });
    expect(own.status).toBe(303);
    const { me } = await server.ok('{ me { id } }', {}, own.session);
    expect(me.id).not.toBe(learnerId);
    const firstSpace = spaceOf(await launch(lms, { user: instructor, course, roles: [LIS.instructor] }));
    expect(spaceOf(own)).not.toBe(firstSpace);
    const reach = await server.gql('query($id: ID!) { space(id: $id) { id } }', { id: firstSpace }, own.session);
    expect(reach.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a login initiation from an unregistered issuer or deployment', async () => {
    const unknown = await fetch(`${server.url}/lti/login?iss=${encodeURIComponent('https://nobody.example')}&login_hint=x&target_link_uri=${encodeURIComponent(LAUNCH_URL)}`, { redirect: 'manual' });
    expect(unknown.status).toBe(403);
    expect(await unknown.text()).toContain('no platform with issuer https://nobody.example is registered here');
    const badDeployment = await launch(lms, { user: instructor, course, roles: [LIS.instructor], deploymentId: 'not-registered' });
    expect(badDeployment.status).toBe(403);
    expect(badDeployment.text).toContain('deployment &#39;not-registered&#39; is not registered for Canvas');
  });

  it('syncs the roster from the platform page by page: differences shown first, then new members, student ids, and leavers deactivated', async () => {
    lms.toolJwksUrl = `${server.url}/lti/jwks.json`;
    const rosterCourse = { id: 'course-roster', title: 'Roster Course' };
    const tokensBefore = lms.tokensIssued();
    const opener = await launch(lms, { user: { sub: 'roster-instructor', name: 'Rita Roster' }, course: rosterCourse, roles: [LIS.instructor] });
    const spaceId = spaceOf(opener);
    const leaver = await launch(lms, { user: { sub: 'roster-leaver', name: 'Leo Leaver' }, course: rosterCourse, roles: [LIS.learner] });
    const leaverWorkspace = /\/workspaces\/([A-Za-z0-9_-]+)$/.exec(leaver.location ?? '')?.[1];
    lms.rosters.set(rosterCourse.id, [
      { user_id: 'roster-instructor', roles: [LIS.instructor], status: 'Active', name: 'Rita Roster' },
      { user_id: 'roster-s1', roles: [LIS.learner], status: 'Active', name: 'Ana One', lis_person_sourcedid: 'S-1' },
      { user_id: 'roster-s2', roles: [LIS.learner], status: 'Active', name: 'Bo Two', lis_person_sourcedid: 'S-2' },
      { user_id: 'roster-s3', roles: [LIS.learner], status: 'Inactive', name: 'Cy Three' },
      { user_id: 'roster-mentor', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'], status: 'Active', name: 'Mo Mentor' },
    ]);
    const PREVIEW = 'query($s: ID!) { previewLtiRosterSync(spaceId: $s) { previewHash applied lines { platformUserId name studentNumber role outcome detail } } }';
    const APPLY = 'mutation($s: ID!, $h: String!) { applyLtiRosterSync(spaceId: $s, previewHash: $h) { applied lines { platformUserId outcome } } }';
    // The instructor's launch compared the roster in the background, with the one service token this test uses.
    await server.app.services.ltiRoster.checksSettled();
    expect(lms.tokensIssued()).toBe(tokensBefore + 1);
    const before = await counts();
    const { previewLtiRosterSync: preview } = await server.ok(PREVIEW, { s: spaceId }, opener.session);
    expect(preview.applied).toBe(false);
    expect(preview.lines.map((l: { platformUserId: string; outcome: string; studentNumber: string | null; role: string | null }) => [l.platformUserId, l.outcome, l.role, l.studentNumber])).toEqual([
      ['roster-instructor', 'UNCHANGED', 'ADMIN', null],
      ['roster-s1', 'ADD', 'MEMBER', 'S-1'],
      ['roster-s2', 'ADD', 'MEMBER', 'S-2'],
      ['roster-s3', 'SKIPPED', 'MEMBER', null],
      ['roster-mentor', 'SKIPPED', null, null],
      ['roster-leaver', 'DEACTIVATE', 'MEMBER', null],
    ]);
    expect(preview.lines.find((l: { platformUserId: string }) => l.platformUserId === 'roster-leaver').detail).toBe('left the course at the platform: loses access, keeps their work');
    expect(await counts()).toEqual(before);
    // Three pages of two, each asked for with the NRPS media type and one service token.
    expect(lms.serviceRequests.slice(-3)).toEqual([
      { path: '/courses/course-roster/memberships', accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json', status: 200 },
      { path: '/courses/course-roster/memberships?page=1', accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json', status: 200 },
      { path: '/courses/course-roster/memberships?page=2', accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json', status: 200 },
    ]);
    expect(lms.tokensIssued()).toBe(tokensBefore + 1);

    // Only the space's admins sync; a student is refused.
    expect((await server.gql(PREVIEW, { s: spaceId }, leaver.session)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const { applyLtiRosterSync } = await server.ok(APPLY, { s: spaceId, h: preview.previewHash }, opener.session);
    expect(applyLtiRosterSync.applied).toBe(true);
    // The token was kept: applying (which reads the roster again) asked for no new one.
    expect(lms.tokensIssued()).toBe(tokensBefore + 1);
    const members = await server.ok('query($id: ID!) { space(id: $id) { members(first: 20) { edges { node { role studentNumber user { name } } } } } }', { id: spaceId }, opener.session);
    expect(members.space.members.edges.map((e: { node: { user: { name: string }; role: string; studentNumber: string | null } }) => [e.node.user.name, e.node.role, e.node.studentNumber]).sort()).toEqual([
      ['Ana One', 'MEMBER', 'S-1'],
      ['Bo Two', 'MEMBER', 'S-2'],
      ['Leo Leaver', 'MEMBER', null],
      ['Rita Roster', 'ADMIN', null],
    ]);
    // The leaver is deactivated, not removed: no access, their workspace is still there for the staff.
    expect((await server.gql('query($id: ID!) { space(id: $id) { id } }', { id: spaceId }, leaver.session)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await server.ok('query($id: ID!) { workspace(id: $id) { kind } }', { id: leaverWorkspace }, opener.session)).workspace.kind).toBe('PERSONAL');

    // The platform drops its tokens: the next call is refused once, a new token is fetched, and it goes through.
    lms.revokeTokens();
    const { previewLtiRosterSync: again } = await server.ok(PREVIEW, { s: spaceId }, opener.session);
    expect(lms.tokensIssued()).toBe(tokensBefore + 2);
    expect(again.lines.filter((l: { outcome: string }) => l.outcome !== 'UNCHANGED' && l.outcome !== 'SKIPPED')).toEqual([]);

    // Applying a preview the platform's roster no longer matches is refused, changing nothing.
    lms.rosters.get(rosterCourse.id)!.push({ user_id: 'roster-late', roles: [LIS.learner], status: 'Active', name: 'Lee Late' });
    const unchanged = await counts();
    const stale = await server.gql(APPLY, { s: spaceId, h: again.previewHash }, opener.session);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await counts()).toEqual(unchanged);
  });

  it('answers a deep linking request with an assignment: a resource link with a line item, signed by the tool', async () => {
    const landed = await launch(lms, { user: instructor, course, roles: [LIS.instructor], messageType: 'LtiDeepLinkingRequest' });
    expect(landed.status).toBe(303);
    const page = new URL(landed.location!);
    const spaceId = /^\/spaces\/([A-Za-z0-9_-]+)$/.exec(page.pathname)?.[1];
    const request = page.searchParams.get('ltiDeepLink')!;
    expect(request).toBeTruthy();
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id kind } } }', { id: spaceId }, landed.session);
    const master = space.workspaces.find((w: { kind: string }) => w.kind === 'MASTER').id;
    await upload(server, landed.session!, master, 'files/lab1/notes.md', '# Lab 1\n');
    const deadline = new Date(Date.now() + 7 * 86_400_000);
    deadline.setMilliseconds(0);
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Lab 1', instructions: '', source: { workspaceId: master }, paths: ['files/lab1'], deadline: deadline.toISOString(), timeZone: 'UTC', maxPoints: 20 } },
      landed.session,
    );
    const RESPOND = 'mutation($r: String!, $a: ID!) { respondLtiDeepLink(request: $r, assignmentId: $a) { returnUrl jwt } }';
    const { respondLtiDeepLink } = await server.ok(RESPOND, { r: request, a: createAssignment.id }, landed.session);
    expect(respondLtiDeepLink.returnUrl).toBe(`${lms.issuer}/courses/course-101/deep-links`);
    // The platform checks the answer with the tool's published keys.
    const { createRemoteJWKSet, jwtVerify } = await import('jose');
    const { payload } = await jwtVerify(respondLtiDeepLink.jwt, createRemoteJWKSet(new URL(`${server.url}/lti/jwks.json`)), { issuer: lms.clientId, audience: lms.issuer });
    expect(payload).toMatchObject({
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
      'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': lms.deploymentId,
      'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'platform-opaque-data',
      'https://purl.imsglobal.org/spec/lti-dl/claim/content_items': [
        {
          type: 'ltiResourceLink',
          title: 'Lab 1',
          url: LAUNCH_URL,
          custom: { stagecoach_assignment_id: rawId(createAssignment.id) },
          lineItem: { scoreMaximum: 20, label: 'Lab 1', resourceId: rawId(createAssignment.id), tag: 'stagecoach' },
          submission: { endDateTime: deadline.toISOString() },
        },
      ],
    });

    // A request altered on the way is refused; so is a student's deep linking launch.
    const altered = await server.gql(RESPOND, { r: `${request.slice(0, -4)}AAAA`, a: createAssignment.id }, landed.session);
    expect(altered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const before = await counts();
    const byStudent = await launch(lms, { user: student, course, roles: [LIS.learner], messageType: 'LtiDeepLinkingRequest' });
    expect(byStudent.status).toBe(403);
    expect(byStudent.text).toContain('only an instructor of the course adds Stagecoach assignments to it');
    expect(await counts()).toEqual(before);
  });

  it('sends scores to the line item: Submitted on hand-in, the grade on return; retried after a 500, with a new token after a 401', async () => {
    lms.toolJwksUrl = `${server.url}/lti/jwks.json`;
    const gradebook = { id: 'course-301', title: 'Statistics 301' };
    const alice: PlatformUser = { sub: 'lms-user-alice', name: 'Alice Learner' };
    const bob: PlatformUser = { sub: 'lms-user-bob', name: 'Bob Learner' };
    const teacher = await launch(lms, { user: instructor, course: gradebook, roles: [LIS.instructor] });
    const spaceId = spaceOf(teacher)!;
    const learners = [];
    for (const user of [alice, bob]) {
      const landed = await launch(lms, { user, course: gradebook, roles: [LIS.learner] });
      const workspaceId = /\/workspaces\/([A-Za-z0-9_-]+)$/.exec(landed.location ?? '')![1];
      const { me } = await server.ok('query { me { id } }', {}, landed.session);
      learners.push({ user, session: landed.session!, workspaceId, id: me.id as string });
    }
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id kind } } }', { id: spaceId }, teacher.session);
    const master = space.workspaces.find((w: { kind: string }) => w.kind === 'MASTER').id;
    await upload(server, teacher.session!, master, 'files/quiz/answers.md', 'Answers here\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Quiz 1', source: { workspaceId: master }, paths: ['files/quiz'], deadline: new Date(Date.now() + 86_400_000).toISOString(), maxPoints: 20 } },
      teacher.session,
    );
    const assignmentId = createAssignment.id as string;
    await awaitRelease(server, teacher.session!, assignmentId);
    const SCORES = 'query($a: ID!, $s: ID!) { ltiScores(assignmentId: $a, studentId: $s) { kind status score attempts lastResponseStatus lastError sentAt } }';
    const run = (afterMs = 0) => server.app.services.ltiScores.runDue(new Date(Date.now() + afterMs));

    // A hand-in: Submitted, grading pending, to a line item the tool creates for the assignment.
    await upload(server, learners[0].session, learners[0].workspaceId, 'files/quiz/answers.md', 'My answers\n');
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId }, learners[0].session);
    await run();
    expect(lms.lineItems.get(gradebook.id)).toEqual([expect.objectContaining({ label: 'Quiz 1', scoreMaximum: 20, resourceId: rawId(assignmentId) })]);
    const lineItemId = lms.lineItems.get(gradebook.id)![0].id;
    expect(lms.scores).toEqual([
      { courseId: gradebook.id, lineItemId, score: { userId: alice.sub, activityProgress: 'Submitted', gradingProgress: 'Pending', timestamp: expect.any(String) } },
    ]);

    // Return of grades; the platform fails once, the score is kept and sent again after the backoff.
    const SET_GRADE = 'mutation($a: ID!, $s: ID!, $i: SetGradeInput!) { setGrade(assignmentId: $a, studentId: $s, input: $i) { finalPoints } }';
    await server.ok(SET_GRADE, { a: assignmentId, s: learners[0].id, i: { points: 17.5, comment: 'Well argued' } }, teacher.session);
    lms.failScores = 1;
    await server.ok('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returned } }', { a: assignmentId, s: [learners[0].id] }, teacher.session);
    await run();
    expect(lms.scores).toHaveLength(1);
    const failed = (await server.ok(SCORES, { a: assignmentId, s: learners[0].id }, teacher.session)).ltiScores;
    expect(failed[0]).toMatchObject({ kind: 'GRADED', status: 'PENDING', attempts: 1, lastResponseStatus: 500, lastError: 'answered 500', sentAt: null });
    await run(); // not due yet: nothing is sent
    expect(lms.scores).toHaveLength(1);
    await run(31_000);
    expect(lms.scores[1]).toEqual({
      courseId: gradebook.id,
      lineItemId,
      score: { userId: alice.sub, scoreGiven: 17.5, scoreMaximum: 20, activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: expect.any(String), comment: 'Well argued' },
    });
    const shown = (await server.ok(SCORES, { a: assignmentId, s: learners[0].id }, teacher.session)).ltiScores;
    expect(shown.map((s: { kind: string; status: string; attempts: number; lastResponseStatus: number }) => [s.kind, s.status, s.attempts, s.lastResponseStatus])).toEqual([
      ['GRADED', 'SENT', 2, 204],
      ['SUBMITTED', 'SENT', 1, 204],
    ]);
    expect(JSON.parse(shown[0].score)).not.toHaveProperty('userId');
    // Students do not see what is sent.
    expect((await server.gql(SCORES, { a: assignmentId, s: learners[0].id }, learners[0].session)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Each attempt is in the audit trail.
    const audited = await server.app.db.manager.query(`SELECT action FROM audit_event WHERE subjectId = ? AND action LIKE 'lti.score.%' ORDER BY createdAt`, [rawId(assignmentId)]);
    expect(audited.map((e: { action: string }) => e.action).sort()).toEqual(['lti.score.failed', 'lti.score.sent', 'lti.score.sent']);

    // The platform's token expired: refused with 401, a new token is fetched and the score sent.
    await server.ok(SET_GRADE, { a: assignmentId, s: learners[1].id, i: { points: 12, comment: '' } }, teacher.session);
    const tokens = lms.tokensIssued();
    lms.revokeTokens();
    await server.ok('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returned } }', { a: assignmentId, s: [learners[1].id] }, teacher.session);
    await run();
    expect(lms.tokensIssued()).toBe(tokens + 1);
    expect(lms.scores[2].score).toMatchObject({ userId: bob.sub, scoreGiven: 12, scoreMaximum: 20, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    expect(lms.serviceRequests.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(1);
    expect(lms.lineItems.get(gradebook.id)).toHaveLength(1);
  });

  it("sends a group's hand-in and grade to every member, each with their own adjustment", async () => {
    lms.toolJwksUrl = `${server.url}/lti/jwks.json`;
    const gradebook = { id: 'course-groups', title: 'Group projects' };
    const people: PlatformUser[] = ['ann', 'ben', 'cy'].map((n) => ({ sub: `lms-group-${n}`, name: `${n} Learner` }));
    const teacher = await launch(lms, { user: instructor, course: gradebook, roles: [LIS.instructor] });
    const spaceId = spaceOf(teacher)!;
    const learners = [];
    for (const user of people) {
      const landed = await launch(lms, { user, course: gradebook, roles: [LIS.learner] });
      const { me } = await server.ok('query { me { id } }', {}, landed.session);
      learners.push({ user, session: landed.session!, id: me.id as string });
    }
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id kind } } }', { id: spaceId }, teacher.session);
    const master = space.workspaces.find((w: { kind: string }) => w.kind === 'MASTER').id;
    await upload(server, teacher.session!, master, 'files/project/plan.md', 'Plan\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Project', source: { workspaceId: master }, paths: ['files/project'], deadline: new Date(Date.now() + 86_400_000).toISOString(), maxPoints: 10, groupWork: true } },
      teacher.session,
    );
    const assignmentId = createAssignment.id as string;
    const { createGroup } = await server.ok(
      'mutation($a: ID!, $m: [ID!]!) { createGroup(assignmentId: $a, name: "Red", memberIds: $m) { id } }',
      { a: assignmentId, m: [learners[0].id, learners[1].id] },
      teacher.session,
    );
    await awaitRelease(server, teacher.session!, assignmentId);
    const run = () => server.app.services.ltiScores.runDue(new Date());
    const sentFor = (sub: string) => lms.scores.filter((x) => x.courseId === gradebook.id && x.score.userId === sub).map((x) => x.score);

    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { handIn { id } } }', { a: assignmentId }, learners[1].session);
    await run();
    for (const member of [people[0], people[1]]) expect(sentFor(member.sub)).toEqual([expect.objectContaining({ activityProgress: 'Submitted' })]);
    expect(sentFor(people[2].sub)).toEqual([]);

    await server.ok('mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 8, comment: "Solid" }) { finalPoints } }', { a: assignmentId, s: createGroup.id }, teacher.session);
    await server.ok('mutation($a: ID!, $s: ID!) { setGradeAdjustment(assignmentId: $a, studentId: $s, points: -2, reason: "missed the meetings") { points } }', { a: assignmentId, s: learners[1].id }, teacher.session);
    await server.ok('mutation($a: ID!) { returnGrades(assignmentId: $a) { returned } }', { a: assignmentId }, teacher.session);
    await run();
    expect(sentFor(people[0].sub)[1]).toMatchObject({ scoreGiven: 8, scoreMaximum: 10, gradingProgress: 'FullyGraded', comment: 'Solid' });
    expect(sentFor(people[1].sub)[1]).toMatchObject({ scoreGiven: 6, scoreMaximum: 10, gradingProgress: 'FullyGraded', comment: 'Solid\nYour adjustment: -2 points, because missed the meetings' });
    expect(sentFor(people[2].sub)).toEqual([]);
    // Nothing is ever sent under the group's own id.
    const rows = await server.app.db.manager.query('SELECT DISTINCT studentId FROM lti_score WHERE assignmentId = ?', [rawId(assignmentId)]);
    expect(rows.map((r: { studentId: string }) => r.studentId).sort()).toEqual([rawId(learners[0].id), rawId(learners[1].id)].sort());
  });

  it('sends scores to the line item a launch of the linked assignment names, creating none; a failed score is sent again on request', async () => {
    lms.toolJwksUrl = `${server.url}/lti/jwks.json`;
    const linked = { id: 'course-401', title: 'Linked 401' };
    const learner: PlatformUser = { sub: 'lms-user-linked', name: 'Lin Learner' };
    const teacher = await launch(lms, { user: instructor, course: linked, roles: [LIS.instructor] });
    const spaceId = spaceOf(teacher)!;
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id kind } } }', { id: spaceId }, teacher.session);
    const master = space.workspaces.find((w: { kind: string }) => w.kind === 'MASTER').id;
    await upload(server, teacher.session!, master, 'files/essay/essay.md', 'Write here\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Essay', source: { workspaceId: master }, paths: ['files/essay'], deadline: new Date(Date.now() + 86_400_000).toISOString(), maxPoints: 10 } },
      teacher.session,
    );
    const assignmentId = createAssignment.id as string;
    await awaitRelease(server, teacher.session!, assignmentId);
    // The platform made the line item when the deep-linked resource link was saved; its launches name it.
    const lineItemId = `${lms.issuer}/courses/${linked.id}/lineitems/from-deep-link`;
    lms.lineItems.set(linked.id, [{ id: lineItemId, label: 'Essay (platform)', scoreMaximum: 10 }]);
    const withLink = (claims: Record<string, unknown>) => ({
      ...claims,
      'https://purl.imsglobal.org/spec/lti/claim/custom': { stagecoach_assignment_id: assignmentId },
      'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
        ...(claims['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'] as Record<string, unknown>),
        lineitem: lineItemId,
      },
    });
    const landed = await launch(lms, { user: learner, course: linked, roles: [LIS.learner], resourceLinkId: 'essay-link', claims: withLink });
    const workspaceId = /\/workspaces\/([A-Za-z0-9_-]+)$/.exec(landed.location ?? '')![1];
    const { me } = await server.ok('query { me { id } }', {}, landed.session);
    await upload(server, landed.session!, workspaceId, 'files/essay/essay.md', 'My essay\n');
    lms.failScores = 1000;
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId }, landed.session);
    const run = (afterMs = 0) => server.app.services.ltiScores.runDue(new Date(Date.now() + afterMs));
    await run();
    // The platform is down for a day: the attempts run out.
    for (let hours = 1; hours <= 25; hours++) await run(hours * 3_600_000);
    const SCORES = 'query($a: ID!, $s: ID!) { ltiScores(assignmentId: $a, studentId: $s) { id status lastResponseStatus } }';
    const [failed] = (await server.ok(SCORES, { a: assignmentId, s: me.id }, teacher.session)).ltiScores;
    expect(failed).toMatchObject({ status: 'FAILED', lastResponseStatus: 500 });
    // No line item was looked up or created: the one the launch named is used.
    expect(lms.lineItems.get(linked.id)).toHaveLength(1);
    expect(lms.serviceRequests.filter((r) => r.path.startsWith(`/courses/${linked.id}/lineitems?`) || r.path === `/courses/${linked.id}/lineitems`)).toEqual([]);

    // Sending again: a student may not; a sent or pending score is refused; the failed one goes out.
    const RESEND = 'mutation($id: ID!) { resendLtiScore(id: $id) { status } }';
    expect((await server.gql(RESEND, { id: failed.id }, landed.session)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    lms.failScores = 0;
    expect((await server.ok(RESEND, { id: failed.id }, teacher.session)).resendLtiScore.status).toBe('PENDING');
    expect((await server.gql(RESEND, { id: failed.id }, teacher.session)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await run();
    expect(lms.scores.filter((s) => s.courseId === linked.id)).toEqual([
      { courseId: linked.id, lineItemId, score: expect.objectContaining({ userId: learner.sub, activityProgress: 'Submitted' }) },
    ]);
    expect((await server.ok(SCORES, { a: assignmentId, s: me.id }, teacher.session)).ltiScores[0].status).toBe('SENT');
    const audited = await server.app.db.manager.query(`SELECT action, actorId FROM audit_event WHERE subjectId = ? AND action LIKE 'lti.score.%' ORDER BY createdAt, action`, [rawId(assignmentId)]);
    const actions = audited.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'lti.score.resend')).toHaveLength(1);
    expect(actions.at(-1)).toBe('lti.score.sent');
    expect(actions.filter((a: string) => a === 'lti.score.failed').length).toBeGreaterThan(5);
  });

  it("compares the roster after an instructor's launch without waiting for it or applying it, and marks who left", async () => {
    lms.toolJwksUrl = `${server.url}/lti/jwks.json`;
    const checked = { id: 'course-501', title: 'Checked 501' };
    lms.rosters.set(checked.id, [
      { user_id: 'check-instructor', roles: [LIS.instructor], status: 'Active', name: 'Cora Check' },
      { user_id: 'check-s1', roles: [LIS.learner], status: 'Active', name: 'Dee One', lis_person_sourcedid: 'C-1' },
    ]);
    const COURSE = 'query($s: ID!) { ltiCourse(spaceId: $s) { platformName title rosterAvailable rosterCheckedAt rosterDifferences rosterCheckError } }';
    const opener = await launch(lms, { user: { sub: 'check-instructor', name: 'Cora Check' }, course: checked, roles: [LIS.instructor] });
    const spaceId = spaceOf(opener)!;
    expect(opener.status).toBe(303);
    await server.app.services.ltiRoster.checksSettled();
    const { ltiCourse } = await server.ok(COURSE, { s: spaceId }, opener.session);
    expect(ltiCourse).toMatchObject({ platformName: 'Canvas', title: checked.title, rosterAvailable: true, rosterDifferences: 1, rosterCheckError: null });
    expect(ltiCourse.rosterCheckedAt).toBeTruthy();
    // Nothing was applied: the student is not a member yet.
    const MEMBERS = 'query($id: ID!) { space(id: $id) { members(first: 20) { edges { node { user { name } leftCourseAt } } } } }';
    const names = async () =>
      (await server.ok(MEMBERS, { id: spaceId }, opener.session)).space.members.edges.map((e: { node: { user: { name: string }; leftCourseAt: string | null } }) => [e.node.user.name, e.node.leftCourseAt !== null]).sort();
    expect(await names()).toEqual([['Cora Check', false]]);
    const student = await launch(lms, { user: { sub: 'check-s2', name: 'Eve Two' }, course: checked, roles: [LIS.learner] });
    expect(student.status).toBe(303);
    // A student's launch compares nothing; the platform's roster is read only for instructors.
    const reads = lms.serviceRequests.length;
    await server.app.services.ltiRoster.checksSettled();
    expect(lms.serviceRequests.length).toBe(reads);
    expect((await server.gql(COURSE, { s: spaceId }, student.session)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The platform cannot be reached at the next instructor launch: the launch still lands, the panel says why.
    lms.revokeTokens();
    const broken = lms.toolJwksUrl;
    lms.toolJwksUrl = `${server.url}/lti/no-such-key-set`;
    const again = await launch(lms, { user: { sub: 'check-instructor', name: 'Cora Check' }, course: checked, roles: [LIS.instructor] });
    expect(again.status).toBe(303);
    await server.app.services.ltiRoster.checksSettled();
    expect((await server.ok(COURSE, { s: spaceId }, opener.session)).ltiCourse).toMatchObject({ rosterDifferences: null });
    expect((await server.ok(COURSE, { s: spaceId }, opener.session)).ltiCourse.rosterCheckError).toBeTruthy();
    lms.toolJwksUrl = broken;

    // Applied: Dee joins, Eve (launched, not on the platform's list) left the course and is marked so.
    const { previewLtiRosterSync: preview } = await server.ok('query($s: ID!) { previewLtiRosterSync(spaceId: $s) { previewHash } }', { s: spaceId }, opener.session);
    await server.ok('mutation($s: ID!, $h: String!) { applyLtiRosterSync(spaceId: $s, previewHash: $h) { applied } }', { s: spaceId, h: preview.previewHash }, opener.session);
    expect(await names()).toEqual([
      ['Cora Check', false],
      ['Dee One', false],
      ['Eve Two', true],
    ]);
  });

  it('rotates the signing keys, keeping the old one published', async () => {
    const before = (await (await server.fetch('/lti/jwks.json')).json()) as { keys: { kid: string }[] };
    const report = await server.app.services.ltiKeys.rotate();
    expect(report.retired).toEqual(before.keys.map((k) => k.kid));
    const after = (await (await server.fetch('/lti/jwks.json')).json()) as { keys: { kid: string }[] };
    expect(after.keys.map((k) => k.kid)).toEqual([report.created, ...before.keys.map((k) => k.kid)]);
    // Two days later the retired key is gone from the key set.
    const later = await server.app.services.ltiKeys.jwks(new Date(Date.now() + 3 * 86_400_000));
    expect(later.keys.map((k) => k.kid)).toEqual([report.created]);
  });

  it('keeps the private keys encrypted with LTI_KEY_SECRET, and cannot sign without it', async () => {
    const rows: { id: string; privateJwk: string }[] = await server.app.db.manager.query('SELECT id, privateJwk FROM lti_key');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const stored = typeof row.privateJwk === 'string' ? (JSON.parse(row.privateJwk) as Record<string, unknown>) : (row.privateJwk as Record<string, unknown>);
      expect(Object.keys(stored).sort()).toEqual(['data', 'iv', 'sealed', 'tag']);
      expect(stored.sealed).toBe('A256GCM');
    }
    // The same database read by a process started without the secret (or with another) signs nothing, and says why.
    const sign = (secret: Buffer | null) => new LtiKeysService(server.app.db, secret).sign({}, { issuer: 'x', audience: 'y' });
    await expect(sign(null)).rejects.toThrow('is encrypted at rest: set LTI_KEY_SECRET');
    await expect(sign(randomBytes(32))).rejects.toThrow('LTI_KEY_SECRET does not open LTI signing key');
    await expect(sign(KEY_SECRET)).resolves.toMatch(/^ey/);
  });
});
