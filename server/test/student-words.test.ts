import { createCourse, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';

const SNAPSHOTS = 'query($id: ID!) { workspace(id: $id) { snapshots(first: 20) { nodes { label automatic } } } }';
const NOTIFICATIONS = '{ notifications(first: 20) { nodes { kind title link distributionId } } }';

describeDb('what students read: snapshot names, notification links, receipts, assignments without a handout', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  const personal = (i: number) => course.personal.get(course.students[i].id)!;

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
    admin = course.admin.token;
    await upload(server, admin, course.master, 'files/week2/notes.md', '# Week 2\n');
  });
  afterAll(() => server.stop());

  const push = async (paths: string[], workspaceIds: string[], source: { workspaceId: string; snapshotId?: string } = { workspaceId: course.master }, token = admin) => {
    const { pushDistribution } = await server.ok(
      'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
      { i: { source, paths, targets: { workspaceIds }, policies: { default: 'OVERWRITE' } } },
      token,
    );
    await followDistribution(server, token, pushDistribution.id);
    return pushDistribution.id as string;
  };

  it('names the snapshot taken before a push after what arrived and who sent it, and the one before an undo after what was undone', async () => {
    await upload(server, course.students[0].token, personal(0), 'files/week2/notes.md', '# my own notes\n');
    const id = await push(['files/week2'], [personal(0)]);
    const before = await server.ok(SNAPSHOTS, { id: personal(0) }, course.students[0].token);
    expect(before.workspace.snapshots.nodes).toEqual([{ label: `before week2 from ${course.admin.name}`, automatic: true }]);

    await server.ok('mutation($id: ID!) { undoDistribution(id: $id) { id } }', { id }, admin).then(async ({ undoDistribution }) => {
      await followDistribution(server, admin, undoDistribution.id);
    });
    const after = await server.ok(SNAPSHOTS, { id: personal(0) }, course.students[0].token);
    expect(after.workspace.snapshots.nodes[0]).toEqual({ label: `before ${course.admin.name} undid week2`, automatic: true });
    for (const { label } of after.workspace.snapshots.nodes) expect(label).not.toMatch(/[0-9a-f]{8}/);
    const { workspace } = await server.ok('query($id: ID!) { workspace(id: $id) { history(first: 3) { nodes { message } } } }', { id: personal(0) }, course.students[0].token);
    expect(workspace.history.nodes.map((n: { message: string }) => n.message).slice(0, 2)).toEqual([
      `${course.admin.name} undid the push of week2`,
      `received week2 from ${course.admin.name}`,
    ]);
  });

  it("links a student's push notification to their workspace, not to the site", async () => {
    await upload(server, admin, course.master, 'files/week3/intro.md', '# Week 3\n');
    await push(['files/week3'], [personal(1)]);
    const { notifications } = await server.ok(NOTIFICATIONS, {}, course.students[1].token);
    const received = notifications.nodes.find((n: { kind: string }) => n.kind === 'DISTRIBUTION_RECEIVED');
    expect(received.title).toBe(`${course.admin.name} sent you files/week3`);
    expect(received.link).toBe(`/workspaces/${personal(1)}`);
  });

  it('e-mails the push notification with the link to the workspace it arrived in', async () => {
    await upload(server, admin, course.master, 'files/week4/intro.md', '# Week 4\n');
    const { pushDistribution } = await server.ok(
      'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
      { i: { source: { workspaceId: course.master }, paths: ['files/week4'], targets: { workspaceIds: [personal(1)] }, emailRecipients: true } },
      admin,
    );
    await followDistribution(server, admin, pushDistribution.id);
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { outbox { recipient subject body } } }', { id: course.spaceId }, admin);
    const mail = space.outbox.find((m: { subject: string }) => m.subject === `${course.admin.name} sent you files/week4`);
    expect(mail.recipient).toBe(course.students[1].email);
    expect(mail.body).toContain(`Open it in Stagecoach: ${server.config.webUrl}/workspaces/${personal(1)}`);
  });

  it('restores one file from a snapshot as a push into the same workspace, naming the snapshot it takes first', async () => {
    const student = course.students[1].token;
    const { createSnapshot } = await server.ok(
      'mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "before my edit") { id } }',
      { w: personal(1) },
      student,
    );
    await upload(server, student, personal(1), 'files/week3/intro.md', '# broken\n');
    await upload(server, student, personal(1), 'files/week3/kept.md', 'kept\n');
    await push(['files/week3/intro.md'], [personal(1)], { workspaceId: personal(1), snapshotId: createSnapshot.id }, student);
    const text = await (await server.fetch(`/api/workspaces/${personal(1)}/files/files/week3/intro.md`, { token: student })).text();
    expect(text).toBe('# Week 3\n');
    const kept = await server.fetch(`/api/workspaces/${personal(1)}/files/files/week3/kept.md`, { token: student });
    expect(kept.status).toBe(200);
    const { workspace } = await server.ok(SNAPSHOTS, { id: personal(1) }, student);
    expect(workspace.snapshots.nodes[0]).toEqual({ label: 'before restoring week3/intro.md', automatic: true });
  });

  it('opens an earlier version from the history as a snapshot, to browse and restore from', async () => {
    const student = course.students[1].token;
    const { workspace } = await server.ok('query($id: ID!) { workspace(id: $id) { history(first: 1) { nodes { id version } } } }', { id: personal(1) }, student);
    const earlier = workspace.history.nodes[0];
    await upload(server, student, personal(1), 'files/week3/intro.md', '# broken again\n');
    const { createSnapshot } = await server.ok(
      'mutation($w: ID!, $c: ID!, $l: String!) { createSnapshot(workspaceId: $w, commitId: $c, label: $l) { id label } }',
      { w: personal(1), c: earlier.id, l: `version ${earlier.version}` },
      student,
    );
    expect(createSnapshot.label).toBe(`version ${earlier.version}`);
    const old = await server.fetch(`/api/workspaces/${personal(1)}/files/files/week3/intro.md?snapshot=${createSnapshot.id}`, { token: student });
    expect(await old.text()).toBe('# Week 3\n');

    const foreign = await server.gql(
      'mutation($w: ID!, $c: ID!) { createSnapshot(workspaceId: $w, commitId: $c, label: "x") { id } }',
      { w: personal(0), c: earlier.id },
      course.students[0].token,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message).toMatch(/not in the history/);
  });

  it('creates an assignment with no handout: nothing is pushed, students hand in the paths they create, and the receipt lists the sealed files', async () => {
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id handInPaths items { path } } }',
      {
        i: {
          spaceId: course.spaceId,
          title: 'Essay',
          source: { workspaceId: course.master },
          paths: [],
          handInPaths: ['files/essay'],
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
        },
      },
      admin,
    );
    expect(createAssignment.items).toEqual([]);
    expect(createAssignment.handInPaths).toEqual(['files/essay']);
    const released = await waitFor(
      () => server.ok('query($id: ID!) { assignment(id: $id) { releasedAt distributionId } }', { id: createAssignment.id }, admin),
      (d) => !!d.assignment.releasedAt,
      'the release',
    );
    expect(released.assignment.distributionId).toBeNull();
    const mine = await server.ok('query($id: ID!) { assignment(id: $id) { myStatus { status } } }', { id: createAssignment.id }, course.students[0].token);
    expect(mine.assignment.myStatus.status).toBe('NOT_STARTED');

    const student = course.students[0].token;
    await upload(server, student, personal(0), 'files/essay/draft.md', 'My essay\n');
    await upload(server, student, personal(0), 'files/essay/sources/list.txt', 'a book\n');
    const { handInAssignment: receipt } = await server.ok(
      'mutation($a: ID!) { handInAssignment(assignmentId: $a) { contentHash handIn { files { path sizeBytes } } } }',
      { a: createAssignment.id },
      student,
    );
    expect(receipt.handIn.files).toEqual([
      { path: 'files/essay/draft.md', sizeBytes: 9 },
      { path: 'files/essay/sources/list.txt', sizeBytes: 7 },
    ]);
    const { handIns } = await server.ok('query($a: ID!) { handIns(assignmentId: $a) { files { path } } }', { a: createAssignment.id }, student);
    expect(handIns[0].files.map((f: { path: string }) => f.path)).toEqual(['files/essay/draft.md', 'files/essay/sources/list.txt']);
  });

  it('refuses an assignment with neither a handout nor a hand-in path, naming what is missing', async () => {
    const result = await server.gql(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.spaceId, title: 'Nothing', source: { workspaceId: course.master }, paths: [], deadline: new Date(Date.now() + 3_600_000).toISOString() } },
      admin,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/hand-in path/);
  });

  it('links feedback notifications to the assignment page', async () => {
    const { assignments } = await server.ok('query($s: ID!) { assignments(spaceId: $s) { id title } }', { s: course.spaceId }, admin);
    const essay = assignments.find((a: { title: string }) => a.title === 'Essay');
    await server.ok(
      'mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 80 }) { returned } }',
      { a: essay.id, s: course.students[0].id },
      admin,
    );
    await server.ok('mutation($a: ID!) { returnGrades(assignmentId: $a) { returned } }', { a: essay.id }, admin);
    const { notifications } = await server.ok(NOTIFICATIONS, {}, course.students[0].token);
    const returned = notifications.nodes.find((n: { kind: string }) => n.kind === 'FEEDBACK_RETURNED');
    expect(returned.link).toBe(`/assignments/${essay.id}`);
  });

  it('previews a CSV import: the columns with their types and the first rows, storing nothing', async () => {
    const csv = 'Year,City,Rain\n2021,Seattle,39.3\n2022,Portland,43.1\n';
    const preview = await server.fetch(`/api/workspaces/${course.master}/tables/rain?preview=true&types=Year:STRING`, { method: 'POST', token: admin, body: csv });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      path: 'tables/rain',
      columns: [
        { name: 'Year', type: 'STRING' },
        { name: 'City', type: 'STRING' },
        { name: 'Rain', type: 'FLOAT' },
      ],
      rowCount: 2,
      rows: [
        ['2021', 'Seattle', 39.3],
        ['2022', 'Portland', 43.1],
      ],
    });
    const stored = await server.gql('query($id: ID!) { workspace(id: $id) { object(path: "tables/rain") { kind } } }', { id: course.master }, admin);
    expect(stored.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const bad = await server.fetch(`/api/workspaces/${course.master}/tables/rain?preview=true&types=Rain:INTEGER`, { method: 'POST', token: admin, body: csv });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/column 'Rain' is INTEGER/);
  });
});
