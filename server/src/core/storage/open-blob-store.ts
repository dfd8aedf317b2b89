import type { BlobStoreConfig } from '../../config';
import type { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob-store';
import { openS3BlobStore } from './s3-blob-store';

/** The blob store `BLOB_STORE` names: a folder, or an S3-compatible bucket. */
export function openBlobStore(config: BlobStoreConfig): BlobStore {
  return config.kind === 's3' ? openS3BlobStore(config) : new LocalBlobStore(config.dir);
}
