import { createCourse, upload, type TestCourse, type TestUser } from './support/factories';
import { followDistribution } from './support/progress';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

const CODE = 'def area(r):\n    return 3.14 * r * r\n\nprint(area(2))\n';
const NOTEBOOK = JSON.stringify({
  cells: [
    { id: 'intro', cell_type: 'markdown', metadata: {}, source: ['# Homework'] },
    { id: 'solve', cell_type: 'code', metadata: {}, source: ['x = 1'], outputs: [], execution_count: null },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
});

const CREATE = `mutation($h: ID!, $i: CreateAnnotationInput!) { createAnnotation(handInId: $h, input: $i) {
  id handInId handInSeq olderHandIn path startLine endLine cellIndex cellId body author { name } } }`;
const UPDATE = 'mutation($id: ID!, $b: String!) { updateAnnotation(id: $id, body: $b) { id body } }';
const DELETE = 'mutation($id: ID!) { deleteAnnotation(id: $id) }';
const ANNOTATIONS = `annotations { id handInSeq olderHandIn path startLine endLine cellIndex cellId body }`;
const FEEDBACK = `query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { ${ANNOTATIONS} } }`;
const MY_FEEDBACK = `query($a: ID!) { myFeedback(assignmentId: $a) { visibleToStudent ${ANNOTATIONS} } }`;
const SET_GRADE = 'mutation($a: ID!, $s: ID!, $p: Float) { setGrade(assignmentId: $a, studentId: $s, input: { points: $p }) { grade { points } } }';
const RETURN = 'mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }';
const EVENTS = `query($s: ID!, $student: ID) { auditEvents(spaceId: $s, action: "annotation.", studentId: $student, first: 100) {
  nodes { action actorId studentId before after } } }`;
const NOTIFICATIONS = '{ notifications(first: 50) { nodes { kind title body } } }';

describeDb('annotations: comments on lines and notebook cells of a hand-in', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  let ta: string;
  let s0: TestUser;
  let s1: TestUser;
  let assignmentId: string;
  let first: string;

  const handIn = async (u: TestUser) =>
    (await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId }, u.token)).handInAssignment.handIn.id as string;
  const create = (token: string, h: string, input: Record<string, unknown>) => server.gql(CREATE, { h, i: input }, token);
  const staffView = async (u: TestUser) => (await server.ok(FEEDBACK, { a: assignmentId, s: u.id }, ta)).feedback.annotations;
  const studentView = async (u: TestUser) => (await server.ok(MY_FEEDBACK, { a: assignmentId }, u.token)).myFeedback;

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
    admin = course.admin.token;
    ta = course.ta.token;
    [s0, s1] = course.students;
    await upload(server, admin, course.master, 'files/hw/area.py', 'def area(r):\n    pass\n');
    await upload(server, admin, course.master, 'files/hw/notebook.ipynb', NOTEBOOK);
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Areas', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString(), maxPoints: 10 } },
      admin,
    );
    assignmentId = createAssignment.id;
    const released = await waitFor(
      () => server.ok('query($id: ID!) { assignment(id: $id) { distributionId } }', { id: assignmentId }, admin),
      (d) => !!d.assignment.distributionId,
      'the release',
    );
    await followDistribution(server, admin, released.assignment.distributionId);
    await upload(server, s0.token, course.personal.get(s0.id)!, 'files/hw/area.py', CODE);
    first = await handIn(s0);
    await handIn(s1);
  });
  afterAll(() => server.stop());

  it('a TA comments on a line range of a code file and on a notebook cell', async () => {
    const lines = await create(ta, first, { path: 'files/hw/area.py', startLine: 1, endLine: 2, body: 'Use math.pi' });
    expect(lines.errors).toBeUndefined();
    expect(lines.data!.createAnnotation).toMatchObject({
      handInId: first,
      handInSeq: 1,
      olderHandIn: false,
      path: 'files/hw/area.py',
      startLine: 1,
      endLine: 2,
      cellIndex: null,
      body: 'Use math.pi',
      author: { name: course.ta.name },
    });
    const cell = await create(ta, first, { path: 'files/hw/notebook.ipynb', cellIndex: 1, body: 'Explain x' });
    expect(cell.errors).toBeUndefined();
    expect(cell.data!.createAnnotation).toMatchObject({ cellIndex: 1, cellId: 'solve', startLine: null });
    expect((await staffView(s0)).map((a: { body: string }) => a.body)).toEqual(['Use math.pi', 'Explain x']);
    // Another student's feedback has none of them.
    expect(await staffView(s1)).toEqual([]);
  });

  it('refuses a bad place with a message naming what was wrong, and stores nothing', async () => {
    const before = (await staffView(s0)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ path: 'files/hw/area.py', startLine: 3, endLine: 9, body: 'x' }, "lines 3–9 are outside 'files/hw/area.py', which has 4 lines"],
      [{ path: 'files/hw/area.py', startLine: 0, endLine: 1, body: 'x' }, "lines 0–1 are outside 'files/hw/area.py'"],
      [{ path: 'files/hw/missing.py', startLine: 1, body: 'x' }, "'files/hw/missing.py' is not a file of hand-in #1"],
      [{ path: 'files/hw', startLine: 1, body: 'x' }, "'files/hw' is not a file of hand-in #1"],
      [{ path: 'files/hw/notebook.ipynb', cellIndex: 2, body: 'x' }, "cell 2 is outside 'files/hw/notebook.ipynb', which has 2 cells"],
      [{ path: 'files/hw/area.py', cellIndex: 0, body: 'x' }, "'files/hw/area.py' is not a notebook"],
      [{ path: 'files/hw/area.py', startLine: 1, cellIndex: 0, body: 'x' }, 'a line range (startLine and endLine) or a notebook cell (cellIndex), not both'],
      [{ path: 'files/hw/area.py', startLine: 1, body: '   ' }, 'the comment is empty'],
    ];
    for (const [input, message] of cases) {
      const result = await create(ta, first, input);
      expect({ input, code: codeOf(result) }).toEqual({ input, code: 'BAD_USER_INPUT' });
      expect(result.errors![0].message).toContain(message);
    }
    expect(await staffView(s0)).toHaveLength(before);
  });

  it('refuses students and people outside the course', async () => {
    const input = { path: 'files/hw/area.py', startLine: 1, body: 'I grade myself' };
    expect(codeOf(await create(s0.token, first, input))).toBe('FORBIDDEN');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await create(course.outsider.token, first, input)));
    const [mine] = await staffView(s0);
    expect(codeOf(await server.gql(UPDATE, { id: mine.id, b: 'changed' }, s0.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(DELETE, { id: mine.id }, s1.token))).toBe('FORBIDDEN');
    expect((await staffView(s0))[0].body).toBe('Use math.pi');
  });

  it('is hidden from the student before return; the grade can change without removing it', async () => {
    const hidden = await studentView(s0);
    expect(hidden.visibleToStudent).toBe(false);
    expect(hidden.annotations).toEqual([]);
    // Asking for someone else's feedback through the staff query shows nothing either.
    expect(codeOf(await server.gql(FEEDBACK, { a: assignmentId, s: s0.id }, s1.token))).toBe('FORBIDDEN');
    await server.ok(SET_GRADE, { a: assignmentId, s: s0.id, p: 7 }, ta);
    await server.ok(SET_GRADE, { a: assignmentId, s: s0.id, p: 8 }, admin);
    expect((await staffView(s0)).map((a: { body: string }) => a.body)).toEqual(['Use math.pi', 'Explain x']);
    expect((await studentView(s0)).annotations).toEqual([]);
  });

  it('audits every change with the real actor and student', async () => {
    const { createAnnotation } = await server.ok(CREATE, { h: first, i: { path: 'files/hw/area.py', startLine: 4, body: 'Typo' } }, ta);
    await server.ok(UPDATE, { id: createAnnotation.id, b: 'Print the result with a label' }, ta);
    await server.ok(DELETE, { id: createAnnotation.id }, admin);
    const events = (await server.ok(EVENTS, { s: course.spaceId, student: s0.id }, admin)).auditEvents.nodes;
    const mine = events.filter((e: { before: { annotationId?: string } | null; after: { annotationId?: string } | null }) => (e.after ?? e.before)?.annotationId === rawId(createAnnotation.id));
    expect(mine.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['annotation.deleted', course.admin.id],
      ['annotation.changed', course.ta.id],
      ['annotation.created', course.ta.id],
    ]);
    expect(mine[1]).toMatchObject({ studentId: s0.id, before: { body: 'Typo', lines: [4, 4], handInSeq: 1 }, after: { body: 'Print the result with a label', returned: false } });
    expect(await staffView(s0)).toHaveLength(2);
  });

  it('after return the student sees each comment with its place and hand-in; a later edit is audited and told to the student', async () => {
    await server.ok(RETURN, { a: assignmentId, s: [s0.id] }, ta);
    const seen = await studentView(s0);
    expect(seen.visibleToStudent).toBe(true);
    expect(seen.annotations).toEqual([
      expect.objectContaining({ path: 'files/hw/area.py', startLine: 1, endLine: 2, handInSeq: 1, olderHandIn: false, body: 'Use math.pi' }),
      expect.objectContaining({ path: 'files/hw/notebook.ipynb', cellIndex: 1, cellId: 'solve', handInSeq: 1, body: 'Explain x' }),
    ]);
    // The other student has nothing returned and sees nothing.
    expect((await studentView(s1)).annotations).toEqual([]);

    const noticesBefore = (await server.ok(NOTIFICATIONS, {}, s0.token)).notifications.nodes.length;
    await server.ok(UPDATE, { id: seen.annotations[0].id, b: 'Use math.pi (see the lecture notes)' }, ta);
    expect((await studentView(s0)).annotations[0].body).toBe('Use math.pi (see the lecture notes)');
    const notices = (await server.ok(NOTIFICATIONS, {}, s0.token)).notifications.nodes;
    expect(notices).toHaveLength(noticesBefore + 1);
    expect(notices[0]).toMatchObject({ kind: 'GRADE_CHANGED', title: "Your feedback for 'Areas' was changed" });
    const events = (await server.ok(EVENTS, { s: course.spaceId, student: s0.id }, admin)).auditEvents.nodes;
    expect(events[0]).toMatchObject({
      action: 'annotation.changed',
      actorId: course.ta.id,
      before: { body: 'Use math.pi' },
      after: { body: 'Use math.pi (see the lecture notes)', returned: true },
    });
  });

  it('marks comments on an older hand-in once the student hands in again', async () => {
    const second = await handIn(s0);
    const marked = await staffView(s0);
    expect(marked.map((a: { handInSeq: number; olderHandIn: boolean }) => [a.handInSeq, a.olderHandIn])).toEqual([
      [1, true],
      [1, true],
    ]);
    const { createAnnotation } = await server.ok(CREATE, { h: second, i: { path: 'files/hw/area.py', startLine: 2, body: 'Better' } }, ta);
    expect(createAnnotation).toMatchObject({ handInSeq: 2, olderHandIn: false });
  });
});
