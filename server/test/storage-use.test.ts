import { runQuota } from '../src/cli/quota';
import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { codeOf, describeDb, errorOfResponse, startTestServer, type TestServer } from './support/test-server';

const KB = 1024;
const USE = `query($w: ID!) { workspace(id: $w) { storageUse { logicalBytes exclusiveBytes quotaBytes } } }`;
const SPACE_USE = `query($s: ID!) { space(id: $s) { storageUse { logicalBytes exclusiveBytes quotaBytes } workspaces { name storageUse { logicalBytes exclusiveBytes } } } }`;

describeDb('storage use per space and workspace, and space quotas', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  let student: string;
  let personal: string;
  beforeAll(async () => {
    server = await startTestServer({ gcIntervalMs: 0 });
    course = await createCourse(server, 1);
    admin = course.admin.token;
    student = course.students[0].token;
    personal = course.personal.get(course.students[0].id)!;
  });
  afterAll(() => server.stop());

  const useOf = async (workspaceId: string, token = admin) => (await server.ok(USE, { w: workspaceId }, token)).workspace.storageUse;

  it('reports logical size and the bytes only each workspace and the space hold', async () => {
    await upload(server, admin, course.master, 'files/shared.bin', Buffer.alloc(4 * KB, 's'));
    await upload(server, admin, course.master, 'files/master-only.bin', Buffer.alloc(1 * KB, 'm'));
    await upload(server, student, personal, 'files/mine.bin', Buffer.alloc(2 * KB, 'p'));
    await upload(server, student, personal, 'files/copy-of-shared.bin', Buffer.alloc(4 * KB, 's'));

    expect(await useOf(course.master)).toEqual({ logicalBytes: 5 * KB, exclusiveBytes: 1 * KB, quotaBytes: null });
    expect(await useOf(personal, student)).toEqual({ logicalBytes: 6 * KB, exclusiveBytes: 2 * KB, quotaBytes: null });
    const { space } = await server.ok(SPACE_USE, { s: course.spaceId }, course.ta.token);
    expect(space.storageUse).toEqual({ logicalBytes: 11 * KB, exclusiveBytes: 7 * KB, quotaBytes: null });
    // Every workspace of the space, measured in the same request.
    const perWorkspace = space.workspaces.map((w: { storageUse: { logicalBytes: number; exclusiveBytes: number } }) => w.storageUse);
    expect(perWorkspace.reduce((sum: number, u: { logicalBytes: number }) => sum + u.logicalBytes, 0)).toBe(11 * KB);
    expect(perWorkspace).toEqual(expect.arrayContaining([{ logicalBytes: 5 * KB, exclusiveBytes: 1 * KB }, { logicalBytes: 6 * KB, exclusiveBytes: 2 * KB }]));

    // A snapshot keeps a deleted file: the current state shrinks, what only this history holds does not.
    await server.ok(`mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "before cleanup") { id } }`, { w: personal }, student);
    await server.ok(`mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/mine.bin") { version } }`, { w: personal }, student);
    expect(await useOf(personal, student)).toEqual({ logicalBytes: 4 * KB, exclusiveBytes: 2 * KB, quotaBytes: null });
  });

  it('shows a space’s storage to its staff only, and a workspace’s to whoever may read it', async () => {
    const denied = await server.gql(SPACE_USE, { s: course.spaceId }, student);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(USE, { w: course.master }, student))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(USE, { w: personal }, course.outsider.token))).toBe('NOT_FOUND');
    expect((await useOf(personal, course.ta.token)).logicalBytes).toBe(4 * KB);
  });

  it('refuses an upload and a push beyond the space quota with the numbers, and changes nothing', async () => {
    await upload(server, admin, course.master, 'files/week2/big.bin', Buffer.alloc(1 * KB, 'w'));
    const used = (await server.ok(SPACE_USE, { s: course.spaceId }, admin)).space.storageUse.logicalBytes;
    expect(used).toBe(10 * KB);
    const lines: string[] = [];
    expect(await runQuota(server.config, [course.spaceId, '11KB'], (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/may now hold 11 KB \(11264 bytes\)/)]);
    expect((await server.ok(SPACE_USE, { s: course.spaceId }, admin)).space.storageUse.quotaBytes).toBe(11 * KB);

    const before = await headOf(server, student, personal);
    const refused = await upload(server, student, personal, 'files/big.bin', Buffer.alloc(2 * KB, 'b'));
    expect(refused.status).toBe(409);
    const error = await errorOfResponse(refused);
    expect(error).toMatchObject({ code: 'CONFLICT', quotaBytes: 11 * KB, usedBytes: 10 * KB, wouldUseBytes: 12 * KB });
    expect(error.message).toBe(`space '${(await server.ok(`query($s: ID!) { space(id: $s) { name } }`, { s: course.spaceId }, admin)).space.name}' would use 12 KB of its 11 KB quota (now 10 KB); nothing was changed`);
    expect(await headOf(server, student, personal)).toEqual(before);

    // Within the quota still works.
    expect((await upload(server, student, personal, 'files/small.bin', Buffer.alloc(512, 'x'))).status).toBe(201);

    // A push whose targets together would cross it is refused before it starts, naming the numbers.
    const target = await headOf(server, admin, personal);
    const distributed = await headOf(server, admin, course.distributed);
    const push = await server.gql(
      `mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }`,
      { input: { source: { workspaceId: course.master }, paths: ['files/week2'], targets: { workspaceIds: [personal, course.distributed] } } },
      admin,
    );
    expect(codeOf(push)).toBe('CONFLICT');
    expect(push.errors![0].message).toMatch(/would use 12\.5 KB of its 11 KB quota \(now 10\.5 KB\); the push was not started$/);
    expect(push.errors![0].extensions).toMatchObject({ quotaBytes: 11 * KB, usedBytes: 10.5 * KB, wouldUseBytes: 12.5 * KB });
    const { distributions } = await server.ok(`query($s: ID!) { distributions(spaceId: $s) { nodes { id } } }`, { s: course.spaceId }, admin);
    expect(distributions.nodes).toEqual([]);
    expect(await headOf(server, admin, personal)).toEqual(target);
    expect(await headOf(server, admin, course.distributed)).toEqual(distributed);

    // Deleting is always allowed, and with no quota the upload goes through.
    expect((await server.gql(`mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/small.bin") { version } }`, { w: personal }, student)).errors).toBeUndefined();
    expect(await runQuota(server.config, [course.spaceId, 'none'], () => undefined)).toBe(0);
    expect((await upload(server, student, personal, 'files/big.bin', Buffer.alloc(2 * KB, 'b'))).status).toBe(201);
  });

  it("a space's admin sets and clears its quota through the API, audited; bad sizes and other roles are refused naming why and change nothing", async () => {
    const SET = `mutation($s: ID!, $b: Float) { setSpaceQuota(spaceId: $s, bytes: $b) { id storageUse { quotaBytes } } }`;
    const quotaNow = async () => (await server.ok(SPACE_USE, { s: course.spaceId }, admin)).space.storageUse.quotaBytes;
    const { setSpaceQuota } = await server.ok(SET, { s: course.spaceId, b: 40 * KB }, admin);
    expect(setSpaceQuota).toEqual({ id: course.spaceId, storageUse: { quotaBytes: 40 * KB } });

    for (const [bytes, message] of [
      [-1, 'a quota must be a whole number of bytes, 0 or more, not -1'],
      [1.5, 'a quota must be a whole number of bytes, 0 or more, not 1.5'],
    ] as const) {
      const res = await server.gql(SET, { s: course.spaceId, b: bytes }, admin);
      expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(codeOf(await server.gql(SET, { s: course.spaceId, b: null }, course.ta.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET, { s: course.spaceId, b: null }, student))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET, { s: course.spaceId, b: null }, course.outsider.token))).toBe('NOT_FOUND');
    expect(await quotaNow()).toBe(40 * KB);

    // The quota set through the API is the one uploads meet.
    const { space } = await server.ok(SPACE_USE, { s: course.spaceId }, admin);
    await server.ok(SET, { s: course.spaceId, b: space.storageUse.logicalBytes }, admin);
    const refused = await upload(server, student, personal, 'files/over.bin', Buffer.alloc(1 * KB, 'o'));
    expect(refused.status).toBe(409);

    expect((await server.ok(SET, { s: course.spaceId, b: null }, admin)).setSpaceQuota.storageUse.quotaBytes).toBeNull();
    expect((await upload(server, student, personal, 'files/over.bin', Buffer.alloc(1 * KB, 'o'))).status).toBe(201);
    const { auditEvents } = await server.ok(
      `query($s: ID!) { auditEvents(spaceId: $s, action: "space.quota-changed", first: 10) { nodes { actorId before after } } }`,
      { s: course.spaceId },
      admin,
    );
    expect(auditEvents.nodes.slice(0, 3)).toEqual([
      { actorId: course.admin.id, before: { quotaBytes: space.storageUse.logicalBytes }, after: { quotaBytes: null } },
      { actorId: course.admin.id, before: { quotaBytes: 40 * KB }, after: { quotaBytes: space.storageUse.logicalBytes } },
      { actorId: course.admin.id, before: { quotaBytes: null }, after: { quotaBytes: 40 * KB } },
    ]);
  });
});

describeDb('space quota met by a push between its start and its turn', () => {
  let server: TestServer;
  let course: TestCourse;
  // An API-only server runs no worker: a push stays queued until the test drains it.
  beforeAll(async () => {
    server = await startTestServer({ role: 'api', gcIntervalMs: 0 });
    course = await createCourse(server, 2);
  });
  afterAll(() => server.stop());

  it('a target whose space grew beyond the quota after the push was accepted fails with the numbers and is left unchanged; the other is applied', async () => {
    const admin = course.admin.token;
    const personal = course.students.map((s) => course.personal.get(s.id)!);
    await upload(server, admin, course.master, 'files/push/new.bin', Buffer.alloc(1 * KB, 'n'));
    const { space } = await server.ok(SPACE_USE, { s: course.spaceId }, admin);
    expect(space.storageUse.logicalBytes).toBe(1 * KB);
    // Exactly room for the push: 1 KB now, 1 KB more in each of two workspaces.
    await server.ok(`mutation($s: ID!, $b: Float) { setSpaceQuota(spaceId: $s, bytes: $b) { id } }`, { s: course.spaceId, b: 3 * KB }, admin);
    const { pushDistribution } = await server.ok(
      `mutation($input: PushInputType!) { pushDistribution(input: $input) { id status } }`,
      { input: { source: { workspaceId: course.master }, paths: ['files/push'], targets: { workspaceIds: personal } } },
      admin,
    );
    expect(pushDistribution.status).toBe('QUEUED');

    // Before the worker takes it, a student's upload (within the quota on its own) leaves room for one target only.
    expect((await upload(server, course.students[0].token, personal[0], 'files/mine.bin', Buffer.alloc(KB / 2, 'm'))).status).toBe(201);
    const before = await Promise.all(personal.map((w) => headOf(server, admin, w)));
    await server.app.services.worker.drain();

    const { distribution } = await server.ok(
      `query($id: ID!) { distribution(id: $id) { status targets { nodes { workspaceId status error } } } }`,
      { id: pushDistribution.id },
      admin,
    );
    expect(distribution.status).toBe('PARTIAL');
    const { name } = (await server.ok(`query($s: ID!) { space(id: $s) { name } }`, { s: course.spaceId }, admin)).space;
    const failed = distribution.targets.nodes.filter((t: { status: string }) => t.status !== 'SUCCEEDED');
    const applied = distribution.targets.nodes.filter((t: { status: string }) => t.status === 'SUCCEEDED');
    expect(applied).toHaveLength(1);
    expect(failed).toEqual([
      {
        workspaceId: expect.any(String),
        status: 'FAILED',
        error: `space '${name}' would use 3.5 KB of its 3 KB quota (now 2.5 KB); nothing was changed`,
      },
    ]);
    const index = (workspaceId: string) => personal.indexOf(workspaceId);
    expect(await headOf(server, admin, failed[0].workspaceId)).toEqual(before[index(failed[0].workspaceId)]);
    expect(await headOf(server, admin, applied[0].workspaceId)).not.toEqual(before[index(applied[0].workspaceId)]);
    const pushed = await server.fetch(`/api/workspaces/${applied[0].workspaceId}/files/files/push/new.bin`, { token: admin });
    expect(pushed.status).toBe(200);
    expect((await pushed.arrayBuffer()).byteLength).toBe(1 * KB);
    expect((await server.fetch(`/api/workspaces/${failed[0].workspaceId}/files/files/push/new.bin`, { token: admin })).status).toBe(404);
    expect((await server.ok(SPACE_USE, { s: course.spaceId }, admin)).space.storageUse.logicalBytes).toBe(2.5 * KB);
  });
});
