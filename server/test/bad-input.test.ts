import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { codeOf, describeDb, errorOfResponse, startTestServer, type TestServer } from './support/test-server';

/** Bad input gets an error naming the problem, and the workspace head stays exactly as it was. */
describeDb('bad input changes nothing', () => {
  let server: TestServer;
  let course: TestCourse;
  let token: string;
  let ws: string;
  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: 1024 });
    course = await createCourse(server, 1);
    token = course.students[0].token;
    ws = course.personal.get(course.students[0].id)!;
    await upload(server, token, ws, 'files/existing.txt', 'keep me');
  });
  afterAll(() => server.stop());

  const badPaths: [string, RegExp][] = [
    ['files/a\\b', /contains '\\'/],
    ['files/../etc', /leaves the workspace|'\.\.'/],
    ['files/./x', /'\.'/],
    ['files//x', /empty/],
    ['/files/x', /absolute/],
    ['files/nul\u0000name', /control character/],
    ['files/bell\u0007', /control character/],
    [`files/${'é'.repeat(200)}`, /bytes long; the limit is 255/],
    ['elsewhere/x', /must start with one of/],
    ['files', /area/],
  ];

  it.each(badPaths)('createFolder %j is refused with a message naming the problem', async (path, message) => {
    const before = await headOf(server, token, ws);
    const result = await server.gql('mutation($w: ID!, $p: String!) { createFolder(workspaceId: $w, path: $p) { version } }', { w: ws, p: path }, token);
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(codeOf(result));
    expect(result.errors![0].message).toMatch(message);
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('uploads to a bad path are refused over HTTP and change nothing', async () => {
    const before = await headOf(server, token, ws);
    const res = await server.fetch(`/api/workspaces/${ws}/files/files/bad%5Cname.txt`, { method: 'PUT', token, body: 'x' });
    expect(res.status).toBe(400);
    expect((await errorOfResponse(res)).message).toMatch(/contains '\\'/);
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('two Unicode spellings of one name are one entry (NFC)', async () => {
    const nfc = 'files/caf\u00e9.txt';
    const nfd = 'files/cafe\u0301.txt';
    await upload(server, token, ws, nfc, 'first');
    await upload(server, token, ws, nfd, 'second');
    const { workspace } = await server.ok('query($w: ID!) { workspace(id: $w) { entries(path: "files") { nodes { name } } } }', { w: ws }, token);
    const cafes = workspace.entries.nodes.filter((n: { name: string }) => n.name.normalize('NFC') === 'café.txt');
    expect(cafes).toHaveLength(1);
    const text = await (await server.fetch(`/api/workspaces/${ws}/files/${encodeURI(nfc)}`, { token })).text();
    expect(text).toBe('second');
  });

  it('an upload over the size limit is refused with 413, whether or not it declares its length', async () => {
    const before = await headOf(server, token, ws);
    const declared = await upload(server, token, ws, 'files/big.bin', Buffer.alloc(2048, 1));
    expect(declared.status).toBe(413);
    expect((await errorOfResponse(declared)).message).toMatch(/larger than the limit of 1 KB per file: split or compress it/);
    const streamed = await server.fetch(`/api/workspaces/${ws}/files/files/big2.bin`, {
      method: 'PUT',
      token,
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(512));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('malformed CSV is refused naming the line', async () => {
    const before = await headOf(server, token, ws);
    const res = await server.fetch(`/api/workspaces/${ws}/tables/broken`, { method: 'POST', token, body: 'a,b\n1,2\n3,4,5\n' });
    expect(res.status).toBe(400);
    expect((await errorOfResponse(res)).message).toMatch(/line 3/);
    const types = await server.fetch(`/api/workspaces/${ws}/tables/typed?types=a:INTEGER`, { method: 'POST', token, body: 'a\n1\nx\n' });
    expect(types.status).toBe(400);
    expect((await errorOfResponse(types)).message).toMatch(/'a'.*INTEGER.*'x'|'x'/);
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('moving onto an existing path, or into itself, is refused', async () => {
    await upload(server, token, ws, 'files/dir/inner.txt', 'x');
    const before = await headOf(server, token, ws);
    const onto = await server.gql('mutation($w: ID!) { movePath(workspaceId: $w, from: "files/dir/inner.txt", to: "files/existing.txt") { version } }', { w: ws }, token);
    expect(codeOf(onto)).toBe('CONFLICT');
    expect(onto.errors![0].message).toMatch(/exists already/);
    const into = await server.gql('mutation($w: ID!) { movePath(workspaceId: $w, from: "files/dir", to: "files/dir/sub") { version } }', { w: ws }, token);
    expect(codeOf(into)).toBe('BAD_USER_INPUT');
    const across = await server.gql('mutation($w: ID!) { movePath(workspaceId: $w, from: "files/existing.txt", to: "tables/existing") { version } }', { w: ws }, token);
    expect(codeOf(across)).toBe('BAD_USER_INPUT');
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('a page size over 100 is refused', async () => {
    const result = await server.gql('query($w: ID!) { workspace(id: $w) { entries(path: "files", first: 101) { totalCount } } }', { w: ws }, token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/first must be between 1 and 100/);
  });
});
