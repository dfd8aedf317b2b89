import { createCourse, headOf, type TestCourse } from './support/factories';
import { describeDb, errorOfResponse, startTestServer, type TestServer } from './support/test-server';

const INTEGRATOR = 'https://lms.example.org';
const FOREIGN = 'https://evil.example.net';

/**
 * A page on another site can make a browser send the session cookie with a
 * "simple" request (text/plain, a form, multipart) that needs no preflight.
 * Such writes are refused unless they come from an allowed origin; calls with
 * a bearer token are unaffected.
 */
describeDb('cross-site request forgery and CORS', () => {
  let server: TestServer;
  let course: TestCourse;
  let token: string;
  let ws: string;
  const csv = 'Name,Score\nAda,3\n';
  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: [INTEGRATOR] });
    course = await createCourse(server, 1);
    token = course.students[0].token;
    ws = course.personal.get(course.students[0].id)!;
  });
  afterAll(() => server.stop());

  const cookie = () => `stagecoach_session=${token}`;
  const postTable = (name: string, headers: Record<string, string>, body: RequestInit['body'] = csv) =>
    fetch(`${server.url}/api/workspaces/${ws}/tables/${name}`, { method: 'POST', headers, body });

  const simpleBodies: [string, () => { headers: Record<string, string>; body: RequestInit['body'] }][] = [
    ['text/plain', () => ({ headers: { 'content-type': 'text/plain' }, body: csv })],
    ['a form', () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Name,Score%0AAda,3' })],
    [
      'multipart',
      () => {
        const form = new FormData();
        form.append('file', new Blob([csv], { type: 'text/csv' }), 'scores.csv');
        return { headers: {}, body: form };
      },
    ],
  ];

  it.each(simpleBodies)('a cookie-authenticated %s POST from a foreign Origin is refused with 403 and creates nothing', async (_kind, make) => {
    const before = await headOf(server, token, ws);
    const { headers, body } = make();
    const res = await postTable('forged', { ...headers, cookie: cookie(), origin: FOREIGN }, body);
    expect(res.status).toBe(403);
    const error = await errorOfResponse(res);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain(FOREIGN);
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('a cookie-authenticated upload with no Origin and no preflight header is refused', async () => {
    const before = await headOf(server, token, ws);
    const res = await fetch(`${server.url}/api/workspaces/${ws}/files/files/forged.txt`, { method: 'PUT', headers: { cookie: cookie() }, body: 'x' });
    expect(res.status).toBe(403);
    expect((await errorOfResponse(res)).message).toMatch(/Origin/);
    expect(await headOf(server, token, ws)).toEqual(before);
  });

  it('a cookie-authenticated POST from the dashboard through its proxy, a listed origin or the API itself is accepted', async () => {
    const viaProxy = await postTable('from_dashboard', { cookie: cookie(), origin: 'http://127.0.0.1:3999', 'x-forwarded-host': '127.0.0.1:3999', 'content-type': 'text/plain' });
    expect(viaProxy.status).toBe(201);
    const listed = await postTable('from_lms', { cookie: cookie(), origin: INTEGRATOR, 'content-type': 'text/plain' });
    expect(listed.status).toBe(201);
    const sameOrigin = await postTable('same_origin', { cookie: cookie(), origin: server.url, 'content-type': 'text/plain' });
    expect(sameOrigin.status).toBe(201);
    const { workspace } = await server.ok('query($w: ID!) { workspace(id: $w) { entries(path: "tables") { nodes { name } } } }', { w: ws }, token);
    expect(workspace.entries.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['from_dashboard', 'from_lms', 'same_origin']);
  });

  it('a cookie-authenticated GraphQL mutation from a foreign Origin is refused', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie(), origin: FOREIGN },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    // The session still works: the forged logout did not happen.
    expect((await server.ok('{ me { id } }', {}, token)).me.id).toBe(course.students[0].id);
  });

  it('bearer-authenticated calls are unaffected by a foreign Origin', async () => {
    const res = await postTable('with_token', { authorization: `Bearer ${token}`, origin: FOREIGN, 'content-type': 'text/plain' });
    expect(res.status).toBe(201);
  });

  it('a CORS preflight from a listed origin is answered with its origin; a foreign one gets no CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/workspaces/${ws}/tables/x`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const listed = await preflight(INTEGRATOR);
    expect(listed.status).toBeLessThan(300);
    expect(listed.headers.get('access-control-allow-origin')).toBe(INTEGRATOR);
    expect(listed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(listed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const foreign = await preflight(FOREIGN);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
