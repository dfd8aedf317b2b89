import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createCourse, createUser, upload, type TestCourse, type TestUser } from './support/factories';
import { describeDb, startTestServer, type GqlResult, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

/**
 * Every operation of the API (GraphQL query, mutation, subscription, HTTP
 * endpoint) against every role and a non-member. An operation without a rule
 * here fails the first test, so nothing new slips through unguarded.
 */
type Who = 'ADMIN' | 'TA' | 'MEMBER' | 'OTHER_MEMBER' | 'VIEWER' | 'OUTSIDER' | 'ANONYMOUS';
const EVERYONE: Who[] = ['ADMIN', 'TA', 'MEMBER', 'OTHER_MEMBER', 'VIEWER', 'OUTSIDER', 'ANONYMOUS'];
const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== 'ANONYMOUS');
const MEMBERS: Who[] = ['ADMIN', 'TA', 'MEMBER', 'OTHER_MEMBER', 'VIEWER'];
const STAFF: Who[] = ['ADMIN', 'TA'];
const DENIED = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

interface Fixture {
  course: TestCourse;
  own: string; // MEMBER's personal workspace
  distributionId: string; // pushed by ADMIN from MASTER to the MEMBER's workspace
  bundleId: string; // saved by ADMIN from MASTER
  newBundle: () => Promise<string>;
  assignmentId: string; // released to every student; the MEMBER has handed in
  handInId: string; // the MEMBER's
  newExtension: () => Promise<string>;
  snapshotOfOwn: string;
  invitationToken: (who: Who) => Promise<string>;
  /** A new webhook endpoint of the course (ADMIN), with one test delivery queued. */
  newWebhook: () => Promise<{ id: string; deliveryId: string }>;
  /** A platform registered by the instance admin (the course's ADMIN). */
  ltiPlatform: () => Promise<string>;
  /** A released group assignment; its group 'Walk group' holds only the MEMBER. */
  groupAssignmentId: string;
  groupId: string;
  groupWorkspaceId: string;
  /** A new empty group of the group assignment (ADMIN). */
  newGroup: () => Promise<string>;
}

interface Case {
  op: string;
  note?: string;
  allowed: Who[];
  query: string;
  variables: (f: Fixture, who: Who) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Undoes what the allowed calls changed that later cases rely on. */
  cleanup?: (f: Fixture) => Promise<unknown>;
}

const WALK_RUBRIC = { criteria: [{ title: 'Walk', maxPoints: 1, levels: [{ title: 'Done', points: 1 }] }] };

const unique = (who: Who) => `${who.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;

const CASES: Case[] = [
  { op: 'me', allowed: EVERYONE, query: '{ me { id } }', variables: () => ({}) },
  { op: 'demoAccounts', allowed: EVERYONE, query: '{ demoAccounts { email } }', variables: () => ({}) },
  { op: 'signInProviders', allowed: EVERYONE, query: '{ signInProviders { id } }', variables: () => ({}) },
  {
    op: 'signUp',
    allowed: EVERYONE,
    query: 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }',
    variables: (_f, who) => ({ i: { email: `${unique(who)}@example.org`, name: 'New', password: 'long enough password' } }),
  },
  {
    op: 'login',
    allowed: EVERYONE,
    query: 'mutation($e: String!) { login(email: $e, password: "correct horse battery") { token } }',
    variables: (f) => ({ e: f.course.admin.email }),
  },
  { op: 'logout', allowed: [], query: 'mutation { logout }', variables: () => ({}), note: 'run separately (it ends the session)' },
  // The course's ADMIN made the first account here, so it is the instance admin; no other role registers platforms.
  { op: 'ltiPlatforms', allowed: ['ADMIN'], query: '{ ltiPlatforms { id } }', variables: () => ({}) },
  { op: 'ltiToolSettings', allowed: ['ADMIN'], query: '{ ltiToolSettings { launchUrl } }', variables: () => ({}) },
  {
    op: 'registerLtiPlatform',
    allowed: ['ADMIN'],
    query: 'mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }',
    variables: (_f, who) => ({
      i: { name: 'Walk LMS', issuer: 'https://lms.example.edu', clientId: unique(who), deploymentIds: ['1'], authUrl: 'https://lms.example.edu/auth', tokenUrl: 'https://lms.example.edu/token', jwksUrl: 'https://lms.example.edu/jwks' },
    }),
  },
  {
    op: 'updateLtiPlatform',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { updateLtiPlatform(id: $id, changes: { name: "Renamed LMS" }) { id } }',
    variables: async (f) => ({ id: await f.ltiPlatform() }),
  },
  {
    op: 'previewLtiRosterSync',
    allowed: [],
    query: 'query($s: ID!) { previewLtiRosterSync(spaceId: $s) { previewHash } }',
    variables: (f) => ({ s: f.course.spaceId }),
    note: 'the walk course was not opened from an LMS, so even its admin finds no roster there; admin-only checked in lti.test',
  },
  {
    op: 'applyLtiRosterSync',
    allowed: [],
    query: 'mutation($s: ID!) { applyLtiRosterSync(spaceId: $s, previewHash: "x") { applied } }',
    variables: (f) => ({ s: f.course.spaceId }),
    note: 'as previewLtiRosterSync',
  },
  {
    op: 'ltiCourse',
    allowed: ['ADMIN'],
    query: 'query($s: ID!) { ltiCourse(spaceId: $s) { title } }',
    variables: (f) => ({ s: f.course.spaceId }),
    note: 'the walk course was not opened from an LMS: its admin gets null',
  },
  {
    op: 'respondLtiDeepLink',
    allowed: [],
    query: 'mutation($a: ID!) { respondLtiDeepLink(request: "not-a-request", assignmentId: $a) { jwt } }',
    variables: (f) => ({ a: f.assignmentId }),
    note: 'needs a request signed at a deep linking launch; the space admin rule is checked in lti.test',
  },
  { op: 'signUpSettings', allowed: EVERYONE, query: '{ signUpSettings { openSignUp passwordRule } }', variables: () => ({}) },
  { op: 'updateProfile', allowed: SIGNED_IN, query: 'mutation($n: String!) { updateProfile(name: $n) { name } }', variables: (_f, who) => ({ n: `${who} person` }) },
  {
    op: 'changePassword',
    allowed: [],
    query: 'mutation { changePassword(currentPassword: "x", newPassword: "y") }',
    variables: () => ({}),
    note: 'own account only, ends other sessions: checked in onboarding test',
  },
  {
    op: 'requestPasswordReset',
    allowed: EVERYONE,
    note: 'public; the same answer for every address',
    query: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
    variables: (_f, who) => ({ e: `${unique(who)}@example.org` }),
  },
  {
    op: 'resetPassword',
    allowed: EVERYONE,
    note: 'public; a forged link gets BAD_USER_INPUT',
    query: 'mutation { resetPassword(token: "sc_rst_forged", newPassword: "long enough password") { token } }',
    variables: () => ({}),
  },
  { op: 'apiTokens', allowed: SIGNED_IN, query: '{ apiTokens { id } }', variables: () => ({}) },
  { op: 'apiTokenList', allowed: SIGNED_IN, query: '{ apiTokenList(last: 5) { totalCount nodes { id } } }', variables: () => ({}) },
  { op: 'createApiToken', allowed: SIGNED_IN, query: 'mutation { createApiToken(name: "ci") { secret } }', variables: () => ({}) },
  { op: 'revokeApiToken', allowed: [], query: 'mutation { revokeApiToken(id: "x") { id } }', variables: () => ({}), note: 'own tokens only: checked in accounts test' },
  { op: 'node', allowed: MEMBERS, query: 'query($id: ID!) { node(id: $id) { id } }', variables: (f) => ({ id: f.course.spaceId }) },
  { op: 'node', note: "a student's personal workspace", allowed: [...STAFF, 'MEMBER'], query: 'query($id: ID!) { node(id: $id) { id } }', variables: (f) => ({ id: f.own }) },
  { op: 'nodes', allowed: MEMBERS, query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (f) => ({ ids: [f.course.spaceId] }) },
  { op: 'spaces', allowed: SIGNED_IN, query: '{ spaces { nodes { id } } }', variables: () => ({}) },
  { op: 'space', allowed: MEMBERS, query: 'query($id: ID!) { space(id: $id) { id } }', variables: (f) => ({ id: f.course.spaceId }) },
  {
    op: 'space',
    note: 'invitations and outbox fields',
    allowed: ['ADMIN'],
    query: 'query($id: ID!) { space(id: $id) { invitations { id } outbox { id } } }',
    variables: (f) => ({ id: f.course.spaceId }),
  },
  {
    op: 'space',
    note: 'storageUse field (bytes of the whole space, its quota)',
    allowed: STAFF,
    query: 'query($id: ID!) { space(id: $id) { storageUse { logicalBytes exclusiveBytes quotaBytes } } }',
    variables: (f) => ({ id: f.course.spaceId }),
  },
  {
    op: 'createSpace',
    allowed: SIGNED_IN,
    query: 'mutation { createSpace(input: { name: "Mine", kind: RESEARCH }) { id } }',
    variables: () => ({}),
  },
  {
    op: 'updateSpace',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { updateSpace(id: $id, input: { description: "changed" }) { id } }',
    variables: (f) => ({ id: f.course.spaceId }),
  },
  {
    op: 'setSpaceQuota',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { setSpaceQuota(spaceId: $id, bytes: null) { id } }',
    variables: (f) => ({ id: f.course.spaceId }),
  },
  {
    op: 'addMember',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: VIEWER) { role } }',
    variables: async (f, who) => ({ s: f.course.spaceId, e: (await createUser(server, `Added by ${who}`)).email }),
  },
  {
    op: 'changeMemberRole',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $u: ID!) { changeMemberRole(spaceId: $s, userId: $u, role: VIEWER) { role } }',
    variables: (f) => ({ s: f.course.spaceId, u: f.course.viewer.id }),
  },
  {
    op: 'removeMember',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $u: ID!) { removeMember(spaceId: $s, userId: $u) }',
    variables: async (f, who) => {
      const user = await createUser(server, `Removed by ${who}`);
      await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: VIEWER) { role } }', { s: f.course.spaceId, e: user.email }, f.course.admin.token);
      return { s: f.course.spaceId, u: user.id };
    },
  },
  {
    op: 'changeMemberRoles',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $u: [ID!]!) { changeMemberRoles(spaceId: $s, userIds: $u, role: VIEWER) { role } }',
    variables: (f) => ({ s: f.course.spaceId, u: [f.course.viewer.id] }),
  },
  {
    op: 'removeMembers',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $u: [ID!]!) { removeMembers(spaceId: $s, userIds: $u) }',
    variables: async (f, who) => {
      const user = await createUser(server, `Bulk-removed by ${who}`);
      await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: VIEWER) { role } }', { s: f.course.spaceId, e: user.email }, f.course.admin.token);
      return { s: f.course.spaceId, u: [user.id] };
    },
  },
  {
    op: 'updateMemberDetails',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $u: ID!) { updateMemberDetails(spaceId: $s, userId: $u, input: { section: "A" }) { section } }',
    variables: (f) => ({ s: f.course.spaceId, u: f.course.viewer.id }),
  },
  {
    op: 'previewRosterImport',
    allowed: ['ADMIN'],
    query: 'query($s: ID!, $c: String!) { previewRosterImport(spaceId: $s, csv: $c) { previewHash } }',
    variables: (f, who) => ({ s: f.course.spaceId, c: `name,e-mail\nPreviewed,${unique(who)}@example.org\n` }),
  },
  {
    op: 'applyRosterImport',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $c: String!, $h: String!) { applyRosterImport(spaceId: $s, csv: $c, previewHash: $h) { applied } }',
    variables: async (f, who) => {
      const csv = `name,e-mail\nImported,${unique(who)}@example.org\n`;
      const preview = await server.ok<{ previewRosterImport: { previewHash: string } }>(
        'query($s: ID!, $c: String!) { previewRosterImport(spaceId: $s, csv: $c) { previewHash } }',
        { s: f.course.spaceId, c: csv },
        f.course.admin.token,
      );
      return { s: f.course.spaceId, c: csv, h: preview.previewRosterImport.previewHash };
    },
  },
  {
    op: 'createInviteLink',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!) { createInviteLink(spaceId: $s, role: MEMBER) { url } }',
    variables: (f) => ({ s: f.course.spaceId }),
  },
  {
    op: 'inviteByEmail',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $e: String!) { inviteByEmail(spaceId: $s, email: $e, role: MEMBER) { url } }',
    variables: (f, who) => ({ s: f.course.spaceId, e: `${unique(who)}@example.org` }),
  },
  {
    op: 'revokeInvitation',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }',
    variables: async (f) => ({ id: await f.invitationToken('ADMIN').then(() => lastInvitationId) }),
  },
  { op: 'workspace', note: 'MASTER', allowed: STAFF, query: 'query($id: ID!) { workspace(id: $id) { id } }', variables: (f) => ({ id: f.course.master }) },
  { op: 'workspace', note: 'DISTRIBUTED', allowed: MEMBERS, query: 'query($id: ID!) { workspace(id: $id) { id } }', variables: (f) => ({ id: f.course.distributed }) },
  {
    op: 'workspace',
    note: "a student's own PERSONAL, with entries, history, snapshots, object, table and application fields",
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query:
      'query($id: ID!) { workspace(id: $id) { entries(path: "files") { totalCount } history { totalCount } snapshots { totalCount } object(path: "files/a.txt") { size } table(path: "tables/t") { rowCount } application(path: "applications/app") { hash } canWrite } }',
    variables: (f) => ({ id: f.own }),
  },
  {
    op: 'workspace',
    note: "storageUse field of a student's own PERSONAL",
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'query($id: ID!) { workspace(id: $id) { storageUse { logicalBytes exclusiveBytes } } }',
    variables: (f) => ({ id: f.own }),
  },
  {
    op: 'workspace',
    note: 'storageUse field of MASTER',
    allowed: STAFF,
    query: 'query($id: ID!) { workspace(id: $id) { storageUse { logicalBytes } } }',
    variables: (f) => ({ id: f.course.master }),
  },
  { op: 'snapshot', allowed: ['ADMIN', 'TA', 'MEMBER'], query: 'query($id: ID!) { snapshot(id: $id) { id } }', variables: (f) => ({ id: f.snapshotOfOwn }) },
  {
    op: 'createSharedWorkspace',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!) { createSharedWorkspace(spaceId: $s, name: "Group A") { id } }',
    variables: (f) => ({ s: f.course.spaceId }),
  },
  {
    op: 'createFolder',
    note: 'MASTER',
    allowed: ['ADMIN'],
    query: 'mutation($w: ID!, $p: String!) { createFolder(workspaceId: $w, path: $p) { version } }',
    variables: (f, who) => ({ w: f.course.master, p: `files/${unique(who)}` }),
  },
  {
    op: 'createFolder',
    note: "a student's own PERSONAL",
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($w: ID!, $p: String!) { createFolder(workspaceId: $w, path: $p) { version } }',
    variables: (f, who) => ({ w: f.own, p: `files/${unique(who)}` }),
  },
  {
    op: 'movePath',
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($w: ID!, $from: String!, $to: String!) { movePath(workspaceId: $w, from: $from, to: $to) { version } }',
    variables: async (f, who) => {
      const from = `files/${unique(who)}.txt`;
      await upload(server, f.course.admin.token, f.own, from, 'x');
      return { w: f.own, from, to: `files/${unique(who)}-moved.txt` };
    },
  },
  {
    op: 'deletePath',
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($w: ID!, $p: String!) { deletePath(workspaceId: $w, path: $p) { version } }',
    variables: async (f, who) => {
      const p = `files/${unique(who)}.txt`;
      await upload(server, f.course.admin.token, f.own, p, 'x');
      return { w: f.own, p };
    },
  },
  {
    op: 'saveApplication',
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($w: ID!, $c: JSONObject!) { saveApplication(workspaceId: $w, name: "app", config: $c) { hash } }',
    variables: (f) => ({ w: f.own, c: APP }),
  },
  {
    op: 'changeTableColumnTypes',
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($w: ID!) { changeTableColumnTypes(workspaceId: $w, path: "tables/t", columns: [{ name: "n", type: FLOAT }]) { version } }',
    variables: (f) => ({ w: f.own }),
  },
  {
    op: 'createSnapshot',
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "mine") { id } }',
    variables: (f) => ({ w: f.own }),
  },
  {
    op: 'deleteSnapshot',
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($id: ID!) { deleteSnapshot(id: $id) }',
    variables: async (f) => ({ id: await snapshotOf(f.own, f.course.admin.token) }),
  },
  {
    op: 'restoreSnapshot',
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($id: ID!) { restoreSnapshot(id: $id) { workspace { version } } }',
    variables: (f) => ({ id: f.snapshotOfOwn }),
  },
  {
    op: 'distribution',
    allowed: STAFF,
    query: 'query($id: ID!) { distribution(id: $id) { id createdBy { id } reversals { id } undoneAt undoneBy { id } counts { total } targets { nodes { status workspace { id } } } } }',
    variables: (f) => ({ id: f.distributionId }),
  },
  { op: 'distributions', allowed: MEMBERS, query: 'query($s: ID!) { distributions(spaceId: $s) { nodes { id } } }', variables: (f) => ({ s: f.course.spaceId }) },
  {
    op: 'previewDistribution',
    note: 'from MASTER to a student',
    allowed: ['ADMIN'],
    query: 'query($i: PushInputType!) { previewDistribution(input: $i) { targetCount } }',
    variables: (f) => ({ i: { source: { workspaceId: f.course.master }, paths: ['files'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'previewDistribution',
    note: "within a student's own workspace",
    allowed: ['ADMIN', 'MEMBER'],
    query: 'query($i: PushInputType!) { previewDistribution(input: $i) { targetCount } }',
    variables: (f) => ({ i: { source: { workspaceId: f.own }, paths: ['files/a.txt'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'pushDistribution',
    note: 'from MASTER to a student',
    allowed: ['ADMIN'],
    query: 'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
    variables: (f) => ({ i: { source: { workspaceId: f.course.master }, paths: ['files'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'pushDistribution',
    note: "within a student's own workspace",
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
    variables: (f) => ({ i: { source: { workspaceId: f.own }, paths: ['files/a.txt'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'distributionPreview',
    note: 'from MASTER to a student',
    allowed: ['ADMIN'],
    query: 'query($i: PushInput!) { distributionPreview(input: $i) { targetCount } }',
    variables: (f) => ({ i: { source: { workspaceId: f.course.master }, paths: ['files'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'distributionPreview',
    note: "within a student's own workspace",
    allowed: ['ADMIN', 'MEMBER'],
    query: 'query($i: PushInput!) { distributionPreview(input: $i) { targetCount } }',
    variables: (f) => ({ i: { source: { workspaceId: f.own }, paths: ['files/a.txt'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'createDistribution',
    note: 'from MASTER to a student',
    allowed: ['ADMIN'],
    query: 'mutation($i: PushInput!) { createDistribution(input: $i) { distribution { id } } }',
    variables: (f) => ({ i: { source: { workspaceId: f.course.master }, paths: ['files'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'createDistribution',
    note: "within a student's own workspace",
    allowed: ['ADMIN', 'MEMBER'],
    query: 'mutation($i: PushInput!) { createDistribution(input: $i) { distribution { id } } }',
    variables: (f) => ({ i: { source: { workspaceId: f.own }, paths: ['files/a.txt'], targets: { workspaceIds: [f.own] } } }),
  },
  {
    op: 'previewReversal',
    allowed: ['ADMIN'],
    query: 'query($id: ID!) { previewReversal(id: $id, kind: UNDO) { targetCount } }',
    variables: (f) => ({ id: f.distributionId }),
  },
  {
    op: 'previewRetry',
    note: 'a push without failures is a CONFLICT for an admin, past the access check',
    allowed: ['ADMIN'],
    query: 'query($id: ID!) { previewRetry(id: $id, policies: { default: KEEP_BOTH }) { targetCount } }',
    variables: (f) => ({ id: f.distributionId }),
  },
  { op: 'cancelDistribution', allowed: ['ADMIN'], query: 'mutation($id: ID!) { cancelDistribution(id: $id) { id } }', variables: (f) => ({ id: f.distributionId }) },
  { op: 'retryDistribution', allowed: ['ADMIN'], query: 'mutation($id: ID!) { retryDistribution(id: $id) { id } }', variables: (f) => ({ id: f.distributionId }) },
  { op: 'undoDistribution', allowed: ['ADMIN'], query: 'mutation($id: ID!) { undoDistribution(id: $id) { id } }', variables: (f) => ({ id: f.distributionId }) },
  { op: 'retractDistribution', allowed: ['ADMIN'], query: 'mutation($id: ID!) { retractDistribution(id: $id) { id } }', variables: (f) => ({ id: f.distributionId }) },
  {
    op: 'onboardColleague',
    allowed: ['ADMIN'],
    query: 'mutation($s: ID!, $e: String!, $b: ID) { onboardColleague(spaceId: $s, email: $e, fromBundleId: $b) { id } }',
    variables: async (f, who) => ({ s: f.course.spaceId, e: (await createUser(server, `Onboarded by ${who}`)).email, b: f.bundleId }),
  },
  { op: 'notifications', allowed: SIGNED_IN, query: '{ notifications { totalCount } }', variables: () => ({}) },
  { op: 'markNotificationsRead', allowed: SIGNED_IN, query: 'mutation { markNotificationsRead }', variables: () => ({}) },
  { op: 'stages', allowed: SIGNED_IN, query: '{ stages { workspaceId count } }', variables: () => ({}) },
  { op: 'stage', allowed: ['ADMIN', 'TA', 'MEMBER'], query: 'query($s: SourceInput!) { stage(source: $s) { path } }', variables: (f) => ({ s: { workspaceId: f.own } }) },
  {
    op: 'addToStage',
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/a.txt"]) { path } }',
    variables: (f) => ({ s: { workspaceId: f.own } }),
  },
  {
    op: 'removeFromStage',
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'mutation($s: SourceInput!) { removeFromStage(source: $s, paths: ["files/a.txt"]) { path } }',
    variables: (f) => ({ s: { workspaceId: f.own } }),
  },
  { op: 'clearStage', allowed: ['ADMIN', 'TA', 'MEMBER'], query: 'mutation($s: SourceInput!) { clearStage(source: $s) }', variables: (f) => ({ s: { workspaceId: f.own } }) },
  {
    op: 'saveBundle',
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'mutation($s: SourceInput!) { saveBundle(source: $s, name: "b") { id } }',
    variables: (f) => ({ s: { workspaceId: f.own } }),
  },
  { op: 'bundles', allowed: MEMBERS, query: 'query($s: ID!) { bundles(spaceId: $s) { id } }', variables: (f) => ({ s: f.course.spaceId }) },
  { op: 'bundleList', allowed: MEMBERS, query: 'query($s: ID!) { bundleList(spaceId: $s) { totalCount nodes { id } } }', variables: (f) => ({ s: f.course.spaceId }) },
  { op: 'bundle', allowed: STAFF, query: 'query($id: ID!) { bundle(id: $id) { id } }', variables: (f) => ({ id: f.bundleId }) },
  { op: 'deleteBundle', allowed: ['ADMIN'], query: 'mutation($id: ID!) { deleteBundle(id: $id) }', variables: async (f) => ({ id: await f.newBundle() }) },
  { op: 'webhooks', allowed: ['ADMIN'], query: 'query($s: ID!) { webhooks(spaceId: $s) { id } }', variables: (f) => ({ s: f.course.spaceId }) },
  {
    op: 'webhookDeliveries',
    allowed: ['ADMIN'],
    query: 'query($e: ID!) { webhookDeliveries(endpointId: $e) { totalCount } }',
    variables: async (f) => ({ e: (await f.newWebhook()).id }),
  },
  {
    op: 'createWebhook',
    allowed: ['ADMIN'],
    query: 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret } }',
    variables: (f) => ({ i: { spaceId: f.course.spaceId, url: 'http://127.0.0.1:9/walk', events: ['member.joined'] } }),
  },
  {
    op: 'updateWebhook',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { updateWebhook(id: $id, input: { description: "walk" }) { id } }',
    variables: async (f) => ({ id: (await f.newWebhook()).id }),
  },
  { op: 'deleteWebhook', allowed: ['ADMIN'], query: 'mutation($id: ID!) { deleteWebhook(id: $id) }', variables: async (f) => ({ id: (await f.newWebhook()).id }) },
  {
    op: 'rotateWebhookSecret',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
    variables: async (f) => ({ id: (await f.newWebhook()).id }),
  },
  {
    op: 'replayWebhookDelivery',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }',
    variables: async (f) => ({ id: (await f.newWebhook()).deliveryId }),
  },
  {
    op: 'sendTestWebhook',
    allowed: ['ADMIN'],
    query: 'mutation($e: ID!) { sendTestWebhook(endpointId: $e) { id } }',
    variables: async (f) => ({ e: (await f.newWebhook()).id }),
  },
  { op: 'assignment', allowed: MEMBERS, query: 'query($id: ID!) { assignment(id: $id) { id extensions { id } myStatus { status } release { id } } }', variables: (f) => ({ id: f.assignmentId }) },
  { op: 'assignments', allowed: MEMBERS, query: 'query($s: ID!) { assignments(spaceId: $s) { id } }', variables: (f) => ({ s: f.course.spaceId }) },
  { op: 'assignmentList', allowed: MEMBERS, query: 'query($s: ID!) { assignmentList(spaceId: $s) { totalCount nodes { id } } }', variables: (f) => ({ s: f.course.spaceId }) },
  {
    op: 'handInStatuses',
    note: 'students and viewers see only their own row',
    allowed: MEMBERS,
    query: 'query($a: ID!) { handInStatuses(assignmentId: $a) { totalCount } }',
    variables: (f) => ({ a: f.assignmentId }),
  },
  {
    op: 'gradingNeighbours',
    allowed: STAFF,
    query: 'query($a: ID!, $s: ID!) { gradingNeighbours(assignmentId: $a, studentId: $s) { position total } }',
    variables: (f) => ({ a: f.assignmentId, s: f.course.students[0].id }),
  },
  {
    op: 'ltiScores',
    allowed: STAFF,
    query: 'query($a: ID!, $s: ID!) { ltiScores(assignmentId: $a, studentId: $s) { status } }',
    variables: (f) => ({ a: f.assignmentId, s: f.course.students[0].id }),
  },
  {
    op: 'resendLtiScore',
    allowed: [],
    query: 'mutation { resendLtiScore(id: "00000000-0000-4000-8000-000000000000") { status } }',
    variables: () => ({}),
    note: 'the walk course sends no scores, so there is none to send again; the grader rule is checked in lti.test',
  },
  {
    op: 'handInSummary',
    allowed: STAFF,
    query: 'query($a: ID!) { handInSummary(assignmentId: $a) { students counts { status count } } }',
    variables: (f) => ({ a: f.assignmentId }),
  },
  {
    op: 'handIns',
    note: "the MEMBER's hand-ins, asked for by student id",
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'query($a: ID!, $s: ID) { handIns(assignmentId: $a, studentId: $s) { id } }',
    variables: (f) => ({ a: f.assignmentId, s: f.course.students[0].id }),
  },
  {
    op: 'handInList',
    note: "the MEMBER's hand-ins, asked for by student id",
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'query($a: ID!, $s: ID) { handInList(assignmentId: $a, studentId: $s) { totalCount nodes { id } } }',
    variables: (f) => ({ a: f.assignmentId, s: f.course.students[0].id }),
  },
  { op: 'handIn', allowed: ['ADMIN', 'TA', 'MEMBER'], query: 'query($id: ID!) { handIn(id: $id) { id } }', variables: (f) => ({ id: f.handInId }) },
  {
    op: 'previewAssignmentRelease',
    allowed: ['ADMIN'],
    query: 'query($i: CreateAssignmentInput!) { previewAssignmentRelease(input: $i) { targetCount } }',
    variables: (f) => ({
      i: { spaceId: f.course.spaceId, title: 'Walk', source: { workspaceId: f.course.master }, paths: ['files/material.txt'], deadline: new Date(Date.now() + 86_400_000).toISOString() },
    }),
  },
  {
    op: 'previewScheduledRelease',
    note: 'the fixture is released already: a CONFLICT for an admin, past the access check',
    allowed: ['ADMIN'],
    query: 'query($a: ID!) { previewScheduledRelease(assignmentId: $a) { targetCount } }',
    variables: (f) => ({ a: f.assignmentId }),
  },
  {
    op: 'createAssignment',
    allowed: ['ADMIN'],
    query: 'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
    variables: (f) => ({
      i: { spaceId: f.course.spaceId, title: 'Walk', source: { workspaceId: f.course.master }, paths: ['files/material.txt'], deadline: new Date(Date.now() + 86_400_000).toISOString() },
    }),
  },
  { op: 'assignmentGroups', allowed: MEMBERS, query: 'query($a: ID!) { assignmentGroups(assignmentId: $a) { id members { id } } }', variables: (f) => ({ a: f.groupAssignmentId }) },
  { op: 'myGroup', allowed: MEMBERS, query: 'query($a: ID!) { myGroup(assignmentId: $a) { id } }', variables: (f) => ({ a: f.groupAssignmentId }) },
  {
    op: 'groupsFromRoster',
    note: 'nobody new has a roster group: a BAD_USER_INPUT for an admin, past the access check',
    allowed: ['ADMIN'],
    query: 'mutation($a: ID!) { groupsFromRoster(assignmentId: $a) { id } }',
    variables: (f) => ({ a: f.groupAssignmentId }),
  },
  {
    op: 'createGroup',
    allowed: ['ADMIN'],
    query: 'mutation($a: ID!, $n: String!) { createGroup(assignmentId: $a, name: $n) { id } }',
    variables: (f, who) => ({ a: f.groupAssignmentId, n: unique(who) }),
  },
  { op: 'renameGroup', allowed: ['ADMIN'], query: 'mutation($g: ID!) { renameGroup(groupId: $g, name: "Walk group") { id } }', variables: (f) => ({ g: f.groupId }) },
  { op: 'deleteGroup', allowed: ['ADMIN'], query: 'mutation($g: ID!) { deleteGroup(groupId: $g) }', variables: async (f) => ({ g: await f.newGroup() }) },
  {
    op: 'setGroupMember',
    allowed: ['ADMIN'],
    query: 'mutation($a: ID!, $u: ID!, $g: ID) { setGroupMember(assignmentId: $a, userId: $u, groupId: $g) { notice } }',
    variables: (f) => ({ a: f.groupAssignmentId, u: f.course.students[0].id, g: f.groupId }),
  },
  {
    op: 'setGradeAdjustment',
    note: 'removing (0 points) the MEMBER\'s adjustment',
    allowed: STAFF,
    query: 'mutation($a: ID!, $s: ID!) { setGradeAdjustment(assignmentId: $a, studentId: $s, points: 0) { points } }',
    variables: (f) => ({ a: f.groupAssignmentId, s: f.course.students[0].id }),
  },
  { op: 'gradeAdjustments', allowed: MEMBERS, query: 'query($a: ID!) { gradeAdjustments(assignmentId: $a) { points } }', variables: (f) => ({ a: f.groupAssignmentId }) },
  {
    op: 'workspace',
    note: "a group's members-only SHARED workspace: its members and staff, not other students",
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'query($id: ID!) { workspace(id: $id) { id canWrite } }',
    variables: (f) => ({ id: f.groupWorkspaceId }),
  },
  {
    op: 'handInAssignment',
    note: 'for a group: only a student in a group hands in',
    allowed: ['MEMBER'],
    query: 'mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { handIn { id } } }',
    variables: (f) => ({ a: f.groupAssignmentId }),
  },
  {
    op: 'updateAssignment',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!, $t: String) { updateAssignment(id: $id, input: { title: $t }) { id } }',
    variables: (f, who) => ({ id: f.assignmentId, t: `Renamed by ${who}` }),
  },
  {
    op: 'grantExtension',
    allowed: ['ADMIN'],
    query: 'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "walk") { id } }',
    variables: (f) => ({ a: f.assignmentId, s: f.course.students[1].id, d: new Date(Date.now() + 2 * 86_400_000).toISOString() }),
  },
  {
    op: 'revokeExtension',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { revokeExtension(id: $id, reason: "walk") { id } }',
    variables: async (f) => ({ id: await f.newExtension() }),
  },
  {
    op: 'handInAssignment',
    allowed: ['MEMBER', 'OTHER_MEMBER'],
    query: 'mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { contentHash } }',
    variables: (f) => ({ a: f.assignmentId }),
  },
  { op: 'feedback', allowed: STAFF, query: 'query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { returned } }', variables: (f) => ({ a: f.assignmentId, s: f.course.students[0].id }) },
  { op: 'myFeedback', note: 'each student their own', allowed: ['MEMBER', 'OTHER_MEMBER'], query: 'query($a: ID!) { myFeedback(assignmentId: $a) { returned } }', variables: (f) => ({ a: f.assignmentId }) },
  { op: 'handInChanges', allowed: ['ADMIN', 'TA', 'MEMBER'], query: 'query($h: ID!) { handInChanges(handInId: $h) { __typename } }', variables: (f) => ({ h: f.handInId }) },
  { op: 'handInEntries', allowed: ['ADMIN', 'TA', 'MEMBER'], query: 'query($h: ID!) { handInEntries(handInId: $h) { totalCount } }', variables: (f) => ({ h: f.handInId }) },
  {
    op: 'setGrade',
    allowed: STAFF,
    query: 'mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 1, comment: "walk" }) { returned } }',
    variables: (f) => ({ a: f.assignmentId, s: f.course.students[0].id }),
  },
  { op: 'returnGrades', allowed: STAFF, query: 'mutation($a: ID!) { returnGrades(assignmentId: $a) { __typename } }', variables: (f) => ({ a: f.assignmentId }) },
  {
    op: 'copyHandInFileToFeedback',
    allowed: STAFF,
    query: 'mutation($h: ID!, $to: String) { copyHandInFileToFeedback(handInId: $h, path: "files/material.txt", to: $to) { returned } }',
    variables: (f, who) => ({ h: f.handInId, to: `${unique(who)}.txt` }),
  },
  {
    op: 'deleteFeedbackFile',
    allowed: STAFF,
    query: 'mutation($a: ID!, $s: ID!, $p: String!) { deleteFeedbackFile(assignmentId: $a, studentId: $s, path: $p) { returned } }',
    variables: async (f, who) => {
      const p = `${unique(who)}.txt`;
      await server.fetch(`/api/assignments/${f.assignmentId}/feedback/${f.course.students[0].id}/files/${p}`, { method: 'PUT', token: f.course.admin.token, body: 'x' });
      return { a: f.assignmentId, s: f.course.students[0].id, p };
    },
  },
  {
    op: 'rubricPreview',
    allowed: ['ADMIN'],
    query: 'query($a: ID!, $i: RubricInput!) { rubricPreview(assignmentId: $a, input: $i) { changedCount } }',
    variables: (f) => ({ a: f.assignmentId, i: WALK_RUBRIC }),
  },
  {
    op: 'saveRubric',
    allowed: ['ADMIN'],
    query: 'mutation($a: ID!, $i: RubricInput!) { saveRubric(assignmentId: $a, input: $i, confirm: true) { impact { changedCount } } }',
    variables: (f) => ({ a: f.assignmentId, i: WALK_RUBRIC }),
    // Without criteria (and no grade given with it) the rubric goes, so the cases after grade in points.
    cleanup: (f) => server.ok('mutation($a: ID!) { saveRubric(assignmentId: $a, input: { criteria: [] }) { rubric { id } } }', { a: f.assignmentId }, f.course.admin.token),
  },
  {
    op: 'regradeRequests',
    note: 'students see only their own',
    allowed: MEMBERS,
    query: 'query($a: ID!) { regradeRequests(assignmentId: $a) { id } }',
    variables: (f) => ({ a: f.assignmentId }),
  },
  {
    op: 'requestRegrade',
    note: 'only the student whose grade was returned',
    allowed: ['MEMBER'],
    query: 'mutation($a: ID!) { requestRegrade(assignmentId: $a, message: "walk") { id } }',
    variables: (f) => ({ a: f.assignmentId }),
  },
  {
    op: 'resolveRegrade',
    allowed: STAFF,
    query: 'mutation($id: ID!) { resolveRegrade(id: $id, reply: "walk") { open } }',
    variables: async (f, who) => {
      const id = randomUUID();
      await server.app.services.db.manager.insert('regrade_request', {
        id,
        assignmentId: rawId(f.assignmentId),
        studentId: rawId(f.course.students[0].id),
        criterionKey: unique(who),
        criterionTitle: 'walk',
        message: 'walk',
        createdAt: new Date(),
      });
      return { id };
    },
  },
  {
    op: 'createAnnotation',
    allowed: STAFF,
    query: 'mutation($h: ID!) { createAnnotation(handInId: $h, input: { path: "files/material.txt", startLine: 1, endLine: 1, body: "walk" }) { id } }',
    variables: (f) => ({ h: f.handInId }),
  },
  {
    op: 'updateAnnotation',
    allowed: STAFF,
    query: 'mutation($id: ID!, $b: String!) { updateAnnotation(id: $id, body: $b) { id } }',
    variables: async (f, who) => ({ id: await newAnnotation(f), b: `changed by ${who}` }),
  },
  {
    op: 'deleteAnnotation',
    allowed: STAFF,
    query: 'mutation($id: ID!) { deleteAnnotation(id: $id) }',
    variables: async (f) => ({ id: await newAnnotation(f) }),
  },
  { op: 'copyFeedbackToWorkspace', allowed: ['MEMBER'], query: 'mutation($a: ID!) { copyFeedbackToWorkspace(assignmentId: $a) { __typename } }', variables: (f) => ({ a: f.assignmentId }) },
  {
    op: 'auditEvents',
    note: 'non-staff see only events about themselves',
    allowed: MEMBERS,
    query: 'query($s: ID!) { auditEvents(spaceId: $s) { nodes { seq } } }',
    variables: (f) => ({ s: f.course.spaceId }),
  },
  { op: 'verifyAuditChain', allowed: ['ADMIN'], query: 'query($s: ID!) { verifyAuditChain(spaceId: $s) { ok } }', variables: (f) => ({ s: f.course.spaceId }) },
  {
    op: 'invitation',
    allowed: EVERYONE,
    note: 'public: what a link offers',
    query: 'query($t: String!) { invitation(token: $t) { spaceName role status } }',
    variables: async (f, who) => ({ t: await f.invitationToken(who) }),
  },
  {
    op: 'resendInvitation',
    allowed: ['ADMIN'],
    query: 'mutation($id: ID!) { resendInvitation(id: $id) { id } }',
    variables: async (f, who) => {
      const { inviteByEmail } = await server.ok(
        'mutation($s: ID!, $e: String!) { inviteByEmail(spaceId: $s, email: $e, role: MEMBER) { invitation { id } } }',
        { s: f.course.spaceId, e: `${unique(who)}@example.org` },
        f.course.admin.token,
      );
      return { id: inviteByEmail.invitation.id };
    },
  },
  {
    op: 'acceptInvitation',
    allowed: EVERYONE,
    note: 'public; members get CONFLICT, not a denial',
    cleanup: (f) =>
      server.ok('mutation($s: ID!, $u: ID!) { removeMember(spaceId: $s, userId: $u) }', { s: f.course.spaceId, u: f.course.outsider.id }, f.course.admin.token),
    query:
      'mutation($t: String!, $s: AcceptSignUpInput) { acceptInvitation(token: $t, signUp: $s) { space { id } } }',
    variables: async (f, who) => ({
      t: await f.invitationToken(who),
      s: who === 'ANONYMOUS' ? { email: `${unique(who)}@example.org`, name: 'Joiner', password: 'long enough password' } : null,
    }),
  },
];

/**
 * Subscriptions, walked over graphql-ws. An accepted subscription is silent
 * until an event, so each names how to cause one (`trigger`), and `walk`
 * lists the callers for whom one can be caused.
 */
interface SubscriptionCase {
  op: string;
  allowed: Who[];
  walk?: Who[];
  query: string;
  variables: (f: Fixture) => Record<string, unknown>;
  trigger: (f: Fixture, i: number) => Promise<unknown>;
}
const SUBSCRIPTIONS: SubscriptionCase[] = [
  {
    op: 'workspaceChanged',
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    query: 'subscription($w: ID!) { workspaceChanged(workspaceId: $w) { version } }',
    variables: (f) => ({ w: f.own }),
    trigger: (f, i) => upload(server, f.course.admin.token, f.own, `files/ping-${i}.txt`, `ping ${Date.now()}`),
  },
  {
    op: 'distributionProgress',
    allowed: STAFF,
    query: 'subscription($id: ID!) { distributionProgress(id: $id) { final } }',
    variables: (f) => ({ id: f.distributionId }),
    trigger: async () => undefined, // the first event is the current state
  },
  {
    op: 'handInStatus',
    allowed: ['ADMIN', 'TA', 'MEMBER'],
    walk: ['ADMIN', 'TA', 'MEMBER', 'OUTSIDER', 'ANONYMOUS'],
    query: 'subscription($a: ID!) { handInStatus(assignmentId: $a) { studentId } }',
    variables: (f) => ({ a: f.assignmentId }),
    trigger: (f) => server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { contentHash } }', { a: f.assignmentId }, f.course.students[0].token),
  },
  {
    op: 'assignmentChanged',
    allowed: MEMBERS,
    query: 'subscription($s: ID!) { assignmentChanged(spaceId: $s) { assignment { id } } }',
    variables: (f) => ({ s: f.course.spaceId }),
    trigger: (f, i) =>
      server.ok('mutation($id: ID!, $t: String) { updateAssignment(id: $id, input: { instructions: $t }) { id } }', { id: f.assignmentId, t: `Read this (${i}, ${Date.now()})` }, f.course.admin.token),
  },
  {
    op: 'notificationAdded',
    allowed: ['MEMBER'],
    walk: ['MEMBER', 'ANONYMOUS'],
    query: 'subscription { notificationAdded { id } }',
    variables: () => ({}),
    trigger: (f, i) =>
      upload(server, f.course.admin.token, f.course.master, `files/note-${i}.txt`, `note ${Date.now()}`).then(() =>
        server.ok('mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }', {
          i: { source: { workspaceId: f.course.master }, paths: [`files/note-${i}.txt`], targets: { workspaceIds: [f.own] } },
        }, f.course.admin.token),
      ),
  },
];

let doomed = 0;
/** A tar holding one file, `a.txt`. */
const ONE_FILE_TAR = (() => {
  const header = Buffer.alloc(512);
  header.write('a.txt', 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write('00000000001\0', 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const body = Buffer.alloc(512);
  body.write('a');
  return Buffer.concat([header, body, Buffer.alloc(1024)]);
})();

/** HTTP endpoints on the MEMBER's own workspace: read = owner and staff, write = owner and admin. */
const HTTP: { name: string; allowed: Who[]; run: (f: Fixture, token: string | null) => Promise<Response> }[] = [
  { name: 'GET LTI key set', allowed: EVERYONE, run: (_f, t) => server.fetch('/lti/jwks.json', { token: t }) },
  { name: 'GET LTI configuration', allowed: EVERYONE, run: (_f, t) => server.fetch('/lti/config.json', { token: t }) },
  { name: 'GET file', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/files/files/a.txt`, { token: t }) },
  { name: 'GET zip', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/zip/files`, { token: t }) },
  { name: 'GET table csv', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/tables/t/csv`, { token: t }) },
  { name: 'GET audit csv', allowed: MEMBERS, run: (f, t) => server.fetch(`/api/spaces/${f.course.spaceId}/audit.csv`, { token: t }) },
  { name: 'GET sealed hand-in file', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/hand-ins/${f.handInId}/files/files/material.txt`, { token: t }) },
  { name: 'GET hand-in file as the material had it', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/hand-ins/${f.handInId}/material/files/material.txt`, { token: t }) },
  { name: 'PUT feedback file', allowed: STAFF, run: (f, t) => server.fetch(`/api/assignments/${f.assignmentId}/feedback/${f.course.students[0].id}/files/put.txt`, { method: 'PUT', token: t, body: 'x' }) },
  { name: 'GET feedback file', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/assignments/${f.assignmentId}/feedback/${f.course.students[0].id}/files/notes.txt`, { token: t }) },
  { name: 'GET grades.csv', allowed: STAFF, run: (f, t) => server.fetch(`/api/assignments/${f.assignmentId}/grades.csv`, { token: t }) },
  { name: 'GET grades.xlsx', allowed: STAFF, run: (f, t) => server.fetch(`/api/assignments/${f.assignmentId}/grades.xlsx`, { token: t }) },
  { name: 'GET hand-ins.zip', allowed: STAFF, run: (f, t) => server.fetch(`/api/assignments/${f.assignmentId}/hand-ins.zip`, { token: t }) },
  { name: 'PUT file', allowed: ['ADMIN', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/files/files/put.txt`, { method: 'PUT', token: t, body: 'x' }) },
  { name: 'GET file (short form)', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/files/a.txt`, { token: t }) },
  { name: 'GET table', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/tables/t`, { token: t }) },
  { name: 'GET application', allowed: ['ADMIN', 'TA', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/applications/app`, { token: t }) },
  {
    name: 'PUT application',
    allowed: ['ADMIN', 'MEMBER'],
    run: (f, t) => server.fetch(`/api/workspaces/${f.own}/applications/put-app`, { method: 'PUT', token: t, headers: { 'content-type': 'application/json' }, body: JSON.stringify(APP) }),
  },
  {
    name: 'POST archive',
    allowed: ['ADMIN', 'MEMBER'],
    run: (f, t) => server.fetch(`/api/workspaces/${f.own}/files/unpacked`, { method: 'POST', token: t, headers: { 'content-type': 'application/x-tar' }, body: new Uint8Array(ONE_FILE_TAR) }),
  },
  ...(['files', 'tables', 'applications'] as const).map((area) => ({
    name: `DELETE ${area} entry`,
    allowed: ['ADMIN', 'MEMBER'] as Who[],
    run: async (f: Fixture, t: string | null) => {
      // A fresh entry for every caller: what one deletes is not there for the next.
      const name = `doomed${++doomed}`;
      const member = f.course.students[0]!.token;
      if (area === 'files') await upload(server, member, f.own, `files/${name}.txt`, 'x');
      if (area === 'tables') await server.fetch(`/api/workspaces/${f.own}/tables/${name}`, { method: 'POST', token: member, body: 'n\n1\n' });
      if (area === 'applications') await server.ok('mutation($w: ID!, $n: String!, $c: JSONObject!) { saveApplication(workspaceId: $w, name: $n, config: $c) { hash } }', { w: f.own, n: name, c: APP }, member);
      return server.fetch(`/api/workspaces/${f.own}/${area}/${name}${area === 'files' ? '.txt' : ''}`, { method: 'DELETE', token: t });
    },
  })),
  { name: 'POST table', allowed: ['ADMIN', 'MEMBER'], run: (f, t) => server.fetch(`/api/workspaces/${f.own}/tables/posted`, { method: 'POST', token: t, body: 'n\n1\n' }) },
];

const APP = { image: 'python:3.12', resources: { cpu: 1, memoryMiB: 512 }, startCommand: ['python'] };

let server: TestServer;

const newAnnotation = async (f: Fixture): Promise<string> =>
  (
    await server.ok(
      'mutation($h: ID!) { createAnnotation(handInId: $h, input: { path: "files/material.txt", startLine: 1, body: "setup" }) { id } }',
      { h: f.handInId },
      f.course.admin.token,
    )
  ).createAnnotation.id;
let lastInvitationId = '';
let snapshotOf: (workspaceId: string, token: string) => Promise<string>;

describeDb('access walk: every operation against every role', () => {
  let fixture: Fixture;
  let tokens: Record<Who, string | null>;

  beforeAll(async () => {
    // Webhooks of the walk point at a closed local port; nothing listens there.
    server = await startTestServer({ webhookAllowPrivate: true });
    const course = await createCourse(server, 2);
    const [member, other] = course.students;
    const own = course.personal.get(member.id)!;
    await upload(server, member.token, own, 'files/a.txt', 'hello');
    await server.fetch(`/api/workspaces/${own}/tables/t`, { method: 'POST', token: member.token, body: 'n\n1\n2\n' });
    await server.ok('mutation($w: ID!, $c: JSONObject!) { saveApplication(workspaceId: $w, name: "app", config: $c) { hash } }', { w: own, c: APP }, member.token);
    snapshotOf = async (workspaceId, token) =>
      (await server.ok('mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "s") { id } }', { w: workspaceId }, token)).createSnapshot.id;
    const byWho: Record<Exclude<Who, 'ANONYMOUS'>, TestUser> = {
      ADMIN: course.admin,
      TA: course.ta,
      MEMBER: member,
      OTHER_MEMBER: other,
      VIEWER: course.viewer,
      OUTSIDER: course.outsider,
    };
    tokens = { ...Object.fromEntries(Object.entries(byWho).map(([k, u]) => [k, u.token])), ANONYMOUS: null } as Record<Who, string | null>;
    await upload(server, course.admin.token, course.master, 'files/material.txt', 'material');
    const { pushDistribution } = await server.ok(
      'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
      { i: { source: { workspaceId: course.master }, paths: ['files/material.txt'], targets: { workspaceIds: [own] } } },
      course.admin.token,
    );
    const newBundle = async () => {
      await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/material.txt"]) { path } }', { s: { workspaceId: course.master } }, course.admin.token);
      return (await server.ok('mutation($s: SourceInput!) { saveBundle(source: $s, name: "material") { id } }', { s: { workspaceId: course.master } }, course.admin.token)).saveBundle.id as string;
    };
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      {
        i: {
          spaceId: course.spaceId,
          title: 'Access',
          source: { workspaceId: course.master },
          paths: ['files/material.txt'],
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      course.admin.token,
    );
    await waitFor(
      () => server.ok('query($id: ID!) { assignment(id: $id) { releasedAt } }', { id: createAssignment.id }, course.admin.token),
      (d) => !!d.assignment.releasedAt,
      'the release',
    );
    // The release only queues the push; the hand-in must hold the material, so wait until it has arrived.
    await waitFor(
      async () => {
        const res = await server.fetch(`/api/workspaces/${own}/files/material.txt`, { token: member.token });
        await res.arrayBuffer();
        return res.status;
      },
      (status) => status === 200,
      'the material in the member workspace',
    );
    const { handInAssignment } = await server.ok(
      'mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { handIn { id } } }',
      { a: createAssignment.id },
      member.token,
    );
    await server.ok(
      'mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 5, comment: "setup" }) { returned } }',
      { a: createAssignment.id, s: member.id },
      course.admin.token,
    );
    await server.fetch(`/api/assignments/${createAssignment.id}/feedback/${member.id}/files/notes.txt`, { method: 'PUT', token: course.admin.token, body: 'Well done' });
    await server.ok('mutation($a: ID!) { returnGrades(assignmentId: $a) { __typename } }', { a: createAssignment.id }, course.admin.token);
    const newExtension = async () =>
      (
        await server.ok(
          'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "setup") { id } }',
          { a: createAssignment.id, s: member.id, d: new Date(Date.now() + 3 * 86_400_000).toISOString() },
          course.admin.token,
        )
      ).grantExtension.id as string;
    const newWebhook = async () => {
      const { createWebhook } = await server.ok(
        'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { endpoint { id } } }',
        { i: { spaceId: course.spaceId, url: 'http://127.0.0.1:9/walk', events: ['member.joined'] } },
        course.admin.token,
      );
      const { sendTestWebhook } = await server.ok('mutation($e: ID!) { sendTestWebhook(endpointId: $e) { id } }', { e: createWebhook.endpoint.id }, course.admin.token);
      return { id: createWebhook.endpoint.id as string, deliveryId: sendTestWebhook.id as string };
    };
    const { createAssignment: groupAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Group access', source: { workspaceId: course.master }, paths: ['files/material.txt'], deadline: new Date(Date.now() + 86_400_000).toISOString(), groupWork: true } },
      course.admin.token,
    );
    const { createGroup } = await server.ok(
      'mutation($a: ID!, $m: [ID!]!) { createGroup(assignmentId: $a, name: "Walk group", memberIds: $m) { id workspaceId } }',
      { a: groupAssignment.id, m: [member.id] },
      course.admin.token,
    );
    const newGroup = async () =>
      (await server.ok('mutation($a: ID!, $n: String!) { createGroup(assignmentId: $a, name: $n) { id } }', { a: groupAssignment.id, n: `gone-${randomUUID()}` }, course.admin.token)).createGroup
        .id as string;
    fixture = {
      groupAssignmentId: groupAssignment.id,
      groupId: createGroup.id,
      groupWorkspaceId: createGroup.workspaceId,
      newGroup,
      newWebhook,
      course,
      own,
      assignmentId: createAssignment.id,
      handInId: handInAssignment.handIn.id,
      newExtension,
      distributionId: pushDistribution.id,
      bundleId: await newBundle(),
      newBundle,
      snapshotOfOwn: await snapshotOf(own, member.token),
      invitationToken: async () => {
        const { createInviteLink } = await server.ok(
          'mutation($s: ID!) { createInviteLink(spaceId: $s, role: MEMBER) { token invitation { id } } }',
          { s: course.spaceId },
          course.admin.token,
        );
        lastInvitationId = createInviteLink.invitation.id;
        return createInviteLink.token;
      },
      ltiPlatform: async () => {
        const { registerLtiPlatform } = await server.ok(
          'mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }',
          { i: { name: 'Walk LMS', issuer: 'https://lms.example.edu', clientId: `walk-${randomUUID()}`, deploymentIds: ['1'], authUrl: 'https://lms.example.edu/auth', tokenUrl: 'https://lms.example.edu/token', jwksUrl: 'https://lms.example.edu/jwks' } },
          course.admin.token,
        );
        return registerLtiPlatform.id as string;
      },
    };
  });
  afterAll(() => server.stop());

  it('has a rule for every operation in the schema', async () => {
    const { data } = await server.gql<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(data!);
    const ops = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
    ];
    const covered = new Set([...CASES.map((c) => c.op), ...SUBSCRIPTIONS.map((s) => s.op)]);
    expect(ops.filter((op) => !covered.has(op))).toEqual([]);
  });

  // Denied callers go first so that allowed, state-changing calls cannot make a later denial vacuous.
  const order = (allowed: Who[]) => [...EVERYONE.filter((w) => !allowed.includes(w)), ...EVERYONE.filter((w) => allowed.includes(w))];

  for (const c of CASES.filter((x) => x.allowed.length > 0)) {
    it(`${c.op}${c.note ? ` (${c.note})` : ''}: allowed for ${c.allowed.join(', ')}`, async () => {
      const outcome: Record<string, string> = {};
      for (const who of order(c.allowed)) {
        const result: GqlResult = await server.gql(c.query, await c.variables(fixture, who), tokens[who]);
        const code = result.errors?.[0]?.extensions?.code as string | undefined;
        outcome[who] = !result.errors ? 'ok' : DENIED.includes(code ?? '') ? 'denied' : `ok (${code})`;
        if (outcome[who] === 'ok (undefined)' || code === 'INTERNAL_SERVER_ERROR') throw new Error(`${who}: ${JSON.stringify(result.errors)}`);
      }
      await c.cleanup?.(fixture);
      const expected = Object.fromEntries(EVERYONE.map((w) => [w, c.allowed.includes(w) ? 'ok' : 'denied']));
      const seen = Object.fromEntries(EVERYONE.map((w) => [w, outcome[w].startsWith('ok') ? 'ok' : 'denied']));
      expect(seen).toEqual(expected);
    });
  }

  for (const s of SUBSCRIPTIONS) {
    it(`subscription ${s.op}: allowed for ${s.allowed.join(', ')}`, async () => {
      const seen: Record<string, string> = {};
      const walk = s.walk ?? EVERYONE;
      for (const who of walk) seen[who] = await trySubscribe(tokens[who], s.query, s.variables(fixture), (i) => s.trigger(fixture, i));
      expect(seen).toEqual(Object.fromEntries(walk.map((w) => [w, s.allowed.includes(w) ? 'ok' : 'denied'])));
    });
  }

  for (const h of HTTP) {
    it(`HTTP ${h.name}: allowed for ${h.allowed.join(', ')}`, async () => {
      const seen: Record<string, string> = {};
      for (const who of EVERYONE) {
        const res = await h.run(fixture, tokens[who]);
        seen[who] = res.status < 300 ? 'ok' : [401, 403, 404].includes(res.status) ? 'denied' : `status ${res.status}`;
        await res.arrayBuffer();
      }
      expect(seen).toEqual(Object.fromEntries(EVERYONE.map((w) => [w, h.allowed.includes(w) ? 'ok' : 'denied'])));
    });
  }

  it('a read-only API token reads but cannot change anything', async () => {
    const member = fixture.course.students[0];
    const { createApiToken } = await server.ok('mutation { createApiToken(name: "ro", readOnly: true) { secret } }', {}, member.token);
    const ro = createApiToken.secret;
    expect((await server.gql('query($id: ID!) { workspace(id: $id) { id } }', { id: fixture.own }, ro)).errors).toBeUndefined();
    const write = await server.gql('mutation($w: ID!) { createFolder(workspaceId: $w, path: "files/ro") { version } }', { w: fixture.own }, ro);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.fetch(`/api/workspaces/${fixture.own}/files/files/ro.txt`, { method: 'PUT', token: ro, body: 'x' })).status).toBe(403);
  });

  it('logout ends the session it was called with', async () => {
    const { login } = await server.ok('mutation($e: String!) { login(email: $e, password: "correct horse battery") { token } }', {
      e: fixture.course.ta.email,
    });
    expect((await server.gql('mutation { logout }', {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.ok('mutation { logout }', {}, login.token)).logout).toBe(true);
    expect((await server.ok('{ me { id } }', {}, login.token)).me).toBeNull();
  });
});

/**
 * Subscribes as `token`. A denial arrives as an error; an accepted subscription
 * is silent until something happens, so once connected we keep making changes
 * to the workspace until the first event (or a denial) arrives.
 */
async function trySubscribe(
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
  trigger: (i: number) => Promise<unknown>,
): Promise<string> {
  let connected!: () => void;
  const isConnected = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({
    url: server.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { connected: () => connected() },
    // Rejected connections are an expected outcome here, reported through the subscription instead.
    onNonLazyError: () => undefined,
  });
  const result = new Promise<string>((resolve) => {
    client.subscribe(
      { query, variables },
      { next: (value) => resolve(value.errors ? 'denied' : 'ok'), error: () => resolve('denied'), complete: () => resolve('denied') },
    );
  });
  let finished = false;
  void result.then(() => (finished = true));
  const triggered = isConnected.then(async () => {
    for (let i = 0; i < 50 && !finished; i++) {
      await trigger(i);
      await Promise.race([result, new Promise((r) => setTimeout(r, 100))]);
    }
    return finished ? '' : 'no event arrived';
  });
  const outcome = await Promise.race([result, triggered.then((why) => result.then(() => why), (error: Error) => `trigger failed: ${error.message}`)]);
  await client.dispose();
  return outcome;
}

