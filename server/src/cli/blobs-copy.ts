import 'reflect-metadata';
import path from 'node:path';
import type { AppConfig } from '../config';
import { copyBlobs, type BlobCopyReport } from '../core/storage/blob-copy';
import { LocalBlobStore } from '../core/storage/local-blob-store';
import { openS3BlobStore } from '../core/storage/s3-blob-store';
import { describeBytes } from '../core/util/bytes';
import { runMain } from './run-main';

const USAGE = 'usage: npm run blobs:copy -- [--from <folder>] [--concurrency <n>]   (copies into the bucket BLOB_STORE=s3://bucket/prefix names)';

/**
 * `npm run blobs:copy`: copies every blob of a local store (by default
 * `<DATA_DIR>/blobs`) into the bucket `BLOB_STORE` names, skipping those
 * already there, hashing each before it is sent and again read back from the
 * bucket. Safe to stop and run again: it continues. Exit code 0 when every
 * blob is in the bucket, 1 when some could not be copied (listed), 2 on bad
 * usage or an error.
 */
export async function runBlobsCopy(config: AppConfig, args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let from = path.join(config.dataDir, 'blobs');
  let concurrency = 4;
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--from' && value) from = path.resolve(value);
    else if (flag === '--concurrency' && value && /^[1-9]\d{0,2}$/.test(value)) concurrency = Number(value);
    else {
      out(`blobs:copy: ${flag === '--concurrency' ? `--concurrency must be a whole number from 1 to 999, not '${value ?? ''}'` : `unknown argument '${flag}'`}`);
      out(USAGE);
      return 2;
    }
  }
  const target = config.blobStore;
  if (target.kind !== 's3') {
    out('blobs:copy: BLOB_STORE must name the bucket to copy into, as s3://bucket/prefix (with the S3_* settings)');
    out(USAGE);
    return 2;
  }
  const bucket = openS3BlobStore(target);
  out(`blobs:copy: from ${from} to ${bucket.location}`);
  let last = 0;
  const line = (r: BlobCopyReport) =>
    `${r.copied + r.present + r.damaged.length + r.unverified.length}/${r.total} blobs: ${r.copied} copied (${describeBytes(r.bytesCopied)}), ` +
    `${r.present} already there, ${r.damaged.length + r.unverified.length} not copied`;
  try {
    const report = await copyBlobs(new LocalBlobStore(from), bucket, {
      concurrency,
      progress: (r) => {
        if (Date.now() - last < 2_000) return;
        last = Date.now();
        out(`blobs:copy: ${line(r)}`);
      },
    });
    out(`blobs:copy: done: ${line(report)}`);
    for (const { id, detail } of report.damaged) out(`blobs:copy: NOT COPIED ${id}: damaged in ${from} (${detail}); run npm run fsck to see which files use it`);
    for (const { id, detail } of report.unverified) out(`blobs:copy: NOT COPIED ${id}: the bucket's copy failed its check (${detail}) and was removed; run the command again`);
    return report.damaged.length + report.unverified.length === 0 ? 0 : 1;
  } finally {
    await bucket.close();
  }
}

if (require.main === module) runMain(runBlobsCopy);
