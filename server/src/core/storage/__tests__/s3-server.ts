import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3StoreConfig } from '../../../config';

/** A real S3-protocol server on a free port, storing in its own temporary folder. */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** Where the server keeps an object's bytes on disk (the modification time is the object's LastModified). */
  objectPath(key: string): string;
  /** A blob store configuration for this server, under `prefix`. */
  config(prefix?: string): S3StoreConfig;
  stop(): Promise<void>;
}

export async function startS3Server(bucket = 'stagecoach-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    objectPath: (key) => {
      const parts = key.split('/');
      return join(directory, bucket, ...parts.slice(0, -1), `${parts[parts.length - 1]}._S3rver_object`);
    },
    config: (prefix = 'blobs') => ({
      kind: 's3',
      bucket,
      prefix,
      endpoint,
      region: 'us-east-1',
      // s3rver's fixed credentials.
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    }),
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
