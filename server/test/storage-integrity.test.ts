import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCourse, upload, type TestCourse } from './support/factories';
import { describeDb, startTestServer, type TestServer } from './support/test-server';

describeDb('storage integrity: damaged blobs are never served and can be repaired', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 1);
  });
  afterAll(() => server.stop());

  const blobPath = (id: string) => join(server.config.dataDir, 'blobs', id.slice(0, 2), id.slice(2, 4), id);
  const quarantined = () => {
    const dir = join(server.config.dataDir, 'blobs', 'quarantine');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  /** Downloads over HTTP; a cut connection shows as an error while reading the body. */
  async function download(path: string): Promise<{ status: number; etag: string | null; body: Buffer | null; error: unknown }> {
    const res = await server.fetch(`/api/workspaces/${course.master}/files/${path}`, { token: course.admin.token });
    try {
      return { status: res.status, etag: res.headers.get('etag'), body: Buffer.from(await res.arrayBuffer()), error: null };
    } catch (error) {
      return { status: res.status, etag: res.headers.get('etag'), body: null, error };
    }
  }

  it('cuts the download of a blob with a flipped byte, quarantines it, and takes the right bytes again', async () => {
    const content = Buffer.alloc(400_000, 'lecture notes ');
    const id = createHash('sha256').update(content).digest('hex');
    expect((await upload(server, course.admin.token, course.master, 'files/notes.txt', content)).status).toBe(201);
    const damaged = await readFile(blobPath(id));
    damaged[123_456] ^= 0x01;
    await writeFile(blobPath(id), damaged);

    const cut = await download('files/notes.txt');
    expect(cut.status).toBe(200);
    expect(cut.body).toBeNull();
    expect(String(cut.error)).toMatch(/terminated/);
    expect(quarantined()).toEqual([expect.stringContaining(id)]);
    expect(existsSync(blobPath(id))).toBe(false);

    // The same bytes uploaded again repair the blob; the path already pointed at it, so nothing changes in the workspace.
    const repair = await upload(server, course.admin.token, course.master, 'files/notes.txt', content);
    expect(repair.status).toBe(200);
    const good = await download('files/notes.txt');
    expect(good.error).toBeNull();
    expect(good.body!.equals(content)).toBe(true);
    expect(good.etag).toBe(`"${id}"`);
  });

  it('cuts the download of a truncated blob, and a re-upload before anyone read it replaces the damaged copy', async () => {
    const content = Buffer.alloc(200_000, 'data set ');
    const id = createHash('sha256').update(content).digest('hex');
    await upload(server, course.admin.token, course.master, 'files/data.bin', content);
    await truncate(blobPath(id), 150_000);
    const cut = await download('files/data.bin');
    expect(cut.body).toBeNull();
    expect(String(cut.error)).toMatch(/terminated/);

    await upload(server, course.admin.token, course.master, 'files/data.bin', content);
    await truncate(blobPath(id), 10);
    expect((await upload(server, course.admin.token, course.master, 'files/copy.bin', content)).status).toBe(201);
    const good = await download('files/data.bin');
    expect(good.body!.equals(content)).toBe(true);
  });
});
