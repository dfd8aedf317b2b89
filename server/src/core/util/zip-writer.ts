import type { Readable, Writable } from 'node:stream';
import { ZipFile } from 'yazl';

/**
 * A zip streamed to `out` one file at a time, so memory and open files stay
 * flat however many files go in. yazl keeps a few numbers per entry and
 * writes the central directory as a handful of buffers at the end (tens of
 * thousands of entries cost a few MB, not a write per header field).
 * `file` resolves once the file has been read into the zip; when `out` closes
 * before the zip is done (the client went away), the file being read is
 * closed and every later call rejects, so nothing waits forever.
 */
export class ZipWriter {
  private readonly zip = new ZipFile();
  private failure: Error | null = null;
  private current: Readable | null = null;
  private waiting: ((error: Error | null) => void) | null = null;

  constructor(out: Writable) {
    const output = this.zip.outputStream as Readable;
    output.on('error', (error: Error) => {
      this.stop(error);
      out.destroy(error);
    });
    out.on('close', () => {
      if (!out.writableFinished) this.stop(new Error('the download was closed before the zip was complete'));
    });
    output.pipe(out);
  }

  folder(name: string, date?: Date): void {
    this.check();
    this.zip.addEmptyDirectory(name, date ? { mtime: date } : {});
  }

  text(name: string, content: string | Buffer): void {
    this.check();
    this.zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  }

  /** Adds a file, opened only when the zip reaches it, and waits until it has been read. */
  async file(name: string, open: () => Promise<Readable>, date?: Date): Promise<void> {
    this.check();
    await new Promise<void>((resolve, reject) => {
      this.waiting = (error) => (error ? reject(error) : resolve());
      this.zip.addReadStreamLazy(name, date ? { mtime: date } : {}, (callback) => {
        open().then(
          (stream) => {
            this.current = stream;
            stream.once('end', () => this.settle(null));
            stream.once('error', (error: Error) => this.stop(error));
            callback(null, stream);
          },
          (error: Error) => {
            this.stop(error);
            callback(error, undefined as never);
          },
        );
      });
    });
    this.current = null;
  }

  async finish(): Promise<void> {
    this.check();
    const output = this.zip.outputStream as Readable;
    const done = new Promise<void>((resolve, reject) => {
      output.once('end', resolve);
      output.once('error', reject);
    });
    this.zip.end();
    await done;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private stop(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.current?.destroy();
    this.settle(error);
  }

  private settle(error: Error | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(error);
  }
}
