import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Records whether anything loaded the AWS SDK (the factory runs on the module's first require).
const mockSdkLoads = { count: 0 };
jest.mock('@aws-sdk/client-s3', () => {
  mockSdkLoads.count += 1;
  return jest.requireActual('@aws-sdk/client-s3');
});

describe('openBlobStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'open-blob-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a folder without loading the AWS SDK, and loads it only for a bucket', () => {
    jest.isolateModules(() => {
      mockSdkLoads.count = 0;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { openBlobStore } = require('../open-blob-store') as typeof import('../open-blob-store');
      const local = openBlobStore({ kind: 'local', dir });
      expect(local.constructor.name).toBe('LocalBlobStore');
      expect(mockSdkLoads.count).toBe(0);

      const bucket = openBlobStore({
        kind: 's3',
        bucket: 'b',
        prefix: 'p',
        endpoint: 'http://127.0.0.1:1',
        region: 'us-east-1',
        credentials: { accessKeyId: 'k', secretAccessKey: 's' },
        forcePathStyle: true,
      });
      expect(mockSdkLoads.count).toBe(1);
      expect(bucket.constructor.name).toBe('S3BlobStore');
    });
  });
});
