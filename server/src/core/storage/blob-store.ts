/**
 * Content-addressed blob storage: a blob's id is the SHA-256 hex of its bytes,
 * so equal content is stored once and a stored blob never changes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { badInput, notFound } from '../errors';
import { uploadTooLarge } from '../upload-limit';

export interface PutResult {
  id: string;
  size: number;
  /** False when the blob was already stored (nothing was written). */
  created: boolean;
}

export interface BlobStore {
  /** Streams bytes in, hashing as they pass; never holds the whole blob in memory. */
  put(source: NodeJS.ReadableStream | AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<PutResult>;
  putBuffer(data: Buffer | string): Promise<PutResult>;
  /** @throws DomainError NOT_FOUND when no blob has this id. */
  openRead(id: string): Promise<NodeJS.ReadableStream>;
  /** @throws DomainError NOT_FOUND when no blob has this id. */
  read(id: string): Promise<Buffer>;
  stat(id: string): Promise<{ size: number } | null>;
  /** Removes a blob; removing a missing blob is not an error. */
  delete(id: string): Promise<void>;
  list(): AsyncIterable<string>;
  /** Bytes written to new blobs since construction (existing content is not rewritten): benchmarks read this. */
  readonly bytesWritten: number;
}

const BLOB_ID = /^[0-9a-f]{64}$/;
const FAN_OUT = /^[0-9a-f]{2}$/;

/**
 * Every method takes an id from outside; this check is what keeps a crafted
 * id (`../../etc/passwd`) from naming a path outside the store's root.
 */
function checkId(id: string): void {
  if (typeof id !== 'string' || !BLOB_ID.test(id)) {
    const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 80)) : typeof id;
    throw badInput(`${shown} is not a blob id: expected 64 lowercase hex digits`);
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/**
 * Makes a completed rename durable. Some platforms cannot open or fsync a
 * directory; there the rename is as durable as the platform allows.
 */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/** The error-event side of a Node stream, when the source is one. */
function asEmitter(source: unknown): NodeJS.EventEmitter | null {
  const candidate = source as Partial<NodeJS.EventEmitter>;
  return typeof candidate.on === 'function' && typeof candidate.removeListener === 'function'
    ? (candidate as NodeJS.EventEmitter)
    : null;
}

function ignore(): void {}

function destroySource(source: unknown): void {
  const stream = source as { destroy?: unknown };
  if (typeof stream.destroy === 'function') (stream.destroy as () => void)();
}

/**
 * Blobs as files under `rootDir/ab/cd/<id>` (the first two byte pairs of the
 * id fan the files out over directories). A blob is written to `rootDir/tmp/`,
 * fsynced and renamed into place, so a reader never sees a partial blob and a
 * crash leaves at worst a stray temporary file.
 */
export class LocalBlobStore implements BlobStore {
  private written = 0;

  constructor(private readonly rootDir: string) {}

  get bytesWritten(): number {
    return this.written;
  }

  private pathOf(id: string): string {
    checkId(id);
    return join(this.rootDir, id.slice(0, 2), id.slice(2, 4), id);
  }

  /**
   * Stores the bytes of `source`. More than `options.maxBytes` bytes stops the
   * upload: the source is destroyed, nothing is kept, and BAD_USER_INPUT is
   * thrown. A failing source also leaves nothing behind.
   */
  async put(
    source: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
    options: { maxBytes?: number } = {},
  ): Promise<PutResult> {
    const { maxBytes } = options;
    if (maxBytes !== undefined && (!Number.isSafeInteger(maxBytes) || maxBytes < 0)) {
      throw badInput(`maxBytes must be a non-negative whole number, not ${String(maxBytes)}`);
    }
    // A stream that fails before iteration starts (while the temporary file is
    // being opened) would emit an unhandled 'error' and crash the process; the
    // listener prevents that, and the iterator still throws the stream's error.
    const emitter = asEmitter(source);
    emitter?.on('error', ignore);
    try {
      return await this.writeBlob(source, maxBytes);
    } finally {
      emitter?.removeListener('error', ignore);
    }
  }

  private async writeBlob(
    source: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
    maxBytes: number | undefined,
  ): Promise<PutResult> {
    const tmpDir = join(this.rootDir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
    const file = await open(tmpPath, 'wx');
    let closed = false;
    try {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        size += bytes.byteLength;
        if (maxBytes !== undefined && size > maxBytes) {
          destroySource(source);
          throw uploadTooLarge(maxBytes);
        }
        hash.update(bytes);
        // Awaiting each write before pulling the next chunk is the back-pressure that keeps memory flat.
        for (let offset = 0; offset < bytes.byteLength; ) {
          offset += (await file.write(bytes, offset)).bytesWritten;
        }
      }
      const id = hash.digest('hex');
      const target = this.pathOf(id);
      if ((await this.stat(id)) !== null) {
        await file.close();
        closed = true;
        await removeQuietly(tmpPath);
        return { id, size, created: false };
      }
      await file.sync();
      await file.close();
      closed = true;
      const outer = join(this.rootDir, id.slice(0, 2));
      const dir = join(outer, id.slice(2, 4));
      if ((await mkdir(dir, { recursive: true })) !== undefined) {
        // New fan-out folders must be durable too, or the blob could vanish with them after a crash.
        await syncDirectory(outer);
        await syncDirectory(this.rootDir);
      }
      // Two writers of the same new content may both get here; rename replaces
      // identical bytes with identical bytes, so either outcome is correct.
      await rename(tmpPath, target);
      await syncDirectory(dir);
      this.written += size;
      return { id, size, created: true };
    } catch (error) {
      if (!closed) await file.close().catch(() => undefined);
      await removeQuietly(tmpPath);
      throw error;
    }
  }

  /** Stores a buffer; skips writing entirely when the content is already stored. */
  async putBuffer(data: Buffer | string): Promise<PutResult> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const id = createHash('sha256').update(bytes).digest('hex');
    if ((await this.stat(id)) !== null) return { id, size: bytes.byteLength, created: false };
    return this.put(
      (async function* () {
        yield bytes;
      })(),
    );
  }

  async openRead(id: string): Promise<NodeJS.ReadableStream> {
    const path = this.pathOf(id);
    // Open before returning so a missing blob is an error here, not a later stream event.
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) throw notFound(`no blob with id ${id}`);
      throw error;
    }
    return handle.createReadStream();
  }

  async read(id: string): Promise<Buffer> {
    const path = this.pathOf(id);
    try {
      return await readFile(path);
    } catch (error) {
      if (isMissing(error)) throw notFound(`no blob with id ${id}`);
      throw error;
    }
  }

  async stat(id: string): Promise<{ size: number } | null> {
    const path = this.pathOf(id);
    try {
      return { size: (await stat(path)).size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await removeQuietly(this.pathOf(id));
  }

  /** Yields the id of every stored blob, in no particular order; temporary files are skipped. */
  async *list(): AsyncIterable<string> {
    for (const first of await this.subdirs(this.rootDir)) {
      for (const second of await this.subdirs(join(this.rootDir, first))) {
        for (const name of await readdir(join(this.rootDir, first, second))) {
          if (BLOB_ID.test(name) && name.startsWith(first + second)) yield name;
        }
      }
    }
  }

  private async subdirs(dir: string): Promise<string[]> {
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries.filter((e) => e.isDirectory() && FAN_OUT.test(e.name)).map((e) => e.name);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }
}
