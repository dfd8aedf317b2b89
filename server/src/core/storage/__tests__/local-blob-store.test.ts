import { createHash, randomFillSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalBlobStore } from '../local-blob-store';
import { blobStoreContract, listAll, sha256 } from './blob-store.contract';

const pathIn = (root: string, id: string) => join(root, id.slice(0, 2), id.slice(2, 4), id);

async function filesIn(dir: string): Promise<string[]> {
  return existsSync(dir) ? readdir(dir) : [];
}

blobStoreContract('LocalBlobStore', async () => {
  const root = await mkdtemp(join(tmpdir(), 'blob-store-'));
  return {
    store: new LocalBlobStore(root),
    temporaries: () => filesIn(join(root, 'tmp')),
    async leaveTemporary(name, when) {
      await mkdir(join(root, 'tmp'), { recursive: true });
      await writeFile(join(root, 'tmp', `${name}.part`), 'left by a crash');
      await utimes(join(root, 'tmp', `${name}.part`), when, when);
    },
    async damage(id, change) {
      await writeFile(pathIn(root, id), change(await readFile(pathIn(root, id))));
    },
    age: (id, when) => utimes(pathIn(root, id), when, when),
    quarantined: () => filesIn(join(root, 'quarantine')),
    close: () => rm(root, { recursive: true, force: true }),
  };
});

describe('LocalBlobStore', () => {
  let root: string;
  let store: LocalBlobStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'blob-store-'));
    store = new LocalBlobStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores a blob in a fanned-out layout', async () => {
    const { id } = await store.putBuffer('hello');
    expect(existsSync(pathIn(root, id))).toBe(true);
  });

  it('lists only blobs, not stray files', async () => {
    const { id } = await store.putBuffer('listed');
    await writeFile(join(root, id.slice(0, 2), id.slice(2, 4), 'notes.txt'), 'x');
    await writeFile(join(root, id.slice(0, 2), id.slice(2, 4), sha256('elsewhere')), 'x');
    // A blob id outside its own fan-out folder is not a blob of this layout.
    expect(await listAll(store)).toEqual([id]);
    expect(await listAll(new LocalBlobStore(join(root, 'missing')))).toEqual([]);
  });

  it('sweeps only .part files', async () => {
    await mkdir(join(root, 'tmp'), { recursive: true });
    await writeFile(join(root, 'tmp', 'notes.txt'), 'not a temporary blob');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(root, 'tmp', 'notes.txt'), hourAgo, hourAgo);
    expect(await store.sweepTemporary(60_000)).toBe(0);
    expect(await filesIn(join(root, 'tmp'))).toEqual(['notes.txt']);
  });

  it('does not deduplicate onto a damaged copy that nobody has read yet', async () => {
    const content = Buffer.alloc(300_000, 'abcdefghij');
    const { id } = await store.putBuffer(content);
    const bytes = await readFile(pathIn(root, id));
    bytes[7] ^= 0xff;
    await writeFile(pathIn(root, id), bytes);
    expect((await store.put(Readable.from([content]))).created).toBe(true);
    expect((await store.read(id)).equals(content)).toBe(true);
    await truncate(pathIn(root, id), 10);
    expect((await store.putBuffer(content)).created).toBe(true);
    expect(await store.check(id)).toEqual({ ok: true, size: content.byteLength });
  });

  it('streams a large upload without holding it in memory', async () => {
    const chunkSize = 64 * 1024;
    const chunks = 800; // 50 MiB
    // A few buffers refilled in turn keep the test's own allocations flat, so growth is the store's.
    // A store that kept references instead of writing at once would store overwritten bytes,
    // which the re-read hash below would catch.
    const pool = Array.from({ length: 4 }, () => Buffer.alloc(chunkSize));
    const expected = createHash('sha256');
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakBuffers = before.arrayBuffers;
    async function* generate() {
      for (let i = 0; i < chunks; i++) {
        const chunk = randomFillSync(pool[i % pool.length]);
        expected.update(chunk);
        const usage = process.memoryUsage();
        peakRss = Math.max(peakRss, usage.rss);
        peakBuffers = Math.max(peakBuffers, usage.arrayBuffers);
        yield chunk;
      }
    }
    const result = await store.put(generate());
    const total = chunkSize * chunks;
    expect(result).toEqual({ id: expected.digest('hex'), size: total, created: true });
    expect(await store.stat(result.id)).toEqual({ size: total });
    expect(peakRss - before.rss).toBeLessThan(total / 2);
    expect(peakBuffers - before.arrayBuffers).toBeLessThan(total / 2);
    const reread = createHash('sha256');
    for await (const chunk of (await store.openRead(result.id)) as AsyncIterable<Buffer>) reread.update(chunk);
    expect(reread.digest('hex')).toBe(result.id);
  });
});
