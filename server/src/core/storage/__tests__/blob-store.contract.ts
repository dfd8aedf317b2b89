import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobCorrupt, type BlobStore } from '../blob-store';
import { domainErrorOf } from './fixtures';

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A store under test, with the means to reach behind it (as damage or a crash would). */
export interface BlobStoreHarness {
  store: BlobStore;
  /** Temporary objects of unfinished or failed writes that are still there. */
  temporaries(): Promise<string[]>;
  /** Leaves a temporary object as a killed upload would, last written at `when`. */
  leaveTemporary(name: string, when: Date): Promise<void>;
  /** Changes a stored blob's bytes behind the store's back. */
  damage(id: string, change: (bytes: Buffer) => Buffer): Promise<void>;
  /** Sets when a stored blob was last written. */
  age(id: string, when: Date): Promise<void>;
  /** Names of quarantined copies. */
  quarantined(): Promise<string[]>;
  close(): Promise<void>;
}

export async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function listAll(store: BlobStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const id of store.list()) ids.push(id);
  return ids.sort();
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

/**
 * What every {@link BlobStore} promises, whatever holds the bytes. Each
 * implementation's test file calls this with a way to open a fresh, empty store.
 */
export function blobStoreContract(name: string, open: () => Promise<BlobStoreHarness>): void {
  describe(`${name} (blob store contract)`, () => {
    let h: BlobStoreHarness;
    let store: BlobStore;

    beforeEach(async () => {
      h = await open();
      store = h.store;
    });

    afterEach(async () => {
      await h.close();
    });

    it('round-trips bytes under their SHA-256 id', async () => {
      const result = await store.putBuffer('hello');
      const id = sha256('hello');
      expect(result).toEqual({ id, size: 5, created: true });
      expect((await store.read(id)).toString()).toBe('hello');
      expect((await collect(await store.openRead(id))).toString()).toBe('hello');
      expect(await store.stat(id)).toEqual({ size: 5 });
      expect(await listAll(store)).toEqual([id]);
      expect(store.bytesWritten).toBe(5);
      expect(await h.temporaries()).toEqual([]);
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
      expect(await store.read(empty.id)).toEqual(Buffer.alloc(0));
    });

    it('stores equal content once', async () => {
      const first = await store.putBuffer('same bytes');
      const viaStream = await store.put(Readable.from([Buffer.from('same '), Buffer.from('bytes')]));
      const viaBuffer = await store.putBuffer(Buffer.from('same bytes'));
      expect(viaStream).toEqual({ ...first, created: false });
      expect(viaBuffer).toEqual({ ...first, created: false });
      expect(store.bytesWritten).toBe(10);
      expect(await listAll(store)).toEqual([first.id]);
      expect(await h.temporaries()).toEqual([]);
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
      expect(await h.temporaries()).toEqual([]);
      expect(await listAll(store)).toEqual([sha256('existing')]);
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
      expect(await h.temporaries()).toEqual([]);
      expect(await listAll(store)).toEqual([]);
    });

    it('accepts exactly maxBytes', async () => {
      expect(await store.put(Readable.from([Buffer.alloc(10)]), { maxBytes: 10 })).toMatchObject({ size: 10, created: true });
      await domainErrorOf(() => store.put(Readable.from([Buffer.alloc(10)]), { maxBytes: 9 }), 'BAD_USER_INPUT');
      await domainErrorOf(() => store.put(Readable.from([]), { maxBytes: -1 }), 'BAD_USER_INPUT');
    });

    it('leaves nothing behind when the source fails', async () => {
      const source = new Readable({ read() {} });
      source.push(Buffer.alloc(1000, 7));
      const upload = store.put(source);
      setTimeout(() => source.destroy(new Error('connection reset')), 20);
      await expect(upload).rejects.toThrow('connection reset');
      expect(await h.temporaries()).toEqual([]);
      expect(await listAll(store)).toEqual([]);
      expect(store.bytesWritten).toBe(0);
    });

    it('reports a source that fails before the upload starts reading it', async () => {
      const source = new Readable({ read() {} });
      const upload = store.put(source);
      // Fails while the store is still preparing where to write.
      source.destroy(new Error('client went away'));
      await expect(upload).rejects.toThrow('client went away');
      expect(await h.temporaries()).toEqual([]);
      expect(await listAll(store)).toEqual([]);
    });

    it('reports missing blobs', async () => {
      const id = sha256('never stored');
      expect((await domainErrorOf(() => store.read(id), 'NOT_FOUND')).message).toContain(id);
      await domainErrorOf(() => store.openRead(id), 'NOT_FOUND');
      await domainErrorOf(() => store.openRange(id, 0, 1), 'NOT_FOUND');
      await domainErrorOf(() => store.openRange(id, 0, 0), 'NOT_FOUND');
      await domainErrorOf(() => store.openParts(id), 'NOT_FOUND');
      expect(await store.stat(id)).toBeNull();
      expect(await store.check(id)).toEqual({ ok: false, problem: 'missing' });
      expect(await store.removeIfOlder(id, new Date(Date.now() + 60_000))).toBeNull();
      await expect(store.delete(id)).resolves.toBeUndefined();
    });

    it('deletes blobs', async () => {
      const { id } = await store.putBuffer('short-lived');
      await store.delete(id);
      expect(await store.stat(id)).toBeNull();
      expect(await listAll(store)).toEqual([]);
      // Content can come back after deletion and counts as new.
      expect(await store.putBuffer('short-lived')).toMatchObject({ created: true });
    });

    it.each(['../../../../etc/passwd', sha256('x').toUpperCase(), sha256('x').slice(1), `${sha256('x').slice(0, 62)}/a`, ''])(
      'rejects the invalid id %j in every method',
      async (id) => {
        await domainErrorOf(() => store.read(id), 'BAD_USER_INPUT');
        await domainErrorOf(() => store.openRead(id), 'BAD_USER_INPUT');
        await domainErrorOf(() => store.openRange(id, 0, 1), 'BAD_USER_INPUT');
        await domainErrorOf(() => store.openParts(id), 'BAD_USER_INPUT');
        await domainErrorOf(() => store.check(id), 'BAD_USER_INPUT');
        await domainErrorOf(() => store.stat(id), 'BAD_USER_INPUT');
        await domainErrorOf(() => store.removeIfOlder(id, new Date()), 'BAD_USER_INPUT');
        await domainErrorOf(() => store.delete(id), 'BAD_USER_INPUT');
      },
    );

    it('reads ranges and parts', async () => {
      const content = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
      const { id } = await store.putBuffer(content);
      expect(await collect(await store.openRange(id, 100, 4000))).toEqual(content.subarray(100, 4000));
      expect(await collect(await store.openRange(id, 4999, 5000))).toEqual(content.subarray(4999));
      expect(await collect(await store.openRange(id, 7, 7))).toEqual(Buffer.alloc(0));
      const parts = await store.openParts(id);
      try {
        expect(parts.size).toBe(5000);
        const [a, b] = await Promise.all([collect(parts.stream(0, 10)), collect(parts.stream(4990, 5000))]);
        expect(a).toEqual(content.subarray(0, 10));
        expect(b).toEqual(content.subarray(4990));
        expect(await collect(parts.stream(2000, 2000))).toEqual(Buffer.alloc(0));
      } finally {
        await parts.close();
      }
    });

    it('lists every blob and no temporary object', async () => {
      const ids = await Promise.all(Array.from({ length: 25 }, (_, i) => store.putBuffer(`listed ${i}`)));
      await h.leaveTemporary('leftover', new Date());
      expect(await listAll(store)).toEqual(ids.map((r) => r.id).sort());
    });

    it('sweeps temporary objects idle longer than the limit and keeps fresh ones', async () => {
      await h.leaveTemporary('stale', new Date(Date.now() - 3_600_000));
      await h.leaveTemporary('fresh', new Date());
      expect(await store.sweepTemporary(60_000)).toBe(1);
      expect((await h.temporaries()).join()).toContain('fresh');
      expect(await h.temporaries()).toHaveLength(1);
    });

    it('settle cuts a write still running when time is up and leaves nothing of it', async () => {
      let release!: () => void;
      const never = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const reading = new Promise<void>((resolve) => (started = resolve));
      const source = (async function* () {
        yield Buffer.from('the first half');
        started();
        await never;
      })();
      const writing = store.put(source);
      writing.catch(() => undefined);
      await reading;
      expect(store.writesInProgress).toBe(1);
      expect(await store.settle(50)).toBe(1);
      release();
      await expect(writing).rejects.toThrow();
      expect(store.writesInProgress).toBe(0);
      expect(await h.temporaries()).toEqual([]);
      expect(await listAll(store)).toEqual([]);
    });

    describe('integrity', () => {
      const content = Buffer.alloc(300_000, 'abcdefghij');
      const id = sha256(content);
      const flipByte = (at: number) =>
        h.damage(id, (bytes) => {
          bytes[at] ^= 0xff;
          return bytes;
        });

      it('fails a stream over a flipped byte before its last byte, and quarantines the blob', async () => {
        await store.putBuffer(content);
        await flipByte(200_000);
        const { received, error } = await drain(await store.openRead(id));
        expect(error).toBeInstanceOf(BlobCorrupt);
        expect((error as Error).message).toMatch(/failed its integrity check.*quarantined/);
        expect(received).toBeLessThan(content.byteLength);
        expect(await store.stat(id)).toBeNull();
        expect(await h.quarantined()).toEqual([expect.stringMatching(new RegExp(`^${id}\\.\\d+$`))]);
        await domainErrorOf(() => store.openRead(id), 'NOT_FOUND');
      });

      it('fails a stream of a truncated blob and a read of a damaged one', async () => {
        await store.putBuffer(content);
        await h.damage(id, (bytes) => bytes.subarray(0, 1000));
        const { received, error } = await drain(await store.openRead(id));
        expect(error).toBeInstanceOf(BlobCorrupt);
        expect(received).toBeLessThan(1000);
        expect(await store.stat(id)).toBeNull();

        await store.putBuffer(content);
        await flipByte(0);
        await expect(store.read(id)).rejects.toBeInstanceOf(BlobCorrupt);
        expect(await store.stat(id)).toBeNull();
        expect(await h.quarantined()).toHaveLength(2);
      });

      it('lets an upload of the right bytes repair a quarantined blob', async () => {
        await store.putBuffer(content);
        await flipByte(5);
        await drain(await store.openRead(id));
        expect(await store.put(Readable.from([content]))).toEqual({ id, size: content.byteLength, created: true });
        expect((await collect(await store.openRead(id))).equals(content)).toBe(true);
        // A blob truncated in place is not taken for the right content either.
        await h.damage(id, (bytes) => bytes.subarray(0, 10));
        expect((await store.putBuffer(content)).created).toBe(true);
        expect((await store.read(id)).equals(content)).toBe(true);
        expect(await store.check(id)).toEqual({ ok: true, size: content.byteLength });
        expect(await h.temporaries()).toEqual([]);
      });

      it('checks blobs without moving them', async () => {
        await store.putBuffer(content);
        await flipByte(1);
        expect(await store.check(id)).toEqual({ ok: false, problem: 'corrupt', detail: expect.stringMatching(/300000 bytes hash to [0-9a-f]{64}/) });
        expect(await store.stat(id)).not.toBeNull();
        expect(await h.quarantined()).toEqual([]);
      });

      it('removes a blob only when it is older than the cutoff, and an upload of it makes it young again', async () => {
        const { id: old } = await store.putBuffer('old');
        const past = new Date(Date.now() - 3_600_000);
        await h.age(old, past);
        const cutoff = new Date(Date.now() - 60_000);
        await store.putBuffer('old'); // deduplicated, and refreshed
        expect(await store.removeIfOlder(old, cutoff)).toBeNull();
        await h.age(old, past);
        await store.put(Readable.from(['o', 'ld'])); // the same through a stream
        expect(await store.removeIfOlder(old, cutoff)).toBeNull();
        await h.age(old, past);
        expect(await store.removeIfOlder(old, cutoff)).toBe(3);
        expect(await store.stat(old)).toBeNull();
        expect(await store.removeIfOlder(old, cutoff)).toBeNull();
        expect(await h.temporaries()).toEqual([]);
      });
    });
  });
}
