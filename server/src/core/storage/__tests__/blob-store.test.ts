import { createHash, randomFillSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalBlobStore } from '../blob-store';
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
});
