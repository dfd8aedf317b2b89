import { createHash, randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { notFound } from '../errors';
import {
  BLOB_ID,
  BlobCorrupt,
  checkId,
  checkMaxBytes,
  guardSource,
  ignore,
  metered,
  sha256Hex,
  Tally,
  VerifyingStream,
  type BlobHealth,
  type BlobParts,
  type BlobSource,
  type BlobStore,
  type PutResult,
} from './blob-store';

const FAN_OUT = /^[0-9a-f]{2}$/;

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

/**
 * Blobs as files under `rootDir/ab/cd/<id>` (the first two byte pairs of the
 * id fan the files out over directories). A blob is written to `rootDir/tmp/`,
 * fsynced and renamed into place, so a reader never sees a partial blob and a
 * crash leaves at worst a stray temporary file.
 */
export class LocalBlobStore implements BlobStore {
  private written = 0;
  /** Temporary files of writes in progress, so shutdown can wait for them and remove what remains. */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly rootDir: string) {}

  get bytesWritten(): number {
    return this.written;
  }

  private pathOf(id: string): string {
    checkId(id);
    return join(this.rootDir, id.slice(0, 2), id.slice(2, 4), id);
  }

  async put(source: BlobSource, options: { maxBytes?: number } = {}): Promise<PutResult> {
    checkMaxBytes(options.maxBytes);
    const tmpPath = join(this.tmpDir, `${randomBytes(16).toString('hex')}.part`);
    return guardSource(source, async () => {
      const write = this.writeBlob(source, options.maxBytes, tmpPath);
      this.writing.set(tmpPath, write);
      try {
        return await write;
      } finally {
        this.writing.delete(tmpPath);
      }
    });
  }

  private get tmpDir(): string {
    return join(this.rootDir, 'tmp');
  }

  private async writeBlob(
    source: BlobSource,
    maxBytes: number | undefined,
    tmpPath: string,
  ): Promise<PutResult> {
    await mkdir(this.tmpDir, { recursive: true });
    const file = await open(tmpPath, 'wx');
    let closed = false;
    try {
      const tally = new Tally();
      for await (const bytes of metered(source, maxBytes, tally)) {
        // Awaiting each write before pulling the next chunk is the back-pressure that keeps memory flat.
        for (let offset = 0; offset < bytes.byteLength; ) {
          offset += (await file.write(bytes, offset)).bytesWritten;
        }
      }
      const id = tally.hash.digest('hex');
      const size = tally.size;
      const target = this.pathOf(id);
      // The stored copy is only reused when it is intact: the right bytes uploaded again repair a damaged blob.
      if (await this.keepExisting(id, size)) {
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
    const id = sha256Hex(bytes);
    if (await this.keepExisting(id, bytes.byteLength)) return { id, size: bytes.byteLength, created: false };
    return this.put(
      (async function* () {
        yield bytes;
      })(),
    );
  }

  /**
   * True when a blob with this id is stored intact (then its modification
   * time is refreshed, so a collector treats it as just written); a damaged
   * one is quarantined and false is returned so the caller stores it again.
   */
  private async keepExisting(id: string, size: number): Promise<boolean> {
    const handle = await this.openHandle(id);
    if (!handle) return false;
    try {
      const health = await hashHandle(handle, id, size);
      if (!health.ok) {
        await this.quarantine(id, handle);
        return false;
      }
      const now = new Date();
      await utimes(this.pathOf(id), now, now);
      return true;
    } catch (error) {
      // Swept between the open and the refresh: store it again.
      if (isMissing(error)) return false;
      throw error;
    } finally {
      await handle.close();
    }
  }

  private async openHandle(id: string): Promise<FileHandle | null> {
    try {
      return await open(this.pathOf(id), 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /**
   * Moves a damaged blob aside to `rootDir/quarantine/` (kept for inspection,
   * never served). Only the file that `handle` read is moved: when a repair
   * already renamed good bytes into place, those stay.
   */
  private async quarantine(id: string, handle: FileHandle): Promise<void> {
    const path = this.pathOf(id);
    try {
      const [opened, current] = await Promise.all([handle.stat(), stat(path)]);
      if (opened.ino !== current.ino || opened.dev !== current.dev) return;
      const dir = join(this.rootDir, 'quarantine');
      await mkdir(dir, { recursive: true });
      await rename(path, join(dir, `${id}.${Date.now()}`));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async openRead(id: string): Promise<NodeJS.ReadableStream> {
    // Open before returning so a missing blob is an error here, not a later stream event.
    const handle = await this.openHandle(id);
    if (!handle) throw notFound(`no blob with id ${id}`);
    const source = handle.createReadStream({ autoClose: false });
    const verified = new VerifyingStream(id, (detail) =>
      this.quarantine(id, handle).then(
        () => new BlobCorrupt(id, detail),
        (error: unknown) => error as Error,
      ),
    );
    // The handle outlives `source`: a failed check still needs it to quarantine the very file it read.
    source.on('error', (error) => verified.destroy(error));
    verified.on('close', () => {
      source.destroy();
      handle.close().catch(ignore);
    });
    return source.pipe(verified);
  }

  async openRange(id: string, start: number, end: number): Promise<NodeJS.ReadableStream> {
    const parts = await this.openParts(id);
    const stream = parts.stream(start, end);
    stream.once('close', () => void parts.close().catch(ignore));
    return stream;
  }

  async openParts(id: string): Promise<BlobParts> {
    const handle = await this.openHandle(id);
    if (!handle) throw notFound(`no blob with id ${id}`);
    const { size } = await handle.stat();
    return {
      size,
      stream: (start, end) => partOf(handle, start, end),
      close: () => handle.close(),
    };
  }

  async read(id: string): Promise<Buffer> {
    const handle = await this.openHandle(id);
    if (!handle) throw notFound(`no blob with id ${id}`);
    try {
      const data = await handle.readFile();
      const actual = sha256Hex(data);
      if (actual !== id) {
        await this.quarantine(id, handle);
        throw new BlobCorrupt(id, `its ${data.byteLength} bytes hash to ${actual}`);
      }
      return data;
    } finally {
      await handle.close();
    }
  }

  async check(id: string): Promise<BlobHealth> {
    const handle = await this.openHandle(id);
    if (!handle) return { ok: false, problem: 'missing' };
    try {
      return await hashHandle(handle, id);
    } finally {
      await handle.close();
    }
  }

  async removeIfOlder(id: string, cutoff: Date): Promise<number | null> {
    const path = this.pathOf(id);
    const before = await statOrNull(path);
    if (!before || before.mtimeMs >= cutoff.getTime()) return null;
    // Moved aside first, then judged again: an upload that refreshed the blob
    // between the two looks has made it young, and it goes back.
    const dir = join(this.rootDir, 'tmp');
    await mkdir(dir, { recursive: true });
    const aside = join(dir, `${id}.${randomBytes(8).toString('hex')}.gc`);
    try {
      await rename(path, aside);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const moved = await stat(aside);
    if (moved.mtimeMs >= cutoff.getTime()) {
      await rename(aside, path);
      return null;
    }
    await unlink(aside);
    return moved.size;
  }

  async stat(id: string): Promise<{ size: number } | null> {
    const found = await statOrNull(this.pathOf(id));
    return found ? { size: found.size } : null;
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

  /** Temporary files of writes still in progress. */
  get writesInProgress(): number {
    return this.writing.size;
  }

  /**
   * Waits up to `timeoutMs` for writes in progress to finish (each removes its
   * own temporary file when it fails), then removes the temporary files of
   * those still running, synchronously, so a process about to exit leaves none.
   * Returns how many were cut.
   */
  async settle(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.writing.values()]), deadline]);
    clearTimeout(timer);
    const cut = [...this.writing.keys()];
    for (const tmpPath of cut) {
      try {
        unlinkSync(tmpPath);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return cut.length;
  }

  /** A folder holds nothing open between calls. */
  async close(): Promise<void> {}

  /**
   * Removes temporary files nobody has written to for `idleMs`: the leftovers
   * of a process that crashed or was killed mid-upload. A live write touches
   * its file with every chunk, so a file idle longer than any request may be
   * idle belongs to no one (other processes on the same folder included).
   */
  async sweepTemporary(idleMs: number): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tmpDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    const cutoff = Date.now() - idleMs;
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.part')) continue;
      const path = join(this.tmpDir, name);
      if (this.writing.has(path)) continue;
      try {
        if ((await stat(path)).mtimeMs >= cutoff) continue;
        await removeQuietly(path);
        removed++;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }
}

/**
 * Bytes `start` to `end` of an open file as a stream that leaves the handle
 * open (a stream made by the handle itself closes it when it ends), so one
 * handle serves many parts.
 */
function partOf(handle: FileHandle, start: number, end: number): Readable {
  let position = start;
  return new Readable({
    read(size) {
      const length = Math.min(size, end - position);
      if (length <= 0) return void this.push(null);
      handle.read(Buffer.allocUnsafe(length), 0, length, position).then(
        ({ bytesRead, buffer }) => {
          position += bytesRead;
          this.push(bytesRead === 0 ? null : buffer.subarray(0, bytesRead));
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Hashes an open blob file; `size`, when known, lets a truncated or grown file fail without reading it. */
async function hashHandle(handle: FileHandle, id: string, size?: number): Promise<BlobHealth> {
  const actualSize = (await handle.stat()).size;
  if (size !== undefined && actualSize !== size) return { ok: false, problem: 'corrupt', detail: `${actualSize} bytes stored, ${size} expected` };
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (let position = 0; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  const actual = hash.digest('hex');
  return actual === id ? { ok: true, size: actualSize } : { ok: false, problem: 'corrupt', detail: `its ${actualSize} bytes hash to ${actual}` };
}
