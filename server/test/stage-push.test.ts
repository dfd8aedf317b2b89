import { createCourse, createUser, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';

const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id items { path } } }`;
const PREVIEW = `query($input: PushInputType!) { previewDistribution(input: $input) {
  items { path }
  targetCount targetsWithConflicts targetsLosingEdits targetsChanging targetsFailing targetsUpToDate
  targets {
    workspace { id } changes fails upToDate conflicts lostEditCount
    lostEdits { path outcome edited } replacedDelivered { path outcome edited }
  }
} }`;
const STAGE = `query($s: SourceInput!) { stage(source: $s) { id path sourceWorkspaceId createdAt } }`;
const ADD = `mutation($s: SourceInput!, $p: [String!]!) { addToStage(source: $s, paths: $p) { id path } }`;

interface StagedRow {
  id: string;
  path: string;
}

describeDb('stage and push: the chosen stage items, MIRROR within pushed paths, what each student loses', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const read = async (token: string, ws: string, path: string) => {
    const res = await server.fetch(`/api/workspaces/${ws}/files/${path}`, { token });
    return res.status === 200 ? res.text() : null;
  };
  const names = async (token: string, ws: string, path: string): Promise<string[]> => {
    const { workspace } = await server.ok('query($w: ID!, $p: String!) { workspace(id: $w) { entries(path: $p) { nodes { name } } } }', { w: ws, p: path }, token);
    return workspace.entries.nodes.map((n: { name: string }) => n.name).sort();
  };

  async function course(students = 2) {
    const c = await createCourse(server, students);
    const personal = (i: number) => c.personal.get(c.students[i].id)!;
    const push = async (input: Record<string, unknown>) => {
      const { pushDistribution } = await server.ok(PUSH, { input }, c.admin.token);
      const events = await followDistribution(server, c.admin.token, pushDistribution.id);
      expect(events.at(-1)!.distribution.status).toBe('SUCCEEDED');
      return pushDistribution as { id: string; items: { path: string }[] };
    };
    const preview = async (input: Record<string, unknown>) => (await server.ok(PREVIEW, { input }, c.admin.token)).previewDistribution;
    const target = (p: { targets: Record<string, any>[] }, i: number) => p.targets.find((t) => t.workspace.id === personal(i))!;
    return { c, personal, push, preview, target };
  }

  async function distributionCount(c: TestCourse): Promise<number> {
    const { distributions } = await server.ok('query($s: ID!) { distributions(spaceId: $s) { totalCount } }', { s: c.spaceId }, c.admin.token);
    return distributions.totalCount;
  }

  it('pushes exactly the chosen stage items, names them, and clears only those from the stage', async () => {
    const { c, personal, push, preview } = await course();
    await upload(server, c.admin.token, c.master, 'files/week2/task.md', 'Week 2');
    await upload(server, c.admin.token, c.master, 'files/old/solution.md', 'Forgotten');
    const source = { workspaceId: c.master };
    await server.ok(ADD, { s: source, p: ['files/old'] }, c.admin.token);
    await server.ok(ADD, { s: source, p: ['files/week2'] }, c.admin.token);
    const staged: StagedRow[] = (await server.ok(STAGE, { s: source }, c.admin.token)).stage;
    const week2 = staged.find((s) => s.path === 'files/week2')!;

    const input = { stageItemIds: [week2.id], targets: { spaceId: c.spaceId }, clearStage: true };
    expect((await preview(input)).items).toEqual([{ path: 'files/week2' }]);
    const pushed = await push(input);
    expect(pushed.items).toEqual([{ path: 'files/week2' }]);

    expect(await read(c.students[0].token, personal(0), 'files/week2/task.md')).toBe('Week 2');
    expect(await names(c.students[0].token, personal(0), 'files')).toEqual(['week2']);
    expect((await server.ok(STAGE, { s: source }, c.admin.token)).stage.map((s: StagedRow) => s.path)).toEqual(['files/old']);
  });

  it('refuses stage items that are not on the caller’s stage or mix sources, and creates nothing', async () => {
    const { c } = await course(1);
    await upload(server, c.admin.token, c.master, 'files/a.md', 'A');
    await upload(server, c.admin.token, c.distributed, 'files/b.md', 'B');
    const [fromMaster] = (await server.ok(ADD, { s: { workspaceId: c.master }, p: ['files/a.md'] }, c.admin.token)).addToStage;
    const [fromDistributed] = (await server.ok(ADD, { s: { workspaceId: c.distributed }, p: ['files/b.md'] }, c.admin.token)).addToStage;
    const before = await distributionCount(c);
    const targets = { spaceId: c.spaceId };

    const mixed = await server.gql(PUSH, { input: { stageItemIds: [fromMaster.id, fromDistributed.id], targets } }, c.admin.token);
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT');
    expect(mixed.errors![0].message).toMatch(/different sources/);
    const unknown = await server.gql(PUSH, { input: { stageItemIds: ['00000000-0000-4000-8000-000000000000'], targets } }, c.admin.token);
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors![0].message).toMatch(/00000000-0000-4000-8000-000000000000 is not on your stage/);
    const others = await server.gql(PUSH, { input: { stageItemIds: [fromMaster.id], targets } }, c.ta.token);
    expect(codeOf(others)).toBe('NOT_FOUND');
    const none = await server.gql(PUSH, { input: { stageItemIds: [], targets } }, c.admin.token);
    expect(codeOf(none)).toBe('BAD_USER_INPUT');

    expect(await distributionCount(c)).toBe(before);
    expect((await server.ok(STAGE, { s: { workspaceId: c.master } }, c.admin.token)).stage).toHaveLength(1);
  });

  it('MIRROR of one folder makes that folder equal to the pushed one and leaves the rest of files/ alone', async () => {
    const { c, personal, push } = await course(1);
    const student = c.students[0].token;
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Week 1');
    await upload(server, c.admin.token, c.master, 'files/week2/task.md', 'Week 2');
    await upload(server, c.admin.token, c.master, 'files/week2/hint.md', 'Hint');
    await push({ source: { workspaceId: c.master }, paths: ['files/week1', 'files/week2'], targets: { spaceId: c.spaceId } });
    await upload(server, student, personal(0), 'files/my-project/main.py', 'print(1)');
    await upload(server, student, personal(0), 'files/week2/notes.md', 'My notes');
    await server.ok('mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/week2/hint.md") { version } }', { w: c.master }, c.admin.token);

    await push({ source: { workspaceId: c.master }, paths: ['files/week2'], targets: { spaceId: c.spaceId }, policies: { default: 'MIRROR' } });
    expect(await names(student, personal(0), 'files')).toEqual(['my-project', 'week1', 'week2']);
    expect(await names(student, personal(0), 'files/week2')).toEqual(['task.md']);
    expect(await read(student, personal(0), 'files/my-project/main.py')).toBe('print(1)');

    // Staging the whole area mirrors the area.
    await push({ source: { workspaceId: c.master }, paths: ['files'], targets: { spaceId: c.spaceId }, policies: { default: 'MIRROR' } });
    expect(await names(student, personal(0), 'files')).toEqual(['week1', 'week2']);
  });

  it("lists each student's own edits a push would replace or remove apart from delivered entries", async () => {
    const { c, personal, push, preview, target } = await course(3);
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Task v1');
    await upload(server, c.admin.token, c.master, 'files/week1/data.csv', 'x\n1\n');
    await push({ source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId } });
    await upload(server, c.students[0].token, personal(0), 'files/week1/task.md', 'My answer');
    await upload(server, c.students[1].token, personal(1), 'files/week1/scratch.md', 'Mine');
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Task v2');
    const input = (policy: string) => ({ source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId }, policies: { default: policy } });

    const overwrite = await preview(input('OVERWRITE'));
    expect(overwrite.targetsLosingEdits).toBe(1);
    expect(target(overwrite, 0)).toMatchObject({ lostEditCount: 1, lostEdits: [{ path: 'files/week1/task.md', outcome: 'REPLACED', edited: true }], replacedDelivered: [] });
    expect(target(overwrite, 1)).toMatchObject({ lostEditCount: 0, lostEdits: [], replacedDelivered: [{ path: 'files/week1/task.md', outcome: 'REPLACED', edited: false }] });
    // Updating a delivered file the student left alone is not a conflict; replacing their edit is.
    expect([target(overwrite, 0).conflicts, target(overwrite, 1).conflicts]).toEqual([['files/week1/task.md'], []]);
    expect(overwrite.targetsWithConflicts).toBe(1);

    const mirror = await preview(input('MIRROR'));
    expect(mirror.targetsLosingEdits).toBe(2);
    expect(target(mirror, 1).lostEdits).toEqual([{ path: 'files/week1/scratch.md', outcome: 'REMOVED', edited: true }]);
    expect(target(mirror, 2)).toMatchObject({ lostEdits: [], replacedDelivered: [{ path: 'files/week1/task.md', outcome: 'REPLACED', edited: false }] });

    // PRESERVE_EDITS and KEEP_BOTH lose nothing.
    for (const policy of ['PRESERVE_EDITS', 'KEEP_BOTH']) expect((await preview(input(policy))).targetsLosingEdits).toBe(0);
  });

  it('targetList lists only the targets with the flags asked, a page at a time, as many as the summary counts', async () => {
    const { c, personal, push } = await course(4);
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Task v1');
    await push({ source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId } });
    await upload(server, c.students[1].token, personal(1), 'files/week1/task.md', 'My answer');
    await upload(server, c.students[3].token, personal(3), 'files/week1/task.md', 'Mine too');
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Task v2');
    const input = { source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId }, policies: { default: 'OVERWRITE' } };
    const LIST = `query($i: PushInput!, $only: [TargetPreviewFlag!], $first: Int, $after: String) { distributionPreview(input: $i) {
      targetCount targetsLosingEdits targetsChanging
      targetList(only: $only, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { workspace { id } lostEditCount } }
    } }`;
    const list = async (variables: Record<string, unknown>) => (await server.ok(LIST, { i: input, ...variables }, c.admin.token)).distributionPreview;

    const losing = await list({ only: ['LOSES_EDITS'], first: 1 });
    expect(losing).toMatchObject({ targetCount: 4, targetsLosingEdits: 2 });
    expect(losing.targetList).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ lostEditCount: 1 }] });
    const next = (await list({ only: ['LOSES_EDITS'], first: 1, after: losing.targetList.pageInfo.endCursor })).targetList;
    expect(next).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, nodes: [{ lostEditCount: 1 }] });
    expect([losing.targetList.nodes[0].workspace.id, next.nodes[0].workspace.id].sort()).toEqual([personal(1), personal(3)].sort());

    // Any of the flags: every target changes here, so CHANGES with LOSES_EDITS lists all four once each.
    const either = (await list({ only: ['LOSES_EDITS', 'CHANGES'] })).targetList;
    expect(either.totalCount).toBe(4);
    expect(either.nodes.map((n: { workspace: { id: string } }) => n.workspace.id).sort()).toEqual([0, 1, 2, 3].map(personal).sort());
    expect((await list({ only: ['UP_TO_DATE', 'FAILS'] })).targetList).toMatchObject({ totalCount: 0, nodes: [] });

    const empty = await server.gql(LIST, { i: input, only: [] }, c.admin.token);
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].message).toMatch(/only: name at least one flag/);
  });

  it('a student who joined after a push and left the material alone has no own edits to lose', async () => {
    const { c, push, preview } = await course(1);
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Task v1');
    await push({ source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId, includeFutureMembers: true } });
    const late = await createUser(server, 'Late Joiner');
    await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: c.spaceId, e: late.email }, c.admin.token);
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id kind ownerId } } }', { id: c.spaceId }, c.admin.token);
    const lateWorkspace = space.workspaces.find((w: { ownerId: string | null }) => w.ownerId === late.id).id;
    expect(await read(late.token, lateWorkspace, 'files/week1/task.md')).toBe('Task v1');
    await upload(server, late.token, lateWorkspace, 'files/week1/mine.md', 'My notes');
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Task v2');

    const mirror = await preview({ source: { workspaceId: c.master }, paths: ['files/week1'], targets: { workspaceIds: [lateWorkspace] }, policies: { default: 'MIRROR' } });
    expect(mirror.targets[0]).toMatchObject({
      lostEdits: [{ path: 'files/week1/mine.md', outcome: 'REMOVED', edited: true }],
      replacedDelivered: [{ path: 'files/week1/task.md', outcome: 'REPLACED', edited: false }],
    });
    // PRESERVE_EDITS updates the file they left alone instead of putting a copy beside it.
    await push({ source: { workspaceId: c.master }, paths: ['files/week1'], targets: { workspaceIds: [lateWorkspace] }, policies: { default: 'PRESERVE_EDITS' } });
    expect(await names(late.token, lateWorkspace, 'files/week1')).toEqual(['mine.md', 'task.md']);
    expect(await read(late.token, lateWorkspace, 'files/week1/task.md')).toBe('Task v2');
  });

  it('FAIL: an up-to-date target is up to date, not conflicting; a push that would change nothing says so', async () => {
    const { c, personal, push, preview, target } = await course(2);
    await upload(server, c.admin.token, c.master, 'files/week1/task.md', 'Task v1');
    await push({ source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId } });
    await upload(server, c.students[0].token, personal(0), 'files/week1/task.md', 'My answer');
    const input = { source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId }, policies: { default: 'FAIL' } };

    const failing = await preview(input);
    expect(target(failing, 0)).toMatchObject({ fails: true, upToDate: false, changes: false });
    expect(target(failing, 1)).toMatchObject({ fails: false, upToDate: true, changes: false, conflicts: [] });
    expect(failing).toMatchObject({ targetCount: 2, targetsWithConflicts: 1, targetsFailing: 1, targetsUpToDate: 1, targetsChanging: 0 });
    expect(failing.targetsLosingEdits).toBe(0);
  });
});
