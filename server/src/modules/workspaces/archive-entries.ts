import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import * as yauzl from 'yauzl';
import { badInput } from '../../core/errors';
import type { BlobParts } from '../../core/storage/blob-store';

/** The archive formats a folder can be uploaded as, by the upload's Content-Type. */
export const ARCHIVE_TYPES = {
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  'application/x-tar': 'tar',
  'application/gzip': 'tar.gz',
  'application/x-gzip': 'tar.gz',
  'application/x-gtar': 'tar.gz',
} as const;

export type ArchiveFormat = (typeof ARCHIVE_TYPES)[keyof typeof ARCHIVE_TYPES];

/** The most entries (files and folders) one archive may hold. */
export const MAX_ARCHIVE_ENTRIES = 20_000;

export const tooManyEntries = () => badInput(`the archive holds more than ${MAX_ARCHIVE_ENTRIES} files and folders; split it into smaller ones`);

export function archiveFormatOf(contentType: string | undefined): ArchiveFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = (ARCHIVE_TYPES as Record<string, ArchiveFormat>)[type];
  if (!format) {
    throw badInput(
      `an archive upload needs the Content-Type of a zip (application/zip), a tar (application/x-tar) or a gzipped tar (application/gzip); ${type ? `'${type}' is none of them` : 'none was sent'}`,
    );
  }
  return format;
}

/** One entry as the archive names it: a folder, or a file whose bytes `open` streams. */
export interface ArchiveEntry {
  name: string;
  directory: boolean;
  /** Its size as the archive declares it (checked as the bytes are read). */
  size: number;
  /** The next entry comes only once this one's bytes were read (a tar); a zip's entries can be read at once. */
  sequential: boolean;
  open(): Promise<NodeJS.ReadableStream | AsyncIterable<Uint8Array>>;
}

/**
 * The entries of a zip, read from the stored blob `parts` (a zip's directory
 * is at its end, so it is read from storage, not from the upload's stream).
 * The caller closes `parts` once every entry it opened has been read.
 */
export async function* zipEntries(parts: BlobParts): AsyncGenerator<ArchiveEntry> {
  class BlobReader extends yauzl.RandomAccessReader {
    override _readStreamForRange(start: number, end: number): Readable {
      return parts.stream(start, end) as Readable;
    }
  }
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(new BlobReader(), parts.size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, file) =>
      error ? reject(badInput(`the upload is not a readable zip: ${error.message}`)) : resolve(file),
    ),
  );
  try {
    // A zip says how many entries it holds before any is read: one over the limit is refused before a byte is stored.
    if (zip.entryCount > MAX_ARCHIVE_ENTRIES) throw tooManyEntries();
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry) => done(() => resolve(e));
        const onEnd = () => done(() => resolve(null));
        const onError = (error: Error) => done(() => reject(badInput(`the zip is damaged: ${error.message}`)));
        const done = (then: () => void) => {
          zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
          then();
        };
        zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
        zip.readEntry();
      });
      if (!entry) return;
      const directory = entry.fileName.endsWith('/');
      // A symbolic link is a file whose Unix mode says so; it is refused like any other special entry.
      const unixType = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (unixType !== 0 && unixType !== 0o100000 && unixType !== 0o040000) {
        throw badInput(`archive entry '${entry.fileName}' is a link or a special file; only files and folders can be unpacked`);
      }
      yield {
        name: entry.fileName,
        directory,
        size: entry.uncompressedSize,
        sequential: false,
        open: () =>
          new Promise((resolve, reject) =>
            zip.openReadStream(entry, (error, stream) => (error ? reject(badInput(`archive entry '${entry.fileName}' cannot be read: ${error.message}`)) : resolve(stream))),
          ),
      };
    }
  } finally {
    zip.close();
  }
}

/** The entries of a tar (gzipped or not), read as the upload streams in. */
export async function* tarEntries(body: NodeJS.ReadableStream, gzipped: boolean): AsyncGenerator<ArchiveEntry> {
  const extract = tar.extract();
  const source = gzipped ? body.pipe(createGunzip()) : body;
  source.on('error', (error: Error) => extract.destroy(badInput(`the upload is not a readable ${gzipped ? 'gzipped tar' : 'tar'}: ${error.message}`)));
  source.pipe(extract);
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type !== 'file' && type !== 'directory' && type !== 'contiguous-file') {
        entry.resume();
        throw badInput(`archive entry '${name}' is a ${type ?? 'special entry'}; only files and folders can be unpacked`);
      }
      let opened = false;
      yield {
        name,
        directory: type === 'directory',
        size: entry.header.size ?? 0,
        sequential: true,
        open: async () => {
          opened = true;
          return entry as unknown as AsyncIterable<Uint8Array>;
        },
      };
      // Bytes of an entry nobody read (a folder) must still be consumed before the next one arrives.
      if (!opened) entry.resume();
    }
  } catch (error) {
    throw error instanceof Error && /Invalid tar header|Unexpected end of data/i.test(error.message)
      ? badInput(`the upload is not a readable ${gzipped ? 'gzipped tar' : 'tar'}: ${error.message}`)
      : error;
  } finally {
    extract.destroy();
  }
}
