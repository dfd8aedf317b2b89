import { createCourse, upload, type TestCourse, type TestUser } from './support/factories';
import { awaitRelease } from './support/progress';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

const SAVE = `mutation($a: ID!, $i: RubricInput!, $v: Int, $c: Boolean) { saveRubric(assignmentId: $a, input: $i, expectedVersion: $v, confirm: $c) {
  rubric { id version maxPoints comments criteria { id title maxPoints levels { id title points } } }
  impact { changedCount returnedCount needsConfirm summary changes { studentId pointsBefore pointsAfter returned } } } }`;
const PREVIEW = `query($a: ID!, $i: RubricInput!) { rubricPreview(assignmentId: $a, input: $i) {
  changedCount returnedCount needsConfirm summary removedPickedLevels { criterion level students } droppedPicks { criterion students } } }`;
const SET_GRADE = `mutation($a: ID!, $s: ID!, $i: SetGradeInput!) { setGrade(assignmentId: $a, studentId: $s, input: $i) {
  grade { points } keptPercent finalPoints criteria { criterionId levelId points comment } } }`;
const FEEDBACK = `query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { grade { points } finalPoints version criteria { levelId points comment } } }`;
const MY_FEEDBACK = `query($a: ID!) { myFeedback(assignmentId: $a) { grade { points } criteria { criterionId levelId points comment }
  regradeRequests { criterionId criterionTitle message open reply pointsBefore pointsAfter } } }`;
const REQUEST = 'mutation($a: ID!, $c: ID, $m: String!) { requestRegrade(assignmentId: $a, criterionId: $c, message: $m) { id open criterionTitle } }';
const RESOLVE = 'mutation($id: ID!, $r: String!) { resolveRegrade(id: $id, reply: $r) { open reply pointsBefore pointsAfter } }';
const TRACKER = `query($a: ID!) { handInStatuses(assignmentId: $a) { nodes { student { id } criterionPoints openRegradeRequests finalPoints } } }`;
const NOTIFICATIONS = '{ notifications(first: 50) { nodes { kind title body } } }';

type Criterion = { id: string; title: string; levels: { id: string; title: string; points: number }[] };

/** Two criteria: Correctness (0/3/6) and Style (0/2/4), out of 10. */
const DRAFT = {
  criteria: [
    { title: 'Correctness', maxPoints: 6, levels: [{ title: 'Wrong', points: 0 }, { title: 'Partly', points: 3 }, { title: 'Right', points: 6 }] },
    { title: 'Style', description: 'Readable code', maxPoints: 4, levels: [{ title: 'Messy', points: 0 }, { title: 'Fair', points: 2 }, { title: 'Clean', points: 4 }] },
  ],
  comments: ['Check the edge cases.', 'Nice work!'],
};

/** The same rubric as input again, keeping ids; `edit` changes it. */
const asInput = (criteria: Criterion[], edit: (c: { id: string; title: string; maxPoints: number; levels: { id?: string; title: string; points: number }[] }[]) => void = () => undefined) => {
  const copy = criteria.map((c) => ({ id: c.id, title: c.title, maxPoints: (c as unknown as { maxPoints: number }).maxPoints, levels: c.levels.map((l) => ({ id: l.id, title: l.title, points: l.points })) }));
  edit(copy);
  return { criteria: copy, comments: DRAFT.comments };
};

describeDb('rubrics: grading by levels, edits after grading, regrade requests', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  let ta: string;
  let s0: TestUser;
  let s1: TestUser;
  let s2: TestUser;
  let assignmentId: string;
  let criteria: Criterion[];
  let version: number;
  const level = (c: number, l: number) => ({ criterionId: criteria[c].id, levelId: criteria[c].levels[l].id });
  const audit = (action: string) => server.app.services.audit.query(rawId(course.spaceId), { action }, null, 20);

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 3);
    admin = course.admin.token;
    ta = course.ta.token;
    [s0, s1, s2] = course.students;
    await upload(server, admin, course.master, 'files/hw/answers.md', '# Answers\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      {
        i: {
          spaceId: course.spaceId,
          title: 'Rubric homework',
          source: { workspaceId: course.master },
          paths: ['files/hw'],
          releaseAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
          deadline: new Date(Date.now() - 90 * 60_000).toISOString(),
          maxPoints: 10,
          latePolicy: { mode: 'PENALTY', penaltyPercent: 10, unit: 'HOUR', floorPercent: 0 },
        },
      },
      admin,
    );
    assignmentId = createAssignment.id;
    await awaitRelease(server, admin, assignmentId);
    // s0 and s1 have an extension and are on time; s2 hands in 90 minutes late: the penalty (10 % per started hour) keeps 80 %.
    for (const s of [s0, s1]) {
      await server.ok(
        'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "ill") { id } }',
        { a: assignmentId, s: s.id, d: new Date(Date.now() + 3_600_000).toISOString() },
        admin,
      );
      await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, s.token);
    }
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, s2.token);
  });
  afterAll(() => server.stop());

  it('refuses a bad rubric, naming the field, and saves nothing', async () => {
    const cases: [unknown, string][] = [
      [{ criteria: [{ ...DRAFT.criteria[0], title: ' ' }] }, 'criteria[0].title'],
      [{ criteria: [DRAFT.criteria[0], { ...DRAFT.criteria[1], levels: [{ title: 'Too many', points: 5 }] }] }, 'criteria[1].levels[0].points'],
      [{ criteria: [{ ...DRAFT.criteria[0], levels: [] }] }, 'criteria[0].levels'],
      [{ criteria: [{ ...DRAFT.criteria[0], maxPoints: 8 }, DRAFT.criteria[1]] }, 'criteria'],
      [{ criteria: [{ ...DRAFT.criteria[0], id: 'not-a-criterion' }] }, 'criteria[0].id'],
      [{ criteria: DRAFT.criteria, comments: [''] }, 'comments[0]'],
    ];
    for (const [input, field] of cases) {
      const result = await server.gql(SAVE, { a: assignmentId, i: input }, admin);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message.startsWith(field)).toBe(true);
    }
    expect((await server.ok('query($id: ID!) { assignment(id: $id) { rubric { id } } }', { id: assignmentId }, admin)).assignment.rubric).toBeNull();
  });

  it('lets only admins write the rubric; staff and students read it', async () => {
    expect(codeOf(await server.gql(SAVE, { a: assignmentId, i: DRAFT }, ta))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SAVE, { a: assignmentId, i: DRAFT }, s0.token))).toBe('FORBIDDEN');
    const { saveRubric } = await server.ok(SAVE, { a: assignmentId, i: DRAFT, v: 0 }, admin);
    expect(saveRubric.rubric).toMatchObject({ version: 1, maxPoints: 10, comments: DRAFT.comments });
    criteria = saveRubric.rubric.criteria;
    version = saveRubric.rubric.version;
    expect(criteria.map((c) => c.levels.map((l) => l.points))).toEqual([[0, 3, 6], [0, 2, 4]]);
    const read = await server.ok('query($id: ID!) { assignment(id: $id) { rubric { criteria { title } } } }', { id: assignmentId }, s0.token);
    expect(read.assignment.rubric.criteria.map((c: { title: string }) => c.title)).toEqual(['Correctness', 'Style']);
    expect(await audit('rubric.created')).toHaveLength(1);
    // A stale editor is refused.
    expect(codeOf(await server.gql(SAVE, { a: assignmentId, i: DRAFT, v: 0 }, admin))).toBe('CONFLICT');
  });

  it('grades by levels: the points are their sum, the late penalty applies after, typed points are refused', async () => {
    const refused = await server.gql(SET_GRADE, { a: assignmentId, s: s0.id, i: { points: 7 } }, ta);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/^points: this assignment is graded with its rubric/);
    const badLevel = await server.gql(SET_GRADE, { a: assignmentId, s: s0.id, i: { criteria: [{ criterionId: criteria[0].id, levelId: criteria[1].levels[0].id }] } }, ta);
    expect(badLevel.errors![0].message).toMatch(/^criteria\[0\]\.levelId .* is not a level of 'Correctness'/);

    const g0 = await server.ok(SET_GRADE, { a: assignmentId, s: s0.id, i: { criteria: [{ ...level(0, 2), comment: 'All right' }, level(1, 1)] } }, ta);
    expect(g0.setGrade).toMatchObject({ grade: { points: 8 }, finalPoints: 8 });
    expect(g0.setGrade.criteria).toEqual([
      { criterionId: criteria[0].id, levelId: criteria[0].levels[2].id, points: 6, comment: 'All right' },
      { criterionId: criteria[1].id, levelId: criteria[1].levels[1].id, points: 2, comment: '' },
    ]);
    // One criterion left ungraded: the total is the graded one.
    const g1 = await server.ok(SET_GRADE, { a: assignmentId, s: s1.id, i: { criteria: [level(0, 1)] } }, ta);
    expect(g1.setGrade).toMatchObject({ grade: { points: 3 } });
    expect(g1.setGrade.criteria[1]).toMatchObject({ levelId: null, points: null });
    const g2 = await server.ok(SET_GRADE, { a: assignmentId, s: s2.id, i: { criteria: [level(0, 2), level(1, 2)] } }, ta);
    expect(g2.setGrade).toMatchObject({ grade: { points: 10 }, keptPercent: 80, finalPoints: 8 });

    const [set] = (await audit('grade.set')).filter((e) => e.studentId === rawId(s0.id));
    expect(set.after).toMatchObject({ points: 8, criteria: [{ criterion: 'Correctness', level: 'Right', points: 6, comment: 'All right' }, { criterion: 'Style', level: 'Fair', points: 2 }] });

    const { handInStatuses } = await server.ok(TRACKER, { a: assignmentId }, ta);
    const row = (u: TestUser) => handInStatuses.nodes.find((n: { student: { id: string } }) => n.student.id === u.id);
    expect(row(s0).criterionPoints).toEqual([6, 2]);
    expect(row(s1).criterionPoints).toEqual([3, null]);
  });

  it('exports one column per criterion', async () => {
    const res = await server.fetch(`/api/assignments/${assignmentId}/grades.csv`, { token: ta });
    expect(res.status).toBe(200);
    const [header, ...lines] = (await res.text()).trim().split(/\r?\n/);
    const cols = header.split(',');
    expect(cols).toEqual(expect.arrayContaining(['Correctness (of 6)', 'Style (of 4)', 'Points (of 10)']));
    const s0line = lines.find((l) => l.includes(s0.email))!.split(',');
    expect(s0line[cols.indexOf('Correctness (of 6)')]).toBe('6');
    expect(s0line[cols.indexOf('Style (of 4)')]).toBe('2');
    expect(s0line[cols.indexOf('Points (of 10)')]).toBe('8');
  });

  it('recomputes every grade when a level changes, after saying how many totals change; returned students are told', async () => {
    await server.ok('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }', { a: assignmentId, s: [s0.id] }, ta);
    // "Right" for Correctness becomes 5 points: s0 (returned) and s2 change; s1 did not pick it.
    const input = asInput(criteria, (c) => (c[0].levels[2].points = 5));
    const { rubricPreview } = await server.ok(PREVIEW, { a: assignmentId, i: input }, admin);
    expect(rubricPreview).toMatchObject({ changedCount: 2, returnedCount: 1, needsConfirm: true, removedPickedLevels: [], droppedPicks: [] });
    expect(rubricPreview.summary).toBe("2 graded students' totals change (1 already returned: those students are told)");
    const unconfirmed = await server.gql(SAVE, { a: assignmentId, i: input, v: version }, admin);
    expect(codeOf(unconfirmed)).toBe('CONFLICT');
    expect((await server.ok(FEEDBACK, { a: assignmentId, s: s0.id }, ta)).feedback.grade.points).toBe(8);

    const { saveRubric } = await server.ok(SAVE, { a: assignmentId, i: input, v: version, c: true }, admin);
    version = saveRubric.rubric.version;
    expect(saveRubric.impact.changes).toEqual(
      expect.arrayContaining([
        { studentId: s0.id, pointsBefore: 8, pointsAfter: 7, returned: true },
        { studentId: s2.id, pointsBefore: 10, pointsAfter: 9, returned: false },
      ]),
    );
    expect((await server.ok(FEEDBACK, { a: assignmentId, s: s0.id }, ta)).feedback).toMatchObject({ grade: { points: 7 }, finalPoints: 7 });
    expect((await server.ok(FEEDBACK, { a: assignmentId, s: s2.id }, ta)).feedback).toMatchObject({ grade: { points: 9 }, finalPoints: 7.2 });
    expect((await server.ok(MY_FEEDBACK, { a: assignmentId }, s0.token)).myFeedback.grade.points).toBe(7);
    const [edited] = await audit('rubric.edited');
    expect(edited.before).toMatchObject({ criteria: [{ levels: [{}, {}, { pointsHundredths: 600 }] }, {}] });
    expect((edited.after as { recomputed: unknown[] }).recomputed).toHaveLength(2);
    const s0notes = (await server.ok(NOTIFICATIONS, {}, s0.token)).notifications.nodes;
    expect(s0notes.find((n: { kind: string }) => n.kind === 'GRADE_CHANGED')?.body).toMatch(/from 8 to 7/);
    // s2 has not been returned anything: not told.
    expect((await server.ok(NOTIFICATIONS, {}, s2.token)).notifications.nodes.some((n: { kind: string }) => n.kind === 'GRADE_CHANGED')).toBe(false);
  });

  it('refuses to remove a level graders picked, and says what removing a criterion does', async () => {
    const withoutFair = asInput(criteria, (c) => c[1].levels.splice(1, 1));
    const { rubricPreview } = await server.ok(PREVIEW, { a: assignmentId, i: withoutFair }, admin);
    expect(rubricPreview.removedPickedLevels).toEqual([{ criterion: 'Style', level: 'Fair', students: 1 }]);
    const refused = await server.gql(SAVE, { a: assignmentId, i: withoutFair, v: version, c: true }, admin);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toMatch(/cannot remove levels that graders picked: 'Fair' of 'Style' \(1 graded student\)/);
    // An unpicked level goes without a word.
    const withoutMessy = asInput(criteria, (c) => {
      c[0].levels[2].points = 5;
      c[1].levels.splice(0, 1);
    });
    expect((await server.ok(PREVIEW, { a: assignmentId, i: withoutMessy }, admin)).rubricPreview).toMatchObject({ needsConfirm: false, summary: '' });

    const withoutStyle = asInput(criteria, (c) => {
      c[0].levels[2].points = 5;
      c.splice(1, 1);
    });
    const preview = (await server.ok(PREVIEW, { a: assignmentId, i: withoutStyle }, admin)).rubricPreview;
    expect(preview.droppedPicks).toEqual([{ criterion: 'Style', students: 2 }]);
    expect(preview.summary).toMatch(/criterion 'Style' and what graders chose for it are removed for 2 graded students/);
    expect(codeOf(await server.gql(SAVE, { a: assignmentId, i: withoutStyle, v: version }, admin))).toBe('CONFLICT');
    expect((await server.ok(FEEDBACK, { a: assignmentId, s: s0.id }, ta)).feedback.grade.points).toBe(7);
  });

  it('lets a student ask for a regrade once per criterion, after the return only', async () => {
    const early = await server.gql(REQUEST, { a: assignmentId, c: criteria[1].id, m: 'Please look again' }, s1.token);
    expect(codeOf(early)).toBe('FORBIDDEN');
    expect(early.errors![0].message).toMatch(/has not been returned to you yet/);
    expect(codeOf(await server.gql(REQUEST, { a: assignmentId, c: criteria[1].id, m: 'x' }, ta))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(REQUEST, { a: assignmentId, c: null, m: 'x' }, s0.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(REQUEST, { a: assignmentId, c: criteria[1].id, m: ' ' }, s0.token))).toBe('BAD_USER_INPUT');
    const { requestRegrade } = await server.ok(REQUEST, { a: assignmentId, c: criteria[1].id, m: 'My code is clean' }, s0.token);
    expect(requestRegrade).toMatchObject({ open: true, criterionTitle: 'Style' });
    const again = await server.gql(REQUEST, { a: assignmentId, c: criteria[1].id, m: 'Again' }, s0.token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(/you asked for a regrade of 'Style' on .* already/);
    const { handInStatuses } = await server.ok(TRACKER, { a: assignmentId }, ta);
    expect(handInStatuses.nodes.map((n: { openRegradeRequests: number }) => n.openRegradeRequests).sort()).toEqual([0, 0, 1]);
    const { regradeRequests } = await server.ok('query($a: ID!) { regradeRequests(assignmentId: $a, openOnly: true) { studentId message } }', { a: assignmentId }, ta);
    expect(regradeRequests).toEqual([{ studentId: s0.id, message: 'My code is clean' }]);
    // Another student does not see it.
    expect((await server.ok('query($a: ID!) { regradeRequests(assignmentId: $a) { id } }', { a: assignmentId }, s1.token)).regradeRequests).toEqual([]);
    const [requested] = await audit('regrade.requested');
    expect(requested.after).toMatchObject({ criterion: 'Style', message: 'My code is clean', points: 7 });
  });

  it('resolving notifies the student, who sees the answer', async () => {
    const [open] = (await server.ok('query($a: ID!) { regradeRequests(assignmentId: $a, openOnly: true) { id } }', { a: assignmentId }, ta)).regradeRequests;
    expect(codeOf(await server.gql(RESOLVE, { id: open.id, r: 'x' }, s0.token))).toBe('FORBIDDEN');
    await server.ok(SET_GRADE, { a: assignmentId, s: s0.id, i: { criteria: [level(1, 2)] } }, ta);
    const { resolveRegrade } = await server.ok(RESOLVE, { id: open.id, r: 'Agreed, it is clean.' }, ta);
    expect(resolveRegrade).toEqual({ open: false, reply: 'Agreed, it is clean.', pointsBefore: 7, pointsAfter: 9 });
    expect(codeOf(await server.gql(RESOLVE, { id: open.id, r: 'again' }, ta))).toBe('CONFLICT');
    const mine = (await server.ok(MY_FEEDBACK, { a: assignmentId }, s0.token)).myFeedback;
    expect(mine.regradeRequests).toEqual([{ criterionId: criteria[1].id, criterionTitle: 'Style', message: 'My code is clean', open: false, reply: 'Agreed, it is clean.', pointsBefore: 7, pointsAfter: 9 }]);
    expect(mine.criteria[1]).toMatchObject({ points: 4 });
    const notes = (await server.ok(NOTIFICATIONS, {}, s0.token)).notifications.nodes;
    expect(notes.find((n: { kind: string }) => n.kind === 'REGRADE_ANSWERED')?.body).toMatch(/'Style': your points went from 7 to 9\.\n\nAgreed, it is clean\./);
    const outbox = await waitFor(
      () => server.ok('query($s: ID!) { space(id: $s) { outbox { recipient subject } } }', { s: course.spaceId }, admin),
      (d) => d.space.outbox.some((m: { subject: string }) => m.subject === "Your regrade request for 'Rubric homework' was answered"),
      'the e-mail',
    );
    expect(outbox.space.outbox.filter((m: { subject: string }) => m.subject.startsWith('Your regrade request')).map((m: { recipient: string }) => m.recipient)).toEqual([s0.email]);
    const [resolved] = await audit('regrade.resolved');
    expect(resolved).toMatchObject({ studentId: rawId(s0.id), before: { points: 7 }, after: { points: 9, changed: true, reply: 'Agreed, it is clean.' } });
    expect(await server.app.services.audit.verify(rawId(course.spaceId))).toMatchObject({ ok: true });
  });

  it('removes a criterion once confirmed: totals drop its points, the picks go with it', async () => {
    const withoutStyle = asInput(criteria, (c) => {
      c[0].levels[2].points = 5;
      c.splice(1, 1);
    });
    const { saveRubric } = await server.ok(SAVE, { a: assignmentId, i: withoutStyle, v: version, c: true }, admin);
    expect(saveRubric.rubric.criteria).toHaveLength(1);
    expect((await server.ok(FEEDBACK, { a: assignmentId, s: s0.id }, ta)).feedback).toMatchObject({ grade: { points: 5 }, criteria: [{ points: 5 }] });
    expect((await server.ok(FEEDBACK, { a: assignmentId, s: s1.id }, ta)).feedback.grade.points).toBe(3);
  });

  it('without a rubric, a regrade request is about the whole grade', async () => {
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Plain', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString(), maxPoints: 10 } },
      admin,
    );
    await waitFor(() => server.ok('query($id: ID!) { assignment(id: $id) { releasedAt } }', { id: createAssignment.id }, admin), (d) => !!d.assignment.releasedAt, 'the release');
    await server.ok(SET_GRADE, { a: createAssignment.id, s: s1.id, i: { points: 6 } }, ta);
    expect(codeOf(await server.gql(SET_GRADE, { a: createAssignment.id, s: s1.id, i: { criteria: [{ criterionId: 'x', levelId: null }] } }, ta))).toBe('BAD_USER_INPUT');
    await server.ok('mutation($a: ID!) { returnGrades(assignmentId: $a) { returnedCount } }', { a: createAssignment.id }, ta);
    expect(codeOf(await server.gql(REQUEST, { a: createAssignment.id, c: criteria[0].id, m: 'x' }, s1.token))).toBe('BAD_USER_INPUT');
    const { requestRegrade } = await server.ok(REQUEST, { a: createAssignment.id, c: null, m: 'Why 6?' }, s1.token);
    expect(requestRegrade.criterionTitle).toBe('the whole grade');
    expect(codeOf(await server.gql(REQUEST, { a: createAssignment.id, c: null, m: 'Again' }, s1.token))).toBe('CONFLICT');
  });
});
