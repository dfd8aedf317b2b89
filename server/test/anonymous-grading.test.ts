import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { createCourse, createUser, upload, type TestCourse, type TestUser } from './support/factories';
import { awaitRelease } from './support/progress';
import { watchSubscription } from './support/progress-watch';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { readZip } from './support/zip-reader';
import { gid, rawId } from './support/ids';

const STATUSES = `query($a: ID!, $search: String) { handInStatuses(assignmentId: $a, search: $search, first: 100) {
  totalCount nodes { student { id name email } pseudonym studentNumber section workspaceId status latestHandIn { id studentId } } } }`;
const FEEDBACK = 'query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { student { id name email } returned } }';
const NEIGHBOURS = 'query($a: ID!, $s: ID!) { gradingNeighbours(assignmentId: $a, studentId: $s) { previous { id name email } next { id name email } total } }';
const SET_GRADE = 'mutation($a: ID!, $s: ID!, $i: SetGradeInput!) { setGrade(assignmentId: $a, studentId: $s, input: $i) { grade { points } } }';
const RETURN = 'mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateAssignmentInput!) { updateAssignment(id: $id, input: $i) { anonymousGrading } }';
const LIVE = `subscription($a: ID!) { handInStatus(assignmentId: $a) { studentId row { student { id name email } pseudonym studentNumber status } } }`;
const AUDIT = `query($s: ID!, $action: String) { auditEvents(spaceId: $s, action: $action, first: 100) {
  nodes { action actorId subjectId studentId before after } } }`;

interface Row {
  student: { id: string; name: string; email: string };
  latestHandIn: { id: string; studentId: string } | null;
  pseudonym: string | null;
  studentNumber: string | null;
  section: string | null;
  workspaceId: string | null;
  status: string;
}

describeDb('anonymous grading: staff see pseudonyms until feedback is returned', () => {
  let server: TestServer;
  let course: TestCourse;
  let students: TestUser[];
  let assignmentId: string;
  const personal = new Map<string, string>();
  /** What must never reach staff while a student is hidden. */
  const secretsOf = (u: TestUser) => [u.id, rawId(u.id), u.name, u.email, `S-${u.name.split(' ')[0]}`, `Lab ${u.name.split(' ')[0]}`];
  const expectHidden = (text: string, who: readonly TestUser[]) => {
    for (const u of who) for (const secret of secretsOf(u)) expect(text).not.toContain(secret);
  };
  const rowsAs = async (token: string, search?: string): Promise<Row[]> =>
    (await server.ok(STATUSES, { a: assignmentId, search }, token)).handInStatuses.nodes;
  /**
   * The id a TA names each student by, found the way a grader could: each
   * hand-in's answers carry its author's name; the one student without a
   * hand-in is the row left over.
   */
  const staffIds = async (): Promise<Map<string, string>> => {
    const rows = await rowsAs(course.ta.token);
    const ids = new Map<string, string>();
    for (const r of rows.filter((row) => row.latestHandIn)) {
      const text = await (await server.fetch(`/api/hand-ins/${r.latestHandIn!.id}/files/files/hw/answers.md`, { token: course.ta.token })).text();
      ids.set(students.find((u) => text.includes(u.name.split(' ')[0]))!.id, r.student.id);
    }
    const rest = rows.filter((r) => ![...ids.values()].includes(r.student.id));
    const without = students.filter((u) => !ids.has(u.id));
    if (rest.length === 1 && without.length === 1) ids.set(without[0].id, rest[0].student.id);
    return ids;
  };

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 0);
    students = [];
    for (const name of ['Ada Quillfeather', 'Bram Okonkwo', 'Chen Marlowe']) {
      const u = await createUser(server, name);
      await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: course.spaceId, e: u.email }, course.admin.token);
      const first = name.split(' ')[0];
      await server.ok(
        'mutation($s: ID!, $u: ID!, $i: MemberDetailsInput!) { updateMemberDetails(spaceId: $s, userId: $u, input: $i) { studentNumber } }',
        { s: course.spaceId, u: u.id, i: { studentNumber: `S-${first}`, section: `Lab ${first}` } },
        course.admin.token,
      );
      students.push(u);
    }
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id kind ownerId } } }', { id: course.spaceId }, course.admin.token);
    for (const w of space.workspaces) if (w.kind === 'PERSONAL') personal.set(w.ownerId, w.id);
    await upload(server, course.admin.token, course.master, 'files/hw/answers.md', '# Answers\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id anonymousGrading } }',
      {
        i: {
          spaceId: course.spaceId,
          title: 'Essay',
          source: { workspaceId: course.master },
          paths: ['files/hw'],
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
          maxPoints: 10,
          anonymousGrading: true,
        },
      },
      course.admin.token,
    );
    expect(createAssignment.anonymousGrading).toBe(true);
    assignmentId = createAssignment.id;
    await awaitRelease(server, course.admin.token, assignmentId);
    for (const u of students.slice(0, 2)) {
      await upload(server, u.token, personal.get(u.id)!, 'files/hw/answers.md', `# Answers of ${u.name}\n`);
      await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, u.token);
    }
  });
  afterAll(() => server.stop());

  it('shows the tracker to a TA with stable pseudonyms and nothing that names a student', async () => {
    const rows = await rowsAs(course.ta.token);
    expect(rows).toHaveLength(3);
    expectHidden(JSON.stringify(rows), students);
    for (const r of rows) {
      expect(r.pseudonym).toMatch(/^Student \d+$/);
      expect(r.student).toEqual({ id: expect.any(String), name: r.pseudonym, email: '' });
      expect(r).toMatchObject({ studentNumber: null, section: null, workspaceId: null });
    }
    expect(new Set(rows.map((r) => r.pseudonym)).size).toBe(3);
    // The same pseudonyms on every view, for every member of staff.
    const again = new Map((await rowsAs(course.admin.token)).map((r) => [r.student.id, r.pseudonym]));
    for (const r of rows) expect(again.get(r.student.id)).toBe(r.pseudonym);
    // Searching by a real name, address or number finds nobody; the pseudonym finds its student.
    expect(await rowsAs(course.ta.token, 'Quillfeather')).toHaveLength(0);
    expect(await rowsAs(course.ta.token, students[0].email)).toHaveLength(0);
    expect(await rowsAs(course.ta.token, 'S-Ada')).toHaveLength(0);
    const found = await rowsAs(course.ta.token, rows[0].pseudonym!);
    expect(found.map((r) => r.student.id)).toContain(rows[0].student.id);
  });

  it('hides the student on the grading page and in the neighbours', async () => {
    const pseudonyms = new Map((await rowsAs(course.ta.token)).map((r) => [r.student.id, r.pseudonym]));
    const ids = await staffIds();
    const { feedback } = await server.ok(FEEDBACK, { a: assignmentId, s: ids.get(students[0].id) }, course.ta.token);
    expect(feedback.student).toEqual({ id: ids.get(students[0].id), name: pseudonyms.get(ids.get(students[0].id)!), email: '' });
    const { gradingNeighbours } = await server.ok(NEIGHBOURS, { a: assignmentId, s: ids.get(students[1].id) }, course.ta.token);
    expect(gradingNeighbours.total).toBe(3);
    expectHidden(JSON.stringify(gradingNeighbours), students);
    for (const n of [gradingNeighbours.previous, gradingNeighbours.next].filter(Boolean)) expect(n.name).toBe(pseudonyms.get(n.id));
  });

  it('names hidden students to staff by a handle, never their user id, and refuses their user ids', async () => {
    const rows = await rowsAs(course.ta.token);
    for (const r of rows) expect(students.map((u) => u.id)).not.toContain(r.student.id);
    for (const r of rows.filter((row) => row.latestHandIn)) expect(r.latestHandIn!.studentId).toBe(r.student.id);
    const { handIns } = await server.ok('query($a: ID!) { handIns(assignmentId: $a) { id studentId } }', { a: assignmentId }, course.ta.token);
    expect(handIns).toHaveLength(2);
    expectHidden(JSON.stringify(handIns), students);
    const { handIn } = await server.ok('query($id: ID!) { handIn(id: $id) { studentId } }', { id: handIns[0].id }, course.ta.token);
    expect(rows.map((r) => r.student.id)).toContain(handIn.studentId);
    // Asking by a real user id would match the member list against pseudonyms: refused, and nothing is said of the student.
    for (const [query, vars] of [
      [FEEDBACK, { a: assignmentId, s: students[1].id }],
      [NEIGHBOURS, { a: assignmentId, s: students[1].id }],
      [SET_GRADE, { a: assignmentId, s: students[1].id, i: { points: 1 } }],
    ] as const) {
      const res = await server.gql(query, vars, course.ta.token);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expectHidden(JSON.stringify(res.data ?? null), students);
    }
    const { feedback } = await server.ok(FEEDBACK, { a: assignmentId, s: rows[0].student.id }, course.ta.token);
    expect(feedback.returned).toBe(false);
  });

  it('names a hidden student on the annotations of their hand-in by the handle', async () => {
    const ids = await staffIds();
    const handle = ids.get(students[0].id)!;
    const { handIns } = await server.ok('query($a: ID!) { handIns(assignmentId: $a) { id studentId } }', { a: assignmentId }, course.ta.token);
    const handIn = handIns.find((h: { studentId: string }) => h.studentId === handle);
    const ANNOTATION = '{ id studentId handInId body }';
    const { createAnnotation } = await server.ok(
      `mutation($h: ID!) { createAnnotation(handInId: $h, input: { path: "files/hw/answers.md", startLine: 1, body: "Say more" }) ${ANNOTATION} }`,
      { h: handIn.id },
      course.ta.token,
    );
    expect(createAnnotation.studentId).toBe(handle);
    const { feedback } = await server.ok(`query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { annotations ${ANNOTATION} } }`, { a: assignmentId, s: handle }, course.ta.token);
    const { node } = await server.ok(`query($id: ID!) { node(id: $id) { ... on Annotation ${ANNOTATION} } }`, { id: createAnnotation.id }, course.admin.token);
    for (const seen of [createAnnotation, ...feedback.annotations, node]) expect(seen).toEqual({ id: createAnnotation.id, studentId: handle, handInId: handIn.id, body: 'Say more' });
    expectHidden(JSON.stringify([createAnnotation, feedback, node]), students);
    await server.ok('mutation($id: ID!) { deleteAnnotation(id: $id) }', { id: createAnnotation.id }, course.ta.token);
  });

  it('shows each student their own name, never a pseudonym', async () => {
    const mine = await rowsAs(students[0].token);
    expect(mine).toEqual([expect.objectContaining({ student: { id: students[0].id, name: students[0].name, email: students[0].email }, pseudonym: null, studentNumber: 'S-Ada' })]);
  });

  it('exports grades and hand-ins under pseudonyms', async () => {
    const pseudonyms = new Map((await rowsAs(course.ta.token)).map((r) => [r.student.id, r.pseudonym!]));
    const res = await server.fetch(`/api/assignments/${assignmentId}/grades.csv`, { token: course.ta.token });
    expect(res.status).toBe(200);
    const text = await res.text();
    expectHidden(text, students);
    const records: Record<string, string>[] = parse(text, { columns: true, bom: true });
    expect(records.map((r) => r.Name).sort()).toEqual([...pseudonyms.values()].sort());
    expect(records.every((r) => r['E-mail'] === '' && r['Student number'] === '' && r.Section === '')).toBe(true);

    expect(records.map((r) => r.Status).sort()).toEqual(['Handed in', 'Handed in', 'Not started']);

    const canvas = await server.fetch(`/api/assignments/${assignmentId}/grades-canvas.csv`, { token: course.ta.token });
    const canvasText = await canvas.text();
    expectHidden(canvasText, students);
    const [, possible, ...canvasRows] = parse(canvasText) as string[][];
    expect(possible.at(-1)).toBe('10');
    expect(canvasRows.map((r) => r[0]).sort()).toEqual([...pseudonyms.values()].sort());
    expect(canvasRows.every((r) => r.slice(1, 5).every((cell) => cell === ''))).toBe(true);

    const zip = await server.fetch(`/api/assignments/${assignmentId}/hand-ins.zip`, { token: course.ta.token });
    expect(zip.status).toBe(200);
    const entries = readZip(Buffer.from(await zip.arrayBuffer()));
    const names = entries.map((e) => e.name);
    expectHidden(names.join('\n'), students);
    expect(names).toContain(`${pseudonyms.get((await staffIds()).get(students[0].id)!)}/files/hw/answers.md`);
    const manifest = entries.find((e) => e.name === 'manifest.csv')!.data.toString('utf8');
    expectHidden(manifest, students);
  });

  it('tells staff of a hand-in live under the pseudonym, and the student under their name', async () => {
    const handle = (await staffIds()).get(students[2].id)!;
    const pseudonym = (await rowsAs(course.ta.token)).find((r) => r.student.id === handle)!.pseudonym;
    type Event = { studentId: string | null; row: Row | null };
    const pick = (d: unknown) => (d as { handInStatus: Event }).handInStatus;
    const staff = watchSubscription<Event>(server.url, course.ta.token, LIVE, { a: assignmentId }, pick);
    const own = watchSubscription<Event>(server.url, students[2].token, LIVE, { a: assignmentId }, pick);
    try {
      // The sockets say nothing when they are subscribed: edit until both have heard of an edit, then hand in.
      const heard = (w: typeof staff, id: string) => w.until((e) => e.studentId === id, 300).then(() => true, () => false);
      for (let i = 0; i < 30; i++) {
        await upload(server, students[2].token, personal.get(students[2].id)!, 'files/hw/answers.md', `# Chen (${i})\n`);
        if ((await heard(staff, handle)) && (await heard(own, students[2].id))) break;
      }
      await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, students[2].token);
      const seen = await staff.until((e) => e.studentId === handle && e.row?.status === 'HANDED_IN', 10_000);
      expect(seen.row).toMatchObject({ student: { id: handle, name: pseudonym, email: '' }, pseudonym, studentNumber: null });
      expectHidden(JSON.stringify(staff.events), students);
      const mine = await own.until((e) => e.row?.status === 'HANDED_IN', 10_000);
      expect(mine.row).toMatchObject({ student: { name: students[2].name, email: students[2].email }, pseudonym: null });
    } finally {
      await staff.close();
      await own.close();
    }
  });

  it('records the real people in the audit trail', async () => {
    const { auditEvents } = await server.ok(AUDIT, { s: course.spaceId, action: 'hand-in.' }, course.admin.token);
    const submitted = auditEvents.nodes.filter((n: { action: string }) => n.action === 'hand-in.submitted');
    expect(submitted.map((n: { actorId: string }) => n.actorId).sort()).toEqual(students.map((u) => u.id).sort());
    const downloaded = auditEvents.nodes.filter((n: { action: string }) => n.action === 'hand-in.downloaded');
    expect(downloaded.length).toBeGreaterThan(0);
    expect(downloaded.every((n: { actorId: string; studentId: string }) => n.actorId === course.ta.id && students.some((u) => u.id === n.studentId))).toBe(true);
  });

  it('shows a TA the audit trail of hidden students under pseudonyms, as student and as actor', async () => {
    const ids = await staffIds();
    const { auditEvents } = await server.ok(AUDIT, { s: course.spaceId, action: 'hand-in.' }, course.ta.token);
    expectHidden(JSON.stringify(auditEvents), students);
    const submitted = auditEvents.nodes.filter((n: { action: string }) => n.action === 'hand-in.submitted');
    expect(submitted).toHaveLength(students.length);
    // The actor who handed in is the student, named by the same handle the status list gives.
    for (const n of submitted) expect(n.actorId).toBe(n.studentId);
    expect(submitted.map((n: { studentId: string }) => n.studentId).sort()).toEqual([...ids.values()].sort());
    // The TA who downloaded stays themself.
    const downloaded = auditEvents.nodes.filter((n: { action: string }) => n.action === 'hand-in.downloaded');
    expect(downloaded.length).toBeGreaterThan(0);
    expect(downloaded.every((n: { actorId: string; studentId: string }) => n.actorId === course.ta.id && [...ids.values()].includes(n.studentId))).toBe(true);

    const text = await (await server.fetch(`/api/spaces/${course.spaceId}/audit.csv?action=hand-in.submitted`, { token: course.ta.token })).text();
    expectHidden(text, students);
    const csv: Record<string, string>[] = parse(text, { columns: true });
    expect(csv).toHaveLength(students.length);
    for (const r of csv) {
      expect(r).toMatchObject({ actorId: r.studentId, actorEmail: '', studentEmail: '' });
      expect(r.studentName).toMatch(/^Student \d+$/);
      expect(r.actorName).toBe(r.studentName);
    }
    // Admins read the real people in the same export.
    const admin: Record<string, string>[] = parse(
      await (await server.fetch(`/api/spaces/${course.spaceId}/audit.csv?action=hand-in.submitted`, { token: course.admin.token })).text(),
      { columns: true },
    );
    expect(admin.map((r) => r.studentEmail).sort()).toEqual(students.map((u) => u.email).sort());
  });

  it('shows the totals a rubric edit changes under pseudonyms', async () => {
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Quiz', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString(), maxPoints: 10, anonymousGrading: true } },
      course.admin.token,
    );
    const quiz = createAssignment.id;
    await awaitRelease(server, course.admin.token, quiz);
    const SAVE = `mutation($a: ID!, $i: RubricInput!, $c: Boolean) { saveRubric(assignmentId: $a, input: $i, confirm: $c) {
      rubric { criteria { id title maxPoints levels { id title points } } } impact { changes { studentId student { id name email } pointsBefore pointsAfter } } } }`;
    const draft = { criteria: [{ title: 'Correctness', maxPoints: 10, levels: [{ title: 'Wrong', points: 0 }, { title: 'Right', points: 10 }] }], comments: [] };
    const { saveRubric } = await server.ok(SAVE, { a: quiz, i: draft }, course.admin.token);
    const [criterion] = saveRubric.rubric.criteria;
    const { handInStatuses } = await server.ok(STATUSES.replace('handInStatuses(assignmentId: $a, search: $search, first: 100)', 'handInStatuses(assignmentId: $a, first: 100)').replace(', $search: String', ''), { a: quiz }, course.ta.token);
    const handle = handInStatuses.nodes[0].student.id;
    const pseudonym = handInStatuses.nodes[0].pseudonym;
    await server.ok(SET_GRADE, { a: quiz, s: handle, i: { criteria: [{ criterionId: criterion.id, levelId: criterion.levels[1].id }] } }, course.ta.token);
    const edited = { criteria: [{ ...criterion, levels: criterion.levels.map((l: { id: string; title: string; points: number }) => ({ ...l, points: l.title === 'Right' ? 9 : l.points })) }], comments: [] };
    const unconfirmed = await server.gql(SAVE, { a: quiz, i: edited }, course.admin.token);
    expect(codeOf(unconfirmed)).toBe('CONFLICT');
    expectHidden(JSON.stringify(unconfirmed), students);
    const saved = await server.ok(SAVE, { a: quiz, i: edited, c: true }, course.admin.token);
    expect(saved.saveRubric.impact.changes).toEqual([{ studentId: handle, student: { id: handle, name: pseudonym, email: '' }, pointsBefore: 10, pointsAfter: 9 }]);
    expectHidden(JSON.stringify(saved), students);
    // The audit keeps the real student.
    const { auditEvents } = await server.ok(AUDIT, { s: course.spaceId, action: 'rubric.edited' }, course.admin.token);
    expect(students.map((u) => rawId(u.id))).toContain(auditEvents.nodes[0].after.recomputed[0].studentId);
  });

  it('lets only admins change the setting', async () => {
    expect(codeOf(await server.gql(UPDATE, { id: assignmentId, i: { anonymousGrading: false } }, students[0].token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(UPDATE, { id: assignmentId, i: { anonymousGrading: false } }, course.ta.token))).toBe('FORBIDDEN');
    const { assignment } = await server.ok('query($id: ID!) { assignment(id: $id) { anonymousGrading } }', { id: assignmentId }, course.ta.token);
    expect(assignment.anonymousGrading).toBe(true);
  });

  it('grades and returns by handle; the student sees the grade under their own id', async () => {
    const ids = await staffIds();
    const handle = ids.get(students[1].id)!;
    const { setGrade } = await server.ok(SET_GRADE, { a: assignmentId, s: handle, i: { points: 7 } }, course.ta.token);
    expect(setGrade.grade.points).toBe(7);
    const { feedback } = await server.ok(FEEDBACK, { a: assignmentId, s: handle }, course.ta.token);
    expectHidden(JSON.stringify(feedback), students);
    const row = (await rowsAs(course.ta.token)).find((r) => r.student.id === handle)!;
    expect(row.status).toBe('GRADED');
    const mine = await rowsAs(students[1].token);
    expect(mine[0]).toMatchObject({ student: { id: students[1].id }, status: 'HANDED_IN' });
    // Not returned yet: the rest of the suite expects it hidden; returning by handle is checked later.
  });

  it('shows a student by name once their feedback is returned; others stay hidden', async () => {
    const handle = (await staffIds()).get(students[0].id)!;
    await server.ok(SET_GRADE, { a: assignmentId, s: handle, i: { points: 8 } }, course.ta.token);
    expect((await server.ok(RETURN, { a: assignmentId, s: [handle] }, course.ta.token)).returnGrades.returnedCount).toBe(1);
    const rows = await rowsAs(course.ta.token);
    const returned = rows.find((r) => r.student.id === students[0].id)!;
    expect(returned).toMatchObject({ student: { name: students[0].name, email: students[0].email }, pseudonym: null, studentNumber: 'S-Ada', section: 'Lab Ada' });
    expect(returned.workspaceId).toBe(personal.get(students[0].id));
    expectHidden(JSON.stringify(rows.filter((r) => r.student.id !== students[0].id)), students.slice(1));
    const csv: Record<string, string>[] = parse(await (await server.fetch(`/api/assignments/${assignmentId}/grades.csv`, { token: course.ta.token })).text(), {
      columns: true,
      bom: true,
    });
    expect(csv.find((r) => r.Name === students[0].name)).toMatchObject({ 'E-mail': students[0].email, 'Student number': 'S-Ada' });
    expect(csv.filter((r) => /^Student \d+$/.test(r.Name))).toHaveLength(2);
    expect(csv.find((r) => r.Name === students[0].name)).toMatchObject({ Status: 'Returned', 'Points (of 10)': '8', 'Late penalty': '0', 'Total (of 10)': '8' });
    const [, , ...canvasRows] = parse(await (await server.fetch(`/api/assignments/${assignmentId}/grades-canvas.csv`, { token: course.ta.token })).text()) as string[][];
    expect(canvasRows).toContainEqual([students[0].name, '', 'S-Ada', students[0].email, 'Lab Ada', '8']);
  });

  it("names a hidden student on their extension and regrade request by the handle until the return; the student reads their own id", async () => {
    const student = students[1];
    const handle = (await staffIds()).get(student.id)!;
    const { grantExtension } = await server.ok(
      'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "Ill for a week") { id studentId } }',
      { a: assignmentId, s: handle, d: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      course.admin.token,
    );
    // A student asks for a regrade only once the grade is returned; a request on a hidden student's grade is written as the database keeps one.
    const requestId = gid('RegradeRequest', randomUUID());
    await server.app.services.db.manager.insert('regrade_request', {
      id: rawId(requestId),
      assignmentId: rawId(assignmentId),
      studentId: rawId(student.id),
      criterionKey: '',
      criterionTitle: 'the whole grade',
      message: 'Please look again',
      createdAt: new Date(),
    });
    const NAMED = '{ id studentId }';
    /** Every place a reader finds the extension and the request: the assignment's lists, the tracker row, the grading page and node. */
    const readAs = async (token: string, staff: boolean) => {
      const { assignment } = await server.ok(`query($a: ID!) { assignment(id: $a) { extensions ${NAMED} } }`, { a: assignmentId }, token);
      const { regradeRequests } = await server.ok(`query($a: ID!) { regradeRequests(assignmentId: $a) ${NAMED} }`, { a: assignmentId }, token);
      const node = async (id: string) => (await server.ok(`query($id: ID!) { node(id: $id) { ... on Extension ${NAMED} ... on RegradeRequest ${NAMED} } }`, { id }, token)).node;
      const seen = [
        ...assignment.extensions.filter((e: { id: string }) => e.id === grantExtension.id),
        await node(grantExtension.id),
        ...regradeRequests.filter((r: { id: string }) => r.id === requestId),
        await node(requestId),
      ];
      if (staff) {
        const rows = (await server.ok(`query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) { nodes { extension ${NAMED} } } }`, { a: assignmentId }, token)).handInStatuses.nodes;
        const { feedback } = await server.ok(`query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { regradeRequests ${NAMED} } }`, { a: assignmentId, s: handle }, token);
        seen.push(...rows.flatMap((r: { extension: { id: string } | null }) => (r.extension?.id === grantExtension.id ? [r.extension] : [])), ...feedback.regradeRequests);
      }
      return seen;
    };
    const named = (id: string) => [
      { id: grantExtension.id, studentId: id },
      { id: grantExtension.id, studentId: id },
      { id: requestId, studentId: id },
      { id: requestId, studentId: id },
    ];

    expect(grantExtension.studentId).toBe(handle);
    for (const token of [course.ta.token, course.admin.token]) {
      const seen = await readAs(token, true);
      expect(seen).toEqual([...named(handle), { id: grantExtension.id, studentId: handle }, { id: requestId, studentId: handle }]);
      expectHidden(JSON.stringify(seen), [student]);
    }
    expect(await readAs(student.token, false)).toEqual(named(student.id));

    expect((await server.ok(RETURN, { a: assignmentId, s: [handle] }, course.ta.token)).returnGrades.returnedCount).toBe(1);
    expect(await readAs(course.ta.token, true)).toEqual([...named(student.id), { id: grantExtension.id, studentId: student.id }, { id: requestId, studentId: student.id }]);
    expect(await readAs(student.token, false)).toEqual(named(student.id));
  });

  it('refuses to turn anonymity back on once feedback was returned; turning it off shows every name and is audited', async () => {
    await server.ok(UPDATE, { id: assignmentId, i: { anonymousGrading: false } }, course.admin.token);
    const on = await server.gql(UPDATE, { id: assignmentId, i: { anonymousGrading: true } }, course.admin.token);
    expect(codeOf(on)).toBe('CONFLICT');
    expect(on.errors![0].message).toMatch(/returned/);
    const rows = await rowsAs(course.ta.token);
    expect(rows.map((r) => r.student.name).sort()).toEqual(students.map((u) => u.name).sort());
    expect(rows.every((r) => r.pseudonym === null)).toBe(true);
    const { auditEvents } = await server.ok(AUDIT, { s: course.spaceId, action: 'assignment.edited' }, course.admin.token);
    expect(auditEvents.nodes).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorId: course.admin.id, subjectId: assignmentId, before: { anonymousGrading: true }, after: { anonymousGrading: false } })]),
    );
  });
});
