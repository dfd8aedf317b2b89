import ExcelJS from 'exceljs';
import { createCourse, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';

const STATUSES = `query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) {
  counts { status count }
  nodes { student { id } status late lateByMinutes handInCount latestHandIn { collected handedInAt } } } }`;
const MY_STATUS = 'query($id: ID!) { assignment(id: $id) { myStatus { status late lateByMinutes handInCount latestHandIn { collected } } } }';

/** Creates and releases an assignment of `files/hw` in the course, due in an hour. */
async function releasedAssignment(server: TestServer, course: TestCourse, extra: Record<string, unknown> = {}): Promise<string> {
  const admin = course.admin.token;
  const { createAssignment } = await server.ok(
    'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
    { i: { spaceId: course.spaceId, title: 'Homework', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString(), ...extra } },
    admin,
  );
  const { assignment } = await waitFor(
    () => server.ok('query($id: ID!) { assignment(id: $id) { distributionId } }', { id: createAssignment.id }, admin),
    (d) => !!d.assignment.distributionId,
    'the release',
  );
  await followDistribution(server, admin, assignment.distributionId);
  return createAssignment.id;
}

describeDb('the deadline passes: collection is the student’s own work, the rest is missing', () => {
  let server: TestServer;
  let course: TestCourse;
  let assignmentId: string;
  let deadline: string;
  const [handedIn, edited, idle] = [0, 1, 2];
  const id = (i: number) => course.students[i].id;

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 3);
    await upload(server, course.admin.token, course.master, 'files/hw/answers.md', '# Answers\n');
    assignmentId = await releasedAssignment(server, course, { collectAtDeadline: true, latePolicy: { mode: 'PENALTY', penaltyPercent: 10, unit: 'HOUR', floorPercent: 0 } });
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, course.students[handedIn].token);
    const wrote = await upload(server, course.students[edited].token, course.personal.get(id(edited))!, 'files/hw/answers.md', '# Answers\n42\n');
    expect(wrote.status).toBeLessThan(300);
    // The deadline passes: the collection job runs at once.
    deadline = new Date(Date.now() - 1).toISOString();
    await server.ok('mutation($id: ID!, $d: DateTimeISO) { updateAssignment(id: $id, input: { deadline: $d }) { id } }', { id: assignmentId, d: deadline }, course.admin.token);
    await waitFor(
      () => server.ok(STATUSES, { a: assignmentId }, course.admin.token),
      (d) => d.handInStatuses.nodes.some((n: { status: string }) => n.status === 'COLLECTED'),
      'the collection at the deadline',
    );
  });
  afterAll(() => server.stop());

  it('collects only the student who edited, at the deadline and not late; the idle student is missing', async () => {
    const { handInStatuses } = await server.ok(STATUSES, { a: assignmentId }, course.admin.token);
    const row = (i: number) => handInStatuses.nodes.find((n: { student: { id: string } }) => n.student.id === id(i));
    expect(row(handedIn)).toMatchObject({ status: 'HANDED_IN', late: false, handInCount: 1 });
    expect(row(edited)).toMatchObject({ status: 'COLLECTED', late: false, lateByMinutes: 0, handInCount: 1, latestHandIn: { collected: true, handedInAt: deadline } });
    expect(row(idle)).toMatchObject({ status: 'MISSING', late: false, lateByMinutes: 0, handInCount: 0, latestHandIn: null });
    const counts = Object.fromEntries(handInStatuses.counts.map((c: { status: string; count: number }) => [c.status, c.count]));
    expect(counts).toMatchObject({ HANDED_IN: 1, COLLECTED: 1, MISSING: 1, LATE: 0 });
    const { handIns } = await server.ok('query($a: ID!) { handIns(assignmentId: $a) { studentId collected } }', { a: assignmentId }, course.admin.token);
    expect(handIns).toHaveLength(2);
  });

  it('seals what the student wrote', async () => {
    const { handIns } = await server.ok('query($a: ID!, $s: ID) { handIns(assignmentId: $a, studentId: $s) { id } }', { a: assignmentId, s: id(edited) }, course.admin.token);
    const file = await server.fetch(`/api/hand-ins/${handIns[0].id}/files/files/hw/answers.md`, { token: course.admin.token });
    expect(await file.text()).toBe('# Answers\n42\n');
  });

  it('tells each student the same: collected (not late), or no submission', async () => {
    const mine = async (i: number) => (await server.ok(MY_STATUS, { id: assignmentId }, course.students[i].token)).assignment.myStatus;
    expect(await mine(edited)).toMatchObject({ status: 'COLLECTED', late: false, lateByMinutes: 0, latestHandIn: { collected: true } });
    expect(await mine(idle)).toMatchObject({ status: 'MISSING', late: false, handInCount: 0, latestHandIn: null });
  });

  it('exports the same statuses to CSV and Excel: never late for a collection, nothing for a missing student', async () => {
    const csv = await (await server.fetch(`/api/assignments/${assignmentId}/grades.csv`, { token: course.admin.token })).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const header = lines[0].split(',');
    const cell = (email: string, column: string) => lines.find((l) => l.includes(email))!.split(',')[header.indexOf(column)];
    expect(cell(course.students[edited].email, 'Status')).toBe('COLLECTED');
    expect(cell(course.students[edited].email, 'Late')).toBe('no');
    expect(cell(course.students[edited].email, 'Kept %')).toBe('100');
    expect(cell(course.students[idle].email, 'Status')).toBe('MISSING');
    expect(cell(course.students[idle].email, 'Late')).toBe('');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await server.fetch(`/api/assignments/${assignmentId}/grades.xlsx`, { token: course.admin.token })).arrayBuffer()) as never);
    const sheet = book.getWorksheet('Grades')!;
    const values = (email: string) => (sheet.getSheetValues().find((r) => Array.isArray(r) && r.includes(email)) as unknown[]).slice(1);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(values(course.students[edited].email)[headers.indexOf('Status')]).toBe('COLLECTED');
    expect(values(course.students[edited].email)[headers.indexOf('Late')]).toBe('no');
    expect(values(course.students[idle].email)[headers.indexOf('Status')]).toBe('MISSING');
  });

  it('shows a student GRADED only once the grade is returned; staff see it graded at once', async () => {
    const student = course.students[edited];
    await server.ok('mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 80, comment: "ok" }) { studentId } }', { a: assignmentId, s: student.id }, course.ta.token);
    expect((await server.ok(MY_STATUS, { id: assignmentId }, student.token)).assignment.myStatus.status).toBe('COLLECTED');
    const own = await server.ok(STATUSES, { a: assignmentId }, student.token);
    expect(own.handInStatuses.nodes[0].status).toBe('COLLECTED');
    expect(own.handInStatuses.counts.find((c: { status: string }) => c.status === 'GRADED').count).toBe(0);
    const staff = await server.ok(STATUSES, { a: assignmentId }, course.ta.token);
    expect(staff.handInStatuses.nodes.find((n: { student: { id: string } }) => n.student.id === student.id).status).toBe('GRADED');
    await server.ok('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }', { a: assignmentId, s: [student.id] }, course.ta.token);
    expect((await server.ok(MY_STATUS, { id: assignmentId }, student.token)).assignment.myStatus.status).toBe('RETURNED');
  });
});
