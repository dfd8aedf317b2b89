import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3StoreConfig } from '../../config';
import { notFound } from '../errors';
import { logger } from '../logger';
import {
  BlobCorrupt,
  checkId,
  checkMaxBytes,
  guardSource,
  metered,
  Tally,
  VerifyingStream,
  type BlobHealth,
  type BlobParts,
  type BlobSource,
  type BlobStore,
  type PutResult,
} from './blob-store';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix without leading or trailing slash; '' stores at the bucket's root. */
  prefix: string;
  /** Bytes per part of a multipart upload (at least 5 MiB, S3's minimum); parts in flight times this bounds an upload's memory. */
  partSize?: number;
  /** Parts uploaded at once. */
  queueSize?: number;
  /** Keys asked for per listing request (S3's own limit is 1,000). */
  listPageSize?: number;
}

/** One upload in progress: its temporary key, and the SDK upload to abort when shutdown cuts it. */
interface Writing {
  upload: Upload | null;
  done: Promise<unknown>;
}

interface Head {
  size: number;
  lastModified: Date;
  etag: string | undefined;
}

const MIB = 1024 * 1024;

/** Builds the SDK client for a configured bucket. */
export function createS3Client(config: S3StoreConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    // The SDK's default trailing CRC checksums are refused by many S3-compatible
    // servers; every blob is verified against its SHA-256 id here instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return statusOf(error) === 404 || name === 'NotFound' || name === 'NoSuchKey';
}

function isNotImplemented(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return statusOf(error) === 501 || name === 'NotImplemented';
}

/**
 * Blobs as objects of an S3-compatible bucket under `<prefix>/ab/cd/<id>`
 * (the layout of the local folder, so a folder and a bucket map key for
 * path). A blob is uploaded (multipart, in parts of `partSize`, hashing on the
 * way) to `<prefix>/tmp/<uuid>`, which no reader looks at; only once the
 * upload completed and the bucket holds every byte is it copied, server side,
 * to the key its hash names, and the temporary object removed. An upload that
 * fails or is cut is aborted (its parts discarded) and leaves no blob. Damaged
 * blobs are moved to `<prefix>/quarantine/`.
 *
 * The collector's sweep ({@link removeIfOlder}) and a concurrent upload of the
 * same old, unreferenced content can cross in the moment between its look at
 * the blob and its delete (S3 has no portable conditional delete); the local
 * store has no such window. `fsck` reports the blob missing should it happen,
 * and uploading the file again repairs it.
 */
export class S3BlobStore implements BlobStore {
  private written = 0;
  private readonly writing = new Map<string, Writing>();
  private readonly bucket: string;
  private readonly base: string;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly layout: RegExp;
  private readonly listPageSize: number | undefined;

  constructor(
    readonly client: S3Client,
    options: S3BlobStoreOptions,
  ) {
    this.bucket = options.bucket;
    this.base = options.prefix ? `${options.prefix}/` : '';
    this.partSize = Math.max(5 * MIB, options.partSize ?? 8 * MIB);
    this.queueSize = Math.max(1, options.queueSize ?? 4);
    this.listPageSize = options.listPageSize;
    this.layout = new RegExp(`^${this.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([0-9a-f]{2})/([0-9a-f]{2})/(\\1\\2[0-9a-f]{60})$`);
  }

  /** Where `BLOB_STORE=s3://…` points, for messages. */
  get location(): string {
    return `s3://${this.bucket}/${this.base}`;
  }

  get bytesWritten(): number {
    return this.written;
  }

  get writesInProgress(): number {
    return this.writing.size;
  }

  /** The key of a blob; refuses an id that is not one. */
  keyOf(id: string): string {
    checkId(id);
    return `${this.base}${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
  }

  private get tmpPrefix(): string {
    return `${this.base}tmp/`;
  }

  async put(source: BlobSource, options: { maxBytes?: number } = {}): Promise<PutResult> {
    checkMaxBytes(options.maxBytes);
    const tmpKey = `${this.tmpPrefix}${randomUUID()}`;
    return guardSource(source, async () => {
      const writing: Writing = { upload: null, done: Promise.resolve() };
      const done = this.writeBlob(source, options.maxBytes, tmpKey, writing);
      writing.done = done;
      this.writing.set(tmpKey, writing);
      try {
        return await done;
      } finally {
        this.writing.delete(tmpKey);
      }
    });
  }

  private async writeBlob(source: BlobSource, maxBytes: number | undefined, tmpKey: string, writing: Writing): Promise<PutResult> {
    const tally = new Tally();
    // Pull-based: the SDK reads the next bytes only when a part slot is free, so at most
    // `queueSize` parts of `partSize` are held whatever the blob's size.
    const body = Readable.from(metered(source, maxBytes, tally), { objectMode: false, highWaterMark: MIB });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: tmpKey, Body: body, ContentType: 'application/octet-stream' },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    writing.upload = upload;
    try {
      try {
        await upload.done();
      } catch (error) {
        // The source's own failure (a dropped connection, the size limit) says more than the SDK's wrapper of it.
        throw body.errored ?? error;
      }
      const id = tally.hash.digest('hex');
      const size = tally.size;
      const sent = await this.head(tmpKey);
      if (!sent || sent.size !== size) {
        throw new Error(`the bucket holds ${sent ? `${sent.size} bytes` : 'nothing'} at ${tmpKey} after an upload of ${size} bytes`);
      }
      const existing = await this.head(this.keyOf(id));
      // Copying over a blob that exists writes identical bytes: it makes the blob young again for
      // the collector (which keeps what was written after its cutoff) and repairs one damaged in place.
      await this.copy(tmpKey, this.keyOf(id));
      const created = !existing || existing.size !== size;
      if (created) this.written += size;
      return { id, size, created };
    } finally {
      await this.deleteKey(tmpKey).catch((error: unknown) => logger.warn({ err: error, key: tmpKey }, 'temporary upload object could not be removed; sweepTemporary will'));
    }
  }

  /** Stores a buffer; when the content is already stored it is only made young again (no bytes are uploaded). */
  async putBuffer(data: Buffer | string): Promise<PutResult> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const id = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.head(this.keyOf(id));
    if (existing && existing.size === bytes.byteLength && (await this.refresh(id))) return { id, size: bytes.byteLength, created: false };
    return this.put(Readable.from([bytes]));
  }

  /**
   * Rewrites a stored blob server side so its LastModified is now. Copying an
   * object onto itself does not reliably do that on every server, so it goes
   * out to a temporary key and back. False when the blob vanished meanwhile.
   */
  private async refresh(id: string): Promise<boolean> {
    const tmpKey = `${this.tmpPrefix}${randomUUID()}`;
    try {
      await this.copy(this.keyOf(id), tmpKey);
      await this.copy(tmpKey, this.keyOf(id));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    } finally {
      await this.deleteKey(tmpKey);
    }
  }

  private async copy(from: string, to: string): Promise<void> {
    const source = `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`;
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to,
        CopySource: source,
      }),
    );
  }

  private async head(key: string): Promise<Head | null> {
    try {
      const found = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: found.ContentLength ?? 0, lastModified: found.LastModified ?? new Date(0), etag: found.ETag };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private async deleteKey(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  /** GETs a blob (or part of it); a missing blob is NOT_FOUND. */
  private async get(id: string, range?: { start: number; end: number }): Promise<{ body: Readable; etag: string | undefined }> {
    const key = this.keyOf(id);
    try {
      const found = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end - 1}` } : {}) }),
      );
      return { body: found.Body as Readable, etag: found.ETag };
    } catch (error) {
      if (isMissing(error)) throw notFound(`no blob with id ${id}`);
      throw error;
    }
  }

  /**
   * Moves a damaged blob aside to `<prefix>/quarantine/` (kept for inspection,
   * never served). Only the object that was read (`etag`) is moved: when a
   * repair already copied good bytes into place, those stay.
   */
  private async quarantine(id: string, etag: string | undefined): Promise<void> {
    const key = this.keyOf(id);
    const current = await this.head(key);
    if (!current || (etag !== undefined && current.etag !== etag)) return;
    try {
      await this.copy(key, `${this.base}quarantine/${id}.${Date.now()}`);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await this.deleteKey(key);
  }

  async openRead(id: string): Promise<NodeJS.ReadableStream> {
    const { body, etag } = await this.get(id);
    const verified = new VerifyingStream(id, (detail) =>
      this.quarantine(id, etag).then(
        () => new BlobCorrupt(id, detail),
        (error: unknown) => error as Error,
      ),
    );
    body.on('error', (error) => verified.destroy(error));
    verified.on('close', () => body.destroy());
    return body.pipe(verified);
  }

  async openRange(id: string, start: number, end: number): Promise<NodeJS.ReadableStream> {
    if (end <= start) {
      // An empty range is no request S3 can answer; the blob must still exist.
      if (!(await this.head(this.keyOf(id)))) throw notFound(`no blob with id ${id}`);
      return Readable.from([]);
    }
    return (await this.get(id, { start, end })).body;
  }

  async openParts(id: string): Promise<BlobParts> {
    const found = await this.head(this.keyOf(id));
    if (!found) throw notFound(`no blob with id ${id}`);
    const open = new Set<PassThrough>();
    return {
      size: found.size,
      // Each part is its own ranged GET, started when the part is asked for.
      stream: (start, end) => {
        const out = new PassThrough();
        if (end <= start) return out.end(), out;
        open.add(out);
        out.once('close', () => open.delete(out));
        this.get(id, { start, end }).then(
          ({ body }) => {
            body.on('error', (error) => out.destroy(error));
            out.once('close', () => body.destroy());
            body.pipe(out);
          },
          (error: Error) => out.destroy(error),
        );
        return out;
      },
      close: async () => {
        for (const out of open) out.destroy();
      },
    };
  }

  async read(id: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of (await this.openRead(id)) as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  async check(id: string): Promise<BlobHealth> {
    let body: Readable;
    try {
      body = (await this.get(id)).body;
    } catch (error) {
      if ((error as { code?: string }).code === 'NOT_FOUND') return { ok: false, problem: 'missing' };
      throw error;
    }
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
    const actual = hash.digest('hex');
    return actual === id ? { ok: true, size } : { ok: false, problem: 'corrupt', detail: `its ${size} bytes hash to ${actual}` };
  }

  async removeIfOlder(id: string, cutoff: Date): Promise<number | null> {
    const found = await this.head(this.keyOf(id));
    if (!found || found.lastModified.getTime() >= cutoff.getTime()) return null;
    await this.deleteKey(this.keyOf(id));
    return found.size;
  }

  async stat(id: string): Promise<{ size: number } | null> {
    const found = await this.head(this.keyOf(id));
    return found ? { size: found.size } : null;
  }

  async delete(id: string): Promise<void> {
    await this.deleteKey(this.keyOf(id));
  }

  /**
   * Every object under `prefix`, in key order, a page at a time. Pages follow
   * on from the last key seen (ListObjects with `Marker`), which every
   * S3-compatible server answers alike; some (s3rver among them) fail to make
   * the continuation tokens of ListObjectsV2.
   */
  private async *objects(prefix: string): AsyncGenerator<{ key: string; size: number; lastModified: Date }> {
    let after: string | undefined;
    for (;;) {
      const page = await this.client.send(new ListObjectsCommand({ Bucket: this.bucket, Prefix: prefix, MaxKeys: this.listPageSize, ...(after ? { Marker: after } : {}) }));
      const contents = page.Contents ?? [];
      for (const item of contents) {
        if (item.Key) yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) };
      }
      if (!page.IsTruncated || contents.length === 0) return;
      after = contents[contents.length - 1].Key;
    }
  }

  async *list(): AsyncIterable<string> {
    for await (const { key } of this.objects(this.base)) {
      const match = this.layout.exec(key);
      if (match) yield match[3];
    }
  }

  async sweepTemporary(idleMs: number): Promise<number> {
    const cutoff = Date.now() - idleMs;
    let removed = 0;
    for await (const { key, lastModified } of this.objects(this.tmpPrefix)) {
      if (this.writing.has(key) || lastModified.getTime() >= cutoff) continue;
      await this.deleteKey(key);
      removed++;
    }
    return removed + (await this.abortStaleUploads(cutoff));
  }

  /**
   * Multipart uploads a killed process never completed hold their parts (and
   * cost storage) until aborted. Servers that cannot list them (and buckets
   * with an AbortIncompleteMultipartUpload lifecycle rule) are left to that rule.
   */
  private async abortStaleUploads(cutoff: number): Promise<number> {
    let aborted = 0;
    try {
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      for (;;) {
        const page = await this.client.send(
          new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: this.tmpPrefix, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
        );
        for (const upload of page.Uploads ?? []) {
          if (!upload.Key || !upload.UploadId || this.writing.has(upload.Key)) continue;
          if ((upload.Initiated?.getTime() ?? 0) >= cutoff) continue;
          await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: upload.Key, UploadId: upload.UploadId }));
          aborted++;
        }
        if (!page.IsTruncated) return aborted;
        keyMarker = page.NextKeyMarker;
        uploadIdMarker = page.NextUploadIdMarker;
      }
    } catch (error) {
      if (!isNotImplemented(error)) throw error;
      logger.debug(`${this.location}: the server does not list multipart uploads; an AbortIncompleteMultipartUpload lifecycle rule removes abandoned ones`);
      return aborted;
    }
  }

  async settle(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.writing.values()].map((w) => w.done)), deadline]);
    clearTimeout(timer);
    const cut = [...this.writing.values()];
    // Aborting discards the parts sent so far; each write then removes its temporary object itself.
    await Promise.allSettled(cut.map((w) => w.upload?.abort()));
    await Promise.allSettled(cut.map((w) => w.done));
    return cut.length;
  }

  async close(): Promise<void> {
    // Closes the client's pooled (kept-alive) connections to the bucket, which would otherwise outlive the process's work.
    this.client.destroy();
  }
}

/** Opens the configured bucket. */
export function openS3BlobStore(config: S3StoreConfig): S3BlobStore {
  return new S3BlobStore(createS3Client(config), { bucket: config.bucket, prefix: config.prefix });
}

