import { createCourse, createUser, upload, type TestCourse } from './support/factories';
import { INITIAL_FINISHED } from '../src/modules/distributions/progress';
import { watchProgress } from './support/progress-watch';
import { countQueries } from './support/query-count';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';

const LIST = `query($id: ID!, $first: Int, $after: String, $kind: WorkspaceKind, $search: String, $writable: Boolean, $excluding: ID) {
  space(id: $id) { workspaceList(first: $first, after: $after, kind: $kind, search: $search, writable: $writable, excluding: $excluding) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id kind ownerId canWrite owner { name email } } } } }`;

type Listed = { id: string; kind: string; ownerId: string | null; owner: { name: string; email: string } | null };

describeDb('a space at class size: workspaces a page at a time', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer({ role: 'api' });
    course = await createCourse(server, 3);
  });
  afterAll(() => server.stop());

  const list = async (token: string, variables: Record<string, unknown> = {}) =>
    (await server.ok(LIST, { id: course.spaceId, ...variables }, token)).space.workspaceList as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Listed[];
    };

  it('pages through every workspace once, course workspaces first, students by name, with the total on each page', async () => {
    const seen: Listed[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<typeof list>> = await list(course.admin.token, { first: 2, after });
      expect(result.totalCount).toBe(5);
      seen.push(...result.nodes);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen.map((w) => w.kind)).toEqual(['MASTER', 'DISTRIBUTED', 'PERSONAL', 'PERSONAL', 'PERSONAL']);
    expect(new Set(seen.map((w) => w.id)).size).toBe(5);
    const names = seen.filter((w) => w.kind === 'PERSONAL').map((w) => w.owner!.name);
    expect(names).toEqual([...names].sort());
  });

  it("finds a student's workspace by name, e-mail address or student number, and counts only the matches", async () => {
    const [, second] = course.students;
    await server.ok(
      'mutation($s: ID!, $u: ID!) { updateMemberDetails(spaceId: $s, userId: $u, input: { studentNumber: "S-7731" }) { studentNumber } }',
      { s: course.spaceId, u: second.id },
      course.admin.token,
    );
    for (const search of ['s-7731', second.email.toUpperCase(), second.name]) {
      const result = await list(course.ta.token, { kind: 'PERSONAL', search });
      expect({ search, total: result.totalCount, owners: result.nodes.map((w) => w.ownerId) }).toEqual({ search, total: 1, owners: [second.id] });
    }
    const none = await list(course.ta.token, { search: '100%_!' });
    expect(none).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('counts the audit events a filter matches, names who and whom, and shows a student only their own', async () => {
    const AUDIT = `query($s: ID!, $student: ID, $first: Int) { auditEvents(spaceId: $s, studentId: $student, first: $first) {
      totalCount pageInfo { hasNextPage } nodes { action actor { name } student { id name } } } }`;
    const [first, second] = course.students;
    for (const [student, number] of [[first, 'S-1'], [second, 'S-2'], [second, 'S-3']] as const) {
      await server.ok(
        'mutation($s: ID!, $u: ID!, $n: String) { updateMemberDetails(spaceId: $s, userId: $u, input: { studentNumber: $n }) { studentNumber } }',
        { s: course.spaceId, u: student.id, n: number },
        course.admin.token,
      );
    }
    const all = (await server.ok(AUDIT, { s: course.spaceId, first: 1 }, course.ta.token)).auditEvents;
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const aboutSecond = (await server.ok(AUDIT, { s: course.spaceId, student: second.id, first: 1 }, course.ta.token)).auditEvents;
    const everyAboutSecond = (await server.ok(AUDIT, { s: course.spaceId, student: second.id, first: 100 }, course.ta.token)).auditEvents.nodes;
    expect(everyAboutSecond.length).toBeGreaterThanOrEqual(2);
    expect(aboutSecond.totalCount).toBe(everyAboutSecond.length);
    expect(aboutSecond.nodes[0]).toMatchObject({ actor: { name: course.admin.name }, student: { id: second.id, name: second.name } });
    const own = (await server.ok(AUDIT, { s: course.spaceId, first: 100 }, first.token)).auditEvents;
    expect(own.totalCount).toBe(own.nodes.length);
    expect(own.totalCount).toBeGreaterThanOrEqual(1);
    expect(own.nodes.every((e: { student: { id: string } }) => e.student.id === first.id)).toBe(true);
  });

  it("shows a student the shared workspaces and their own, never another student's or the master", async () => {
    const [first] = course.students;
    const result = await list(first.token, { first: 100 });
    expect(result.totalCount).toBe(2);
    expect(result.nodes.map((w) => [w.kind, w.ownerId])).toEqual([
      ['DISTRIBUTED', null],
      ['PERSONAL', first.id],
    ]);
    const searched = await list(first.token, { search: course.students[1].email });
    expect(searched).toMatchObject({ totalCount: 0, nodes: [] });
    const outsider = await server.gql(LIST, { id: course.spaceId }, course.outsider.token);
    expect(codeOf(outsider)).toBe('NOT_FOUND');
  });

  it("lists a push's possible targets: what the caller may change, without the source", async () => {
    const everything = await list(course.admin.token, { first: 100 });
    const targets = await list(course.admin.token, { first: 100, writable: true, excluding: course.master });
    expect(targets.totalCount).toBe(everything.totalCount - 1);
    expect(targets.nodes.map((w) => w.id)).toEqual(everything.nodes.map((w) => w.id).filter((id) => id !== course.master));
    expect(targets.nodes.every((w) => (w as Listed & { canWrite: boolean }).canWrite)).toBe(true);
    // A TA reads every student's workspace but changes none of them, and there is no shared workspace here.
    expect(await list(course.ta.token, { writable: true })).toMatchObject({ totalCount: 0, nodes: [] });
    const [first] = course.students;
    expect((await list(first.token, { writable: true })).nodes.map((w) => [w.kind, w.ownerId])).toEqual([['PERSONAL', first.id]]);
  });

  it('refuses a page size over 100 and a made-up cursor, naming what was wrong', async () => {
    const big = await server.gql(LIST, { id: course.spaceId, first: 1000 }, course.admin.token);
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toContain('first must be between 1 and 100');
    const cursor = await server.gql(LIST, { id: course.spaceId, after: 'not-a-cursor' }, course.admin.token);
    expect(codeOf(cursor)).toBe('BAD_USER_INPUT');
  });

  it('costs the same statements for a page of a class of 3 and of 30', async () => {
    const variables = { id: course.spaceId, first: 25 };
    const small = await countQueries(server.app.services.db.dataSource, () => server.ok(LIST, variables, course.ta.token));
    for (let i = 0; i < 27; i++) {
      const student = await createUser(server, `Joiner ${String(i).padStart(2, '0')}`);
      await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: course.spaceId, e: student.email }, course.admin.token);
    }
    let total = 0;
    const large = await countQueries(server.app.services.db.dataSource, async () => {
      total = (await server.ok(LIST, variables, course.ta.token)).space.workspaceList.totalCount;
    });
    expect({ total, queries: large.count }).toEqual({ total: 32, queries: small.count });
  });
});

const SUMMARY = `query($a: ID!) { handInSummary(assignmentId: $a) {
  students late collected graded counts { status count } handInsOverTime { at count } points { from to count } } }`;

describeDb("a space at class size: the tracker's charts from one summary", () => {
  let server: TestServer;
  let course: TestCourse;
  let assignmentId: string;
  beforeAll(async () => {
    server = await startTestServer({ role: 'api' });
    course = await createCourse(server, 3);
    await upload(server, course.admin.token, course.master, 'files/hw/answers.md', '# Answers\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Homework', source: { workspaceId: course.master }, paths: ['files/hw'], maxPoints: 10, deadline: new Date(Date.now() + 3_600_000).toISOString() } },
      course.admin.token,
    );
    assignmentId = createAssignment.id;
    await server.app.services.worker.drain();
  });
  afterAll(() => server.stop());

  const summary = async (token = course.ta.token) => (await server.ok(SUMMARY, { a: assignmentId }, token)).handInSummary;

  it('counts what the tracker counts, draws hand-ins and grades, and refuses students', async () => {
    const [first, second] = course.students;
    for (const student of [first, second]) await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, student.token);
    await server.ok(
      'mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 7 }) { version } }',
      { a: assignmentId, s: first.id },
      course.ta.token,
    );
    const result = await summary();
    const tracker = (await server.ok('query($a: ID!) { handInStatuses(assignmentId: $a, first: 1) { totalCount counts { status count } } }', { a: assignmentId }, course.ta.token))
      .handInStatuses;
    expect(result.students).toBe(tracker.totalCount);
    expect(result.counts).toEqual(tracker.counts);
    expect(result.handInsOverTime.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBe(2);
    expect(result.graded).toBe(1);
    expect(result.points).toHaveLength(10);
    expect(result.points.find((b: { count: number }) => b.count === 1)).toEqual({ from: 7, to: 8, count: 1 });
    const asStudent = await server.gql(SUMMARY, { a: assignmentId }, first.token);
    expect(codeOf(asStudent)).toBe('FORBIDDEN');
  });

  it('costs the same statements and about the same bytes for a class of 3 and of 30', async () => {
    const measure = async () => {
      let bytes = 0;
      const { count } = await countQueries(server.app.services.db.dataSource, async () => {
        bytes = JSON.stringify(await summary()).length;
      });
      return { count, bytes };
    };
    const small = await measure();
    for (let i = 0; i < 27; i++) {
      const student = await createUser(server, `Joiner ${i}`);
      await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: course.spaceId, e: student.email }, course.admin.token);
    }
    const large = await measure();
    expect(large.count).toBe(small.count);
    expect(large.bytes).toBeLessThan(small.bytes + 50);
  });
});

const TARGETS = `query($id: ID!, $first: Int, $after: String, $status: TargetStatus, $search: String) { distribution(id: $id) {
  targets(first: $first, after: $after, status: $status, search: $search) { totalCount pageInfo { hasNextPage endCursor } nodes { id status workspaceId } } } }`;

describeDb('a space at class size: a finished push a page of targets at a time', () => {
  let server: TestServer;
  let course: TestCourse;
  let distributionId: string;
  beforeAll(async () => {
    server = await startTestServer({ role: 'api' });
    course = await createCourse(server, 3);
    for (let i = 0; i < 22; i++) {
      const student = await createUser(server, `Joiner ${i}`);
      await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: course.spaceId, e: student.email }, course.admin.token);
    }
    await upload(server, course.admin.token, course.master, 'files/week1/notes.md', '# Week 1\n');
    const { pushDistribution } = await server.ok(
      'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
      { i: { source: { workspaceId: course.master }, paths: ['files/week1'], targets: { spaceId: course.spaceId } } },
      course.admin.token,
    );
    distributionId = pushDistribution.id;
    await server.app.services.worker.drain();
  });
  afterAll(() => server.stop());

  it('opens with the counts and only the newest few targets on the socket, however many finished', async () => {
    const watch = watchProgress(server.url, course.admin.token, distributionId);
    try {
      const first = await watch.until(() => true, 10_000);
      expect(first.final).toBe(true);
      expect(first.counts).toMatchObject({ total: 25, done: 25, succeeded: 25 });
      expect(first.finished.length).toBe(INITIAL_FINISHED);
    } finally {
      await watch.close();
    }
  });

  it('pages the targets with their total, filters by status, and sees each target once', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } = (
        await server.ok(TARGETS, { id: distributionId, first: 10, after }, course.admin.token)
      ).distribution.targets;
      expect(result.totalCount).toBe(25);
      for (const node of result.nodes) seen.add(node.id);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen.size).toBe(25);
    const found = (await server.ok(TARGETS, { id: distributionId, search: course.students[1].email.toUpperCase() }, course.admin.token)).distribution.targets;
    expect(found).toMatchObject({ totalCount: 1, nodes: [{ workspaceId: course.personal.get(course.students[1].id) }] });
    const failed = (await server.ok(TARGETS, { id: distributionId, status: 'FAILED' }, course.admin.token)).distribution.targets;
    expect(failed).toMatchObject({ totalCount: 0, nodes: [] });
    const asStudent = await server.gql(TARGETS, { id: distributionId }, course.students[0].token);
    expect(codeOf(asStudent)).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});
