import { createHash, randomFillSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobCorrupt, LocalBlobStore } from '../blob-store';
import { domainErrorOf } from './fixtures';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let root: string;
let store: LocalBlobStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'blob-store-'));
  store = new LocalBlobStore(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listAll(): Promise<string[]> {
  const ids: string[] = [];
  for await (const id of store.list()) ids.push(id);
  return ids.sort();
}

async function tempFiles(): Promise<string[]> {
  return existsSync(join(root, 'tmp')) ? readdir(join(root, 'tmp')) : [];
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('LocalBlobStore', () => {
  it('round-trips bytes under their SHA-256 id in a fanned-out layout', async () => {
    const result = await store.putBuffer('hello');
    const id = sha256('hello');
    expect(result).toEqual({ id, size: 5, created: true });
    expect(existsSync(join(root, id.slice(0, 2), id.slice(2, 4), id))).toBe(true);
    expect((await store.read(id)).toString()).toBe('hello');
    expect((await collect(await store.openRead(id))).toString()).toBe('hello');
    expect(await store.stat(id)).toEqual({ size: 5 });
    expect(await listAll()).toEqual([id]);
    expect(store.bytesWritten).toBe(5);
    expect(await tempFiles()).toEqual([]);
  });

  it('accepts streams and async iterables of buffers and strings', async () => {
    const fromStream = await store.put(Readable.from([Buffer.from('ab'), 'cd', Buffer.from('é')]));
    expect(fromStream).toEqual({ id: sha256('abcdé'), size: 6, created: true });
    async function* parts() {
      yield new Uint8Array([1, 2]);
      yield new Uint8Array([3]);
    }
    const fromIterable = await store.put(parts());
    expect(fromIterable.id).toBe(sha256(Buffer.from([1, 2, 3])));
    expect(await store.read(fromIterable.id)).toEqual(Buffer.from([1, 2, 3]));
    const empty = await store.put(Readable.from([]));
    expect(empty).toEqual({ id: sha256(''), size: 0, created: true });
  });

  it('stores equal content once', async () => {
    const first = await store.putBuffer('same bytes');
    const viaStream = await store.put(Readable.from([Buffer.from('same '), Buffer.from('bytes')]));
    const viaBuffer = await store.putBuffer(Buffer.from('same bytes'));
    expect(viaStream).toEqual({ ...first, created: false });
    expect(viaBuffer).toEqual({ ...first, created: false });
    expect(store.bytesWritten).toBe(10);
    expect(await listAll()).toEqual([first.id]);
    expect(await tempFiles()).toEqual([]);
  });

  it('rejects an upload over maxBytes, destroys the stream and leaves nothing behind', async () => {
    await store.putBuffer('existing');
    const written = store.bytesWritten;
    let pulled = 0;
    const source = Readable.from(
      (function* endless() {
        for (;;) {
          pulled++;
          yield Buffer.alloc(4, 1);
        }
      })(),
    );
    const error = await domainErrorOf(() => store.put(source, { maxBytes: 10 }), 'BAD_USER_INPUT');
    expect(error.message).toBe(
      'this upload is larger than the limit of 10 bytes per file: split or compress it, or ask the administrator of this Stagecoach server to raise MAX_UPLOAD_BYTES',
    );
    expect(source.destroyed).toBe(true);
    expect(pulled).toBeLessThan(100);
    expect(await tempFiles()).toEqual([]);
    expect(await listAll()).toEqual([sha256('existing')]);
    expect(store.bytesWritten).toBe(written);
  });

  it('stops pulling from an async iterable over maxBytes', async () => {
    let finished = false;
    async function* endless() {
      try {
        for (;;) yield new Uint8Array(1000);
      } finally {
        finished = true;
      }
    }
    await domainErrorOf(() => store.put(endless(), { maxBytes: 2500 }), 'BAD_USER_INPUT');
    expect(finished).toBe(true);
    expect(await tempFiles()).toEqual([]);
  });

  it('accepts exactly maxBytes', async () => {
    expect(await store.put(Readable.from([Buffer.alloc(10)]), { maxBytes: 10 })).toMatchObject({ size: 10, created: true });
    await domainErrorOf(() => store.put(Readable.from([Buffer.alloc(10)]), { maxBytes: 9 }), 'BAD_USER_INPUT');
    await domainErrorOf(() => store.put(Readable.from([]), { maxBytes: -1 }), 'BAD_USER_INPUT');
  });

  it('leaves no temporary file when the source fails', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.alloc(1000, 7));
    const upload = store.put(source);
    setTimeout(() => source.destroy(new Error('connection reset')), 20);
    await expect(upload).rejects.toThrow('connection reset');
    expect(await tempFiles()).toEqual([]);
    expect(await listAll()).toEqual([]);
    expect(store.bytesWritten).toBe(0);
  });

  it('reports a source that fails before the upload starts reading it', async () => {
    const source = new Readable({ read() {} });
    const upload = store.put(source);
    // Fails while the store is still preparing its temporary file.
    source.destroy(new Error('client went away'));
    await expect(upload).rejects.toThrow('client went away');
    expect(await tempFiles()).toEqual([]);
  });

  it('reports missing blobs', async () => {
    const id = sha256('never stored');
    expect((await domainErrorOf(() => store.read(id), 'NOT_FOUND')).message).toContain(id);
    await domainErrorOf(() => store.openRead(id), 'NOT_FOUND');
    expect(await store.stat(id)).toBeNull();
    await expect(store.delete(id)).resolves.toBeUndefined();
  });

  it('deletes blobs', async () => {
    const { id } = await store.putBuffer('short-lived');
    await store.delete(id);
    expect(await store.stat(id)).toBeNull();
    expect(await listAll()).toEqual([]);
    // Content can come back after deletion and counts as new.
    expect(await store.putBuffer('short-lived')).toMatchObject({ created: true });
  });

  it.each(['../../../../etc/passwd', sha256('x').toUpperCase(), sha256('x').slice(1), `${sha256('x').slice(0, 62)}/a`, ''])(
    'rejects the invalid id %j in every method',
    async (id) => {
      await domainErrorOf(() => store.read(id), 'BAD_USER_INPUT');
      await domainErrorOf(() => store.openRead(id), 'BAD_USER_INPUT');
      await domainErrorOf(() => store.stat(id), 'BAD_USER_INPUT');
      await domainErrorOf(() => store.delete(id), 'BAD_USER_INPUT');
    },
  );

  it('lists only blobs, not temporary or stray files', async () => {
    const { id } = await store.putBuffer('listed');
    await mkdir(join(root, 'tmp'), { recursive: true });
    await writeFile(join(root, 'tmp', 'leftover.part'), 'x');
    await writeFile(join(root, id.slice(0, 2), id.slice(2, 4), 'notes.txt'), 'x');
    await writeFile(join(root, id.slice(0, 2), id.slice(2, 4), sha256('elsewhere')), 'x');
    // A blob id outside its own fan-out folder is not a blob of this layout.
    expect(await listAll()).toEqual([id]);
    await expect(new LocalBlobStore(join(root, 'missing')).list()[Symbol.asyncIterator]().next()).resolves.toEqual({
      done: true,
      value: undefined,
    });
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

  it('sweeps temporary files idle longer than the limit and keeps fresh ones', async () => {
    await mkdir(join(root, 'tmp'), { recursive: true });
    await writeFile(join(root, 'tmp', 'stale.part'), 'left by a crash');
    await writeFile(join(root, 'tmp', 'fresh.part'), 'being written');
    await writeFile(join(root, 'tmp', 'notes.txt'), 'not a temporary blob');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(root, 'tmp', 'stale.part'), hourAgo, hourAgo);
    expect(await store.sweepTemporary(60_000)).toBe(1);
    expect((await tempFiles()).sort()).toEqual(['fresh.part', 'notes.txt']);
  });

  it('settle removes the temporary file of a write still running when time is up', async () => {
    let release!: () => void;
    const never = new Promise<void>((resolve) => (release = resolve));
    const source = (async function* () {
      yield Buffer.from('the first half');
      await never;
    })();
    const writing = store.put(source);
    while ((await tempFiles()).length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(store.writesInProgress).toBe(1);
    expect(await store.settle(50)).toBe(1);
    expect(await tempFiles()).toEqual([]);
    release();
    await writing.catch(() => undefined);
  });

  describe('integrity', () => {
    const content = Buffer.alloc(300_000, 'abcdefghij');
    const id = sha256(content);
    const pathOf = (blobId: string) => join(root, blobId.slice(0, 2), blobId.slice(2, 4), blobId);

    async function flipByte(at: number): Promise<void> {
      const bytes = await readFile(pathOf(id));
      bytes[at] ^= 0xff;
      await writeFile(pathOf(id), bytes);
    }

    async function quarantined(): Promise<string[]> {
      return existsSync(join(root, 'quarantine')) ? readdir(join(root, 'quarantine')) : [];
    }

    /** What a reader received before the stream ended, and how it ended. */
    async function drain(stream: NodeJS.ReadableStream): Promise<{ received: number; error: unknown }> {
      let received = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) received += chunk.byteLength;
        return { received, error: null };
      } catch (error) {
        return { received, error };
      }
    }

    it('fails a stream over a flipped byte before its last byte, and quarantines the blob', async () => {
      await store.putBuffer(content);
      await flipByte(200_000);
      const { received, error } = await drain(await store.openRead(id));
      expect(error).toBeInstanceOf(BlobCorrupt);
      expect((error as Error).message).toMatch(/failed its integrity check.*quarantined/);
      expect(received).toBeLessThan(content.byteLength);
      expect(await store.stat(id)).toBeNull();
      expect(await quarantined()).toEqual([expect.stringMatching(new RegExp(`^${id}\\.\\d+$`))]);
      await domainErrorOf(() => store.openRead(id), 'NOT_FOUND');
    });

    it('fails a stream of a truncated blob and a read of a damaged one', async () => {
      await store.putBuffer(content);
      await truncate(pathOf(id), 1000);
      const { received, error } = await drain(await store.openRead(id));
      expect(error).toBeInstanceOf(BlobCorrupt);
      expect(received).toBeLessThan(1000);
      expect(await store.stat(id)).toBeNull();

      await store.putBuffer(content);
      await flipByte(0);
      await expect(store.read(id)).rejects.toBeInstanceOf(BlobCorrupt);
      expect(await store.stat(id)).toBeNull();
      expect(await quarantined()).toHaveLength(2);
    });

    it('lets an upload of the right bytes repair a quarantined or a damaged blob', async () => {
      await store.putBuffer(content);
      await flipByte(5);
      await drain(await store.openRead(id));
      expect(await store.put(Readable.from([content]))).toEqual({ id, size: content.byteLength, created: true });
      expect((await collect(await store.openRead(id))).equals(content)).toBe(true);

      // Damaged but not yet noticed: re-uploading must not deduplicate onto the bad copy.
      await flipByte(7);
      expect((await store.put(Readable.from([content]))).created).toBe(true);
      expect((await store.read(id)).equals(content)).toBe(true);
      await truncate(pathOf(id), 10);
      expect((await store.putBuffer(content)).created).toBe(true);
      expect((await store.read(id)).equals(content)).toBe(true);
      expect(await store.check(id)).toEqual({ ok: true, size: content.byteLength });
      expect(await tempFiles()).toEqual([]);
    });

    it('checks blobs without moving them', async () => {
      await store.putBuffer(content);
      await flipByte(1);
      expect(await store.check(id)).toEqual({ ok: false, problem: 'corrupt', detail: expect.stringMatching(/300000 bytes hash to [0-9a-f]{64}/) });
      expect(await store.stat(id)).not.toBeNull();
      expect(await store.check(sha256('absent'))).toEqual({ ok: false, problem: 'missing' });
    });

    it('removes a blob only when it is older than the cutoff, and an upload of it makes it young again', async () => {
      const { id: old } = await store.putBuffer('old');
      const past = new Date(Date.now() - 3_600_000);
      await utimes(pathOf(old), past, past);
      const cutoff = new Date(Date.now() - 60_000);
      await store.putBuffer('old'); // deduplicated, and refreshed
      expect(await store.removeIfOlder(old, cutoff)).toBeNull();
      await utimes(pathOf(old), past, past);
      expect(await store.removeIfOlder(old, cutoff)).toBe(3);
      expect(await store.stat(old)).toBeNull();
      expect(await store.removeIfOlder(old, cutoff)).toBeNull();
      expect(await tempFiles()).toEqual([]);
    });
  });
});
