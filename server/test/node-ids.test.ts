import { buildClientSchema, getIntrospectionQuery, getNamedType, isObjectType, type IntrospectionQuery } from 'graphql';
import { createCourse, upload, type TestCourse } from './support/factories';
import { awaitRelease } from './support/progress';
import { codeOf, describeDb, errorOfResponse, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { decodeId, gid } from './support/ids';

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
