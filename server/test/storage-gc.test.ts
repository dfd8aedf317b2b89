import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runFsck } from '../src/cli/fsck';
import { runGc } from '../src/cli/gc';
import { GarbageCollector } from '../src/modules/storage/garbage-collector';
import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';

const HOUR = 3_600_000;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describeDb('storage: fsck and garbage collection', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeEach(async () => {
    server = await startTestServer({ gcGraceMs: HOUR, gcIntervalMs: 0 });
    course = await createCourse(server, 1);
  });
  afterEach(() => server.stop());

  const blobPath = (id: string) => join(server.config.dataDir, 'blobs', id.slice(0, 2), id.slice(2, 4), id);
  const treeExists = async (id: string) =>
    ((await server.app.db.manager.query('SELECT id FROM tree WHERE id = ?', [id])) as unknown[]).length === 1;
  const fsckOf = async (historyRetentionDays = server.config.historyRetentionDays) => {
    const lines: string[] = [];
    const code = await runFsck({ ...server.config, historyRetentionDays }, (line) => lines.push(line));
    return { code, lines };
  };
  /** A collector that keeps the history for an hour: collections two hours on may sweep old versions. */
  const collectorKeepingAnHour = () =>
    new GarbageCollector(server.app.db, server.app.services.workspaces.store.trees, server.app.services.blobs, {
      graceMs: HOUR,
      intervalMs: 0,
      holder: 'test',
      historyRetentionDays: 1 / 24,
    });
  /** The history kept by fsck after such a collection two hours on: none of this test's versions. */
  const NO_HISTORY = 1e-9;
  const folderHash = async (workspaceId: string, path: string, name: string, snapshotId: string | null = null) => {
    const { workspace } = await server.ok(
      `query($id: ID!, $p: String!, $s: ID) { workspace(id: $id) { entries(path: $p, snapshotId: $s) { nodes { name hash } } } }`,
      { id: workspaceId, p: path, s: snapshotId },
      course.admin.token,
    );
    return workspace.entries.nodes.find((n: { name: string }) => n.name === name).hash as string;
  };

  it('fsck exits 0 on a sound store and 1 naming each damaged blob, missing blob and missing tree', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/week1/notes.md', '# Notes\n');
    await upload(server, t, course.master, 'files/week1/data.csv', 'x,y\n1,2\n');
    await upload(server, t, course.master, 'files/readme.txt', 'read me');
    await server.ok(`mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "v1") { id } }`, { w: course.master }, t);
    const clean = await fsckOf();
    expect(clean.lines.at(-1)).toBe('fsck: no problems found');
    expect(clean.code).toBe(0);

    const notes = sha256('# Notes\n');
    const bytes = await readFile(blobPath(notes));
    bytes[2] ^= 0x20;
    await writeFile(blobPath(notes), bytes);
    await unlink(blobPath(sha256('read me')));
    const week1 = await folderHash(course.master, 'files', 'week1');
    await server.app.db.manager.query('DELETE FROM tree WHERE id = ?', [week1]);

    const damaged = await fsckOf();
    expect(damaged.code).toBe(1);
    const problems = damaged.lines.filter((l) => l.startsWith('fsck: PROBLEM'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`blob ${notes} is damaged \\(its 8 bytes hash to [0-9a-f]{64}\\): version \\d+ of workspace '.*' at 'files/week1/notes.md'`)),
        expect.stringMatching(new RegExp(`blob ${sha256('read me')} is missing: head of workspace '.*' at 'files/readme.txt'`)),
        expect.stringMatching(new RegExp(`tree ${week1} is missing: head of workspace '.*' at 'files/week1'`)),
      ]),
    );
    expect(damaged.lines.at(-1)).toBe(`fsck: ${problems.length} problem(s) found`);
    // fsck reports; it moves nothing.
    expect(existsSync(blobPath(notes))).toBe(true);
  });

  it('sweeps unreferenced content and versions older than the history kept, past the grace period, never what is referenced or young', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/keep/kept.txt', 'kept');
    await upload(server, t, course.master, 'files/old/gone.txt', 'only in the snapshot');
    const { createSnapshot } = await server.ok(`mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "before") { id } }`, { w: course.master }, t);
    const oldFolder = await folderHash(course.master, 'files', 'old');
    const keepFolder = await folderHash(course.master, 'files', 'keep');
    await server.ok(`mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/old") { version } }`, { w: course.master }, t);
    await server.ok(`mutation($id: ID!) { deleteSnapshot(id: $id) }`, { id: createSnapshot.id }, t);
    // Content a write stored but never committed (an upload refused at the head swap, or cut by a crash).
    await server.app.services.blobs.putBuffer('refused bytes');
    expect(existsSync(blobPath(sha256('refused bytes')))).toBe(true);

    // The old version is history only; with a history kept for an hour, two hours later it may go.
    const gc = collectorKeepingAnHour();
    const young = await gc.collect();
    expect(young).toMatchObject({ ran: true, treesSwept: 0, blobsSwept: 0 });
    expect(existsSync(blobPath(sha256('refused bytes')))).toBe(true);

    const later = new Date(Date.now() + 2 * HOUR);
    // An upload in flight: stored, not yet committed anywhere, and written within the grace period of `later`.
    await server.app.services.blobs.putBuffer('in flight');
    const inFlight = blobPath(sha256('in flight'));
    await utimes(inFlight, new Date(later.getTime() - 60_000), new Date(later.getTime() - 60_000));

    const swept = await gc.collect(later);
    expect(swept).toMatchObject({ ran: true, blobsSwept: 2, bytesFreed: 'refused bytes'.length + 'only in the snapshot'.length });
    if (!swept.ran) throw new Error('unreachable');
    expect(swept.treesSwept).toBeGreaterThanOrEqual(1);
    expect(existsSync(blobPath(sha256('refused bytes')))).toBe(false);
    expect(existsSync(blobPath(sha256('only in the snapshot')))).toBe(false);
    expect(await treeExists(oldFolder)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
    expect(await treeExists(keepFolder)).toBe(true);
    expect(existsSync(blobPath(sha256('kept')))).toBe(true);

    const download = await server.fetch(`/api/workspaces/${course.master}/files/files/keep/kept.txt`, { token: t });
    expect(await download.text()).toBe('kept');
    const { workspace } = await server.ok(`query($id: ID!) { workspace(id: $id) { history(first: 10) { totalCount } } }`, { id: course.master }, t);
    expect(workspace.history.totalCount).toBeGreaterThan(3);
    expect((await fsckOf(NO_HISTORY)).code).toBe(0);
  });

  it('keeps every version the history lists by default: a replaced file can still be opened after a collection', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/draft.txt', 'first draft');
    const first = await headOf(server, t, course.master);
    await upload(server, t, course.master, 'files/draft.txt', 'second draft');
    const swept = await server.app.services.gc.collect(new Date(Date.now() + 48 * HOUR));
    expect(swept).toMatchObject({ ran: true, blobsSwept: 0 });
    expect(existsSync(blobPath(sha256('first draft')))).toBe(true);
    const { workspace } = await server.ok(`query($id: ID!) { workspace(id: $id) { history(first: 10) { nodes { id version } } } }`, { id: course.master }, t);
    const version = (workspace.history.nodes as { id: string; version: number }[]).find((c) => c.version === first.version)!;
    const { createSnapshot } = await server.ok(
      `mutation($w: ID!, $c: ID!) { createSnapshot(workspaceId: $w, label: "first", commitId: $c) { id } }`,
      { w: course.master, c: version.id },
      t,
    );
    const download = await server.fetch(`/api/workspaces/${course.master}/files/files/draft.txt?snapshot=${createSnapshot.id}`, { token: t });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('first draft');
    expect((await fsckOf()).code).toBe(0);
  });
  it('keeps the material of an assignment released later, after its source folder was deleted', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/hw9/task.md', 'Homework 9');
    const folder = await folderHash(course.master, 'files', 'hw9');
    await server.ok(
      `mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`,
      {
        i: {
          spaceId: course.spaceId,
          title: 'Homework 9',
          source: { workspaceId: course.master },
          paths: ['files/hw9'],
          releaseAt: new Date(Date.now() + 48 * HOUR).toISOString(),
          deadline: new Date(Date.now() + 72 * HOUR).toISOString(),
          timeZone: 'Europe/Zurich',
        },
      },
      t,
    );
    await server.ok(`mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/hw9") { version } }`, { w: course.master }, t);
    expect(await server.app.services.gc.collect(new Date(Date.now() + 2 * HOUR))).toMatchObject({ ran: true });
    expect(await treeExists(folder)).toBe(true);
    expect(existsSync(blobPath(sha256('Homework 9')))).toBe(true);
    expect((await fsckOf()).code).toBe(0);
  });

  it('keeps what a bundle holds, and sweeps it once the bundle is deleted', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/bundled/data.csv', 'x,y\n1,2\n');
    const source = { workspaceId: course.master };
    await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/bundled"]) { path } }', { s: source }, t);
    const { saveBundle } = await server.ok('mutation($s: SourceInput!) { saveBundle(source: $s, name: "kept material") { id } }', { s: source }, t);
    await server.ok(`mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/bundled") { version } }`, { w: course.master }, t);
    const gc = collectorKeepingAnHour();
    expect(await gc.collect(new Date(Date.now() + 2 * HOUR))).toMatchObject({ ran: true, blobsSwept: 0 });
    expect(existsSync(blobPath(sha256('x,y\n1,2\n')))).toBe(true);

    await server.ok('mutation($id: ID!) { deleteBundle(id: $id) }', { id: saveBundle.id }, t);
    expect(await gc.collect(new Date(Date.now() + 2 * HOUR))).toMatchObject({ ran: true, blobsSwept: 1 });
    expect(existsSync(blobPath(sha256('x,y\n1,2\n')))).toBe(false);
    expect((await fsckOf(NO_HISTORY)).code).toBe(0);
  });

  it('keeps an old unreferenced blob and tree that a change uses again, and lets one of two collectors run at a time', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/again/a.txt', 'again');
    const folder = await folderHash(course.master, 'files', 'again');
    await server.ok(`mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/again") { version } }`, { w: course.master }, t);
    // Unreferenced and long unseen; then the same content comes back, writing the same tree and blob again.
    const longAgo = new Date(Date.now() - 5 * HOUR);
    await server.app.db.manager.query('UPDATE tree SET seenAt = 0 WHERE id = ?', [folder]);
    await utimes(blobPath(sha256('again')), longAgo, longAgo);
    expect((await upload(server, t, course.master, 'files/again/a.txt', 'again')).status).toBe(201);
    expect(await folderHash(course.master, 'files', 'again')).toBe(folder);
    const [{ seenAt }] = await server.app.db.manager.query('SELECT seenAt FROM tree WHERE id = ?', [folder]);
    expect(Number(seenAt)).toBeGreaterThan(Date.now() - HOUR);
    expect((await stat(blobPath(sha256('again')))).mtimeMs).toBeGreaterThan(Date.now() - HOUR);

    const { db, trees, blobs } = server.app.services;
    const first = new GarbageCollector(db, trees, blobs, { graceMs: HOUR, intervalMs: 0, holder: 'first' });
    const second = new GarbageCollector(db, trees, blobs, { graceMs: HOUR, intervalMs: 0, holder: 'second' });
    const later = new Date(Date.now() + 2 * HOUR);
    const reports = await Promise.all([first.collect(later), second.collect(later)]);
    expect(reports.filter((r) => r.ran)).toHaveLength(1);
    expect(reports.find((r) => !r.ran)).toEqual({ ran: false, reason: expect.stringMatching(/another collector \((first|second)\) is running/) });
    expect(await treeExists(folder)).toBe(true);
    expect(existsSync(blobPath(sha256('again')))).toBe(true);

    // The lease is released: the command runs now, and the store is sound.
    const lines: string[] = [];
    expect(await runGc(server.config, (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toMatch(/^gc: swept 0 trees and 0 blobs/);
    expect((await fsckOf()).code).toBe(0);
  });
});

describeDb('storage: the worker collects garbage on its schedule', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    // No grace, so the refused upload is garbage at once; only refused uploads happen while it runs.
    server = await startTestServer({ gcGraceMs: 0, gcIntervalMs: 200 });
    course = await createCourse(server, 1);
  });
  afterAll(() => server.stop());

  it('sweeps a refused upload without anyone running the command', async () => {
    const t = course.admin.token;
    const head = await headOf(server, t, course.master);
    const refused = await upload(server, t, course.master, 'files/late.txt', 'refused on a stale version', `?expectedVersion=${head.version + 5}`);
    expect(refused.status).toBe(409);
    const path = join(server.config.dataDir, 'blobs', ...[0, 2].map((i) => sha256('refused on a stale version').slice(i, i + 2)), sha256('refused on a stale version'));
    await waitFor(async () => existsSync(path), (exists) => !exists, 'the worker to sweep the refused upload');
    const [lease] = await server.app.db.manager.query(`SELECT lastFinishedAt FROM maintenance_lease WHERE name = 'gc'`);
    expect(lease.lastFinishedAt).not.toBeNull();
  });
});
