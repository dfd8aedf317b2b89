import type { Readable, Writable } from 'node:stream';
import archiver from 'archiver';

/**
 * A zip streamed to `out` one file at a time, so memory and open files stay
 * flat however many files go in. `file` resolves once archiver has taken
 * every entry appended so far: entries are counted, because the next 'entry'
 * event belongs to whichever queued entry finishes next, not necessarily the
 * file just appended. When `out` closes before the zip is done (the client
 * went away), the blob being read is closed and every later call rejects,
 * so nothing waits forever.
 */
export class ZipWriter {
  private readonly zip = archiver('zip', { zlib: { level: 1 } });
  private appended = 0;
  private taken = 0;
  private failure: Error | null = null;
  private current: Readable | null = null;
  private waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(out: Writable) {
    this.zip.on('entry', () => {
      this.taken++;
      if (this.taken === this.appended) this.settle(null);
    });
    this.zip.on('error', (error) => {
      this.stop(error);
      out.destroy(error);
    });
    out.on('close', () => {
      if (!out.writableFinished) this.stop(new Error('the download was closed before the zip was complete'));
    });
    this.zip.pipe(out);
  }

  folder(name: string, date?: Date): void {
    this.append('', { name: `${name}/`, date });
  }

  text(name: string, content: string | Buffer): void {
    this.append(content, { name });
  }

  /** Appends a file and waits until it is in the zip before the caller opens the next. */
  async file(name: string, open: () => Promise<Readable>, date?: Date): Promise<void> {
    this.check();
    this.current = await open();
    this.append(this.current, { name, date });
    await new Promise<void>((resolve, reject) => {
      if (this.failure) reject(this.failure);
      else if (this.taken === this.appended) resolve();
      else this.waiting = { resolve, reject };
    });
    this.current = null;
  }

  async finish(): Promise<void> {
    this.check();
    await this.zip.finalize();
  }

  private append(source: string | Buffer | Readable, data: { name: string; date?: Date }): void {
    this.check();
    this.appended++;
    this.zip.append(source, data);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private stop(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.current?.destroy();
    this.zip.abort();
    this.settle(error);
  }

  private settle(error: Error | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (error) waiting?.reject(error);
    else waiting?.resolve();
  }
}
