import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runFsck } from '../src/cli/fsck';
import { runGc } from '../src/cli/gc';
import { S3BlobStore } from '../src/core/storage/s3-blob-store';
import { startS3Server, type TestS3Server } from '../src/core/storage/__tests__/s3-server';
import { digestOf } from './support/bytes';
import { createCourse, fileUrl, upload } from './support/factories';
import { followDistribution } from './support/progress';
import { describeDb, startTestServer, type TestServer } from './support/test-server';

const HOUR = 3_600_000;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }`;

describeDb('object storage: the whole server on an S3-compatible bucket', () => {
  let s3: TestS3Server;
  let server: TestServer;
  let prefix: string;
  let run = 0;

  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(() => s3?.stop());

  beforeEach(async () => {
    prefix = `app-${++run}`;
    server = await startTestServer({ blobStore: s3.config(prefix), gcGraceMs: HOUR, gcIntervalMs: 0 });
  });
  afterEach(() => server.stop());

  const objectOf = (id: string) => s3.objectPath(`${prefix}/${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`);

  it('uploads to the bucket, downloads whole and in ranges, and pushes to every student', async () => {
    const c = await createCourse(server, 2);
    const t = c.admin.token;
    const content = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256));
    expect((await upload(server, t, c.master, 'files/week1/data.bin', content)).status).toBeLessThan(300);
    expect(server.app.services.blobs).toBeInstanceOf(S3BlobStore);
    // The bytes are in the bucket under their hash, and nothing in the data folder.
    expect(digestOf(await readFile(objectOf(sha256(content))))).toEqual(digestOf(content));
    expect(existsSync(join(server.config.dataDir, 'blobs'))).toBe(false);

    const whole = await server.fetch(fileUrl(c.master, 'files/week1/data.bin'), { token: t });
    expect(whole.status).toBe(200);
    expect(digestOf(await whole.arrayBuffer())).toEqual(digestOf(content));
    const part = await server.fetch(fileUrl(c.master, 'files/week1/data.bin'), { token: t, headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(content.subarray(1000, 2000));

    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: c.master }, paths: ['files/week1'], targets: { spaceId: c.spaceId } } }, t);
    const events = await followDistribution(server, t, pushDistribution.id);
    expect(events.at(-1)!.distribution.status).toBe('SUCCEEDED');
    for (const student of c.students) {
      const res = await server.fetch(fileUrl(c.personal.get(student.id)!, 'files/week1/data.bin'), { token: student.token });
      expect(res.status).toBe(200);
      expect(digestOf(await res.arrayBuffer())).toEqual(digestOf(content));
    }
  });

  it('collects unreferenced blobs from the bucket past the grace period, and fsck hashes what is there', async () => {
    const c = await createCourse(server, 1);
    const t = c.admin.token;
    await upload(server, t, c.master, 'files/notes.md', 'first draft');
    await upload(server, t, c.master, 'files/notes.md', 'second draft');
    await upload(server, t, c.master, 'files/other.md', 'other');
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);

    // The first draft is referenced by the workspace's history only: with no history kept, it goes once old enough.
    const config = { ...server.config, historyRetentionDays: 1e-9 };
    expect(await runGc(config, out)).toBe(0);
    expect(lines.at(-1)).toMatch(/swept \d+ trees and 0 blobs/);
    const past = new Date(Date.now() - 2 * HOUR);
    await utimes(objectOf(sha256('first draft')), past, past);
    await utimes(objectOf(sha256('second draft')), past, past);
    expect(await runGc(config, out)).toBe(0);
    expect(lines.at(-1)).toMatch(/swept \d+ trees and 1 blobs \(11 bytes\)/);
    expect(existsSync(objectOf(sha256('first draft')))).toBe(false);
    expect(existsSync(objectOf(sha256('second draft')))).toBe(true);

    lines.length = 0;
    expect(await runFsck(config, out)).toBe(0);
    expect(lines).toContain('fsck: no problems found');

    const damaged = objectOf(sha256('second draft'));
    const bytes = await readFile(damaged);
    bytes[0] ^= 0x20;
    await writeFile(damaged, bytes);
    await rm(`${damaged}.md5`, { force: true });
    await rm(objectOf(sha256('other')));
    lines.length = 0;
    expect(await runFsck(config, out)).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`PROBLEM blob ${sha256('second draft')} is damaged \\(its 12 bytes hash to [0-9a-f]{64}\\): head of workspace .* at 'files/notes.md'`)),
        expect.stringMatching(new RegExp(`PROBLEM blob ${sha256('other')} is missing: head of workspace .* at 'files/other.md'`)),
      ]),
    );
  });
});
