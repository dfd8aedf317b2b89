import { createCourse, createUser, headOf, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';

const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id status targetCount items { path kind } } }`;
const read = async (server: TestServer, token: string, ws: string, path: string) => {
  const res = await server.fetch(`/api/workspaces/${ws}/files/${path}`, { token });
  return res.status === 200 ? res.text() : null;
};
const names = async (server: TestServer, token: string, ws: string, path: string): Promise<string[]> => {
  const { workspace } = await server.ok('query($w: ID!, $p: String!) { workspace(id: $w) { entries(path: $p) { nodes { name } } } }', { w: ws, p: path }, token);
  return workspace.entries.nodes.map((n: { name: string }) => n.name);
};

describeDb('distributions: stage, preview, push, follow, undo, retract', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 3);
    admin = course.admin.token;
    await upload(server, admin, course.master, 'files/week1/task.md', 'Task v1');
    await upload(server, admin, course.master, 'files/week1/data.csv', 'x\n1\n');
  });
  afterAll(() => server.stop());

  const source = () => ({ workspaceId: course.master });
  const everyStudent = () => ({ spaceId: course.spaceId });
  const personal = (i: number) => course.personal.get(course.students[i].id)!;

  async function pushAndWait(input: Record<string, unknown>) {
    const { pushDistribution } = await server.ok(PUSH, { input }, admin);
    const events = await followDistribution(server, admin, pushDistribution.id);
    return { id: pushDistribution.id as string, events, final: events.at(-1)! };
  }

  it('stages a folder, previews without writing, pushes to every student and reports progress live', async () => {
    await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/week1"]) { path } }', { s: source() }, admin);
    const before = await headOf(server, admin, personal(0));
    const { previewDistribution } = await server.ok(
      `query($input: PushInputType!) { previewDistribution(input: $input) { targetCount totals { added } targets { workspace { id } counts { added } changes } } }`,
      { input: { source: source(), targets: everyStudent() } },
      admin,
    );
    expect(previewDistribution.targetCount).toBe(3);
    expect(previewDistribution.totals.added).toBe(6);
    expect(await headOf(server, admin, personal(0))).toEqual(before);

    const { id, events, final } = await pushAndWait({ source: source(), targets: everyStudent(), message: 'Week 1 is out' });
    expect(final.distribution.status).toBe('SUCCEEDED');
    expect(final.counts).toMatchObject({ total: 3, done: 3, succeeded: 3 });
    const finished = events.flatMap((e) => e.finished.map((f) => f.workspaceId)).sort();
    expect(finished).toEqual([personal(0), personal(1), personal(2)].sort());
    for (let i = 0; i < 3; i++) expect(await read(server, course.students[i].token, personal(i), 'files/week1/task.md')).toBe('Task v1');

    const { workspace } = await server.ok('query($w: ID!) { workspace(id: $w) { history(first: 1) { nodes { message distributionId } } snapshots { nodes { automatic } } } }', { w: personal(0) }, admin);
    expect(workspace.history.nodes[0].distributionId).toBe(id);
    expect(workspace.snapshots.nodes[0].automatic).toBe(true);

    const { notifications } = await server.ok('{ notifications(unreadOnly: true) { totalCount nodes { title body distributionId } } }', {}, course.students[0].token);
    expect(notifications.nodes[0]).toMatchObject({ body: 'Week 1 is out', distributionId: id });
    expect(notifications.nodes[0].title).toMatch(/files\/week1/);
  });

  it('pushing the same thing again changes nothing', async () => {
    const heads = await Promise.all([0, 1, 2].map((i) => headOf(server, admin, personal(i))));
    const { final } = await pushAndWait({ source: source(), paths: ['files/week1'], targets: everyStudent() });
    expect(final.distribution.status).toBe('SUCCEEDED');
    expect(await Promise.all([0, 1, 2].map((i) => headOf(server, admin, personal(i))))).toEqual(heads);
  });

  it('PRESERVE_EDITS updates untouched copies and keeps a student edit beside the new version', async () => {
    await upload(server, course.students[0].token, personal(0), 'files/week1/task.md', 'My answer');
    await upload(server, admin, course.master, 'files/week1/task.md', 'Task v2');
    const { final } = await pushAndWait({ source: source(), paths: ['files/week1'], targets: everyStudent(), policies: { default: 'PRESERVE_EDITS' } });
    expect(final.distribution.status).toBe('SUCCEEDED');
    expect(await read(server, course.students[0].token, personal(0), 'files/week1/task.md')).toBe('My answer');
    expect(await read(server, course.students[0].token, personal(0), 'files/week1/task%20(incoming).md')).toBe('Task v2');
    expect(await read(server, course.students[1].token, personal(1), 'files/week1/task.md')).toBe('Task v2');
    expect(await names(server, course.students[1].token, personal(1), 'files/week1')).toEqual(['data.csv', 'task.md']);
  });

  it('FAIL leaves every conflicting target untouched and reports the paths', async () => {
    await upload(server, admin, course.master, 'files/week1/task.md', 'Task v3');
    const before = await headOf(server, admin, personal(0));
    const { id, final } = await pushAndWait({ source: source(), paths: ['files/week1/task.md'], targets: everyStudent(), policies: { default: 'FAIL' } });
    expect(final.distribution.status).toBe('FAILED');
    expect(final.counts).toMatchObject({ succeeded: 0, conflict: 3 });
    expect(await headOf(server, admin, personal(0))).toEqual(before);
    const { distribution } = await server.ok(
      'query($id: ID!) { distribution(id: $id) { targets(status: CONFLICT) { nodes { outcomes { path outcome } } } } }',
      { id },
      admin,
    );
    expect(distribution.targets.nodes[0].outcomes).toEqual([{ path: 'files/week1/task.md', outcome: 'CONFLICT' }]);
  });

  it('an idempotency key returns the same distribution, and refuses other input', async () => {
    const input = { source: source(), paths: ['files/week1/data.csv'], targets: everyStudent(), idempotencyKey: 'week1-data' };
    const first = await server.ok(PUSH, { input }, admin);
    const again = await server.ok(PUSH, { input }, admin);
    expect(again.pushDistribution.id).toBe(first.pushDistribution.id);
    const other = await server.gql(PUSH, { input: { ...input, paths: ['files/week1'] } }, admin);
    expect(codeOf(other)).toBe('CONFLICT');
    await followDistribution(server, admin, first.pushDistribution.id);
  });

  it('undo reverts a push but keeps what a student changed since, and reports it', async () => {
    await upload(server, admin, course.master, 'files/week2/intro.md', 'Intro');
    await upload(server, admin, course.master, 'files/week2/extra.md', 'Extra');
    const { id } = await pushAndWait({ source: source(), paths: ['files/week2'], targets: everyStudent() });
    await upload(server, course.students[1].token, personal(1), 'files/week2/intro.md', 'Edited by student');
    const { undoDistribution } = await server.ok('mutation($id: ID!) { undoDistribution(id: $id) { id kind } }', { id }, admin);
    const events = await followDistribution(server, admin, undoDistribution.id);
    expect(events.at(-1)!.distribution.status).toBe('SUCCEEDED');
    expect(await names(server, admin, personal(0), 'files')).toEqual(['week1']);
    expect(await read(server, admin, personal(1), 'files/week2/intro.md')).toBe('Edited by student');
    expect(await read(server, admin, personal(1), 'files/week2/extra.md')).toBeNull();
    const { distribution } = await server.ok('query($id: ID!) { distribution(id: $id) { targets { nodes { workspaceId kept } } } }', { id: undoDistribution.id }, admin);
    const kept = distribution.targets.nodes.find((t: { workspaceId: string }) => t.workspaceId === personal(1)).kept;
    expect(kept).toEqual(['files/week2/intro.md']);
  });

  it('retract removes what recipients left untouched and keeps their edits', async () => {
    await upload(server, admin, course.master, 'files/mistake/secret.md', 'Solutions');
    await upload(server, admin, course.master, 'files/mistake/notes.md', 'Notes');
    const { id } = await pushAndWait({ source: source(), paths: ['files/mistake'], targets: everyStudent() });
    await upload(server, course.students[2].token, personal(2), 'files/mistake/notes.md', 'My notes');
    const { retractDistribution } = await server.ok('mutation($id: ID!) { retractDistribution(id: $id) { id } }', { id }, admin);
    await followDistribution(server, admin, retractDistribution.id);
    expect(await read(server, admin, personal(0), 'files/mistake/secret.md')).toBeNull();
    expect(await read(server, admin, personal(2), 'files/mistake/secret.md')).toBeNull();
    expect(await read(server, admin, personal(2), 'files/mistake/notes.md')).toBe('My notes');
  });

  it('include future members: a student who joins later starts with the pushed material', async () => {
    await upload(server, admin, course.master, 'files/syllabus.md', 'Syllabus');
    await pushAndWait({ source: source(), paths: ['files/syllabus.md'], targets: { spaceId: course.spaceId, includeFutureMembers: true } });
    const late = await createUser(server, 'Late Student');
    await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: course.spaceId, e: late.email }, admin);
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces(kind: PERSONAL) { id } } }', { id: course.spaceId }, late.token);
    expect(await read(server, late.token, space.workspaces[0].id, 'files/syllabus.md')).toBe('Syllabus');
  });

  it('partial restore: a student pushes a file from their snapshot back into their current state', async () => {
    const student = course.students[0];
    const ws = personal(0);
    await upload(server, student.token, ws, 'files/essay.md', 'Good draft');
    const { createSnapshot } = await server.ok('mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "good") { id } }', { w: ws }, student.token);
    await upload(server, student.token, ws, 'files/essay.md', 'Ruined draft');
    await upload(server, student.token, ws, 'files/other.md', 'Keep me');
    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: ws, snapshotId: createSnapshot.id }, paths: ['files/essay.md'], targets: { workspaceIds: [ws] } } }, student.token);
    await followDistribution(server, student.token, pushDistribution.id);
    expect(await read(server, student.token, ws, 'files/essay.md')).toBe('Good draft');
    expect(await read(server, student.token, ws, 'files/other.md')).toBe('Keep me');
  });

  it('refuses targets the caller cannot change, naming them, and creates nothing', async () => {
    const student = course.students[0];
    const result = await server.gql(PUSH, { input: { source: { workspaceId: personal(0) }, paths: ['files/essay.md'], targets: { workspaceIds: [personal(1)] } } }, student.token);
    expect(codeOf(result)).toBe('NOT_FOUND');
    const { distributions } = await server.ok('query($s: ID!) { distributions(spaceId: $s) { nodes { createdById } } }', { s: course.spaceId }, student.token);
    expect(distributions.nodes.every((d: { createdById: string }) => d.createdById === student.id)).toBe(true);
    expect(distributions.nodes).toHaveLength(1);
  });

  it('onboards a colleague in one call from a bundle, and from a snapshot', async () => {
    await server.ok('mutation($s: SourceInput!) { clearStage(source: $s) }', { s: source() }, admin);
    await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/week1/data.csv", "files/syllabus.md"]) { path } }', { s: source() }, admin);
    const { saveBundle } = await server.ok('mutation($s: SourceInput!) { saveBundle(source: $s, name: "starter kit") { id items { path } } }', { s: source() }, admin);
    expect(saveBundle.items.map((i: { path: string }) => i.path)).toEqual(['files/syllabus.md', 'files/week1/data.csv']);
    const colleague = await createUser(server, 'New Colleague');
    const { onboardColleague } = await server.ok(
      'mutation($s: ID!, $e: String!, $b: ID) { onboardColleague(spaceId: $s, email: $e, fromBundleId: $b) { id kind ownerId } }',
      { s: course.spaceId, e: colleague.email, b: saveBundle.id },
      admin,
    );
    expect(onboardColleague).toMatchObject({ kind: 'PERSONAL', ownerId: colleague.id });
    expect(await names(server, colleague.token, onboardColleague.id, 'files')).toEqual(['syllabus.md', 'week1']);
    expect(await names(server, colleague.token, onboardColleague.id, 'files/week1')).toEqual(['data.csv']);

    const { createSnapshot } = await server.ok('mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "for referee") { id } }', { w: course.master }, admin);
    const referee = await createUser(server, 'Referee');
    const { onboardColleague: ws } = await server.ok(
      'mutation($s: ID!, $e: String!, $snap: ID) { onboardColleague(spaceId: $s, email: $e, role: VIEWER, fromSnapshotId: $snap) { id } }',
      { s: course.spaceId, e: referee.email, snap: createSnapshot.id },
      admin,
    );
    expect(await read(server, admin, ws.id, 'files/syllabus.md')).toBe('Syllabus');
    const twice = await server.gql('mutation($s: ID!, $e: String!, $b: ID) { onboardColleague(spaceId: $s, email: $e, fromBundleId: $b) { id } }', {
      s: course.spaceId,
      e: colleague.email,
      b: saveBundle.id,
    }, admin);
    expect(codeOf(twice)).toBe('CONFLICT');
  });
});
