import { parse } from 'csv-parse/sync';
import { createCourse, upload, type TestCourse } from './support/factories';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

const EVENTS = `query($s: ID!, $action: String, $student: ID) { auditEvents(spaceId: $s, action: $action, studentId: $student, first: 100) {
  nodes { seq action actorId studentId subjectId after } } }`;

describeDb('audit trail: recorded, filtered, private, and tamper-evident', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
    await upload(server, course.admin.token, course.master, 'files/hw/q.md', 'Q');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Audited', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString() } },
      course.admin.token,
    );
    await waitFor(
      () => server.ok('query($id: ID!) { assignment(id: $id) { releasedAt } }', { id: createAssignment.id }, course.admin.token),
      (d) => !!d.assignment.releasedAt,
      'the release',
    );
    for (const student of course.students) {
      await waitFor(
        () => server.gql('mutation($a: ID!) { handInAssignment(assignmentId: $a) { contentHash } }', { a: createAssignment.id }, student.token),
        (r) => !r.errors,
        'a successful hand-in (after the material arrived)',
      );
    }
  });
  afterAll(() => server.stop());
  const assignmentOf = async (): Promise<string> =>
    (await server.ok('query($s: ID!) { assignments(spaceId: $s) { id } }', { s: course.spaceId }, course.admin.token)).assignments[0].id;

  it('records who did what, with content hashes, and filters by action prefix and student', async () => {
    const { auditEvents } = await server.ok(EVENTS, { s: course.spaceId, action: 'hand-in.', student: course.students[0].id }, course.ta.token);
    expect(auditEvents.nodes).toHaveLength(1);
    expect(auditEvents.nodes[0]).toMatchObject({ action: 'hand-in.submitted', actorId: course.students[0].id, studentId: course.students[0].id });
    expect(auditEvents.nodes[0].after.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const all = await server.ok(EVENTS, { s: course.spaceId }, course.admin.token);
    const actions = all.auditEvents.nodes.map((n: { action: string }) => n.action);
    expect(actions).toEqual(expect.arrayContaining(['assignment.created', 'distribution.pushed', 'distribution.target.applied', 'hand-in.submitted']));
    const seqs = all.auditEvents.nodes.map((n: { seq: number }) => n.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('records one opening per grader when a grading page reads a hand-in in several requests', async () => {
    const student = course.students[1];
    const { handIns } = await server.ok('query($a: ID!, $s: ID) { handIns(assignmentId: $a, studentId: $s) { id } }', { a: await assignmentOf(), s: student.id }, course.ta.token);
    const handInId: string = handIns[0].id;
    const view = async (token: string) => {
      await server.ok('query($id: ID!) { handIn(id: $id) { id } }', { id: handInId }, token);
      await server.ok('query($id: ID!) { handInEntries(handInId: $id) { nodes { name } } }', { id: handInId }, token);
      await server.ok('query($id: ID!) { handInChanges(handInId: $id) { truncated } }', { id: handInId }, token);
    };
    await view(course.ta.token);
    await view(course.ta.token);
    await view(course.admin.token);
    const { auditEvents } = await server.ok(EVENTS, { s: course.spaceId, action: 'hand-in.opened', student: student.id }, course.admin.token);
    const openings = auditEvents.nodes.filter((n: { subjectId: string }) => n.subjectId === handInId).map((n: { actorId: string }) => n.actorId);
    expect(openings.sort()).toEqual([course.ta.id, course.admin.id].sort());
  });

  it('shows a student only the events about themselves', async () => {
    const { auditEvents } = await server.ok(EVENTS, { s: course.spaceId }, course.students[1].token);
    expect(auditEvents.nodes.length).toBeGreaterThan(0);
    expect(auditEvents.nodes.every((n: { studentId: string }) => n.studentId === course.students[1].id)).toBe(true);
    const csv = await (await server.fetch(`/api/spaces/${course.spaceId}/audit.csv`, { token: course.students[1].token })).text();
    expect(csv).not.toContain(rawId(course.students[0].id));
    expect(codeOf(await server.gql('query($s: ID!) { verifyAuditChain(spaceId: $s) { ok } }', { s: course.spaceId }, course.students[1].token))).toBe('FORBIDDEN');
  });

  it('exports the trail as CSV for staff', async () => {
    const res = await server.fetch(`/api/spaces/${course.spaceId}/audit.csv?action=hand-in.`, { token: course.admin.token });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, ...rows] = parse(await res.text()) as string[][];
    expect(header).toEqual([
      'seq', 'createdAt', 'actorId', 'actorName', 'actorEmail', 'action', 'subjectType', 'subjectId', 'studentId', 'studentName', 'studentEmail', 'before', 'after', 'prevHash', 'hash',
    ]);
    const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    const submitted = records.filter((r) => r.action === 'hand-in.submitted');
    expect(submitted).toHaveLength(2);
    // Each row names its people beside their ids: the student handed in themself.
    for (const r of submitted) {
      // The export carries the raw ids webhook payloads carry too.
      const student = course.students.find((u) => rawId(u.id) === r.studentId)!;
      expect(r).toMatchObject({ actorId: rawId(student.id), actorName: student.name, actorEmail: student.email, studentName: student.name, studentEmail: student.email });
    }
    const opened = records.find((r) => r.action === 'hand-in.opened' && r.actorId === rawId(course.ta.id))!;
    expect(opened).toMatchObject({ actorName: course.ta.name, actorEmail: course.ta.email });
    expect(course.students.map((u) => u.email)).toContain(opened.studentEmail);
  });

  it('verifies the chain, and finds a row altered or deleted in the database', async () => {
    const VERIFY = 'query($s: ID!) { verifyAuditChain(spaceId: $s) { ok events brokenAt problem } }';
    const before = await server.ok(VERIFY, { s: course.spaceId }, course.admin.token);
    expect(before.verifyAuditChain).toMatchObject({ ok: true, brokenAt: null });
    const db = server.app.db.manager;
    const [target] = await db.query("SELECT seq, actorId FROM audit_event WHERE spaceId = ? AND action = 'hand-in.submitted' ORDER BY seq LIMIT 1", [rawId(course.spaceId)]);
    await db.query('UPDATE audit_event SET actorId = ? WHERE spaceId = ? AND seq = ?', [rawId(course.admin.id), rawId(course.spaceId), target.seq]);
    const altered = await server.ok(VERIFY, { s: course.spaceId }, course.admin.token);
    expect(altered.verifyAuditChain).toMatchObject({ ok: false, brokenAt: target.seq });
    expect(altered.verifyAuditChain.problem).toMatch(/altered/);
    await db.query('UPDATE audit_event SET actorId = ? WHERE spaceId = ? AND seq = ?', [target.actorId, rawId(course.spaceId), target.seq]);
    expect((await server.ok(VERIFY, { s: course.spaceId }, course.admin.token)).verifyAuditChain.ok).toBe(true);
    await db.query('DELETE FROM audit_event WHERE spaceId = ? AND seq = ?', [rawId(course.spaceId), 2]);
    const deleted = await server.ok(VERIFY, { s: course.spaceId }, course.admin.token);
    expect(deleted.verifyAuditChain).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
