import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }`;
const PREVIEW_RELEASE = `query($i: CreateAssignmentInput!) { previewAssignmentRelease(input: $i) {
  targetCount targetsWithConflicts policies { default }
  targets { workspace { id } counts { added replaced copied skipped } conflicts outcomes { path outcome copiedTo } } } }`;
const PREVIEW_REVERSAL = `query($id: ID!, $kind: ReversalKind!, $w: [ID!]) { previewReversal(id: $id, kind: $kind, workspaceIds: $w) {
  kind targetCount removedTotal targetsWithKept targets { workspace { id } removed removedCount kept changes } } }`;
const UNDO = 'mutation($id: ID!, $w: [ID!]) { undoDistribution(id: $id, workspaceIds: $w) { id kind } }';
const RETRACT = 'mutation($id: ID!, $w: [ID!]) { retractDistribution(id: $id, workspaceIds: $w) { id kind } }';

type Target = { workspace: { id: string } };

describeDb('release as a push; undo and retract that show what happened', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  const personal = (i: number) => course.personal.get(course.students[i].id)!;
  const student = (i: number) => course.students[i].token;
  const read = async (token: string, ws: string, path: string) => {
    const res = await server.fetch(`/api/workspaces/${ws}/files/${path}`, { token });
    return res.status === 200 ? res.text() : null;
  };
  const forTarget = (targets: Target[], i: number): Record<string, any> => targets.find((t) => t.workspace.id === personal(i))!;
  const pushAndWait = async (input: Record<string, unknown>, token = admin) => {
    const { pushDistribution } = await server.ok(PUSH, { input }, token);
    await followDistribution(server, token, pushDistribution.id);
    return pushDistribution.id as string;
  };
  const notificationsOf = async (i: number) =>
    (await server.ok('{ notifications(unreadOnly: true, first: 50) { nodes { kind title body distributionId } } }', {}, student(i))).notifications.nodes as {
      kind: string;
      title: string;
      body: string;
      distributionId: string;
    }[];

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
    admin = course.admin.token;
  });
  afterAll(() => server.stop());

  describe('releasing an assignment', () => {
    const assignmentInput = (policies?: Record<string, string>) => ({
      spaceId: course.spaceId,
      title: 'Lab 1',
      source: { workspaceId: course.master },
      paths: ['files/lab'],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      ...(policies ? { policies } : {}),
    });

    beforeAll(async () => {
      await upload(server, admin, course.master, 'files/lab/notes.md', 'Notes v1');
      await pushAndWait({ source: { workspaceId: course.master }, paths: ['files/lab'], targets: { spaceId: course.spaceId } });
      await upload(server, student(0), personal(0), 'files/lab/notes.md', 'My own notes');
      await upload(server, admin, course.master, 'files/lab/notes.md', 'Notes v2');
    });

    it('previews the release under the chosen policy without writing, naming the kept copy of an edited file', async () => {
      const before = await Promise.all([0, 1].map((i) => headOf(server, admin, personal(i))));
      const { previewAssignmentRelease: preserve } = await server.ok(PREVIEW_RELEASE, { i: assignmentInput() }, admin);
      expect(preserve.policies.default).toBe('PRESERVE_EDITS');
      expect(preserve.targetCount).toBe(3); // both students and the course's distributed workspace
      expect(forTarget(preserve.targets, 0).outcomes).toContainEqual({ path: 'files/lab/notes.md', outcome: 'COPIED', copiedTo: 'files/lab/notes (incoming).md' });
      expect(forTarget(preserve.targets, 0).conflicts).toEqual(['files/lab/notes.md']);
      expect(forTarget(preserve.targets, 1).counts).toMatchObject({ replaced: 1, copied: 0 });

      const { previewAssignmentRelease: overwrite } = await server.ok(PREVIEW_RELEASE, { i: assignmentInput({ default: 'OVERWRITE' }) }, admin);
      expect(forTarget(overwrite.targets, 0).counts).toMatchObject({ replaced: 1, copied: 0 });
      expect(await Promise.all([0, 1].map((i) => headOf(server, admin, personal(i))))).toEqual(before);

      const denied = await server.gql(PREVIEW_RELEASE, { i: assignmentInput() }, student(0));
      expect(codeOf(denied)).toBe('FORBIDDEN');
    });

    it('reports the outcome per student on the assignment and tells the student where the new version went', async () => {
      const { createAssignment } = await server.ok(
        'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id releasedAt distributionId policies { default } } }',
        { i: assignmentInput({ default: 'PRESERVE_EDITS' }) },
        admin,
      );
      expect(createAssignment.policies.default).toBe('PRESERVE_EDITS');
      // Released now means the push exists when the mutation answers: the page can show it at once.
      expect(createAssignment.releasedAt).not.toBeNull();
      const released = { assignment: { distributionId: createAssignment.distributionId as string } };
      expect(released.assignment.distributionId).toBeTruthy();
      await followDistribution(server, admin, released.assignment.distributionId);
      const { assignment } = await server.ok(
        `query($id: ID!) { assignment(id: $id) { release { id status policies { default }
          targets { nodes { workspace { id owner { name } } status outcomes { path outcome copiedTo } } } } } }`,
        { id: createAssignment.id },
        admin,
      );
      expect(assignment.release).toMatchObject({ id: released.assignment.distributionId, status: 'SUCCEEDED', policies: { default: 'PRESERVE_EDITS' } });
      const mine = forTarget(assignment.release.targets.nodes, 0);
      expect(mine.workspace.owner.name).toBe(course.students[0].name);
      expect(mine.outcomes).toContainEqual({ path: 'files/lab/notes.md', outcome: 'COPIED', copiedTo: 'files/lab/notes (incoming).md' });
      expect(forTarget(assignment.release.targets.nodes, 1).outcomes).toContainEqual({ path: 'files/lab/notes.md', outcome: 'REPLACED', copiedTo: null });
      expect(await read(student(0), personal(0), 'files/lab/notes.md')).toBe('My own notes');
      expect(await read(student(0), personal(0), 'files/lab/notes%20(incoming).md')).toBe('Notes v2');

      const note = (await notificationsOf(0)).find((n) => n.distributionId === released.assignment.distributionId)!;
      expect(note.body).toContain('Your version of files/lab/notes.md was kept; the new one is files/lab/notes (incoming).md.');

      const asStudent = await server.ok('query($id: ID!) { assignment(id: $id) { release { id } } }', { id: createAssignment.id }, student(0));
      expect(asStudent.assignment.release).toBeNull();
    });
  });

  describe('a scheduled release', () => {
    it('is previewed when scheduled, waits, and then pushes under the policy chosen then', async () => {
      await upload(server, admin, course.master, 'files/later/sheet.md', 'Sheet v1');
      await pushAndWait({ source: { workspaceId: course.master }, paths: ['files/later'], targets: { spaceId: course.spaceId } });
      await upload(server, student(0), personal(0), 'files/later/sheet.md', 'Sheet, my way');
      await upload(server, admin, course.master, 'files/later/sheet.md', 'Sheet v2');
      const releaseAt = new Date(Date.now() + 3_600_000);
      const input = {
        spaceId: course.spaceId,
        title: 'Later',
        source: { workspaceId: course.master },
        paths: ['files/later'],
        releaseAt: releaseAt.toISOString(),
        deadline: new Date(releaseAt.getTime() + 86_400_000).toISOString(),
        policies: { default: 'SKIP_EXISTING' },
      };
      const { previewAssignmentRelease } = await server.ok(PREVIEW_RELEASE, { i: input }, admin);
      expect(forTarget(previewAssignmentRelease.targets, 0).outcomes).toContainEqual({ path: 'files/later/sheet.md', outcome: 'SKIPPED', copiedTo: null });

      const { createAssignment } = await server.ok('mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id releasedAt release { id } } }', { i: input }, admin);
      expect(createAssignment).toMatchObject({ releasedAt: null, release: null });
      const again = await server.ok(
        'query($a: ID!) { previewScheduledRelease(assignmentId: $a) { policies { default } targets { workspace { id } outcomes { path outcome copiedTo } } } }',
        { a: createAssignment.id },
        admin,
      );
      expect(again.previewScheduledRelease.policies.default).toBe('SKIP_EXISTING');
      expect(forTarget(again.previewScheduledRelease.targets, 0).outcomes).toContainEqual({ path: 'files/later/sheet.md', outcome: 'SKIPPED', copiedTo: null });
      expect(codeOf(await server.gql('query($a: ID!) { previewScheduledRelease(assignmentId: $a) { targetCount } }', { a: createAssignment.id }, student(0)))).toBe('NOT_FOUND');
      // The running worker's own polls may hold the job's row for a moment (SKIP LOCKED): claim until it is ours.
      await waitFor(() => server.app.services.jobs.runDue(new Date(releaseAt.getTime() + 1000)), (n) => n > 0, 'the release, an hour later');
      const { assignment } = await server.ok('query($id: ID!) { assignment(id: $id) { releasedAt release { id policies { default } } } }', { id: createAssignment.id }, admin);
      expect(assignment.release.policies.default).toBe('SKIP_EXISTING');
      await followDistribution(server, admin, assignment.release.id);
      const released = await server.gql('query($a: ID!) { previewScheduledRelease(assignmentId: $a) { targetCount } }', { a: createAssignment.id }, admin);
      expect(codeOf(released)).toBe('CONFLICT');
      expect(await read(student(0), personal(0), 'files/later/sheet.md')).toBe('Sheet, my way');
      expect(await read(student(1), personal(1), 'files/later/sheet.md')).toBe('Sheet v1');
    });
  });

  describe('undo and retract', () => {
    let pushId: string;
    beforeAll(async () => {
      await upload(server, admin, course.master, 'files/unit/a.md', 'A');
      await upload(server, admin, course.master, 'files/unit/b.md', 'B');
      pushId = await pushAndWait({ source: { workspaceId: course.master }, paths: ['files/unit'], targets: { spaceId: course.spaceId } });
      await upload(server, student(1), personal(1), 'files/unit/a.md', 'A, edited by the student');
    });

    it('previews an undo and a retraction per target: what goes and what the student changed that stays', async () => {
      const before = await Promise.all([0, 1].map((i) => headOf(server, admin, personal(i))));
      const { previewReversal: undo } = await server.ok(PREVIEW_REVERSAL, { id: pushId, kind: 'UNDO' }, admin);
      expect(undo).toMatchObject({ kind: 'UNDO', targetCount: 2, targetsWithKept: 1 });
      expect(forTarget(undo.targets, 0)).toMatchObject({ removed: ['files/unit'], kept: [], changes: true });
      expect(forTarget(undo.targets, 1)).toMatchObject({ removed: ['files/unit/b.md'], kept: ['files/unit/a.md'], changes: true });
      const { previewReversal: retract } = await server.ok(PREVIEW_REVERSAL, { id: pushId, kind: 'RETRACT', w: [personal(1)] }, admin);
      expect(retract).toMatchObject({ kind: 'RETRACT', targetCount: 1, removedTotal: 1 });
      expect(retract.targets[0]).toMatchObject({ removed: ['files/unit/b.md'], kept: ['files/unit/a.md'] });
      expect(await Promise.all([0, 1].map((i) => headOf(server, admin, personal(i))))).toEqual(before);
      expect(codeOf(await server.gql(PREVIEW_REVERSAL, { id: pushId, kind: 'UNDO' }, student(0)))).toBe('NOT_FOUND');
    });

    it('undoes one target, then the rest; the push shows who undid it and when; a third undo is refused naming the earlier one', async () => {
      const { undoDistribution: first } = await server.ok(UNDO, { id: pushId, w: [personal(0)] }, admin);
      await followDistribution(server, admin, first.id);
      const again = await server.gql(UNDO, { id: pushId, w: [personal(0)] }, admin);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toContain(`already undone by ${course.admin.name}`);
      expect(again.errors![0].message).toContain(rawId(first.id));

      const { undoDistribution: rest } = await server.ok(UNDO, { id: pushId }, admin);
      const final = (await followDistribution(server, admin, rest.id)).at(-1)!;
      expect(final.counts).toMatchObject({ total: 1, succeeded: 1 });
      expect(await read(admin, personal(1), 'files/unit/a.md')).toBe('A, edited by the student');
      expect(await read(admin, personal(1), 'files/unit/b.md')).toBeNull();

      const { distribution } = await server.ok(
        'query($id: ID!) { distribution(id: $id) { undoneAt undoneBy { name } reversals { id kind createdAt createdBy { name } } } }',
        { id: pushId },
        admin,
      );
      expect(distribution.undoneBy.name).toBe(course.admin.name);
      expect(distribution.reversals.map((r: { id: string }) => r.id)).toEqual([first.id, rest.id]);
      expect(distribution.undoneAt).toBe(distribution.reversals[0].createdAt);
      expect(distribution.reversals[0]).toMatchObject({ kind: 'UNDO', createdBy: { name: course.admin.name } });

      for (const op of [UNDO, RETRACT]) {
        const refused = await server.gql(op, { id: pushId }, admin);
        expect(codeOf(refused)).toBe('CONFLICT');
        expect(refused.errors![0].message).toMatch(/already undone by .* \(undo [0-9a-f-]{36}\); it cannot be (undone|retracted) again/);
      }
      expect(codeOf(await server.gql(PREVIEW_REVERSAL, { id: pushId, kind: 'UNDO' }, admin))).toBe('CONFLICT');
    });

    it('tells each student that material was taken back, and what of theirs was kept', async () => {
      const { distribution } = await server.ok('query($id: ID!) { distribution(id: $id) { reversals { id } } }', { id: pushId }, admin);
      const [first, rest] = distribution.reversals.map((r: { id: string }) => r.id);
      const zero = (await notificationsOf(0)).find((n) => n.distributionId === first)!;
      expect(zero).toMatchObject({ kind: 'DISTRIBUTION_TAKEN_BACK' });
      expect(zero.title).toBe(`${course.admin.name} took back files/unit`);
      expect(zero.body).toBe('Your workspace was put back as it was before that delivery: 1 path changed back.');
      const one = (await notificationsOf(1)).find((n) => n.distributionId === rest)!;
      expect(one.body).toContain('You had changed files/unit/a.md: kept as they are.');
    });

    it('retraction tells students too and is refused the second time', async () => {
      await upload(server, admin, course.master, 'files/oops/key.md', 'Answers');
      const id = await pushAndWait({ source: { workspaceId: course.master }, paths: ['files/oops'], targets: { spaceId: course.spaceId } });
      const { retractDistribution } = await server.ok(RETRACT, { id }, admin);
      await followDistribution(server, admin, retractDistribution.id);
      expect(await read(admin, personal(0), 'files/oops/key.md')).toBeNull();
      const note = (await notificationsOf(0)).find((n) => n.distributionId === retractDistribution.id)!;
      expect(note).toMatchObject({
        kind: 'DISTRIBUTION_TAKEN_BACK',
        title: `${course.admin.name} took back files/oops`,
        body: 'What was sent to you was taken back: 1 path removed from your workspace.',
      });
      const again = await server.gql(RETRACT, { id }, admin);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toContain(`already retracted by ${course.admin.name}`);
    });
  });

  describe('retry', () => {
    it('previews the failed targets under another policy, then retries with it', async () => {
      await upload(server, student(0), personal(0), 'files/retry/a.md', 'mine');
      await upload(server, admin, course.master, 'files/retry/a.md', 'theirs');
      const id = await pushAndWait({ source: { workspaceId: course.master }, paths: ['files/retry'], targets: { spaceId: course.spaceId }, policies: { default: 'FAIL' } });
      const { previewRetry } = await server.ok(
        'query($id: ID!, $p: PoliciesInput) { previewRetry(id: $id, policies: $p) { targetCount policies { default } targets { workspace { id } counts { copied } outcomes { path outcome copiedTo } } } }',
        { id, p: { default: 'KEEP_BOTH' } },
        admin,
      );
      expect(previewRetry).toMatchObject({ targetCount: 1, policies: { default: 'KEEP_BOTH' } });
      expect(previewRetry.targets[0].workspace.id).toBe(personal(0));
      expect(previewRetry.targets[0].outcomes).toContainEqual({ path: 'files/retry/a.md', outcome: 'COPIED', copiedTo: 'files/retry/a (incoming).md' });

      const { retryDistribution } = await server.ok('mutation($id: ID!, $p: PoliciesInput) { retryDistribution(id: $id, policies: $p) { status policies { default } } }', { id, p: { default: 'KEEP_BOTH' } }, admin);
      expect(retryDistribution).toMatchObject({ status: 'QUEUED', policies: { default: 'KEEP_BOTH' } });
      const final = (await followDistribution(server, admin, id)).at(-1)!;
      expect(final).toMatchObject({ distribution: { status: 'SUCCEEDED' }, counts: { succeeded: 2, conflict: 0 } });
      expect(await read(student(0), personal(0), 'files/retry/a.md')).toBe('mine');
      expect(await read(student(0), personal(0), 'files/retry/a%20(incoming).md')).toBe('theirs');

      const { undoDistribution } = await server.ok(UNDO, { id }, admin);
      await followDistribution(server, admin, undoDistribution.id);
      const wrong = await server.gql('mutation($id: ID!) { retryDistribution(id: $id, policies: { default: OVERWRITE }) { id } }', { id: undoDistribution.id }, admin);
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
      expect(codeOf(await server.gql('query($id: ID!) { previewRetry(id: $id) { targetCount } }', { id: undoDistribution.id }, admin))).toBe('BAD_USER_INPUT');
    });
  });
});
