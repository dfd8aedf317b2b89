import type { BlobStoreConfig } from '../../config';
import type { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob-store';

/**
 * The blob store `BLOB_STORE` names: a folder, or an S3-compatible bucket. The S3 store (and
 * with it the AWS SDK, about half a second of start-up) is loaded only when a bucket is configured.
 */
export function openBlobStore(config: BlobStoreConfig): BlobStore {
  if (config.kind !== 's3') return new LocalBlobStore(config.dir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openS3BlobStore } = require('./s3-blob-store') as typeof import('./s3-blob-store');
  return openS3BlobStore(config);
}
