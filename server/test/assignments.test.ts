import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createCourse, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';

const STATUSES = `query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) {
  totalCount counts { status count }
  nodes { student { id name } status deadline late handInCount extension { deadline } latestHandIn { seq contentHash collected } keptPercent } } }`;

describeDb('assignments: release, hand in, deadlines, extensions, collection', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  let assignmentId: string;
  const personal = (i: number) => course.personal.get(course.students[i].id)!;
  const statusOf = async (i: number) => {
    const { handInStatuses } = await server.ok(STATUSES, { a: assignmentId }, admin);
    return handInStatuses.nodes.find((n: { student: { id: string } }) => n.student.id === course.students[i].id);
  };

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 3);
    admin = course.admin.token;
    await upload(server, admin, course.master, 'files/hw1/answers.md', '# Answers\n');
    await upload(server, admin, course.master, 'files/hw1/data.csv', 'x\n1\n');
  });
  afterAll(() => server.stop());

  it('releases the material to every student and starts everyone NOT_STARTED', async () => {
    const { createAssignment } = await server.ok(
      `mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id handInPaths latePolicy { mode } releasedAt } }`,
      {
        i: {
          spaceId: course.spaceId,
          title: 'Homework 1',
          instructions: 'Answer in **answers.md**; add a report.',
          source: { workspaceId: course.master },
          paths: ['files/hw1'],
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
          timeZone: 'Europe/Zurich',
          extraHandInPaths: ['files/hw1/report.md'],
          latePolicy: { mode: 'PENALTY', penaltyPercent: 10, unit: 'HOUR', floorPercent: 50 },
          maxPoints: 20,
        },
      },
      admin,
    );
    assignmentId = createAssignment.id;
    expect(createAssignment.handInPaths).toEqual(['files/hw1', 'files/hw1/report.md']);
    const released = await waitFor(
      () => server.ok('query($id: ID!) { assignment(id: $id) { releasedAt distributionId } }', { id: assignmentId }, admin),
      (d) => !!d.assignment.distributionId,
      'the release',
    );
    await followDistribution(server, admin, released.assignment.distributionId);
    const text = await (await server.fetch(`/api/workspaces/${personal(0)}/files/files/hw1/answers.md`, { token: course.students[0].token })).text();
    expect(text).toBe('# Answers\n');
    const { handInStatuses } = await server.ok(STATUSES, { a: assignmentId }, admin);
    expect(handInStatuses.totalCount).toBe(3);
    expect(handInStatuses.nodes.map((n: { status: string }) => n.status)).toEqual(['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
    const mine = await server.ok('query($id: ID!) { assignment(id: $id) { title myStatus { status deadline } } }', { id: assignmentId }, course.students[0].token);
    expect(mine.assignment.myStatus.status).toBe('NOT_STARTED');
  });

  it('marks a student IN_PROGRESS once they change their workspace, live for staff', async () => {
    const client = createClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${admin}` } });
    const seen = new Promise<{ studentId: string; row: { status: string } }>((resolve, reject) => {
      client.subscribe(
        { query: 'subscription($a: ID!) { handInStatus(assignmentId: $a) { studentId row { status } } }', variables: { a: assignmentId } },
        {
          next: (v) => {
            const e = (v.data as { handInStatus: { studentId: string; row: { status: string } } }).handInStatus;
            if (e.row?.status === 'IN_PROGRESS') resolve(e);
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    const edit = async () => {
      for (let i = 0; ; i++) {
        await upload(server, course.students[0].token, personal(0), 'files/hw1/answers.md', `# Answers\n42 (${i})\n`);
        const done = await Promise.race([seen.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
        if (done || i > 25) return;
      }
    };
    await edit();
    expect((await seen).studentId).toBe(course.students[0].id);
    await client.dispose();
    expect((await statusOf(0)).status).toBe('IN_PROGRESS');
  });

  it('lists missing hand-in paths, and hands in without them when confirmed, with a receipt', async () => {
    const student = course.students[0];
    const HAND_IN = 'mutation($a: ID!, $ok: Boolean!) { handInAssignment(assignmentId: $a, identifier: "s-0", allowMissing: $ok) { contentHash late deadline handIn { seq missingPaths handedInAt } } }';
    const refused = await server.gql(HAND_IN, { a: assignmentId, ok: false }, student.token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.missing).toEqual(['files/hw1/report.md']);
    const { handInAssignment } = await server.ok(HAND_IN, { a: assignmentId, ok: true }, student.token);
    expect(handInAssignment.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(handInAssignment.late).toBe(false);
    expect(handInAssignment.handIn).toMatchObject({ seq: 1, missingPaths: ['files/hw1/report.md'] });
    expect((await statusOf(0)).status).toBe('HANDED_IN');
  });

  it('seals the hand-in: later edits do not reach it; a second hand-in is kept beside the first', async () => {
    const student = course.students[0];
    await upload(server, student.token, personal(0), 'files/hw1/report.md', 'My report');
    await upload(server, student.token, personal(0), 'files/hw1/answers.md', 'changed after hand-in');
    const { handIns } = await server.ok('query($a: ID!) { handIns(assignmentId: $a) { id seq } }', { a: assignmentId }, student.token);
    const first = handIns[0].id;
    const sealed = await server.fetch(`/api/hand-ins/${first}/files/files/hw1/answers.md`, { token: admin });
    expect(await sealed.text()).toMatch(/^# Answers\n42/);
    await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { seq } } }', { a: assignmentId }, student.token);
    const row = await statusOf(0);
    expect(row.handInCount).toBe(2);
    expect(row.latestHandIn.seq).toBe(2);
    const other = await server.gql('query($a: ID!, $s: ID) { handIns(assignmentId: $a, studentId: $s) { id } }', { a: assignmentId, s: student.id }, course.students[1].token);
    expect(codeOf(other)).toBe('NOT_FOUND');
  });

  it('computes lateness from the deadline in force: moving the deadline or granting an extension changes it', async () => {
    const student = course.students[1];
    const { assignment } = await server.ok('query($id: ID!) { assignment(id: $id) { releaseAt } }', { id: assignmentId }, admin);
    const past = new Date((new Date(assignment.releaseAt).getTime() + Date.now()) / 2).toISOString();
    await server.ok('mutation($id: ID!, $d: DateTimeISO) { updateAssignment(id: $id, input: { deadline: $d }) { deadline } }', { id: assignmentId, d: past }, admin);
    expect((await statusOf(1)).status).toBe('MISSING');
    const { handInAssignment } = await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { late } }', { a: assignmentId }, student.token);
    expect(handInAssignment.late).toBe(true);
    const late = await statusOf(1);
    expect(late.status).toBe('LATE');
    expect(late.keptPercent).toBeLessThan(100);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const { grantExtension } = await server.ok(
      'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "illness") { id } }',
      { a: assignmentId, s: student.id, d: until },
      admin,
    );
    const extended = await statusOf(1);
    expect(extended).toMatchObject({ status: 'HANDED_IN', late: false, keptPercent: 100 });
    expect(extended.extension.deadline).toBe(until);
    await server.ok('mutation($id: ID!) { revokeExtension(id: $id, reason: "granted by mistake") { revokedAt } }', { id: grantExtension.id }, admin);
    expect((await statusOf(1)).status).toBe('LATE');
  });

  it('REJECT refuses hand-ins after the deadline in force', async () => {
    await server.ok('mutation($id: ID!) { updateAssignment(id: $id, input: { latePolicy: { mode: REJECT } }) { id } }', { id: assignmentId }, admin);
    const refused = await server.gql('mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { late } }', { a: assignmentId }, course.students[2].token);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toMatch(/deadline .* has passed/);
  });

  it('collects at the deadline for students who worked but did not hand in, exactly once', async () => {
    await upload(server, course.students[2].token, personal(2), 'files/hw1/answers.md', '# Answers\n1. yes\n');
    await server.ok(
      'mutation($id: ID!, $d: DateTimeISO) { updateAssignment(id: $id, input: { collectAtDeadline: true, deadline: $d }) { id } }',
      { id: assignmentId, d: new Date().toISOString() },
      admin,
    );
    const collected = await waitFor(() => statusOf(2), (r) => r.status === 'COLLECTED', 'collection at the deadline');
    expect(collected.latestHandIn).toMatchObject({ seq: 1, collected: true });
    expect((await statusOf(0)).latestHandIn.collected).toBe(false);
    const { handIns } = await server.ok('query($a: ID!) { handIns(assignmentId: $a) { studentId collected } }', { a: assignmentId }, admin);
    expect(handIns.filter((h: { collected: boolean }) => h.collected)).toHaveLength(1);
  });

  it('students never see another student in the status list', async () => {
    const { handInStatuses } = await server.ok(STATUSES, { a: assignmentId }, course.students[0].token);
    expect(handInStatuses.nodes.map((n: { student: { id: string } }) => n.student.id)).toEqual([course.students[0].id]);
  });
});
