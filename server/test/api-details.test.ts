import http from 'node:http';
import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { describeDb, startTestServer, type TestServer } from './support/test-server';

const LIMIT = 5 * 1024 * 1024;
const DECLARED = 6 * 1024 ** 3;

interface EarlyAnswer {
  status: number;
  connection: string | undefined;
  body: { error: { code: string; message: string; limitBytes?: number } };
  /** Whether the server told the client to go on sending the body (100 Continue). */
  continued: boolean;
}

/**
 * Sends only the headers of a PUT declaring `length` bytes and waits for the
 * answer without ever sending the body: an answer at all proves it came
 * before the body.
 */
function headersOnlyPut(server: TestServer, path: string, token: string, length: number, extra: Record<string, string> = {}): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = http.request(`${server.url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-length': String(length), 'content-type': 'application/octet-stream', ...extra },
    });
    req.on('continue', () => {
      continued = true;
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, connection: res.headers.connection, body: JSON.parse(Buffer.concat(chunks).toString()), continued });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describeDb('API details: empty selections and early refusal of oversized uploads', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: LIMIT });
    course = await createCourse(server, 1);
  });
  afterAll(() => server.stop());

  it('markNotificationsRead(ids: []) marks nothing; leaving ids out marks every unread one', async () => {
    const admin = course.admin.token;
    const student = course.students[0].token;
    await upload(server, admin, course.master, 'files/week1/a.md', 'A');
    await server.ok('mutation($s: SourceInput!) { addToStage(source: $s, paths: ["files/week1"]) { path } }', { s: { workspaceId: course.master } }, admin);
    const { pushDistribution } = await server.ok(
      'mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }',
      { input: { source: { workspaceId: course.master }, targets: { spaceId: course.spaceId }, message: 'Week 1' } },
      admin,
    );
    await followDistribution(server, admin, pushDistribution.id);
    const unread = async () => (await server.ok('{ notifications(unreadOnly: true) { totalCount } }', {}, student)).notifications.totalCount as number;
    expect(await unread()).toBe(1);

    const none = await server.ok('mutation { markNotificationsRead(ids: []) }', {}, student);
    expect(none.markNotificationsRead).toBe(0);
    expect(await unread()).toBe(1);

    const all = await server.ok('mutation { markNotificationsRead }', {}, student);
    expect(all.markNotificationsRead).toBe(1);
    expect(await unread()).toBe(0);
  });

  it('an upload declaring more than the limit is answered 413 before its body is sent, naming the limit in MB and what to do', async () => {
    const ws = course.master;
    const before = await headOf(server, course.admin.token, ws);
    const answer = await headersOnlyPut(server, `/api/workspaces/${ws}/files/files/huge.bin`, course.admin.token, DECLARED);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(answer.body.error.code).toBe('BAD_USER_INPUT');
    expect(answer.body.error.message).toBe(
      'this upload is 6 GB, larger than the limit of 5 MB per file: split or compress it, or ask the administrator of this Stagecoach server to raise MAX_UPLOAD_BYTES',
    );
    expect(answer.body.error.limitBytes).toBe(LIMIT);
    expect(await headOf(server, course.admin.token, ws)).toEqual(before);
  });

  it('with Expect: 100-continue an oversized upload is never told to continue; one within the limit is', async () => {
    const ws = course.master;
    const refused = await headersOnlyPut(server, `/api/workspaces/${ws}/files/files/huge.bin`, course.admin.token, DECLARED, { expect: '100-continue' });
    expect(refused.status).toBe(413);
    expect(refused.continued).toBe(false);
    expect(refused.body.error.message).toMatch(/larger than the limit of 5 MB per file/);

    const feedback = await headersOnlyPut(server, `/api/assignments/any/feedback/any/files/huge.bin`, course.admin.token, DECLARED, { expect: '100-continue' });
    expect(feedback.status).toBe(413);
    expect(feedback.continued).toBe(false);

    const body = Buffer.from('small file');
    const accepted = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = http.request(`${server.url}/api/workspaces/${ws}/files/files/small.txt`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${course.admin.token}`, 'content-length': String(body.length), expect: '100-continue' },
      });
      req.on('continue', () => {
        continued = true;
        req.end(body);
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, continued }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(accepted).toEqual({ status: 201, continued: true });
  });
});
