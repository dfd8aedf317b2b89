import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createCourse, upload, type TestCourse, type TestUser } from './support/factories';
import { awaitRelease } from './support/progress';
import { codeOf, describeDb, errorOfResponse, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { readZip } from './support/zip-reader';
import { rawId } from './support/ids';

const MATERIAL = 'line 1\nline 2\nline 3\nline 4\nline 5\n';
const HANDED_IN = 'line 1\nline 2\nline three\nline 4\nline 5\n';

const FEEDBACK = `query($a: ID!, $s: ID!, $p: String!) { feedback(assignmentId: $a, studentId: $s) {
  returned visibleToStudent grade { points comment handInId returnedAt } gradedHandIn { seq } finalPoints filesHash
  files(path: $p) { totalCount nodes { name path kind } } } }`;
const MY_FEEDBACK = `query($a: ID!, $p: String!) { myFeedback(assignmentId: $a) {
  studentId returned visibleToStudent grade { points comment returnedAt } finalPoints filesHash
  files(path: $p) { totalCount nodes { name path kind } } } }`;
const SET_GRADE = `mutation($a: ID!, $s: ID!, $i: SetGradeInput!) { setGrade(assignmentId: $a, studentId: $s, input: $i) {
  grade { points textGrade comment handInId gradedAt } gradedHandIn { seq } finalPoints } }`;
const RETURN = 'mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount returned alreadyReturned returnedAt } }';
const CHANGES = `query($h: ID!) { handInChanges(handInId: $h) { counts { added modified deleted } truncated
  files { path change kind oldHash newHash noLineDiff hunks { oldStart oldLines newStart newLines lines { kind text oldNumber newNumber } } } } }`;
const COPY_TO_WORKSPACE = `mutation($a: ID!) { copyFeedbackToWorkspace(assignmentId: $a) {
  path changed counts { added unchanged copied } outcomes { path outcome copiedTo } workspace { id } } }`;
const NOTIFICATIONS = '{ notifications(first: 50) { nodes { kind title body } } }';

describeDb('grading: grades, feedback files, return, exports, changes view', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  let ta: string;
  let s0: TestUser;
  let s1: TestUser;
  let s2: TestUser;
  let assignmentId: string;
  /** s0's first (graded) and second hand-in; s1's only one. */
  const handIns: { s0first: string; s0second: string; s1: string } = { s0first: '', s0second: '', s1: '' };
  const personal = (u: TestUser) => course.personal.get(u.id)!;
  const feedbackUrl = (student: TestUser, path: string, id = assignmentId) =>
    `/api/assignments/${id}/feedback/${student.id}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
  const folderOf = (u: TestUser) => `${u.name} (${u.email})`;
  const handIn = async (u: TestUser) =>
    (await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId }, u.token)).handInAssignment.handIn.id as string;

  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: 256 * 1024 });
    course = await createCourse(server, 3);
    admin = course.admin.token;
    ta = course.ta.token;
    [s0, s1, s2] = course.students;
    await upload(server, admin, course.master, 'files/hw1/answers.md', MATERIAL);
    await upload(server, admin, course.master, 'files/hw1/data.csv', 'x\n1\n');
    await upload(server, admin, course.master, 'files/hw1/plot.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      {
        i: {
          spaceId: course.spaceId,
          title: 'Homework 1',
          source: { workspaceId: course.master },
          paths: ['files/hw1'],
          extraHandInPaths: ['files/hw1/report.md'],
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
          maxPoints: 20,
        },
      },
      admin,
    );
    assignmentId = createAssignment.id;
    await awaitRelease(server, admin, assignmentId);

    await upload(server, s0.token, personal(s0), 'files/hw1/answers.md', HANDED_IN);
    await upload(server, s0.token, personal(s0), 'files/hw1/plot.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9]));
    await server.ok('mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/hw1/data.csv") { version } }', { w: personal(s0) }, s0.token);
    await upload(server, s0.token, personal(s0), 'files/hw1/report.md', 'My report\n');
    handIns.s0first = await handIn(s0);
    await upload(server, s0.token, personal(s0), 'files/hw1/answers.md', 'changed after the first hand-in\n');
    handIns.s0second = await handIn(s0);
    await upload(server, s1.token, personal(s1), 'files/hw1/report.md', 'Report of student 1\n');
    handIns.s1 = await handIn(s1);
  });
  afterAll(() => server.stop());

  it('shows what a hand-in changed against the material, with a line diff for text', async () => {
    const { handInChanges } = await server.ok(CHANGES, { h: handIns.s0first }, ta);
    expect(handInChanges.counts).toEqual({ added: 1, modified: 2, deleted: 1 });
    expect(handInChanges.truncated).toBe(false);
    const byPath = Object.fromEntries(handInChanges.files.map((f: { path: string }) => [f.path, f]));
    expect(handInChanges.files.map((f: { change: string; path: string }) => `${f.change} ${f.path}`)).toEqual([
      'MODIFIED files/hw1/answers.md',
      'DELETED files/hw1/data.csv',
      'MODIFIED files/hw1/plot.png',
      'ADDED files/hw1/report.md',
    ]);
    const [hunk] = byPath['files/hw1/answers.md'].hunks;
    expect(hunk).toMatchObject({ oldStart: 1, oldLines: 5, newStart: 1, newLines: 5 });
    expect(hunk.lines.filter((l: { kind: string }) => l.kind !== 'CONTEXT')).toEqual([
      { kind: 'REMOVED', text: 'line 3', oldNumber: 3, newNumber: null },
      { kind: 'ADDED', text: 'line three', oldNumber: null, newNumber: 3 },
    ]);
    expect(byPath['files/hw1/plot.png']).toMatchObject({ hunks: null, noLineDiff: 'BINARY' });
    expect(byPath['files/hw1/data.csv']).toMatchObject({ newHash: null, hunks: null, noLineDiff: null });

    // The student sees the changes of their own hand-in; nobody else outside the staff does.
    expect((await server.ok(CHANGES, { h: handIns.s0first }, s0.token)).handInChanges.counts.modified).toBe(2);
    expect(codeOf(await server.gql(CHANGES, { h: handIns.s0first }, s1.token))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(CHANGES, { h: handIns.s0first }, course.outsider.token))).toBe('NOT_FOUND');
  });

  it('lists the folders of a sealed hand-in', async () => {
    const ENTRIES = 'query($h: ID!, $p: String!) { handInEntries(handInId: $h, path: $p, first: 2) { totalCount pageInfo { hasNextPage } nodes { name path kind } } }';
    const { handInEntries } = await server.ok(ENTRIES, { h: handIns.s0first, p: 'files/hw1' }, ta);
    expect(handInEntries.totalCount).toBe(3);
    expect(handInEntries.pageInfo.hasNextPage).toBe(true);
    expect(handInEntries.nodes.map((n: { path: string }) => n.path)).toEqual(['files/hw1/answers.md', 'files/hw1/plot.png']);
    expect(codeOf(await server.gql(ENTRIES, { h: handIns.s0first, p: 'files/hw1' }, s1.token))).toBe('NOT_FOUND');
  });

  it('grades a chosen hand-in, refusing grades the assignment cannot hold', async () => {
    const { setGrade } = await server.ok(SET_GRADE, { a: assignmentId, s: s0.id, i: { points: 17.5, comment: 'Good work', handInId: handIns.s0first } }, ta);
    expect(setGrade.grade).toMatchObject({ points: 17.5, comment: 'Good work', handInId: handIns.s0first });
    expect(setGrade.gradedHandIn.seq).toBe(1);
    expect(setGrade.finalPoints).toBe(17.5);
    await server.ok(SET_GRADE, { a: assignmentId, s: s1.id, i: { points: 12 } }, admin);

    const refusal = async (input: Record<string, unknown>, who = ta) => {
      const result = await server.gql(SET_GRADE, { a: assignmentId, s: s0.id, i: input }, who);
      return [codeOf(result), result.errors?.[0].message];
    };
    expect(await refusal({ points: 12.345 })).toEqual(['BAD_USER_INPUT', expect.stringMatching(/0\.01/)]);
    expect(await refusal({ points: 21 })).toEqual(['BAD_USER_INPUT', expect.stringMatching(/between 0 and 20/)]);
    expect(await refusal({ textGrade: 'A' })).toEqual(['BAD_USER_INPUT', expect.stringMatching(/points/)]);
    expect(await refusal({ handInId: handIns.s1 })).toEqual(['BAD_USER_INPUT', expect.stringMatching(/not one of this student's hand-ins/)]);
    expect((await refusal({ points: 1 }, course.viewer.token))[0]).toBe('FORBIDDEN');
    expect((await refusal({ points: 1 }, s0.token))[0]).toBe('FORBIDDEN');
    expect((await refusal({ points: 1 }, course.outsider.token))[0]).toBe('NOT_FOUND');
    const { feedback } = await server.ok(FEEDBACK, { a: assignmentId, s: s0.id, p: '' }, ta);
    expect(feedback.grade.points).toBe(17.5);
  });

  it('keeps feedback files: uploaded, copied from the hand-in, deleted', async () => {
    const put = await server.fetch(feedbackUrl(s0, 'comments.txt'), { method: 'PUT', token: ta, body: 'See my notes in answers.md\n' });
    expect(put.status).toBe(201);
    const COPY = 'mutation($h: ID!, $p: String!, $to: String) { copyHandInFileToFeedback(handInId: $h, path: $p, to: $to) { files(path: "hw1") { nodes { path } } } }';
    const { copyHandInFileToFeedback } = await server.ok(COPY, { h: handIns.s0first, p: 'files/hw1/answers.md' }, ta);
    expect(copyHandInFileToFeedback.files.nodes.map((n: { path: string }) => n.path)).toEqual(['hw1/answers.md']);
    // The same content again is no change; different content over the grader's copy is refused.
    await server.ok(COPY, { h: handIns.s0first, p: 'files/hw1/answers.md' }, ta);
    expect(codeOf(await server.gql(COPY, { h: handIns.s0second, p: 'files/hw1/answers.md' }, ta))).toBe('CONFLICT');
    expect(codeOf(await server.gql(COPY, { h: handIns.s0first, p: 'files/hw1/answers.md', to: 'mine.md' }, s0.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(COPY, { h: handIns.s0first, p: 'files/hw1/answers.md', to: 'mine.md' }, s1.token))).toBe('NOT_FOUND');

    expect((await server.fetch(feedbackUrl(s0, 'scratch.txt'), { method: 'PUT', token: admin, body: 'x' })).status).toBe(201);
    const DELETE = 'mutation($a: ID!, $s: ID!, $p: String!) { deleteFeedbackFile(assignmentId: $a, studentId: $s, path: $p) { files { nodes { name } } } }';
    const { deleteFeedbackFile } = await server.ok(DELETE, { a: assignmentId, s: s0.id, p: 'scratch.txt' }, ta);
    expect(deleteFeedbackFile.files.nodes.map((n: { name: string }) => n.name)).toEqual(['comments.txt', 'hw1']);
    expect(codeOf(await server.gql(DELETE, { a: assignmentId, s: s0.id, p: 'scratch.txt' }, ta))).toBe('NOT_FOUND');

    // Graders working at once never lose each other's files.
    const names = ['q1.txt', 'q2.txt', 'q3.txt', 'q4.txt', 'q5.txt'];
    const puts = await Promise.all(names.map((n, i) => server.fetch(feedbackUrl(s0, `parallel/${n}`), { method: 'PUT', token: i % 2 ? ta : admin, body: n })));
    expect(puts.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const listed = await server.ok(FEEDBACK, { a: assignmentId, s: s0.id, p: 'parallel' }, ta);
    expect(listed.feedback.files.nodes.map((n: { name: string }) => n.name)).toEqual(names);
    await server.ok(DELETE, { a: assignmentId, s: s0.id, p: 'parallel' }, ta);

    const tooLarge = await server.fetch(feedbackUrl(s0, 'big.bin'), { method: 'PUT', token: ta, body: new Uint8Array(server.config.maxUploadBytes + 1) });
    expect(tooLarge.status).toBe(413);
    expect((await server.fetch(feedbackUrl(s0, 'x.txt'), { method: 'PUT', token: s0.token, body: 'x' })).status).toBe(403);
  });

  it('refuses a feedback upload over a stale version or a taken name, naming who changed the feedback and when', async () => {
    const VERSION = 'query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { filesVersion } }';
    const opened = (await server.ok(VERSION, { a: assignmentId, s: s1.id }, admin)).feedback.filesVersion as number;
    const first = await server.fetch(feedbackUrl(s1, 'notes.txt'), { method: 'PUT', token: ta, body: 'TA notes', headers: { 'if-none-match': '*' } });
    expect(first.status).toBe(201);
    const { version } = (await first.json()) as { version: number };
    expect(version).toBe(opened + 1);
    expect((await server.ok(VERSION, { a: assignmentId, s: s1.id }, admin)).feedback.filesVersion).toBe(version);
    const taName = course.ta.name;

    // The admin opened the page before the TA's upload: their upload is refused and stores nothing.
    const stale = await server.fetch(feedbackUrl(s1, 'mine.txt'), { method: 'PUT', token: admin, body: 'admin', headers: { 'if-match': `"${opened}"` } });
    expect(stale.status).toBe(409);
    expect((await errorOfResponse(stale)).message).toMatch(new RegExp(`feedback of ${s1.name} for 'Homework 1' was changed by ${taName} at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC`));
    expect((await server.fetch(feedbackUrl(s1, 'mine.txt'), { token: admin })).status).toBe(404);

    // The same name uploaded "only if free" keeps the TA's file.
    const taken = await server.fetch(feedbackUrl(s1, 'notes.txt'), { method: 'PUT', token: admin, body: 'admin', headers: { 'if-none-match': '*' } });
    expect(taken.status).toBe(409);
    expect((await errorOfResponse(taken)).message).toMatch(new RegExp(`'notes.txt' exists already .*last changed by ${taName}`));
    expect(await (await server.fetch(feedbackUrl(s1, 'notes.txt'), { token: admin })).text()).toBe('TA notes');

    const bad = await server.fetch(feedbackUrl(s1, 'mine.txt'), { method: 'PUT', token: admin, body: 'admin', headers: { 'if-match': '"soon"' } });
    expect(bad.status).toBe(400);
    expect((await errorOfResponse(bad)).message).toMatch(/If-Match \(the feedback's version\) must be a whole number/);

    // With the current version, replacing is knowing.
    const current = await server.fetch(feedbackUrl(s1, 'notes.txt'), { method: 'PUT', token: admin, body: 'admin', headers: { 'if-match': `"${version}"` } });
    expect(current.status).toBe(201);
    expect(await (await server.fetch(feedbackUrl(s1, 'notes.txt'), { token: admin })).text()).toBe('admin');
    await server.ok(
      'mutation($a: ID!, $s: ID!, $p: String!) { deleteFeedbackFile(assignmentId: $a, studentId: $s, path: $p) { filesVersion } }',
      { a: assignmentId, s: s1.id, p: 'notes.txt' },
      ta,
    );
  });

  it('hides grade, comment and files from the student until returned', async () => {
    const { myFeedback } = await server.ok(MY_FEEDBACK, { a: assignmentId, p: '' }, s0.token);
    expect(myFeedback).toMatchObject({ studentId: s0.id, returned: false, visibleToStudent: false, grade: null, finalPoints: null, filesHash: null });
    expect(myFeedback.files.totalCount).toBe(0);
    expect((await server.fetch(feedbackUrl(s0, 'comments.txt'), { token: s0.token })).status).toBe(404);
    expect(codeOf(await server.gql(COPY_TO_WORKSPACE, { a: assignmentId }, s0.token))).toBe('NOT_FOUND');
    const status = await server.ok('query($a: ID!) { handInStatuses(assignmentId: $a) { nodes { grade { points } finalPoints } } }', { a: assignmentId }, s0.token);
    expect(status.handInStatuses.nodes).toEqual([{ grade: null, finalPoints: null }]);
  });

  it('returns every graded student at once; a selection with an ungraded student is refused whole', async () => {
    const refused = await server.gql(RETURN, { a: assignmentId, s: [s0.id, s2.id] }, ta);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.ungraded).toEqual([s2.id]);
    expect((await server.ok(MY_FEEDBACK, { a: assignmentId, p: '' }, s0.token)).myFeedback.returned).toBe(false);
    expect(codeOf(await server.gql(RETURN, { a: assignmentId }, s0.token))).toBe('FORBIDDEN');

    const { returnGrades } = await server.ok(RETURN, { a: assignmentId }, ta);
    expect(returnGrades.returnedCount).toBe(2);
    expect([...returnGrades.returned].sort()).toEqual([s0.id, s1.id].sort());
    const again = await server.ok(RETURN, { a: assignmentId, s: [s0.id] }, ta);
    expect(again.returnGrades).toMatchObject({ returnedCount: 0, alreadyReturned: [s0.id] });
    const events = await server.app.services.audit.query(rawId(course.spaceId), { action: 'feedback.returned' }, null, 10);
    expect(events.map((e) => e.studentId).sort()).toEqual([rawId(s0.id), rawId(s1.id)].sort());
  });

  it('then shows the student their grade, comment and files, tells them in the app and by e-mail', async () => {
    const { myFeedback } = await server.ok(MY_FEEDBACK, { a: assignmentId, p: '' }, s0.token);
    expect(myFeedback).toMatchObject({ returned: true, visibleToStudent: true, grade: { points: 17.5, comment: 'Good work' }, finalPoints: 17.5 });
    expect(myFeedback.files.nodes.map((n: { name: string; kind: string }) => `${n.kind} ${n.name}`)).toEqual(['FILE comments.txt', 'DIRECTORY hw1']);
    const inner = await server.ok(MY_FEEDBACK, { a: assignmentId, p: 'hw1' }, s0.token);
    expect(inner.myFeedback.files.nodes.map((n: { path: string }) => n.path)).toEqual(['hw1/answers.md']);
    const file = await server.fetch(feedbackUrl(s0, 'hw1/answers.md'), { token: s0.token });
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(HANDED_IN);

    const { notifications } = await server.ok(NOTIFICATIONS, {}, s0.token);
    expect(notifications.nodes.map((n: { kind: string }) => n.kind)).toContain('FEEDBACK_RETURNED');
    const outbox = await waitFor(
      () => server.ok('query($s: ID!) { space(id: $s) { outbox { recipient subject } } }', { s: course.spaceId }, admin),
      (d) => d.space.outbox.filter((m: { subject: string }) => m.subject === "Feedback for 'Homework 1' is ready").length === 2,
      'the feedback e-mails',
    );
    expect(outbox.space.outbox.map((m: { recipient: string }) => m.recipient)).toEqual(expect.arrayContaining([s0.email, s1.email]));
  });

  it('copies the feedback into the student’s workspace without overwriting their files', async () => {
    const { copyFeedbackToWorkspace } = await server.ok(COPY_TO_WORKSPACE, { a: assignmentId }, s0.token);
    expect(copyFeedbackToWorkspace).toMatchObject({ path: 'files/feedback/Homework 1', changed: true, counts: { added: 2, copied: 0 } });
    expect(copyFeedbackToWorkspace.workspace.id).toBe(personal(s0));
    const copied = await server.fetch(`/api/workspaces/${personal(s0)}/files/files/feedback/Homework%201/comments.txt`, { token: s0.token });
    expect(await copied.text()).toBe('See my notes in answers.md\n');
    // Copying the same feedback again changes nothing.
    const again = await server.ok(COPY_TO_WORKSPACE, { a: assignmentId }, s0.token);
    expect(again.copyFeedbackToWorkspace).toMatchObject({ changed: false, counts: { added: 0, unchanged: 2 } });
  });

  it('never shows one student another student’s feedback, grade or files', async () => {
    expect(codeOf(await server.gql(FEEDBACK, { a: assignmentId, s: s0.id, p: '' }, s1.token))).toBe('FORBIDDEN');
    const own = await server.ok(MY_FEEDBACK, { a: assignmentId, p: '' }, s1.token);
    expect(own.myFeedback).toMatchObject({ studentId: s1.id, grade: { points: 12, comment: '' } });
    expect(own.myFeedback.files.totalCount).toBe(0);
    const theirs = await server.fetch(feedbackUrl(s0, 'comments.txt'), { token: s1.token });
    expect(theirs.status).toBe(404);
    expect((await errorOfResponse(theirs)).code).toBe('NOT_FOUND');
    expect((await server.fetch(feedbackUrl(s0, 'comments.txt'), { token: course.viewer.token })).status).toBe(404);
    expect((await server.fetch(feedbackUrl(s0, 'comments.txt'), { token: course.outsider.token })).status).toBe(404);
    expect((await server.fetch(feedbackUrl(s0, 'comments.txt'))).status).toBe(401);
    expect((await server.fetch(feedbackUrl(s0, 'comments.txt'), { token: ta })).status).toBe(200);
    const statuses = await server.ok('query($a: ID!) { handInStatuses(assignmentId: $a) { nodes { student { id } grade { points } } } }', { a: assignmentId }, s1.token);
    expect(statuses.handInStatuses.nodes).toEqual([{ student: { id: s1.id }, grade: { points: 12 } }]);
    expect(codeOf(await server.gql(COPY_TO_WORKSPACE, { a: assignmentId }, s2.token))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(MY_FEEDBACK, { a: assignmentId, p: '' }, ta))).toBe('FORBIDDEN');
  });

  it('hides returned feedback again while the hand-back is switched off', async () => {
    const visible = (v: boolean) =>
      server.ok('mutation($id: ID!, $v: Boolean) { updateAssignment(id: $id, input: { handBackVisible: $v }) { id } }', { id: assignmentId, v }, admin);
    await visible(false);
    const { myFeedback } = await server.ok(MY_FEEDBACK, { a: assignmentId, p: '' }, s0.token);
    expect(myFeedback).toMatchObject({ returned: true, visibleToStudent: false, grade: null, finalPoints: null });
    expect(myFeedback.files.totalCount).toBe(0);
    expect((await server.fetch(feedbackUrl(s0, 'comments.txt'), { token: s0.token })).status).toBe(404);
    await visible(true);
    expect((await server.fetch(feedbackUrl(s0, 'comments.txt'), { token: s0.token })).status).toBe(200);
  });

  it('audits a regrade after return with old and new values, and tells the student again', async () => {
    const changedNotes = async () =>
      (await server.ok(NOTIFICATIONS, {}, s0.token)).notifications.nodes.filter((n: { kind: string }) => n.kind === 'GRADE_CHANGED');
    expect(await changedNotes()).toHaveLength(0);
    await server.ok(SET_GRADE, { a: assignmentId, s: s0.id, i: { points: 18, comment: 'Good work; question 3 is right after all' } }, ta);
    expect(await changedNotes()).toHaveLength(1);
    // Setting the same values again is no change: no event, no notification.
    await server.ok(SET_GRADE, { a: assignmentId, s: s0.id, i: { points: 18 } }, ta);
    expect(await changedNotes()).toHaveLength(1);
    const [event, ...others] = await server.app.services.audit.query(rawId(course.spaceId), { action: 'grade.changed', studentId: rawId(s0.id) }, null, 10);
    expect(others).toHaveLength(0);
    expect(event.actorId).toBe(rawId(course.ta.id));
    expect(event.before).toMatchObject({ points: 17.5, comment: 'Good work', handInId: rawId(handIns.s0first) });
    expect(event.after).toMatchObject({ points: 18, comment: 'Good work; question 3 is right after all', handInId: rawId(handIns.s0first), returned: true });
    const [set] = await server.app.services.audit.query(rawId(course.spaceId), { action: 'grade.set', studentId: rawId(s0.id) }, null, 10);
    expect(set.after).toMatchObject({ points: 17.5 });
    expect((await server.ok(MY_FEEDBACK, { a: assignmentId, p: '' }, s0.token)).myFeedback.grade.points).toBe(18);
    expect(await server.app.services.audit.verify(rawId(course.spaceId))).toMatchObject({ ok: true });
  });

  it('brings changed feedback files into the workspace beside the student’s own edits', async () => {
    await upload(server, s0.token, personal(s0), 'files/feedback/Homework 1/comments.txt', 'my own notes\n');
    await server.fetch(feedbackUrl(s0, 'comments.txt'), { method: 'PUT', token: ta, body: 'Updated comments\n' });
    const { copyFeedbackToWorkspace } = await server.ok(COPY_TO_WORKSPACE, { a: assignmentId }, s0.token);
    expect(copyFeedbackToWorkspace.outcomes).toContainEqual({
      path: 'files/feedback/Homework 1/comments.txt',
      outcome: 'COPIED',
      copiedTo: 'files/feedback/Homework 1/comments (incoming).txt',
    });
    const read = async (name: string) =>
      (await server.fetch(`/api/workspaces/${personal(s0)}/files/files/feedback/Homework%201/${encodeURIComponent(name)}`, { token: s0.token })).text();
    expect(await read('comments.txt')).toBe('my own notes\n');
    expect(await read('comments (incoming).txt')).toBe('Updated comments\n');
  });

  it('exports the grade sheet as CSV and as a real Excel workbook, for staff only', async () => {
    const csv = await server.fetch(`/api/assignments/${assignmentId}/grades.csv`, { token: ta });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parse(await csv.text(), { bom: true }) as string[][];
    expect(header).toEqual(['Name', 'E-mail', 'Student number', 'Section', 'Status', 'Handed in at', 'Hand-in', 'Late', 'Kept %', 'Points (of 20)', 'Late penalty', 'Total (of 20)', 'Text grade', 'Returned at']);
    expect(rows.map((r) => r[1])).toEqual([s0.email, s1.email, s2.email]);
    expect(rows[0].slice(0, 5)).toEqual([s0.name, s0.email, '', '', 'Returned']);
    expect(rows[0].slice(6, 13)).toEqual(['1', 'no', '100', '18', '0', '18', '']);
    expect(new Date(rows[0][5]).toISOString()).toBe(rows[0][5]);
    expect(rows[0][13]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rows[2].slice(4, 13)).toEqual(['Not started', '', '', '', '', '', '', '', '']);

    const xlsx = await server.fetch(`/api/assignments/${assignmentId}/grades.xlsx`, { token: admin });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Grades')!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['Name', 'E-mail', 'Student number', 'Section', 'Status']);
    const first = sheet.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(5).value]).toEqual([s0.name, s0.email, 'Returned']);
    expect(first.getCell(6).value).toBeInstanceOf(Date);
    expect([first.getCell(7).value, first.getCell(10).value, first.getCell(11).value, first.getCell(12).value]).toEqual([1, 18, 0, 18]);
    expect(sheet.getRow(3).getCell(10).value).toBe(12);
    expect(sheet.getRow(4).getCell(10).value).toBeNull();

    // Canvas's gradebook import: its header, the points possible, then one row per student matched by SIS ids.
    const canvas = await server.fetch(`/api/assignments/${assignmentId}/grades-canvas.csv`, { token: ta });
    expect(canvas.status).toBe(200);
    expect(canvas.headers.get('content-disposition')).toContain('Homework%201%20Canvas%20gradebook.csv');
    const canvasText = await canvas.text();
    expect(canvasText.charCodeAt(0)).not.toBe(0xfeff);
    const [canvasHeader, possible, ...canvasRows] = parse(canvasText) as string[][];
    expect(canvasHeader).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', `Homework 1 (${rawId(assignmentId)})`]);
    expect(possible).toEqual(['Points Possible', '', '', '', '', '20']);
    expect(canvasRows).toEqual([
      [s0.name, '', '', s0.email, '', '18'],
      [s1.name, '', '', s1.email, '', '12'],
      [s2.name, '', '', s2.email, '', ''],
    ]);

    for (const [token, status] of [[s0.token, 403], [course.viewer.token, 403], [course.outsider.token, 404], [null, 401]] as const) {
      expect((await server.fetch(`/api/assignments/${assignmentId}/grades-canvas.csv`, { token })).status).toBe(status);
      expect((await server.fetch(`/api/assignments/${assignmentId}/grades.csv`, { token })).status).toBe(status);
      expect((await server.fetch(`/api/assignments/${assignmentId}/grades.xlsx`, { token })).status).toBe(status);
    }
  });

  it('zips every graded hand-in into a folder per student, audited as downloaded', async () => {
    const res = await server.fetch(`/api/assignments/${assignmentId}/hand-ins.zip`, { token: ta });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const entries = readZip(Buffer.from(await res.arrayBuffer()));
    const names = entries.map((e) => e.name);
    const content = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8');
    expect(names).toContain('manifest.csv');
    expect(names.filter((n) => n.startsWith(`${folderOf(s0)}/`) && !n.endsWith('/')).sort()).toEqual(
      [`${folderOf(s0)}/files/hw1/answers.md`, `${folderOf(s0)}/files/hw1/plot.png`, `${folderOf(s0)}/files/hw1/report.md`],
    );
    // The graded hand-in is the first one, whatever s0 handed in later.
    expect(content(`${folderOf(s0)}/files/hw1/answers.md`)).toBe(HANDED_IN);
    expect(content(`${folderOf(s1)}/files/hw1/report.md`)).toBe('Report of student 1\n');
    expect(names.some((n) => n.startsWith(folderOf(s2)))).toBe(false);
    const manifest = parse(content('manifest.csv')!, { bom: true }) as string[][];
    expect(manifest.slice(1).map((r) => [r[0], r[3]])).toEqual([
      [folderOf(s0), '1'],
      [folderOf(s1), '1'],
    ]);
    const downloads = await server.app.services.audit.query(rawId(course.spaceId), { action: 'hand-in.downloaded' }, null, 10);
    expect(downloads.map((e) => e.subjectId).sort()).toEqual([rawId(handIns.s0first), rawId(handIns.s1)].sort());

    for (const [token, status] of [[s0.token, 403], [course.outsider.token, 404], [null, 401]] as const) {
      expect((await server.fetch(`/api/assignments/${assignmentId}/hand-ins.zip`, { token })).status).toBe(status);
    }
  });

  it('serves a changed file as the material had it, beside the handed-in one', async () => {
    const material = await server.fetch(`/api/hand-ins/${handIns.s0first}/material/files/hw1/answers.md`, { token: ta });
    expect(material.status).toBe(200);
    expect(await material.text()).toBe(MATERIAL);
    expect(await (await server.fetch(`/api/hand-ins/${handIns.s0first}/files/files/hw1/answers.md`, { token: ta })).text()).toBe(HANDED_IN);
    // A deleted file still has its material version; a file the student added has none.
    expect(await (await server.fetch(`/api/hand-ins/${handIns.s0first}/material/files/hw1/data.csv`, { token: s0.token })).text()).toBe('x\n1\n');
    const added = await server.fetch(`/api/hand-ins/${handIns.s0first}/material/files/hw1/report.md`, { token: ta });
    expect(added.status).toBe(404);
    expect((await errorOfResponse(added)).message).toBe("no file 'files/hw1/report.md' in the material of this hand-in");
    // Nobody but the staff and the student who handed in reads it.
    expect((await server.fetch(`/api/hand-ins/${handIns.s0first}/material/files/hw1/answers.md`, { token: s1.token })).status).toBe(404);
  });
});
