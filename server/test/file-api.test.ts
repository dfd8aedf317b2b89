import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import * as yazl from 'yazl';
import { createCourse, fileUrl, headOf, upload, type TestCourse } from './support/factories';
import { describeDb, startTestServer, type TestServer } from './support/test-server';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A zip of `files` (path → content) and empty `folders`. */
async function zipOf(files: Record<string, string | Buffer>, folders: string[] = [], compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const folder of folders) zip.addEmptyDirectory(folder);
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name, { compress });
  zip.end();
  return collect(zip.outputStream);
}

/** A tar of entries as tar-stream writes them (type 'file' unless given). */
async function tarOf(entries: { name: string; content?: string; type?: 'file' | 'directory' | 'symlink'; linkname?: string }[]): Promise<Buffer> {
  const pack = tar.pack();
  const done = collect(pack as unknown as NodeJS.ReadableStream);
  for (const entry of entries) {
    const content = entry.content ?? '';
    if (entry.type && entry.type !== 'file') pack.entry({ name: entry.name, type: entry.type, linkname: entry.linkname, size: 0 });
    else pack.entry({ name: entry.name, type: 'file', size: Buffer.byteLength(content) }, content);
  }
  pack.finalize();
  return done;
}

/** yazl (rightly) refuses hostile names; a harmless one of the same length is renamed in the bytes. */
function renamedInZip(zip: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  return Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1');
}

type Json = Record<string, any>;

describeDb('the file API', () => {
  let server: TestServer;
  let course: TestCourse;
  let token: string;
  let ws: string;
  const post = (path: string, body: Buffer, type: string, headers: Record<string, string> = {}) =>
    server.fetch(fileUrl(ws, path), { method: 'POST', token, headers: { 'content-type': type, ...headers }, body: new Uint8Array(body) });

  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: 4 * 1024 * 1024 });
    course = await createCourse(server, 1);
    token = course.admin.token;
    ws = course.master;
  });
  afterAll(() => server.stop());

  it('stores a file at the short address and answers with its content hash, size and the new version', async () => {
    const before = await headOf(server, token, ws);
    const res = await upload(server, token, ws, 'files/data/week 1.csv', 'a,b\n1,2\n');
    expect(res.status).toBe(201);
    expect(fileUrl(ws, 'files/data/week 1.csv')).toBe(`/api/workspaces/${ws}/files/data/week%201.csv`);
    expect(await res.json()).toEqual({ version: before.version + 1, path: 'files/data/week 1.csv', changed: true, contentHash: sha256('a,b\n1,2\n'), size: 8 });
  });

  it('serves a file with its media type and ETag, and 304 when the client has it', async () => {
    const res = await server.fetch(fileUrl(ws, 'files/data/week 1.csv'), { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('etag')).toBe(`"${sha256('a,b\n1,2\n')}"`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await res.text()).toBe('a,b\n1,2\n');
    const again = await server.fetch(fileUrl(ws, 'files/data/week 1.csv'), { token, headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await upload(server, token, ws, 'files/data/page.html', '<script>alert(1)</script>');
    const html = await server.fetch(fileUrl(ws, 'files/data/page.html'), { token });
    // Shown as what it is, but never rendered by the API's origin.
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it('serves one byte range with 206, a range past the end with 416, and the whole file when If-Range is stale', async () => {
    const content = '0123456789abcdef';
    await upload(server, token, ws, 'files/range.txt', content);
    const part = await server.fetch(fileUrl(ws, 'files/range.txt'), { token, headers: { range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-5/${content.length}`);
    expect(await part.text()).toBe('2345');
    const tail = await server.fetch(fileUrl(ws, 'files/range.txt'), { token, headers: { range: 'bytes=-3' } });
    expect(await tail.text()).toBe('def');
    const past = await server.fetch(fileUrl(ws, 'files/range.txt'), { token, headers: { range: 'bytes=100-200' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${content.length}`);
    expect(((await past.json()) as Json).error.message).toBe(`the range bytes=100-200 lies outside the file's ${content.length} bytes`);
    const stale = await server.fetch(fileUrl(ws, 'files/range.txt'), { token, headers: { range: 'bytes=2-5', 'if-range': '"not-the-etag"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(content);
  });

  it('redirects a download at the old address (the area named again) and still takes writes there, marked deprecated', async () => {
    const old = await server.fetch(`/api/workspaces/${ws}/files/files/range.txt?x=1`, { token, redirect: 'manual' });
    expect(old.status).toBe(308);
    expect(old.headers.get('location')).toBe(`/api/workspaces/${ws}/files/range.txt?x=1`);
    const write = await server.fetch(`/api/workspaces/${ws}/files/files/old-form.txt`, { method: 'PUT', token, body: 'old' });
    expect(write.status).toBe(201);
    expect(write.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(write.headers.get('link')).toBe(`</api/workspaces/${ws}/files/old-form.txt>; rel="successor-version"`);
    expect(await (await server.fetch(fileUrl(ws, 'files/old-form.txt'), { token })).text()).toBe('old');
    // A top-level folder that really is called "tables" is reached with ?literal.
    expect((await server.fetch(`/api/workspaces/${ws}/files/tables/t.txt?literal`, { method: 'PUT', token, body: 't' })).status).toBe(201);
    const literal = await server.fetch(`/api/workspaces/${ws}/files/tables/t.txt?literal`, { token });
    expect(await literal.text()).toBe('t');
  });

  it('deletes a file, refusing a stale If-Match and leaving everything as it was', async () => {
    await upload(server, token, ws, 'files/gone.txt', 'bye');
    const { version } = await headOf(server, token, ws);
    const stale = await server.fetch(fileUrl(ws, 'files/gone.txt'), { method: 'DELETE', token, headers: { 'if-match': `"${version - 1}"` } });
    expect(stale.status).toBe(409);
    expect((await headOf(server, token, ws)).version).toBe(version);
    const gone = await server.fetch(fileUrl(ws, 'files/gone.txt'), { method: 'DELETE', token, headers: { 'if-match': `"${version}"` } });
    expect(gone.status).toBe(200);
    expect(await gone.json()).toEqual({ version: version + 1, path: 'files/gone.txt', changed: true });
    const missing = await server.fetch(fileUrl(ws, 'files/gone.txt'), { token });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).error.code).toBe('NOT_FOUND');
  });

  it('reads, writes and deletes tables and applications at their own addresses', async () => {
    const imported = await server.fetch(`/api/workspaces/${ws}/tables/grades`, { method: 'POST', token, headers: { 'content-type': 'text/csv' }, body: 'name,points\nada,3\n' });
    expect(imported.status).toBe(201);
    const csv = await server.fetch(`/api/workspaces/${ws}/tables/grades`, { token });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toMatch(/^name,points\r?\nada,3/);
    const config = { image: 'jupyter/base-notebook:2024-05-01', packages: [], environment: {}, resources: { cpu: 1, memoryMiB: 512, gpu: 0 }, startCommand: ['jupyter', 'lab'], ports: [8888] };
    const saved = await server.fetch(`/api/workspaces/${ws}/applications/lab`, { method: 'PUT', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
    expect([200, 201]).toContain(saved.status);
    const app = await server.fetch(`/api/workspaces/${ws}/applications/lab`, { token });
    expect(((await app.json()) as Json).config).toMatchObject(config);
    const again = await server.fetch(`/api/workspaces/${ws}/applications/lab`, { token, headers: { 'if-none-match': app.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await server.fetch(`/api/workspaces/${ws}/tables/grades`, { method: 'DELETE', token })).status).toBe(200);
    expect((await server.fetch(`/api/workspaces/${ws}/tables/grades`, { token })).status).toBe(404);
  });

  it('answers an unknown endpoint with a JSON error naming it', async () => {
    const res = await server.fetch('/api/nothing/here?x=1', { token });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: "there is no endpoint GET /api/nothing/here; the README's HTTP API section lists them" } });
  });

  it('unpacks a zip of 1,000 files into a folder as one commit, and again changes nothing', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`part${i % 10}/file${i}.txt`] = `content ${i}\n`;
    const zip = await zipOf(files, ['empty/']);
    const before = await headOf(server, token, ws);
    const res = await post('files/bulk', zip, 'application/zip');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ version: before.version + 1, path: 'files/bulk', changed: true, files: 1000, folders: 1, bytes: Object.values(files).reduce((n, c) => n + c.length, 0), added: 1000, replaced: 0, unchanged: 0 });
    const history = await server.ok(`query($id: ID!) { workspace(id: $id) { history(first: 2) { nodes { version message } } } }`, { id: ws }, token);
    expect(history.workspace.history.nodes[0]).toEqual({ version: before.version + 1, message: 'unpack 1000 file(s) into files/bulk' });
    expect(await (await server.fetch(fileUrl(ws, 'files/bulk/part7/file537.txt'), { token })).text()).toBe('content 537\n');
    const listing = await server.ok(`query($id: ID!) { workspace(id: $id) { entries(path: "files/bulk") { nodes { name kind } } } }`, { id: ws }, token);
    expect(listing.workspace.entries.nodes).toContainEqual({ name: 'empty', kind: 'DIRECTORY' });
    const again = await post('files/bulk', zip, 'application/zip');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ version: before.version + 1, changed: false, unchanged: 1000, added: 0 });
  }, 180_000);

  it('refuses to replace files that exist when asked with If-None-Match, naming them', async () => {
    const { version } = await headOf(server, token, ws);
    const res = await post('files/bulk', await zipOf({ 'part1/file1.txt': 'other' }), 'application/zip', { 'if-none-match': '*' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).error.message).toBe("1 of the archive's files exist already ('files/bulk/part1/file1.txt'); unpack without If-None-Match to replace them");
    expect((await headOf(server, token, ws)).version).toBe(version);
  });

  it('unpacks a tar and a gzipped tar, with the ./ prefix tar writes', async () => {
    const entries = [{ name: './', type: 'directory' as const }, { name: './notes/a.md', content: '# A' }, { name: './b.txt', content: 'b' }];
    const plain = await post('files/from-tar', await tarOf(entries), 'application/x-tar');
    expect(plain.status).toBe(201);
    expect(await plain.json()).toMatchObject({ files: 2, added: 2 });
    const gz = await post('files/from-tgz', gzipSync(await tarOf(entries)), 'application/gzip');
    expect(gz.status).toBe(201);
    expect(await (await server.fetch(fileUrl(ws, 'files/from-tgz/notes/a.md'), { token })).text()).toBe('# A');
  });

  describe('hostile and broken archives change nothing', () => {
    const refused: [string, () => Promise<[Buffer, string]>, RegExp][] = [
      ['an entry leaving the folder (zip slip)', async () => [renamedInZip(await zipOf({ 'ok.txt': 'a', 'AA/evil.txt': 'x' }), 'AA/evil.txt', '../evil.txt'), 'application/zip'], /archive entry: path '\.\.\/evil\.txt' leaves the workspace|invalid relative path/],
      ['an absolute entry', async () => [renamedInZip(await zipOf({ 'Aetc/passwd': 'x' }), 'Aetc/passwd', '/etc/passwd'), 'application/zip'], /absolute/],
      ['a tar entry leaving the folder', async () => [await tarOf([{ name: '../../evil.txt', content: 'x' }]), 'application/x-tar'], /leaves the workspace/],
      ['a symbolic link', async () => [await tarOf([{ name: 'link', type: 'symlink', linkname: '/etc/passwd' }]), 'application/x-tar'], /archive entry 'link' is a symlink; only files and folders can be unpacked/],
      ['the same name twice', async () => [await tarOf([{ name: 'a.txt', content: '1' }, { name: 'a.txt', content: '2' }]), 'application/x-tar'], /archive entry 'a\.txt' appears twice/],
      ['a file where a folder is', async () => [await tarOf([{ name: 'x', content: '1' }, { name: 'x/y', content: '2' }]), 'application/x-tar'], /archive entry 'x' is a file, and other entries are inside a folder of that name/],
      ['a right-to-left override in a name', async () => [await zipOf({ 'report\u202Efdp.exe': 'x' }), 'application/zip'], /U\+202E/],
      ['bytes that are no zip', async () => [Buffer.from('this is not a zip file at all, just text'), 'application/zip'], /the upload is not a readable zip/],
      ['an archive with nothing in it', async () => [await tarOf([]), 'application/x-tar'], /the archive holds no files or folders/],
      ['files adding up to more than the upload limit', async () => [await zipOf({ 'a.bin': Buffer.alloc(3 * 1024 * 1024), 'b.bin': Buffer.alloc(3 * 1024 * 1024, 1) }), 'application/zip'], /the archive's files add up to more than the limit of 4 MB/],
      ['a type that is no archive', async () => [Buffer.from('x'), 'text/plain'], /needs the Content-Type of a zip \(application\/zip\), a tar \(application\/x-tar\) or a gzipped tar \(application\/gzip\); 'text\/plain' is none of them/],
    ];
    it.each(refused)('%s', async (_what, make, message) => {
      const { version } = await headOf(server, token, ws);
      const [body, type] = await make();
      const res = await post('files/hostile', body, type);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(((await res.json()) as Json).error.message).toMatch(message);
      expect((await headOf(server, token, ws)).version).toBe(version);
    });

    it('more than 20,000 entries, refused before any is stored', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i <= 20_000; i++) files[`f${i}`] = '';
      const { version } = await headOf(server, token, ws);
      const res = await post('files/many', await zipOf(files, [], false), 'application/zip');
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).error.message).toBe('the archive holds more than 20000 files and folders; split it into smaller ones');
      expect((await headOf(server, token, ws)).version).toBe(version);
    }, 180_000);
  });

  it('lets a student unpack only into a workspace they may change', async () => {
    const student = course.students[0]!;
    const res = await server.fetch(fileUrl(ws, 'files/x'), { method: 'POST', token: student.token, headers: { 'content-type': 'application/zip' }, body: new Uint8Array(await zipOf({ 'a.txt': 'a' })) });
    expect([403, 404]).toContain(res.status);
  });
});
