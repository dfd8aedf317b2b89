import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { codeOf, describeDb, errorOfResponse, startTestServer, type TestServer } from './support/test-server';

/** Malformed requests are the client's mistake: 400 with a message saying what was wrong, never a 500. */
describeDb('malformed input is a 400', () => {
  let server: TestServer;
  let course: TestCourse;
  let token: string;
  let ws: string;
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 1);
    token = course.students[0].token;
    ws = course.personal.get(course.students[0].id)!;
    await upload(server, token, ws, 'files/existing.txt', 'keep me');
  });
  afterAll(() => server.stop());

  it.each([
    ['truncated JSON', '{"query": "{ me { id } }"'],
    ['not JSON at all', 'query { me { id } }'],
    ['a lone comma', ','],
  ])('%s sent to /graphql is a 400 saying the body is not JSON', async (_kind, body) => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    expect(res.status).toBe(400);
    const result = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(result.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(result.errors[0].message).toMatch(/not valid JSON/);
  });

  it.each([
    ['invalid UTF-8', () => `/api/workspaces/${ws}/files/files/%ff%fe`],
    ['an overlong encoding of /', () => `/api/workspaces/${ws}/files/files/..%c0%af..%c0%afetc`],
    ['%zz in the id', () => `/api/workspaces/%zz/files/files/existing.txt`],
    ['%zz in the path', () => `/api/workspaces/${ws}/files/files/a%zz`],
    ['an invalid escape in a table name', () => `/api/workspaces/${ws}/tables/%e2%82/csv`],
  ])('a URL with %s is a 400 naming the bad encoding', async (_kind, url) => {
    const res = await server.fetch(url(), { token });
    expect(res.status).toBe(400);
    const error = await errorOfResponse(res);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/percent-encoded|encoding/);
  });

  it('an upload to a badly encoded path is a 400 and changes nothing', async () => {
    const before = await headOf(server, token, ws);
    const res = await server.fetch(`/api/workspaces/${ws}/files/files/%c0%af.txt`, { method: 'PUT', token, body: 'x' });
    expect(res.status).toBe(400);
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('a file name with a right-to-left override is refused naming the character, over HTTP and GraphQL', async () => {
    const before = await headOf(server, token, ws);
    const res = await upload(server, token, ws, 'files/invoice\u202Efdp.exe', 'MZ');
    expect(res.status).toBe(400);
    expect((await errorOfResponse(res)).message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    const result = await server.gql('mutation($w: ID!, $p: String!) { createFolder(workspaceId: $w, path: $p) { version } }', { w: ws, p: 'files/a\u2067b' }, token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain('U+2067 RIGHT-TO-LEFT ISOLATE');
    const table = await server.fetch(`/api/workspaces/${ws}/tables/${encodeURIComponent('scores\u200B')}`, { method: 'POST', token, body: 'a\n1\n' });
    expect(table.status).toBe(400);
    expect((await errorOfResponse(table)).message).toContain('U+200B ZERO WIDTH SPACE');
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('display names with invisible format characters are refused naming the character', async () => {
    const space = await server.gql('mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }', { input: { name: 'Grades\u202Ecsv.exe', kind: 'COURSE' } }, token);
    expect(codeOf(space)).toBe('BAD_USER_INPUT');
    expect(space.errors![0].message).toBe('space name contains U+202E RIGHT-TO-LEFT OVERRIDE: invisible format characters can disguise a name');
    const signUp = await server.gql('mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: 'spoof@example.org', name: 'Admin\u200B', password: 'correct horse battery' },
    });
    expect(codeOf(signUp)).toBe('BAD_USER_INPUT');
    expect(signUp.errors![0].message).toContain('U+200B ZERO WIDTH SPACE');
    const { spaces } = await server.ok('{ spaces { nodes { name } } }', {}, token);
    expect(spaces.nodes.map((s: { name: string }) => s.name)).not.toContain('Grades\u202Ecsv.exe');
  });

  it.each(['%zz', '%ff%fe', '\u0000', 'x'.repeat(300), '\ud800'])('an id such as %j in GraphQL is refused as not found or bad input, not an internal error', async (id) => {
    for (const query of [
      'query($id: ID!) { workspace(id: $id) { id } }',
      'query($id: ID!) { distribution(id: $id) { id } }',
      'query($id: ID!) { space(id: $id) { id } }',
    ]) {
      const result = await server.gql(query, { id }, token);
      expect(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN']).toContain(codeOf(result));
    }
    // A lone surrogate has no UTF-8 form; its nearest spelling in a URL is the (invalid) three bytes of its code point.
    const encoded = /\p{Cs}/u.test(id) ? '%ED%A0%80' : encodeURIComponent(id);
    const res = await server.fetch(`/api/workspaces/${encoded}/files/files/a.txt`, { token });
    expect([400, 403, 404]).toContain(res.status);
  });
});
