import { createCourse, createUser, headOf, upload, type TestCourse, type TestUser } from './support/factories';
import { codeOf, describeDb, errorOfResponse, startTestServer, type GqlResult, type TestServer } from './support/test-server';

const APP = {
  image: 'jupyter/scipy-notebook:2024-05-01',
  packages: [{ name: 'pandas', version: '2.2.2', manager: 'pip' }],
  environment: { TZ: 'UTC' },
  resources: { cpu: 1, memoryMiB: 2048, gpu: 0 },
  startCommand: ['start-notebook.sh'],
};

/** `2026-12-01 05:12:03 UTC`, as the refusal names the time of the change that won. */
const utc = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

/**
 * Two people edit the same thing from the same version: the second save is
 * refused (CONFLICT naming who changed it and when) and nothing changes; a
 * save from the current version goes through.
 */
describeDb('edits from a stale version are refused, naming who changed it and when', () => {
  let server: TestServer;
  let course: TestCourse;
  let ada: TestUser;
  let me: string;

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 1);
    me = course.admin.token;
    ada = await createUser(server, 'Ada Instructor');
    await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: ADMIN) { role } }', { s: course.spaceId, e: ada.email }, me);
    await upload(server, me, course.master, 'files/hw/task.md', 'Task\n');
    await upload(server, me, course.master, 'files/notes.md', 'Notes\n');
    await server.fetch(`/api/workspaces/${course.master}/tables/marks`, { method: 'POST', token: me, body: 'name,score\nA,1\n' });
    await server.ok('mutation($w: ID!, $c: JSONObject!) { saveApplication(workspaceId: $w, name: "jupyter", config: $c) { path } }', { w: course.master, c: APP }, me);
  });
  afterAll(() => server.stop());

  /** Ada's change in the other tab: the head commit she made, with its time. */
  async function adaChanges(path: string) {
    await upload(server, ada.token, course.master, path, `Ada's edit ${Math.random()}`);
    const { workspace } = await server.ok('query($w: ID!) { workspace(id: $w) { version history(first: 1) { nodes { createdAt author { name } } } } }', { w: course.master }, me);
    expect(workspace.history.nodes[0].author.name).toBe('Ada Instructor');
    return { version: workspace.version as number, at: workspace.history.nodes[0].createdAt as string };
  }

  function expectNamesAda(result: GqlResult, at: string) {
    expect(codeOf(result)).toBe('CONFLICT');
    const error = result.errors![0];
    expect(error.message).toContain(`changed by Ada Instructor at ${utc(at)}`);
    expect(error.message).toMatch(/reload to see that change, or save again from the current version to overwrite it/);
    expect(error.extensions).toMatchObject({ changedBy: { id: ada.id, name: 'Ada Instructor' }, changedAt: new Date(at).toISOString() });
  }

  const workspaceEdits: [string, string, Record<string, unknown>][] = [
    ['saveApplication', 'mutation($w: ID!, $v: Int, $c: JSONObject!) { saveApplication(workspaceId: $w, name: "jupyter", config: $c, expectedVersion: $v) { path } }', { c: { ...APP, resources: { cpu: 2, memoryMiB: 4096, gpu: 0 } } }],
    ['changeTableColumnTypes', 'mutation($w: ID!, $v: Int) { changeTableColumnTypes(workspaceId: $w, path: "tables/marks", columns: [{ name: "score", type: STRING }], expectedVersion: $v) { version } }', {}],
    ['movePath (rename)', 'mutation($w: ID!, $v: Int) { movePath(workspaceId: $w, from: "files/notes.md", to: "files/renamed.md", expectedVersion: $v) { version } }', {}],
    ['movePath (move)', 'mutation($w: ID!, $v: Int) { movePath(workspaceId: $w, from: "files/notes.md", to: "files/hw/notes.md", expectedVersion: $v) { version } }', {}],
    ['deletePath', 'mutation($w: ID!, $v: Int) { deletePath(workspaceId: $w, path: "files/notes.md", expectedVersion: $v) { version } }', {}],
    ['createFolder', 'mutation($w: ID!, $v: Int) { createFolder(workspaceId: $w, path: "files/new", expectedVersion: $v) { version } }', {}],
  ];

  it.each(workspaceEdits)('%s from a stale version is a CONFLICT naming Ada and the time; the head stays', async (_name, mutation, variables) => {
    const opened = await headOf(server, me, course.master);
    const change = await adaChanges('files/ada.md');
    const after = await headOf(server, me, course.master);
    const stale = await server.gql(mutation, { w: course.master, v: opened.version, ...variables }, me);
    expectNamesAda(stale, change.at);
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: change.version, expectedVersion: opened.version });
    expect(await headOf(server, me, course.master)).toEqual(after);
  });

  it('a version that does not exist yet is refused as such', async () => {
    const head = await headOf(server, me, course.master);
    const future = await server.gql(workspaceEdits[5][1], { w: course.master, v: head.version + 5 }, me);
    expect(codeOf(future)).toBe('CONFLICT');
    expect(future.errors![0].message).toMatch(new RegExp(`is at version ${head.version}; there is no version ${head.version + 5} yet`));
    expect(await headOf(server, me, course.master)).toEqual(head);
  });

  it('the same edit from the current version goes through (overwrite knowingly)', async () => {
    const head = await headOf(server, me, course.master);
    const saved = await server.gql(workspaceEdits[0][1], { w: course.master, v: head.version, ...workspaceEdits[0][2] }, me);
    expect(saved.errors).toBeUndefined();
    const { workspace } = await server.ok('query($w: ID!) { workspace(id: $w) { application(path: "applications/jupyter") { config } } }', { w: course.master }, me);
    expect(workspace.application.config.resources.cpu).toBe(2);
  });

  it('an upload with If-Match of a stale version is refused (409, naming Ada); a current one is stored', async () => {
    const opened = await headOf(server, me, course.master);
    const change = await adaChanges('files/ada.md');
    const after = await headOf(server, me, course.master);
    const stale = await upload(server, me, course.master, 'files/hw/task.md', 'mine', '', { 'if-match': `"${opened.version}"` });
    expect(stale.status).toBe(409);
    const error = await errorOfResponse(stale);
    expect(error.message).toContain(`changed by Ada Instructor at ${utc(change.at)}`);
    expect(await headOf(server, me, course.master)).toEqual(after);
    const current = await upload(server, me, course.master, 'files/hw/task.md', 'mine', '', { 'if-match': `"${after.version}"` });
    expect(current.status).toBe(201);
    expect(await (await server.fetch(`/api/workspaces/${course.master}/files/files/hw/task.md`, { token: me })).text()).toBe('mine');
  });

  it('an upload with If-None-Match: * over an existing name is refused and keeps the file; to a free name it is stored', async () => {
    const before = await headOf(server, me, course.master);
    const taken = await upload(server, me, course.master, 'files/hw/task.md', 'other', '', { 'if-none-match': '*' });
    expect(taken.status).toBe(409);
    expect((await errorOfResponse(taken)).message).toMatch(/'files\/hw\/task\.md' exists already/);
    expect(await headOf(server, me, course.master)).toEqual(before);
    const free = await upload(server, me, course.master, 'files/hw/task (2).md', 'other', '', { 'if-none-match': '*' });
    expect(free.status).toBe(201);
  });

  describe('assignments and grades have versions of their own', () => {
    let assignmentId: string;
    let student: TestUser;
    beforeAll(async () => {
      student = course.students[0];
      const { createAssignment } = await server.ok(
        'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id version } }',
        { i: { spaceId: course.spaceId, title: 'Homework 1', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 86_400_000).toISOString(), maxPoints: 20 } },
        me,
      );
      expect(createAssignment.version).toBe(1);
      assignmentId = createAssignment.id;
    });

    const UPDATE = 'mutation($id: ID!, $t: String, $v: Int) { updateAssignment(id: $id, input: { title: $t }, expectedVersion: $v) { title version updatedAt } }';

    it('updateAssignment from a stale version is a CONFLICT naming who edited it and when; the assignment stays', async () => {
      const opened = (await server.ok('query($id: ID!) { assignment(id: $id) { version } }', { id: assignmentId }, me)).assignment.version;
      const { updateAssignment: adas } = await server.ok(UPDATE, { id: assignmentId, t: 'Homework 1 (Ada)', v: opened }, ada.token);
      expect(adas.version).toBe(opened + 1);
      const stale = await server.gql(UPDATE, { id: assignmentId, t: 'Homework 1 (mine)', v: opened }, me);
      expectNamesAda(stale, adas.updatedAt);
      expect(stale.errors![0].message).toMatch(/assignment 'Homework 1 \(Ada\)'/);
      const { assignment } = await server.ok('query($id: ID!) { assignment(id: $id) { title version } }', { id: assignmentId }, me);
      expect(assignment).toEqual({ title: 'Homework 1 (Ada)', version: opened + 1 });
      const current = await server.ok(UPDATE, { id: assignmentId, t: 'Homework 1 (mine)', v: assignment.version }, me);
      expect(current.updateAssignment).toMatchObject({ title: 'Homework 1 (mine)', version: opened + 2 });
    });

    const GRADE = 'mutation($a: ID!, $s: ID!, $p: Float, $v: Int) { setGrade(assignmentId: $a, studentId: $s, input: { points: $p }, expectedVersion: $v) { version grade { points gradedAt } } }';
    const FEEDBACK = 'query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { version grade { points } } }';

    it('setGrade from a stale version is a CONFLICT naming the grader who won and when; the grade stays', async () => {
      const opened = (await server.ok(FEEDBACK, { a: assignmentId, s: student.id }, me)).feedback;
      expect(opened.version).toBe(0);
      const { setGrade: adas } = await server.ok(GRADE, { a: assignmentId, s: student.id, p: 15, v: opened.version }, ada.token);
      expect(adas.version).toBe(1);
      const stale = await server.gql(GRADE, { a: assignmentId, s: student.id, p: 9, v: opened.version }, me);
      expectNamesAda(stale, adas.grade.gradedAt);
      expect(stale.errors![0].message).toMatch(/the grade of Student 0 for 'Homework 1/);
      expect((await server.ok(FEEDBACK, { a: assignmentId, s: student.id }, me)).feedback).toEqual({ version: 1, grade: { points: 15 } });
      const current = await server.ok(GRADE, { a: assignmentId, s: student.id, p: 9, v: 1 }, me);
      expect(current.setGrade).toMatchObject({ version: 2, grade: { points: 9 } });
    });
  });
});
