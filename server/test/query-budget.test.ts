import { createCourse, createUser, upload, type TestCourse, type TestUser } from './support/factories';
import { countQueries } from './support/query-count';
import { watchProgress, watchSubscription } from './support/progress-watch';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

/**
 * What a page costs the database does not grow with the number of students:
 * lists resolve their per-row fields in batches.
 */
describeDb('query budgets: pages cost the same for 3 students and for 30', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer({ role: 'api' });
    course = await createCourse(server, 3);
  });
  afterAll(() => server.stop());

  const addStudents = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const student = await createUser(server, `Late joiner ${i}`);
      await server.ok(`mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }`, { s: course.spaceId, e: student.email }, course.admin.token);
    }
  };
  const cost = (query: string, variables: Record<string, unknown>, token: string) =>
    countQueries(server.app.services.db.dataSource, () => server.ok(query, variables, token));

  const SPACE_PAGE = `query($id: ID!) { space(id: $id) { id name myRole canGrantExtensions
    workspaces { id name kind ownerId version canWrite owner { id name email } } } }`;

  it('the space page', async () => {
    const small = await cost(SPACE_PAGE, { id: course.spaceId }, course.admin.token);
    await addStudents(27);
    const large = await cost(SPACE_PAGE, { id: course.spaceId }, course.admin.token);
    expect({ workspaces: 32, queries: large.count }).toEqual({ workspaces: 32, queries: small.count });
    expect(large.count).toBeLessThanOrEqual(9);
  });
});

describeDb('query budgets: the tracker and a push cost the same for 3 students and for 30', () => {
  let server: TestServer;
  let course: TestCourse;
  const students: TestUser[] = [];
  let assignmentId: string;
  beforeAll(async () => {
    server = await startTestServer({ role: 'api' });
    course = await createCourse(server, 3);
    students.push(...course.students);
    await upload(server, course.admin.token, course.master, 'files/hw/answers.md', '# Answers\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Homework', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString() } },
      course.admin.token,
    );
    assignmentId = createAssignment.id;
    await server.app.services.worker.drain();
  });
  afterAll(() => server.stop());

  const cost = (query: string, variables: Record<string, unknown>, token: string) =>
    countQueries(server.app.services.db.dataSource, () => server.ok(query, variables, token));
  /** New students join; the release reaches them; everyone hands in. */
  const grow = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const student = await createUser(server, `Joiner ${i}`);
      await server.ok(`mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }`, { s: course.spaceId, e: student.email }, course.admin.token);
      students.push(student);
    }
    await server.app.services.worker.drain();
    for (const student of students) {
      await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, student.token);
    }
  };

  const TRACKER = `query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) {
    totalCount counts { status count }
    nodes { status deadline late lateByMinutes keptPercent finalPoints handInCount lastActivityAt workspaceId
      student { id name email } extension { id deadline } latestHandIn { id seq handedInAt contentHash collected }
      grade { points comment } } } }`;
  const PUSH_PAGE = `query($id: ID!) { distribution(id: $id) { status counts { succeeded }
    targets(first: 100) { nodes { status workspace { id name canWrite owner { id name } } } } } }`;

  it('the tracker and the release', async () => {
    const { assignment } = await server.ok('query($id: ID!) { assignment(id: $id) { distributionId } }', { id: assignmentId }, course.admin.token);
    await grow(0);
    const small = { tracker: await cost(TRACKER, { a: assignmentId }, course.ta.token), push: await cost(PUSH_PAGE, { id: assignment.distributionId }, course.admin.token) };
    await grow(27);
    const large = { tracker: await cost(TRACKER, { a: assignmentId }, course.ta.token), push: await cost(PUSH_PAGE, { id: assignment.distributionId }, course.admin.token) };
    // Ten times the students: no more statements (an empty extension list may even save one).
    expect(large.tracker.count).toBeLessThanOrEqual(small.tracker.count);
    expect(large.push.count).toBeLessThanOrEqual(small.push.count);
    // The push page's targets count every match once (one COUNT), for the pager's "1–25 of 1,000".
    expect({ tracker: large.tracker.count <= 16, push: large.push.count <= 11 }).toEqual({ tracker: true, push: true });
  });

  it('a push watched by more subscribers costs no more: each batch of progress is read once for all of them', async () => {
    const PUSH = 'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }';
    const pushWatchedBy = async (watchers: number) => {
      await upload(server, course.admin.token, course.master, `files/progress/${watchers}.txt`, `watched by ${watchers}\n`);
      const { pushDistribution } = await server.ok(PUSH, { i: { source: { workspaceId: course.master }, paths: [`files/progress/${watchers}.txt`], targets: { spaceId: course.spaceId } } }, course.admin.token);
      const watches = Array.from({ length: watchers }, () => watchProgress(server.url, course.admin.token, pushDistribution.id));
      try {
        // Each subscriber has its own first event (the state when it arrived) before the push runs.
        await Promise.all(watches.map((w) => w.until(() => true, 10_000)));
        // The push's own writes (in transactions that targets ready together share, so their number varies
        // from run to run) do not depend on who listens; what listening costs is read outside transactions.
        const { outside } = await countQueries(server.app.services.db.dataSource, async () => {
          await server.app.services.worker.drain();
          await Promise.all(watches.map((w) => w.until((e) => e.final, 10_000)));
        });
        // Every subscriber hears the same batches; how many there are depends on how the push's events fell into intervals.
        const batches = new Set(watches.map((w) => w.events.length - 1));
        expect(batches.size).toBe(1);
        return { count: outside.length, batches: [...batches][0] };
      } finally {
        await Promise.all(watches.map((w) => w.close()));
      }
    };
    const one = await pushWatchedBy(1);
    const four = await pushWatchedBy(4);
    // Three more subscribers add no reading of the distribution, its counts or its finished targets: a batch is read
    // once (at most 3 statements) whoever listens, so the counts differ only by the batches the push happened to make.
    const READS_PER_BATCH = 3;
    expect(four.count - one.count).toBeLessThanOrEqual(2 + READS_PER_BATCH * Math.max(0, four.batches - one.batches));
  });

  const STATUS = `subscription($a: ID!) { handInStatus(assignmentId: $a) { studentId row { status handInCount student { name } } counts { status count } } }`;
  interface StatusEvent {
    studentId: string | null;
    row: { handInCount: number } | null;
    counts: { status: string; count: number }[];
  }
  const handIn = (student: TestUser) => server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, student.token);
  /** Staff watching the tracker live; each watch has heard an event (a subscription opens asynchronously). */
  const liveWatches = async (tokens: string[]) => {
    const watches = tokens.map((token) => watchSubscription(server.url, token, STATUS, { a: assignmentId }, (data) => (data as { handInStatus: StatusEvent }).handInStatus));
    const marker = students[0];
    for (let round = 1; ; round++) {
      await handIn(marker);
      const live = await Promise.all(watches.map((w) => w.until((e) => e.studentId === marker.id, 2_000).then(() => true, () => false)));
      if (live.every(Boolean)) return watches;
      if (round === 5) throw new Error('the subscriptions did not start');
    }
  };

  it('a hand-in watched by more staff costs no more: each batch of statuses is read once for all of them', async () => {
    const handInWatchedBy = async (tokens: string[], student: TestUser) => {
      const watches = await liveWatches(tokens);
      try {
        const { count } = await countQueries(server.app.services.db.dataSource, async () => {
          await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { late } }', { a: assignmentId }, student.token);
          await Promise.all(watches.map((w) => w.until((e) => e.studentId === student.id, 10_000)));
        });
        return count;
      } finally {
        await Promise.all(watches.map((w) => w.close()));
      }
    };
    const one = await handInWatchedBy([course.ta.token], students[1]);
    const four = await handInWatchedBy([course.ta.token, course.admin.token, course.ta.token, course.admin.token], students[2]);
    // Subscribers were authorised when they subscribed; three more read nothing more.
    expect(four - one).toBeLessThanOrEqual(2);
  });
  it('moving to the next student while a grading page follows the statuses reads no class: the order comes from the live view and matches the tracker', async () => {
    const FILTERS = 'statuses: [HANDED_IN, LATE], sort: HANDED_IN_AT';
    const NEIGHBOURS = `query($a: ID!, $s: ID!) { gradingNeighbours(assignmentId: $a, studentId: $s, ${FILTERS}) { position total previous { id } next { id } } }`;
    const ORDER = `query($a: ID!) { handInStatuses(assignmentId: $a, first: 100, ${FILTERS}) { totalCount nodes { student { id } } } }`;
    // Three students have handed in, in this order; the grader has the middle one open.
    for (const student of students.slice(0, 3)) await handIn(student);
    const current = students[1];
    const neighbours = async () => {
      let answer: unknown;
      const { count } = await countQueries(server.app.services.db.dataSource, async () => {
        answer = (await server.ok(NEIGHBOURS, { a: assignmentId, s: current.id }, course.ta.token)).gradingNeighbours;
      });
      return { answer, count };
    };
    /** What the tracker, read afresh under the same filters and order, puts before and after the student. */
    const fromTracker = async () => {
      const { handInStatuses } = await server.ok(ORDER, { a: assignmentId }, course.ta.token);
      const ids = (handInStatuses.nodes as { student: { id: string } }[]).map((n) => n.student.id);
      const at = ids.indexOf(current.id);
      const user = (id: string | undefined) => (id ? { id } : null);
      return { position: at + 1, total: handInStatuses.totalCount, previous: user(ids[at - 1]), next: user(ids[at + 1]) };
    };
    // Nobody follows the statuses any more (the last test's watches have closed): the class is read.
    await waitFor(async () => server.app.services.assignmentLive.statusWatchers(rawId(assignmentId)), (n) => n === 0, 'the earlier watches to close');
    const unwatched = await neighbours();
    expect(unwatched.answer).toEqual(await fromTracker());
    // A grading page opens: it follows the statuses, and nothing has happened since.
    const page = watchSubscription(server.url, course.ta.token, STATUS, { a: assignmentId }, (data) => (data as { handInStatus: StatusEvent }).handInStatus);
    try {
      await waitFor(async () => server.app.services.assignmentLive.statusWatchers(rawId(assignmentId)), (n) => n === 1, 'the grading page to follow the statuses');
      // The first move reads the class; the next ones use what it read.
      const firstMove = await neighbours();
      const nextMove = await neighbours();
      expect(firstMove.answer).toEqual(await fromTracker());
      expect(nextMove.answer).toEqual(firstMove.answer);
      // The first hands in again: once the grading page has heard it, the order follows (the latest hand-in comes last).
      await handIn(students[0]);
      await page.until((e) => e.studentId === students[0].id, 10_000);
      const afterHandIn = await neighbours();
      expect(afterHandIn.answer).toEqual(await fromTracker());
      expect(afterHandIn.answer).not.toEqual(firstMove.answer);
      // Read from the live view, not from the class (its students, workspaces, hand-ins, grades, extensions, activity).
      expect(firstMove.count).toBeGreaterThanOrEqual(unwatched.count);
      expect(nextMove.count).toBeLessThanOrEqual(unwatched.count - 5);
      expect(afterHandIn.count).toBeLessThanOrEqual(unwatched.count - 5);
    } finally {
      await page.close();
    }
  });

  it('a live batch tells the named student’s row as it is now, and its counts match a fresh read of the tracker', async () => {
    const TRACKER_COUNTS = 'query($a: ID!) { handInStatuses(assignmentId: $a, first: 1) { counts { status count } } }';
    const [watch] = await liveWatches([course.ta.token]);
    try {
      const sorted = (counts: { status: string; count: number }[]) => [...counts].sort((x, y) => x.status.localeCompare(y.status));
      const handInCounts = new Map<string, number>();
      for (const student of [students[1], students[2], students[1]]) {
        const from = watch.events.length;
        await handIn(student);
        const event = await watch.until((e) => watch.events.indexOf(e) >= from && e.studentId === student.id, 10_000);
        // The named student's row is read again: one more hand-in than the last time it was told.
        const count = event.row?.handInCount ?? 0;
        if (handInCounts.has(student.id)) expect(count).toBe(handInCounts.get(student.id)! + 1);
        handInCounts.set(student.id, count);
        // The others' rows are kept from earlier batches, and the class's counts agree with a fresh read of the tracker.
        const { handInStatuses } = await server.ok(TRACKER_COUNTS, { a: assignmentId }, course.ta.token);
        expect(sorted(event.counts)).toEqual(sorted(handInStatuses.counts));
      }
    } finally {
      await watch.close();
    }
  });
});
