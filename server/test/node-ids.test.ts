import { randomUUID } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isInterfaceType, isObjectType, type IntrospectionQuery } from 'graphql';
import { createCourse, upload, type TestCourse, type TestUser } from './support/factories';
import { awaitRelease } from './support/progress';
import { codeOf, describeDb, errorOfResponse, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { countQueries } from './support/query-count';
import { decodeId, gid, rawId } from './support/ids';

const decode = decodeId;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;
const WORKSPACES = 'query($s: ID!) { space(id: $s) { workspaces { id } } }';

describeDb('global ids and node', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  let student: string;
  let own: string;
  let classmates: string;
  let assignmentId: string;
  let distributionId: string;
  let handInId: string;
  let snapshotId: string;
  let bundleId: string;

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
    admin = course.admin.token;
    student = course.students[0].token;
    own = course.personal.get(course.students[0].id)!;
    classmates = course.personal.get(course.students[1].id)!;
    await upload(server, admin, course.master, 'files/task.md', '# Task\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Ids', source: { workspaceId: course.master }, paths: ['files/task.md'], deadline: new Date(Date.now() + 86_400_000).toISOString() } },
      admin,
    );
    assignmentId = createAssignment.id;
    await awaitRelease(server, admin, assignmentId);
    distributionId = (await server.ok('query($id: ID!) { assignment(id: $id) { distributionId } }', { id: assignmentId }, admin)).assignment.distributionId;
    await waitFor(
      async () => (await server.fetch(`/api/workspaces/${own}/files/task.md`, { token: student })).status,
      (status) => status === 200,
      'the material in the student workspace',
    );
    const { handInAssignment } = await server.ok(
      'mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { handIn { id } } }',
      { a: assignmentId },
      student,
    );
    handInId = handInAssignment.handIn.id;
    snapshotId = (await server.ok('mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "mine") { id } }', { w: own }, student)).createSnapshot.id;
    await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/task.md"]) { path } }', { s: { workspaceId: course.master } }, admin);
    bundleId = (await server.ok('mutation($s: SourceInput!) { saveBundle(source: $s, name: "material") { id } }', { s: { workspaceId: course.master } }, admin)).saveBundle.id;
  });
  afterAll(() => server.stop());

  it('answers ids that name their type, and ids of other objects in the same form', async () => {
    expect(decode(course.spaceId)).toEqual({ type: 'Space', raw: expect.stringMatching(UUID) });
    expect(decode(course.master).type).toBe('Workspace');
    expect(decode(course.students[0].id).type).toBe('User');
    expect(decode(assignmentId).type).toBe('Assignment');
    expect(decode(distributionId).type).toBe('Distribution');
    expect(decode(handInId).type).toBe('HandIn');
    expect(decode(snapshotId).type).toBe('Snapshot');
    expect(decode(bundleId).type).toBe('Bundle');
    const { workspace } = await server.ok('query($id: ID!) { workspace(id: $id) { id spaceId ownerId } }', { id: own }, student);
    // Ids from different fields compare equal as they are: a client never decodes them.
    expect(workspace).toEqual({ id: own, spaceId: course.spaceId, ownerId: course.students[0].id });
    const { handIn } = await server.ok('query($id: ID!) { handIn(id: $id) { assignmentId studentId } }', { id: handInId }, student);
    expect(handIn).toEqual({ assignmentId, studentId: course.students[0].id });
  });

  it('declares Node on every object type with an id of its own', async () => {
    const { data } = await server.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, admin);
    const schema = buildClientSchema(data!);
    const withId = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__') && t.getFields().id && getNamedType(t.getFields().id!.type).name === 'ID');
    expect(withId.length).toBeGreaterThan(20);
    for (const type of withId) if (isObjectType(type)) expect([type.name, type.getInterfaces().map((i) => i.name)]).toEqual([type.name, ['Node']]);
  });

  it('refetches with node what the caller may read, through the same rules as each lookup', async () => {
    const adminIds = [course.spaceId, course.master, own, assignmentId, distributionId, handInId, snapshotId, bundleId, course.admin.id];
    const { nodes } = await server.ok(NODES, { ids: adminIds }, admin);
    expect(nodes).toEqual(adminIds.map((id) => ({ __typename: decode(id).type, id })));
    const one = await server.ok(`query($id: ID!) { node(id: $id) { ... on Workspace { kind spaceId } } }`, { id: course.master }, admin);
    expect(one.node).toEqual({ kind: 'MASTER', spaceId: course.spaceId });

    const studentIds = [course.spaceId, own, assignmentId, handInId, snapshotId, course.students[0].id];
    expect((await server.ok(NODES, { ids: studentIds }, student)).nodes).toEqual(studentIds.map((id) => ({ __typename: decode(id).type, id })));
  });

  it("answers null with NOT_FOUND for what the caller may not read (a classmate's workspace), leaving the rest", async () => {
    for (const id of [classmates, course.master, distributionId, bundleId, course.students[1].id]) {
      const result = await server.gql(NODE, { id }, student);
      expect([id, result.data?.node, codeOf(result)]).toEqual([id, null, 'NOT_FOUND']);
    }
    const result = await server.gql(NODES, { ids: [own, classmates] }, student);
    expect(result.data?.nodes).toEqual([{ __typename: 'Workspace', id: own }, null]);
    expect(result.errors?.map((e) => [(e as { path?: unknown[] }).path, e.extensions?.code])).toEqual([[['nodes', 1], 'NOT_FOUND']]);
    // A well-formed id of a row that does not exist.
    const missing = await server.gql(NODE, { id: gid('Space', '00000000-0000-4000-8000-000000000000') }, admin);
    expect([missing.data?.node, codeOf(missing)]).toEqual([null, 'NOT_FOUND']);
  });

  it('still accepts a stored raw id as an argument, and on the /api routes', async () => {
    const raw = decode(course.spaceId).raw;
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { id } }', { id: raw }, admin);
    expect(space.id).toBe(course.spaceId);
    const rawOwn = decode(own).raw;
    expect((await server.fetch(`/api/workspaces/${rawOwn}/files/task.md`, { token: student })).status).toBe(200);
    expect((await server.fetch(`/api/workspaces/${own}/files/task.md`, { token: student })).status).toBe(200);
    // node needs the type an id names; a raw one names none.
    expect(codeOf(await server.gql(NODE, { id: raw }, admin))).toBe('BAD_USER_INPUT');
  });

  it('refuses forged and cross-type ids with BAD_USER_INPUT and changes nothing', async () => {
    const before = (await server.ok(WORKSPACES, { s: course.spaceId }, admin)).space.workspaces.length;

    const crossType = await server.gql('mutation($s: ID!) { createSharedWorkspace(spaceId: $s, name: "Crossed") { id } }', { s: course.master }, admin);
    expect(codeOf(crossType)).toBe('BAD_USER_INPUT');
    expect(crossType.errors?.[0]?.message).toBe(`the id \`${course.master}\` names a Workspace, where a Space id is expected`);

    for (const forged of ['xyz', gid('Space', 'xyz'), gid('Nonsense', decode(course.spaceId).raw), `${course.spaceId}!`]) {
      const result = await server.gql('mutation($s: ID!) { createSharedWorkspace(spaceId: $s, name: "Forged") { id } }', { s: forged }, admin);
      expect([forged, codeOf(result), result.errors?.[0]?.message]).toEqual([forged, 'BAD_USER_INPUT', expect.stringContaining('is not a Stagecoach id')]);
    }
    // Ids nested in input objects are read the same way.
    const nested = await server.gql(
      'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
      { i: { source: { workspaceId: course.master }, paths: ['files/task.md'], targets: { workspaceIds: [course.spaceId] } } },
      admin,
    );
    expect(codeOf(nested)).toBe('BAD_USER_INPUT');
    expect(nested.errors?.[0]?.message).toContain('names a Space, where a Workspace id is expected');

    expect((await server.ok(WORKSPACES, { s: course.spaceId }, admin)).space.workspaces.length).toBe(before);
    const { distributions } = await server.ok('query($s: ID!) { distributions(spaceId: $s) { nodes { id } } }', { s: course.spaceId }, admin);
    expect(distributions.nodes.map((d: { id: string }) => d.id)).toEqual([distributionId]);

    const route = await server.fetch(`/api/workspaces/${course.spaceId}/files/task.md`, { token: admin });
    expect(route.status).toBe(400);
    expect(await errorOfResponse(route)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('names a Space, where a Workspace id is expected') });
  });

  it('refuses nodes with more than 100 ids', async () => {
    const result = await server.gql(NODES, { ids: Array.from({ length: 101 }, () => course.spaceId) }, admin);
    expect([result.data, codeOf(result)]).toEqual([null, 'BAD_USER_INPUT']);
    expect((await server.ok(NODES, { ids: Array.from({ length: 100 }, () => course.spaceId) }, admin)).nodes).toHaveLength(100);
  });

  it('answers the audit subject with the type it names', async () => {
    const { auditEvents } = await server.ok('query($s: ID!) { auditEvents(spaceId: $s, first: 100) { nodes { subjectType subjectId actorId } } }', { s: course.spaceId }, admin);
    const released = auditEvents.nodes.find((e: { subjectType: string }) => e.subjectType === 'assignment');
    expect(released.subjectId).toBe(assignmentId);
    const filtered = await server.ok('query($s: ID!, $x: ID!) { auditEvents(spaceId: $s, subjectId: $x) { nodes { subjectId } } }', { s: course.spaceId, x: assignmentId }, admin);
    expect(filtered.auditEvents.nodes.length).toBeGreaterThan(0);
    expect(filtered.auditEvents.nodes.every((e: { subjectId: string }) => e.subjectId === assignmentId)).toBe(true);
  });
});

/**
 * Every type implementing Node, refetched by an integrator: the id as a list or field answers it,
 * `node` answering the same fields, and null with NOT_FOUND for a caller who cannot see it there.
 */
describeDb('node for every Node type', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  let ta: string;
  let s0: TestUser;
  let s1: TestUser;
  let assignmentId: string;
  let rubricAssignmentId: string;
  let groupAssignmentId: string;
  /** The types this block refetched, for the guard at the end. */
  const refetched = new Set<string>();

  const create = async (input: Record<string, unknown>) => {
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, source: { workspaceId: course.master }, paths: ['files/task.md'], deadline: new Date(Date.now() + 86_400_000).toISOString(), ...input } },
      admin,
    );
    // A group assignment is released to its groups, none yet here: only its release time is waited for.
    if (input.groupWork) await waitFor(() => server.ok('query($id: ID!) { assignment(id: $id) { releasedAt } }', { id: createAssignment.id }, admin), (d) => !!d.assignment.releasedAt, 'the release');
    else await awaitRelease(server, admin, createAssignment.id);
    return createAssignment.id as string;
  };
  const handIn = async (u: TestUser) =>
    (await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { handIn { id } } }', { a: assignmentId }, u.token)).handInAssignment.handIn.id as string;

  /** `listed` (fields selected as `fields` from a list) is what node answers for its id, as `token`. */
  const refetches = async (token: string, type: string, fields: string, listed: { id: string }) => {
    expect(decode(listed.id).type).toBe(type);
    const { node } = await server.ok(`query($id: ID!) { node(id: $id) { __typename ... on ${type} { ${fields} } } }`, { id: listed.id }, token);
    expect(node).toEqual({ __typename: type, ...listed });
    refetched.add(type);
  };
  /** Each id is null with NOT_FOUND for `token`, as for an id that does not exist. */
  const hiddenFrom = async (token: string, ...ids: string[]) => {
    for (const id of ids) {
      const result = await server.gql(NODE, { id }, token);
      expect([id, result.data?.node, codeOf(result)]).toEqual([id, null, 'NOT_FOUND']);
    }
  };

  beforeAll(async () => {
    // Webhooks point at a closed local port; nothing listens there.
    server = await startTestServer({ webhookAllowPrivate: true });
    course = await createCourse(server, 2);
    admin = course.admin.token;
    ta = course.ta.token;
    [s0, s1] = course.students;
    await upload(server, admin, course.master, 'files/task.md', '# Task\nline two\n');
    assignmentId = await create({ title: 'Graded', maxPoints: 10 });
    for (const u of [s0, s1]) {
      await waitFor(
        async () => {
          const res = await server.fetch(`/api/workspaces/${course.personal.get(u.id)}/files/task.md`, { token: u.token });
          await res.arrayBuffer();
          return res.status;
        },
        (status) => status === 200,
        'the material in the student workspace',
      );
    }
    const [h0, h1] = [await handIn(s0), await handIn(s1)];
    const annotate = (h: string) =>
      server.ok('mutation($h: ID!) { createAnnotation(handInId: $h, input: { path: "files/task.md", startLine: 1, endLine: 2, body: "Say more" }) { id } }', { h }, ta);
    await annotate(h0);
    await annotate(h1);
    await server.ok('mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 5, comment: "ok" }) { returned } }', { a: assignmentId, s: s0.id }, admin);
    await server.ok('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }', { a: assignmentId, s: [s0.id] }, admin);
    await server.ok('mutation($a: ID!) { requestRegrade(assignmentId: $a, message: "Look again") { id } }', { a: assignmentId }, s0.token);
    await server.ok(
      'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "ill") { id } }',
      { a: assignmentId, s: s0.id, d: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      admin,
    );
    rubricAssignmentId = await create({ title: 'Rubric' });
    await server.ok(
      'mutation($a: ID!, $i: RubricInput!) { saveRubric(assignmentId: $a, input: $i, confirm: true) { rubric { id } } }',
      { a: rubricAssignmentId, i: { criteria: [{ title: 'Clarity', maxPoints: 2, levels: [{ title: 'Clear', points: 2 }, { title: 'Muddled', points: 0 }] }] } },
      admin,
    );
    groupAssignmentId = await create({ title: 'Together', groupWork: true });
    await server.ok('mutation($a: ID!, $m: [ID!]!) { createGroup(assignmentId: $a, name: "Pair", memberIds: $m) { id } }', { a: groupAssignmentId, m: [s0.id] }, admin);
  });
  afterAll(() => server.stop());

  it('refetches what a student is shown of their own work, and hides it from a classmate', async () => {
    const { notifications } = await server.ok('{ notifications(first: 1) { nodes { id kind title body link spaceId readAt createdAt } } }', {}, s0.token);
    const notification = notifications.nodes[0];
    await refetches(s0.token, 'Notification', 'id kind title body link spaceId readAt createdAt', notification);

    const { createApiToken } = await server.ok('mutation { createApiToken(name: "laptop", readOnly: true) { token { id } } }', {}, s0.token);
    const { apiTokenList } = await server.ok('{ apiTokenList(first: 5) { nodes { id name prefix readOnly createdAt expiresAt revokedAt } } }', {}, s0.token);
    const token = apiTokenList.nodes.find((t: { id: string }) => t.id === createApiToken.token.id);
    await refetches(s0.token, 'ApiToken', 'id name prefix readOnly createdAt expiresAt revokedAt', token);

    const own = course.personal.get(s0.id)!;
    const { workspace } = await server.ok('query($w: ID!) { workspace(id: $w) { history(first: 1) { nodes { id version message authorId createdAt author { id } } } } }', { w: own }, s0.token);
    const commit = workspace.history.nodes[0];
    await refetches(s0.token, 'Commit', 'id version message authorId createdAt author { id }', commit);
    await refetches(ta, 'Commit', 'id version message authorId createdAt author { id }', commit);

    const extensionFields = 'id studentId deadline reason createdAt revokedAt';
    const { assignment } = await server.ok(`query($a: ID!) { assignment(id: $a) { extensions { ${extensionFields} } } }`, { a: assignmentId }, s0.token);
    const [extension] = assignment.extensions;
    await refetches(s0.token, 'Extension', extensionFields, extension);
    await refetches(ta, 'Extension', extensionFields, extension);

    const groupFields = 'id name workspaceId handedIn members { id }';
    const { assignmentGroups } = await server.ok(`query($a: ID!) { assignmentGroups(assignmentId: $a) { ${groupFields} } }`, { a: groupAssignmentId }, s0.token);
    const [group] = assignmentGroups;
    await refetches(s0.token, 'AssignmentGroup', groupFields, group);
    await refetches(ta, 'AssignmentGroup', groupFields, group);

    const regradeFields = 'id assignmentId studentId criterionId message open reply createdAt';
    const { regradeRequests } = await server.ok(`query($a: ID!) { regradeRequests(assignmentId: $a) { ${regradeFields} } }`, { a: assignmentId }, s0.token);
    await refetches(s0.token, 'RegradeRequest', regradeFields, regradeRequests[0]);
    await refetches(ta, 'RegradeRequest', regradeFields, regradeRequests[0]);

    // A classmate sees none of it; a TA's tokens and notifications are their own business.
    await hiddenFrom(s1.token, notification.id, token.id, commit.id, extension.id, group.id, regradeRequests[0].id);
    await hiddenFrom(ta, notification.id, token.id);
    await hiddenFrom(admin, token.id);

    // nodes answers each id as node does: the hidden one is null with its error, the rest stand.
    const result = await server.gql(NODES, { ids: [notification.id, token.id, extension.id] }, s1.token);
    expect(result.data?.nodes).toEqual([null, null, null]);
    const mixed = await server.gql(NODES, { ids: [notification.id, gid('ApiToken', randomUUID()), token.id] }, s0.token);
    expect(mixed.data?.nodes).toEqual([
      { __typename: 'Notification', id: notification.id },
      null,
      { __typename: 'ApiToken', id: token.id },
    ]);
    expect(mixed.errors?.map((e) => [(e as { path?: unknown[] }).path, e.extensions?.code])).toEqual([[['nodes', 1], 'NOT_FOUND']]);
  });

  it("refetches annotations as feedback shows them: staff always, the student only once the grade is returned", async () => {
    const fields = 'id handInId handInSeq olderHandIn path startLine endLine body studentId author { id }';
    const staffView = async (u: TestUser) => (await server.ok(`query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { annotations { ${fields} } } }`, { a: assignmentId, s: u.id }, ta)).feedback.annotations;
    const [returned] = await staffView(s0);
    const [notYet] = await staffView(s1);
    await refetches(ta, 'Annotation', fields, returned);
    await refetches(admin, 'Annotation', fields, notYet);
    const { myFeedback } = await server.ok(`query($a: ID!) { myFeedback(assignmentId: $a) { annotations { ${fields} } } }`, { a: assignmentId }, s0.token);
    await refetches(s0.token, 'Annotation', fields, myFeedback.annotations[0]);
    // s1's grade is not returned: their own annotation stays hidden from them, like in their feedback.
    await hiddenFrom(s1.token, notYet.id, returned.id);
    await hiddenFrom(s0.token, notYet.id);
    await hiddenFrom(course.outsider.token, returned.id);
  });

  it('refetches rubrics, criteria and levels as Assignment.rubric answers them, to whoever sees the assignment', async () => {
    const levelFields = 'id title points description';
    const criterionFields = `id title description maxPoints levels { ${levelFields} }`;
    const rubricFields = `id assignmentId version maxPoints comments criteria { ${criterionFields} }`;
    const { assignment } = await server.ok(`query($a: ID!) { assignment(id: $a) { rubric { ${rubricFields} } } }`, { a: rubricAssignmentId }, s0.token);
    const { rubric } = assignment;
    const [criterion] = rubric.criteria;
    const [, level] = criterion.levels;
    for (const token of [admin, ta, s0.token]) {
      await refetches(token, 'Rubric', rubricFields, rubric);
      await refetches(token, 'RubricCriterion', criterionFields, criterion);
      await refetches(token, 'RubricLevel', levelFields, level);
    }
    await hiddenFrom(course.outsider.token, rubric.id, criterion.id, level.id);
    // A criterion's id is not a level's, nor the rubric's.
    await hiddenFrom(admin, gid('RubricLevel', rawId(criterion.id)), gid('Rubric', rawId(criterion.id)));
  });

  it("refetches a space's administration (invitations, outbox, webhooks, audit trail) for its admins only", async () => {
    await server.ok('mutation($s: ID!, $e: String!) { inviteByEmail(spaceId: $s, email: $e, role: MEMBER) { url } }', { s: course.spaceId, e: `new.${randomUUID()}@example.org` }, admin);
    const invitationFields = 'id email role createdAt expiresAt acceptedAt revokedAt';
    const outboxFields = 'id recipient subject body createdAt';
    const { space } = await server.ok(
      `query($s: ID!) { space(id: $s) { invitationList(first: 1) { nodes { ${invitationFields} } } outboxList(first: 1) { nodes { ${outboxFields} } } } }`,
      { s: course.spaceId },
      admin,
    );
    const [invitation] = space.invitationList.nodes;
    const [message] = space.outboxList.nodes;
    await refetches(admin, 'Invitation', invitationFields, invitation);
    await refetches(admin, 'OutboxMessage', outboxFields, message);

    const { createWebhook } = await server.ok(
      'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { endpoint { id } } }',
      { i: { spaceId: course.spaceId, url: 'http://127.0.0.1:9/hook', events: ['member.joined'], description: 'ci' } },
      admin,
    );
    const endpointId = createWebhook.endpoint.id;
    await server.ok('mutation($e: ID!) { sendTestWebhook(endpointId: $e) { id } }', { e: endpointId }, admin);
    // Only what attempts to deliver leave as they are: the worker keeps trying the closed port.
    const endpointFields = 'id spaceId url description events enabled createdAt';
    const deliveryFields = 'id endpointId eventType payload createdAt';
    const { webhooks } = await server.ok(`query($s: ID!) { webhooks(spaceId: $s) { ${endpointFields} } }`, { s: course.spaceId }, admin);
    const { webhookDeliveries } = await server.ok(`query($e: ID!) { webhookDeliveries(endpointId: $e, first: 1) { nodes { ${deliveryFields} } } }`, { e: endpointId }, admin);
    const endpoint = webhooks.find((w: { id: string }) => w.id === endpointId);
    const [delivery] = webhookDeliveries.nodes;
    await refetches(admin, 'WebhookEndpoint', endpointFields, endpoint);
    await refetches(admin, 'WebhookDelivery', deliveryFields, delivery);

    const eventFields = 'seq action subjectType subjectId studentId actorId before after createdAt hash prevHash actor { id } student { id }';
    const { auditEvents } = await server.ok(`query($s: ID!) { auditEvents(spaceId: $s, first: 100) { nodes { id ${eventFields} } } }`, { s: course.spaceId }, admin);
    const aboutS0 = auditEvents.nodes.find((e: { studentId: string | null }) => e.studentId === s0.id);
    const aboutNoOne = auditEvents.nodes.find((e: { studentId: string | null }) => e.studentId === null);
    await refetches(admin, 'AuditEvent', `id ${eventFields}`, aboutS0);
    await refetches(ta, 'AuditEvent', `id ${eventFields}`, aboutNoOne);
    // A student reads the events about themself, as auditEvents lists them for them.
    const mine = await server.ok(`query($s: ID!) { auditEvents(spaceId: $s, first: 100) { nodes { id ${eventFields} } } }`, { s: course.spaceId }, s0.token);
    await refetches(s0.token, 'AuditEvent', `id ${eventFields}`, mine.auditEvents.nodes.find((e: { id: string }) => e.id === aboutS0.id));

    await hiddenFrom(ta, invitation.id, message.id, endpoint.id, delivery.id);
    await hiddenFrom(s0.token, invitation.id, message.id, endpoint.id, delivery.id, aboutNoOne.id);
    await hiddenFrom(s1.token, aboutS0.id);
    await hiddenFrom(course.outsider.token, aboutNoOne.id);
  });

  it('refetches stage items, distribution targets, LTI platforms and scores for whoever lists them', async () => {
    await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/task.md"]) { path } }', { s: { workspaceId: course.master } }, admin);
    const itemFields = 'id path sourceWorkspaceId sourceSnapshotId createdAt';
    const { stage } = await server.ok(`query($s: SourceInput!) { stage(source: $s) { ${itemFields} } }`, { s: { workspaceId: course.master } }, admin);
    await refetches(admin, 'StageItem', itemFields, stage[0]);
    // A stage is its owner's: another admin of the space does not see it.
    await hiddenFrom(ta, stage[0].id);

    const targetFields = 'id status workspaceId commitId snapshotId attempts error finishedAt workspace { id }';
    const { assignment } = await server.ok('query($a: ID!) { assignment(id: $a) { distributionId } }', { a: assignmentId }, admin);
    const { distribution } = await server.ok(`query($d: ID!) { distribution(id: $d) { targets(first: 1) { nodes { ${targetFields} } } } }`, { d: assignment.distributionId }, admin);
    const [target] = distribution.targets.nodes;
    await refetches(admin, 'DistributionTarget', targetFields, target);
    await refetches(ta, 'DistributionTarget', targetFields, target);
    await hiddenFrom(s0.token, target.id);

    // The course's admin made the first account of this server, so they are its instance admin.
    const platformFields = 'id name issuer clientId deploymentIds authUrl tokenUrl jwksUrl linkByEmail createdAt updatedAt';
    await server.ok(
      'mutation($i: LtiPlatformInput!) { registerLtiPlatform(input: $i) { id } }',
      { i: { name: 'LMS', issuer: 'https://lms.example.edu', clientId: 'node-ids', deploymentIds: ['1'], authUrl: 'https://lms.example.edu/auth', tokenUrl: 'https://lms.example.edu/token', jwksUrl: 'https://lms.example.edu/jwks' } },
      admin,
    );
    const { ltiPlatforms } = await server.ok(`{ ltiPlatforms { ${platformFields} } }`, {}, admin);
    await refetches(admin, 'LtiPlatform', platformFields, ltiPlatforms[0]);
    await hiddenFrom(ta, ltiPlatforms[0].id);

    // A score whose retries ran out, as the worker leaves it (a course opened from a platform writes them).
    const now = new Date();
    await server.app.services.db.manager.insert('lti_score', {
      id: randomUUID(),
      platformId: rawId(ltiPlatforms[0].id),
      contextId: randomUUID(),
      spaceId: rawId(course.spaceId),
      assignmentId: rawId(assignmentId),
      studentId: rawId(s0.id),
      subject: 'lms-user-1',
      kind: 'GRADED',
      payload: JSON.stringify({ userId: 'lms-user-1', scoreGiven: 5, scoreMaximum: 10 }),
      status: 'FAILED',
      attempts: 3,
      nextAttemptAt: now,
      retryUntil: now,
      lastError: 'the platform refused',
      createdAt: now,
    });
    const scoreFields = 'id kind status score attempts nextAttemptAt lastError sentAt createdAt';
    const { ltiScores } = await server.ok(`query($a: ID!, $s: ID!) { ltiScores(assignmentId: $a, studentId: $s) { ${scoreFields} } }`, { a: assignmentId, s: s0.id }, ta);
    await refetches(ta, 'LtiScore', scoreFields, ltiScores[0]);
    await hiddenFrom(s0.token, ltiScores[0].id);
  });

  it('reads many ids of one type with a query for the rows and a check per space, not per id', async () => {
    for (let i = 0; i < 6; i++) {
      await server.ok('mutation($s: ID!, $e: String!) { inviteByEmail(spaceId: $s, email: $e, role: MEMBER) { url } }', { s: course.spaceId, e: `many.${randomUUID()}@example.org` }, admin);
    }
    const { space } = await server.ok('query($s: ID!) { space(id: $s) { invitationList(first: 6) { nodes { id } } outboxList(first: 6) { nodes { id } } } }', { s: course.spaceId }, admin);
    const ids: string[] = [...space.invitationList.nodes, ...space.outboxList.nodes].map((n: { id: string }) => n.id);
    const read = (some: string[]) => countQueries(server.app.services.db.dataSource, () => server.ok(NODES, { ids: some }, admin));
    // The worker's polling of its queues would be counted too: it waits while the requests are counted.
    await server.app.services.worker.stop();
    try {
      const one = await read([ids[0], ids[6]]);
      const twelve = await read(ids);
      expect(twelve.count).toBe(one.count);
    } finally {
      server.app.services.worker.start();
    }
    const { nodes } = await server.ok(NODES, { ids }, admin);
    expect(nodes.map((n: { id: string }) => n.id)).toEqual(ids);
  });

  it('refetches every type that implements Node (a new one needs a lookup and a case here)', async () => {
    const { data } = await server.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, admin);
    const schema = buildClientSchema(data!);
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
    // The types the first block refetches.
    for (const type of ['Space', 'Workspace', 'Snapshot', 'Distribution', 'Bundle', 'Assignment', 'HandIn', 'User']) refetched.add(type);
    const implementing = schema.getImplementations(node).objects.map((t) => t.name).sort();
    expect(implementing.length).toBeGreaterThan(25);
    expect(implementing.filter((type) => !refetched.has(type))).toEqual([]);
  });
});
