import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';

describeDb('workspaces: files, tables, applications, snapshots', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 1);
  });
  afterAll(() => server.stop());

  const list = (ws: string, path: string, token: string, snapshotId?: string) =>
    server.ok(
      `query($id: ID!, $p: String!, $s: ID) { workspace(id: $id) { entries(path: $p, snapshotId: $s) { totalCount nodes { name path kind size hash } } } }`,
      { id: ws, p: path, s: snapshotId ?? null },
      token,
    );

  it('uploads, lists, downloads and zips files over streaming HTTP', async () => {
    const t = course.admin.token;
    expect((await upload(server, t, course.master, 'files/week1/notes.md', '# Notes\n')).status).toBe(201);
    expect((await upload(server, t, course.master, 'files/week1/data/a.csv', 'x,y\n1,2\n')).status).toBe(201);
    const { workspace } = await list(course.master, 'files/week1', t);
    expect(workspace.entries.nodes.map((n: { path: string }) => n.path)).toEqual(['files/week1/data', 'files/week1/notes.md']);
    expect(workspace.entries.nodes[1]).toMatchObject({ kind: 'FILE', size: 8 });

    const download = await server.fetch(`/api/workspaces/${course.master}/files/files/week1/notes.md`, { token: t });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('# Notes\n');

    const zip = await server.fetch(`/api/workspaces/${course.master}/zip/files/week1`, { token: t });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('data/a.csv'))).toBe(true);
    expect(bytes.includes(Buffer.from('notes.md'))).toBe(true);
  });

  it('creates, moves and deletes through GraphQL, each a commit with an author', async () => {
    const t = course.admin.token;
    const before = await headOf(server, t, course.master);
    await server.ok(`mutation($w: ID!) { createFolder(workspaceId: $w, path: "files/week2") { version } }`, { w: course.master }, t);
    await server.ok(`mutation($w: ID!) { movePath(workspaceId: $w, from: "files/week1/notes.md", to: "files/week2/intro.md") { version } }`, { w: course.master }, t);
    const { deletePath } = await server.ok(`mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/week1/data") { version } }`, { w: course.master }, t);
    expect(deletePath.version).toBe(before.version + 3);
    const { workspace } = await list(course.master, 'files', t);
    expect(workspace.entries.nodes.map((n: { name: string }) => n.name)).toEqual(['week1', 'week2']);
    const { workspace: h } = await server.ok(
      `query($id: ID!) { workspace(id: $id) { history(first: 3) { nodes { version message author { name } } } } }`,
      { id: course.master },
      t,
    );
    expect(h.history.nodes.map((c: { message: string }) => c.message)).toEqual([
      'delete files/week1/data',
      'move files/week1/notes.md to files/week2/intro.md',
      'create folder files/week2',
    ]);
    expect(h.history.nodes[0].author.name).toBe('Admin');
  });

  it('refuses an edit on a stale version and leaves the head as it was', async () => {
    const t = course.admin.token;
    const head = await headOf(server, t, course.master);
    const stale = await server.gql(
      `mutation($w: ID!, $v: Int) { createFolder(workspaceId: $w, path: "files/stale", expectedVersion: $v) { version } }`,
      { w: course.master, v: head.version - 1 },
      t,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].message).toMatch(/was changed by Admin at .* UTC \(delete files\/week1\/data\) after you opened it/);
    expect(await headOf(server, t, course.master)).toEqual(head);
  });

  it('imports CSV as a typed table, pages rows, honours type overrides and exports CSV', async () => {
    const t = course.admin.token;
    const csv = 'city,year,temp,open\nOslo,2020,4.5,true\nLima,2021,19.25,false\nPune,,27.0,true\n';
    const res = await server.fetch(`/api/workspaces/${course.master}/tables/weather?types=year:STRING`, { method: 'POST', token: t, body: csv });
    expect(res.status).toBe(201);
    const { workspace } = await server.ok(
      `query($id: ID!) { workspace(id: $id) { table(path: "tables/weather", offset: 1, limit: 1) { rowCount columns { name type } rows } } }`,
      { id: course.master },
      t,
    );
    expect(workspace.table.columns).toEqual([
      { name: 'city', type: 'STRING' },
      { name: 'year', type: 'STRING' },
      { name: 'temp', type: 'FLOAT' },
      { name: 'open', type: 'BOOLEAN' },
    ]);
    expect(workspace.table.rowCount).toBe(3);
    expect(workspace.table.rows).toEqual([['Lima', '2021', 19.25, false]]);
    const exported = await server.fetch(`/api/workspaces/${course.master}/tables/weather/csv`, { token: t });
    expect(await exported.text()).toContain('Lima,2021,19.25,false');

    const retype = await server.gql(
      `mutation($w: ID!) { changeTableColumnTypes(workspaceId: $w, path: "tables/weather", columns: [{ name: "city", type: INTEGER }]) { version } }`,
      { w: course.master },
      t,
    );
    expect(codeOf(retype)).toBe('BAD_USER_INPUT');
    expect(retype.errors![0].message).toMatch(/city/);
  });

  it('validates application configurations, naming the field that is wrong', async () => {
    const t = course.admin.token;
    const config = {
      image: 'jupyter/scipy-notebook:2024-05-01',
      packages: [{ name: 'pandas', version: '2.2.2', manager: 'pip' }],
      environment: { TZ: 'UTC' },
      resources: { cpu: 1, memoryMiB: 2048, gpu: 0 },
      startCommand: ['start-notebook.sh'],
    };
    const saved = await server.ok(
      `mutation($w: ID!, $c: JSONObject!) { saveApplication(workspaceId: $w, name: "jupyter", config: $c) { path hash config } }`,
      { w: course.master, c: config },
      t,
    );
    expect(saved.saveApplication.path).toBe('applications/jupyter');
    expect(saved.saveApplication.config.resources.memoryMiB).toBe(2048);
    const head = await headOf(server, t, course.master);
    const bad = await server.gql(
      `mutation($w: ID!, $c: JSONObject!) { saveApplication(workspaceId: $w, name: "jupyter", config: $c) { path } }`,
      { w: course.master, c: { ...config, resources: { cpu: 1, memoryMiB: 10, gpu: 0 } } },
      t,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/resources\.memoryMiB/);
    expect(await headOf(server, t, course.master)).toEqual(head);
  });

  it('snapshots cost a pointer, browse like the current state, and restore with a backup', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/snap/keep.txt', 'v1');
    const { createSnapshot } = await server.ok(
      `mutation($w: ID!) { createSnapshot(workspaceId: $w, label: "before edits") { id label rootTreeId } }`,
      { w: course.master },
      t,
    );
    await upload(server, t, course.master, 'files/snap/keep.txt', 'v2');
    await upload(server, t, course.master, 'files/snap/new.txt', 'new');
    const inSnapshot = await list(course.master, 'files/snap', t, createSnapshot.id);
    expect(inSnapshot.workspace.entries.nodes.map((n: { name: string }) => n.name)).toEqual(['keep.txt']);
    const old = await server.fetch(`/api/workspaces/${course.master}/files/files/snap/keep.txt?snapshot=${createSnapshot.id}`, { token: t });
    expect(await old.text()).toBe('v1');

    const headBefore = await headOf(server, t, course.master);
    const { restoreSnapshot } = await server.ok(
      `mutation($id: ID!) { restoreSnapshot(id: $id) { workspace { rootTreeId } backup { label automatic rootTreeId } } }`,
      { id: createSnapshot.id },
      t,
    );
    expect(restoreSnapshot.workspace.rootTreeId).toBe(createSnapshot.rootTreeId);
    expect(restoreSnapshot.backup).toMatchObject({ automatic: true, rootTreeId: headBefore.rootTreeId });
    const now = await server.fetch(`/api/workspaces/${course.master}/files/files/snap/keep.txt`, { token: t });
    expect(await now.text()).toBe('v1');
  });

  it('reports object details with the commit of its last change', async () => {
    const t = course.admin.token;
    await upload(server, t, course.master, 'files/details/a.txt', 'alpha');
    await upload(server, t, course.master, 'files/details/b.txt', 'beta');
    const { workspace } = await server.ok(
      `query($id: ID!) { workspace(id: $id) { object(path: "files/details/a.txt") { kind size hash lastChange { message } } } }`,
      { id: course.master },
      t,
    );
    expect(workspace.object).toMatchObject({ kind: 'FILE', size: 5, lastChange: { message: 'upload files/details/a.txt' } });
    expect(workspace.object.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
