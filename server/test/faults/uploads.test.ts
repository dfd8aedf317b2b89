import net from 'node:net';
import { createCourse, headOf, type TestCourse } from '../support/factories';
import { getFile } from '../support/crowd';
import { describeDb, startTestServer, type TestServer } from '../support/test-server';
import { openTempFiles, partFiles, startRawUpload } from '../support/uploads';
import { waitFor } from '../support/wait';

/**
 * Uploads under faults, through the real HTTP endpoint of an in-process
 * server (so its open files are this process's /proc/self/fd): cut mid-body,
 * gone silent, or slow but steady; and connections that idle.
 */
const REQUEST_TIMEOUT_MS = 1_000;
const HEADERS_TIMEOUT_MS = 1_000;
const KEEP_ALIVE_TIMEOUT_MS = 500;

describeDb('uploads and connections under faults', () => {
  let server: TestServer;
  let course: TestCourse;
  let dataDir: string;
  beforeAll(async () => {
    server = await startTestServer({
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      headersTimeoutMs: HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
    });
    dataDir = server.config.dataDir;
    course = await createCourse(server, 1);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** The upload has reached the blob store: its temporary file exists. */
  const reachedStore = () => waitFor(async () => partFiles(dataDir).length, (n) => n === 1, 'the upload to reach the blob store');

  const nothingLeft = () =>
    waitFor(
      async () => ({ parts: partFiles(dataDir), open: openTempFiles('self', dataDir) }),
      (s) => s.parts.length === 0 && s.open.length === 0,
      'the temporary file to be removed and closed',
      5_000,
    );

  it('an upload cut mid-body leaves no temporary file, no open descriptor and no change', async () => {
    const before = await headOf(server, course.admin.token, course.master);
    const upload = startRawUpload(server.url, course.master, 'files/cut.bin', course.admin.token, 1024 * 1024);
    await upload.send(Buffer.alloc(64 * 1024, 1));
    await reachedStore();
    upload.abort();
    expect(await upload.response).toHaveProperty('error');
    await nothingLeft();
    expect(await getFile(server, course.admin.token, course.master, 'files/cut.bin')).toBeNull();
    expect(await headOf(server, course.admin.token, course.master)).toEqual(before);
  });

  it(`an upload silent for longer than REQUEST_TIMEOUT_MS is cut and leaves nothing behind`, async () => {
    const before = await headOf(server, course.admin.token, course.master);
    const upload = startRawUpload(server.url, course.master, 'files/silent.bin', course.admin.token, 1024 * 1024);
    await upload.send(Buffer.alloc(64 * 1024, 2));
    await reachedStore();
    const started = Date.now();
    // The client now sends nothing more; the server must give up on its own.
    const answer = await upload.response;
    const waited = Date.now() - started;
    expect(answer).toHaveProperty('error');
    expect(waited).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(waited).toBeLessThan(REQUEST_TIMEOUT_MS + 5_000);
    await nothingLeft();
    expect(await getFile(server, course.admin.token, course.master, 'files/silent.bin')).toBeNull();
    expect(await headOf(server, course.admin.token, course.master)).toEqual(before);
  });

  it('a slow upload that never goes silent is not cut however long it takes', async () => {
    // Node checks its whole-request limit every 30 s: the upload outlasts one check by far.
    const chunks = 140;
    const chunk = Buffer.alloc(4 * 1024, 3);
    const upload = startRawUpload(server.url, course.master, 'files/slow.bin', course.admin.token, chunks * chunk.length);
    const started = Date.now();
    for (let i = 0; i < chunks; i++) {
      await upload.send(chunk);
      // The pace is the scenario (a slow link), well inside the idle limit.
      await new Promise((resolve) => setTimeout(resolve, REQUEST_TIMEOUT_MS / 4));
    }
    upload.finish();
    const answer = await upload.response;
    expect(Date.now() - started).toBeGreaterThan(30 * REQUEST_TIMEOUT_MS);
    expect(answer).toMatchObject({ status: 201 });
    const stored = await server.fetch(`/api/workspaces/${course.master}/files/files/slow.bin`, { token: course.admin.token });
    expect(Buffer.from(await stored.arrayBuffer()).equals(Buffer.alloc(chunks * chunk.length, 3))).toBe(true);
    expect(partFiles(dataDir)).toEqual([]);
  }, 90_000);

  const closedWithin = (socket: net.Socket) =>
    new Promise<number>((resolve) => {
      const started = Date.now();
      socket.on('error', () => undefined);
      socket.once('close', () => resolve(Date.now() - started));
    });

  it('a connection that never sends a request is closed after HEADERS_TIMEOUT_MS', async () => {
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const waited = await closedWithin(socket);
    expect(waited).toBeLessThan(HEADERS_TIMEOUT_MS + 3_000);
  });

  it('an idle keep-alive connection is closed after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const answered = new Promise<string>((resolve) => socket.once('data', (data) => resolve(String(data))));
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);
    const waited = await closedWithin(socket);
    expect(waited).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + 2_000);
  });
});
