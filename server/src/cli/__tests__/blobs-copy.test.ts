import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { LocalBlobStore } from '../../core/storage/local-blob-store';
import { createS3Client, S3BlobStore } from '../../core/storage/s3-blob-store';
import { startS3Server, type TestS3Server } from '../../core/storage/__tests__/s3-server';
import { runBlobsCopy } from '../blobs-copy';

let s3: TestS3Server;
let dataDir: string;
let run = 0;

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.stop());
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'blobs-copy-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

function configFor(prefix: string) {
  return loadConfig({
    DATA_DIR: dataDir,
    BLOB_STORE: `s3://${s3.bucket}/${prefix}`,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  });
}

async function copy(prefix: string, args: string[] = []) {
  const lines: string[] = [];
  const code = await runBlobsCopy(configFor(prefix), args, (line) => lines.push(line));
  return { code, lines };
}

async function bucketIds(prefix: string): Promise<string[]> {
  const store = new S3BlobStore(createS3Client(s3.config(prefix)), { bucket: s3.bucket, prefix });
  const ids: string[] = [];
  for await (const id of store.list()) ids.push(id);
  store.client.destroy();
  return ids.sort();
}

describe('npm run blobs:copy', () => {
  it('copies every sound blob into the bucket, reports a damaged one not copied, and a second run copies nothing', async () => {
    const prefix = `copy-${++run}`;
    const local = new LocalBlobStore(join(dataDir, 'blobs'));
    const sound = await Promise.all(['one', 'two', 'three', Buffer.alloc(300_000, 'big')].map((c) => local.putBuffer(c)));
    const { id: damaged } = await local.putBuffer('will be damaged');
    const damagedPath = join(dataDir, 'blobs', damaged.slice(0, 2), damaged.slice(2, 4), damaged);
    const bytes = await readFile(damagedPath);
    bytes[0] ^= 0xff;
    await writeFile(damagedPath, bytes);

    const first = await copy(prefix);
    expect(first.code).toBe(1);
    expect(first.lines[0]).toBe(`blobs:copy: from ${join(dataDir, 'blobs')} to s3://${s3.bucket}/${prefix}/`);
    expect(first.lines).toContain('blobs:copy: done: 5/5 blobs: 4 copied (293 KB), 0 already there, 1 not copied');
    expect(first.lines.at(-1)).toMatch(new RegExp(`^blobs:copy: NOT COPIED ${damaged}: damaged in .* \\(its 15 bytes hash to [0-9a-f]{64}\\)`));
    expect(await bucketIds(prefix)).toEqual(sound.map((r) => r.id).sort());
    // The source is only read: the damaged blob is still where it was, for fsck to name.
    expect(await readFile(damagedPath)).toEqual(bytes);

    const again = await copy(prefix);
    expect(again.code).toBe(1);
    expect(again.lines).toContain('blobs:copy: done: 5/5 blobs: 0 copied (0 bytes), 4 already there, 1 not copied');
  });

  it('continues an interrupted copy and exits 0 once everything is in the bucket', async () => {
    const prefix = `copy-${++run}`;
    const local = new LocalBlobStore(join(dataDir, 'blobs'));
    const ids = (await Promise.all(Array.from({ length: 6 }, (_, i) => local.putBuffer(`blob ${i}`)))).map((r) => r.id).sort();
    // What a run stopped half-way leaves: some blobs in the bucket, complete (a partial upload is never visible).
    const bucket = new S3BlobStore(createS3Client(s3.config(prefix)), { bucket: s3.bucket, prefix });
    await bucket.putBuffer('blob 0');
    await bucket.putBuffer('blob 3');
    bucket.client.destroy();

    const resumed = await copy(prefix, ['--concurrency', '2']);
    expect(resumed.code).toBe(0);
    expect(resumed.lines.at(-1)).toBe('blobs:copy: done: 6/6 blobs: 4 copied (24 bytes), 2 already there, 0 not copied');
    expect(await bucketIds(prefix)).toEqual(ids);
  });

  it('copies from another folder, and refuses a target that is not a bucket or an unknown argument', async () => {
    const prefix = `copy-${++run}`;
    const elsewhere = join(dataDir, 'old-blobs');
    await new LocalBlobStore(elsewhere).putBuffer('moved');
    expect((await copy(prefix, ['--from', elsewhere])).lines.at(-1)).toBe('blobs:copy: done: 1/1 blobs: 1 copied (5 bytes), 0 already there, 0 not copied');

    const lines: string[] = [];
    expect(await runBlobsCopy(loadConfig({ DATA_DIR: dataDir }), [], (line) => lines.push(line))).toBe(2);
    expect(lines[0]).toBe('blobs:copy: BLOB_STORE must name the bucket to copy into, as s3://bucket/prefix (with the S3_* settings)');
    expect((await copy(prefix, ['--to', 'x'])).lines[0]).toBe("blobs:copy: unknown argument '--to'");
    expect((await copy(prefix, ['--concurrency', '0'])).code).toBe(2);
  });
});
