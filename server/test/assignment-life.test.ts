import ExcelJS from 'exceljs';
import { startApp } from '../src/app';
import { createCourse, createUser, upload, type TestCourse } from './support/factories';
import { awaitRelease } from './support/progress';
import { watchSubscription, type Watch } from './support/progress-watch';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';

const STATUSES = `query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) {
  counts { status count }
  nodes { student { id } status late lateByMinutes handInCount latestHandIn { collected handedInAt } } } }`;
const MY_STATUS = 'query($id: ID!) { assignment(id: $id) { myStatus { status late lateByMinutes handInCount latestHandIn { collected } } } }';

/** Creates an assignment of `files/hw` in the course, released now and due in an hour unless `extra` says otherwise. */
async function createAssignment(server: TestServer, course: TestCourse, extra: Record<string, unknown> = {}): Promise<string> {
  const { createAssignment: created } = await server.ok(
    'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
    { i: { spaceId: course.spaceId, title: 'Homework', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString(), ...extra } },
    course.admin.token,
  );
  return created.id;
}

/** Creates an assignment and waits until its material reached every student. */
async function releasedAssignment(server: TestServer, course: TestCourse, extra: Record<string, unknown> = {}): Promise<string> {
  const id = await createAssignment(server, course, extra);
  await awaitRelease(server, course.admin.token, id);
  return id;
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
    expect(cell(course.students[edited].email, 'Status')).toBe('Collected');
    expect(cell(course.students[edited].email, 'Late')).toBe('no');
    expect(cell(course.students[edited].email, 'Kept %')).toBe('100');
    expect(cell(course.students[idle].email, 'Status')).toBe('No submission');
    expect(cell(course.students[idle].email, 'Late')).toBe('');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await server.fetch(`/api/assignments/${assignmentId}/grades.xlsx`, { token: course.admin.token })).arrayBuffer()) as never);
    const sheet = book.getWorksheet('Grades')!;
    const values = (email: string) => (sheet.getSheetValues().find((r) => Array.isArray(r) && r.includes(email)) as unknown[]).slice(1);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(values(course.students[edited].email)[headers.indexOf('Status')]).toBe('Collected');
    expect(values(course.students[edited].email)[headers.indexOf('Late')]).toBe('no');
    expect(values(course.students[idle].email)[headers.indexOf('Status')]).toBe('No submission');
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

  it('gives a grader the students before and after one, in the tracker order, keeping a graded student in place', async () => {
    const NEIGHBOURS = `query($a: ID!, $s: ID!, $st: [StudentStatus!]) { gradingNeighbours(assignmentId: $a, studentId: $s, statuses: $st, sort: NAME) {
      previous { id } next { id } position total } }`;
    const byName = [...course.students].sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase()) || x.id.localeCompare(y.id)).map((s) => s.id);
    const { gradingNeighbours: middle } = await server.ok(NEIGHBOURS, { a: assignmentId, s: byName[1] }, course.ta.token);
    expect(middle).toEqual({ previous: { id: byName[0] }, next: { id: byName[2] }, position: 2, total: 3 });
    // Filtered to missing students only, the student on screen keeps their place in the list.
    const { gradingNeighbours: kept } = await server.ok(NEIGHBOURS, { a: assignmentId, s: id(handedIn), st: ['MISSING'] }, course.ta.token);
    expect(kept.total).toBe(2);
    expect([kept.previous?.id, kept.next?.id]).toContain(id(idle));
    const refused = await server.gql(NEIGHBOURS, { a: assignmentId, s: id(idle) }, course.students[idle].token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });

  it('sorts by grade either way with the ungraded student last', async () => {
    const GRADE = 'mutation($a: ID!, $s: ID!, $p: Float) { setGrade(assignmentId: $a, studentId: $s, input: { points: $p }) { studentId } }';
    await server.ok(GRADE, { a: assignmentId, s: id(edited), p: 80 }, course.ta.token);
    await server.ok(GRADE, { a: assignmentId, s: id(handedIn), p: 55 }, course.ta.token);
    const order = async (descending: boolean) =>
      (
        await server.ok('query($a: ID!, $d: Boolean) { handInStatuses(assignmentId: $a, sort: GRADE, descending: $d) { nodes { student { id } } } }', { a: assignmentId, d: descending }, course.ta.token)
      ).handInStatuses.nodes.map((n: { student: { id: string } }) => n.student.id);
    expect(await order(false)).toEqual([id(handedIn), id(edited), id(idle)]);
    expect(await order(true)).toEqual([id(edited), id(handedIn), id(idle)]);
  });
});

const ASSIGNMENT_CHANGED = 'subscription($s: ID!) { assignmentChanged(spaceId: $s) { assignment { id title releasedAt } } }';
const HAND_IN_STATUS = `subscription($a: ID!) { handInStatus(assignmentId: $a) {
  studentId counts { status count } row { status extension { deadline } grade { points returnedAt } } } }`;

interface ChangedEvent {
  assignment: { id: string; title: string; releasedAt: string | null };
}
interface StatusEvent {
  studentId: string | null;
  counts: { status: string; count: number }[] | null;
  row: { status: string; extension: { deadline: string } | null; grade: { points: number; returnedAt: string } | null } | null;
}

/**
 * A subscription is in place some time after it is asked for; `poke` causes
 * an event until the watch has seen one, so the test acts only on a live stream.
 */
async function untilLive<E>(watch: Watch<E>, poke: (i: number) => Promise<unknown>, seen: (event: E) => boolean): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await poke(i);
    if (await watch.until(seen, 250).then(() => true, () => false)) return;
  }
  throw new Error(`the subscription never delivered an event; seen: ${JSON.stringify(watch.events)}`);
}

const countOf = (counts: { status: string; count: number }[] | null, status: string) => counts?.find((c) => c.status === status)?.count;

describeDb('live: releases, extensions, returned grades and counts reach open subscriptions', () => {
  let server: TestServer;
  let course: TestCourse;
  let assignmentId: string;
  const watches: Watch<unknown>[] = [];
  const watch = <E>(token: string, query: string, variables: Record<string, unknown>, field: string) => {
    const w = watchSubscription(server.url, token, query, variables, (data) => (data as Record<string, E>)[field]);
    watches.push(w as Watch<unknown>);
    return w;
  };
  const touch = (i: number, student = 0) =>
    upload(server, course.students[student].token, course.personal.get(course.students[student].id)!, 'files/hw/notes.md', `note ${i} ${Date.now()}`);

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
    await upload(server, course.admin.token, course.master, 'files/hw/answers.md', '# Answers\n');
    assignmentId = await releasedAssignment(server, course);
  });
  afterAll(async () => {
    await Promise.all(watches.map((w) => w.close()));
    await server.stop();
  });

  it('shows a student an assignment the moment it is released, and never before', async () => {
    const student = watch<ChangedEvent>(course.students[0].token, ASSIGNMENT_CHANGED, { s: course.spaceId }, 'assignmentChanged');
    await untilLive(
      student,
      (i) => server.ok('mutation($id: ID!, $t: String) { updateAssignment(id: $id, input: { instructions: $t }) { id } }', { id: assignmentId, t: `Read me ${i}` }, course.admin.token),
      (e) => e.assignment.id === assignmentId,
    );
    const week2 = await createAssignment(server, course, {
      title: 'Week 2',
      releaseAt: new Date(Date.now() + 3_600_000).toISOString(),
      deadline: new Date(Date.now() + 7_200_000).toISOString(),
    });
    // Staff see the scheduled assignment; its release is brought forward to now.
    const staff = watch<ChangedEvent>(course.admin.token, ASSIGNMENT_CHANGED, { s: course.spaceId }, 'assignmentChanged');
    await untilLive(
      staff,
      (i) => server.ok('mutation($id: ID!, $t: String) { updateAssignment(id: $id, input: { instructions: $t }) { id } }', { id: week2, t: `Soon ${i}` }, course.admin.token),
      (e) => e.assignment.id === week2 && e.assignment.releasedAt === null,
    );
    await server.ok('mutation($id: ID!, $r: DateTimeISO) { updateAssignment(id: $id, input: { releaseAt: $r }) { id } }', { id: week2, r: new Date().toISOString() }, course.admin.token);
    const released = await student.until((e) => e.assignment.id === week2, 20_000);
    expect(released.assignment).toMatchObject({ title: 'Week 2', releasedAt: expect.any(String) });
    expect(student.events.filter((e) => e.assignment.releasedAt === null)).toEqual([]);
    const { assignments } = await server.ok('query($s: ID!) { assignments(spaceId: $s) { id } }', { s: course.spaceId }, course.students[0].token);
    expect(assignments.map((a: { id: string }) => a.id)).toContain(week2);
  });

  it('gives staff the counts with the row of each change, equal to what the list says then', async () => {
    const staff = watch<StatusEvent>(course.ta.token, HAND_IN_STATUS, { a: assignmentId }, 'handInStatus');
    await untilLive(staff, (i) => touch(i, 1), (e) => e.studentId === course.students[1].id);
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, course.students[0].token);
    const event = await staff.until((e) => e.studentId === course.students[0].id && e.row?.status === 'HANDED_IN', 10_000);
    expect(countOf(event.counts, 'HANDED_IN')).toBe(1);
    expect(countOf(event.counts, 'IN_PROGRESS')).toBe(1);
    const { handInStatuses } = await server.ok('query($a: ID!) { handInStatuses(assignmentId: $a) { counts { status count } } }', { a: assignmentId }, course.ta.token);
    expect(event.counts).toEqual(handInStatuses.counts);
  });

  it('tells the student of an extension and a returned grade as they happen; no counts for a student', async () => {
    const student = course.students[0];
    const mine = watch<StatusEvent>(student.token, HAND_IN_STATUS, { a: assignmentId }, 'handInStatus');
    await untilLive(mine, (i) => touch(100 + i), (e) => e.studentId === student.id);
    // The staff's assignment page hears of the extension too (its extension count).
    const staffPage = watch<ChangedEvent & { assignment: { extensions: { studentId: string }[] } }>(
      course.ta.token,
      'subscription($s: ID!) { assignmentChanged(spaceId: $s) { assignment { id title releasedAt extensions { studentId } } } }',
      { s: course.spaceId },
      'assignmentChanged',
    );
    await untilLive(
      staffPage,
      (i) => server.ok('mutation($id: ID!, $t: String) { updateAssignment(id: $id, input: { instructions: $t }) { id } }', { id: assignmentId, t: `Extensions ${i}` }, course.admin.token),
      (e) => e.assignment.id === assignmentId,
    );
    const until = new Date(Date.now() + 86_400_000 * 3).toISOString();
    await server.ok(
      'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "illness") { id } }',
      { a: assignmentId, s: student.id, d: until },
      course.admin.token,
    );
    expect((await mine.until((e) => e.row?.extension?.deadline === until, 10_000)).row!.status).toBe('HANDED_IN');
    await staffPage.until((e) => e.assignment.extensions.some((x) => x.studentId === student.id), 10_000);
    await server.ok('mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 71 }) { studentId } }', { a: assignmentId, s: student.id }, course.ta.token);
    await server.ok('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }', { a: assignmentId, s: [student.id] }, course.ta.token);
    const returned = await mine.until((e) => e.row?.status === 'RETURNED', 10_000);
    expect(returned.row!.grade).toMatchObject({ points: 71, returnedAt: expect.any(String) });
    // Before the return, no event showed the student a grade or GRADED.
    expect(mine.events.filter((e) => e !== returned && (e.row?.grade || e.row?.status === 'GRADED'))).toEqual([]);
    expect(mine.events.every((e) => e.counts === null)).toBe(true);
  });

  it('stops telling a member who left the course: their open subscriptions end', async () => {
    const leaver = await createUser(server, 'Leaving student');
    await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: course.spaceId, e: leaver.email }, course.admin.token);
    const changes = watch<ChangedEvent>(leaver.token, ASSIGNMENT_CHANGED, { s: course.spaceId }, 'assignmentChanged');
    const edit = (i: number) =>
      server.ok('mutation($id: ID!, $t: String) { updateAssignment(id: $id, input: { instructions: $t }) { id } }', { id: assignmentId, t: `Still here ${i}` }, course.admin.token);
    await untilLive(changes, edit, (e) => e.assignment.id === assignmentId);
    const heard = changes.events.length;
    await server.ok('mutation($s: ID!, $u: ID!) { removeMember(spaceId: $s, userId: $u) }', { s: course.spaceId, u: leaver.id }, course.admin.token);
    await edit(1000);
    await expect(changes.until(() => false, 10_000)).rejects.toThrow('the subscription ended without such an event');
    expect(changes.events).toHaveLength(heard);
  });
});

describeDb('a TA’s job: extensions where the admins allow it, notices of hand-ins', () => {
  const WINDOW_MS = 4000;
  let server: TestServer;
  let course: TestCourse;
  let assignmentId: string;
  const GRANT = 'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "flu") { id } }';
  const NOTES = 'query { notifications(first: 50) { nodes { kind title body createdAt } } }';
  const notesOf = async (token: string, kind: string) =>
    (await server.ok(NOTES, {}, token)).notifications.nodes.filter((n: { kind: string }) => n.kind === kind) as { title: string; body: string }[];

  beforeAll(async () => {
    server = await startTestServer({ handInDigestMs: WINDOW_MS });
    course = await createCourse(server, 4);
    await upload(server, course.admin.token, course.master, 'files/hw/answers.md', '# Answers\n');
    assignmentId = await releasedAssignment(server, course);
  });
  afterAll(() => server.stop());

  it('refuses a TA an extension until an admin allows it in the space settings; a student never', async () => {
    const until = () => new Date(Date.now() + 5 * 86_400_000).toISOString();
    const vars = () => ({ a: assignmentId, s: course.students[0].id, d: until() });
    const denied = await server.gql(GRANT, vars(), course.ta.token);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(denied.errors?.[0].message).toMatch(/TAs of .* may not grant extensions; an admin can allow it/);
    const { assignment } = await server.ok('query($id: ID!) { assignment(id: $id) { extensions { id } } }', { id: assignmentId }, course.admin.token);
    expect(assignment.extensions).toEqual([]);

    const setting = await server.gql('mutation($id: ID!) { updateSpace(id: $id, input: { tasGrantExtensions: true }) { tasGrantExtensions } }', { id: course.spaceId }, course.ta.token);
    expect(setting.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { updateSpace } = await server.ok('mutation($id: ID!) { updateSpace(id: $id, input: { tasGrantExtensions: true }) { tasGrantExtensions } }', { id: course.spaceId }, course.admin.token);
    expect(updateSpace.tasGrantExtensions).toBe(true);
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { tasGrantExtensions canGrantExtensions } }', { id: course.spaceId }, course.ta.token);
    expect(space).toEqual({ tasGrantExtensions: true, canGrantExtensions: true });

    const { grantExtension } = await server.ok(GRANT, vars(), course.ta.token);
    await server.ok('mutation($id: ID!) { revokeExtension(id: $id, reason: "wrong student") { revokedAt } }', { id: grantExtension.id }, course.ta.token);
    const student = await server.gql(GRANT, vars(), course.students[1].token);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(student.errors?.[0].extensions?.code);

    await server.ok('mutation($id: ID!) { updateSpace(id: $id, input: { tasGrantExtensions: false }) { tasGrantExtensions } }', { id: course.spaceId }, course.admin.token);
    expect((await server.gql(GRANT, vars(), course.ta.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('tells staff of hand-ins once per window, counting every hand-in of it, and of a late one at once', async () => {
    for (const i of [0, 1]) await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, course.students[i].token);
    const first = await waitFor(() => notesOf(course.ta.token, 'HAND_INS'), (n) => n.length > 0, 'the first digest', 4 * WINDOW_MS);
    expect(first).toHaveLength(1);
    expect(first[0].title).toBe("2 hand-ins for 'Homework'");
    expect(first[0].body).toMatch(/^2 students handed in between/);
    expect(await notesOf(course.admin.token, 'HAND_INS')).toHaveLength(1);
    expect(await notesOf(course.students[0].token, 'HAND_INS')).toHaveLength(0);

    // The deadline passes; a late hand-in is told at once and counted in the next window.
    await server.ok('mutation($id: ID!, $d: DateTimeISO) { updateAssignment(id: $id, input: { deadline: $d }) { id } }', { id: assignmentId, d: new Date(Date.now() - 1).toISOString() }, course.admin.token);
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, course.students[2].token);
    const late = await notesOf(course.ta.token, 'HAND_IN_LATE');
    expect(late).toHaveLength(1);
    expect(late[0].body).toBe(`${course.students[2].name} handed in after their deadline.`);
    const second = await waitFor(() => notesOf(course.ta.token, 'HAND_INS'), (n) => n.length > 1, 'the second digest', 4 * WINDOW_MS);
    expect(second.map((n) => n.title).sort()).toEqual(["1 hand-in for 'Homework'", "2 hand-ins for 'Homework'"]);
  });
  it('keeps a pending notice through a restart: the next process sends it when its window ends', async () => {
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, course.students[3].token);
    const before = (await notesOf(course.ta.token, 'HAND_INS')).length;
    // The process stops before the window ends; another starts on the same database.
    await server.app.stop();
    const restarted = await startApp(server.config);
    try {
      const notes = async () => {
        const res = await fetch(`${restarted.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${course.ta.token}` },
          body: JSON.stringify({ query: NOTES }),
        });
        const body = (await res.json()) as { data: { notifications: { nodes: { kind: string; title: string }[] } } };
        return body.data.notifications.nodes.filter((n) => n.kind === 'HAND_INS');
      };
      const after = await waitFor(notes, (n) => n.length > before, 'the digest after the restart', 4 * WINDOW_MS);
      expect(after[0].title).toBe("1 hand-in for 'Homework'");
    } finally {
      await restarted.stop();
    }
  });
});
