import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';

describe('configuration', () => {
  it('seeds the demo course by default outside production', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('never seeds the demo course in production, and refuses to be asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO=true is refused with NODE_ENV=production/,
    );
  });

  it('works on 8 targets at once per worker on MySQL/MariaDB and 4 on SQLite unless told, and names a bad value', () => {
    expect(loadConfig({}).workerConcurrency).toBe(4);
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' }).workerConcurrency).toBe(8);
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test', WORKER_CONCURRENCY: '2' }).workerConcurrency).toBe(2);
    expect(() => loadConfig({ WORKER_CONCURRENCY: '9' })).toThrow(/WORKER_CONCURRENCY: /);
  });

  it('allows open sign-up by default outside production only, and names a bad value', () => {
    expect(loadConfig({}).allowSignUp).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).allowSignUp).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_SIGN_UP: 'true' }).allowSignUp).toBe(true);
    expect(loadConfig({ ALLOW_SIGN_UP: 'false' }).allowSignUp).toBe(false);
    expect(() => loadConfig({ ALLOW_SIGN_UP: 'yes' })).toThrow(/ALLOW_SIGN_UP: /);
  });

  it('reads LTI_KEY_SECRET as 32 bytes and names a secret of another length', () => {
    const secret = Buffer.alloc(32, 7);
    expect(loadConfig({ LTI_KEY_SECRET: secret.toString('base64') }).ltiKeySecret).toEqual(secret);
    expect(loadConfig({}).ltiKeySecret).toBeNull();
    expect(() => loadConfig({ LTI_KEY_SECRET: Buffer.alloc(16).toString('base64') })).toThrow(/LTI_KEY_SECRET: must be 32 random bytes in base64/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'postgres://db' })).toThrow(/PORT: .*; DATABASE_URL: must start with mysql:\/\//);
  });

  describe('blob store', () => {
    it('keeps blobs in the data folder unless BLOB_STORE names another folder', () => {
      expect(loadConfig({ DATA_DIR: '/srv/sc' }).blobStore).toEqual({ kind: 'local', dir: path.resolve('/srv/sc/blobs') });
      expect(loadConfig({ BLOB_STORE: '/mnt/blobs' }).blobStore).toEqual({ kind: 'local', dir: path.resolve('/mnt/blobs') });
      // A data folder given in code (tests, commands) moves the default blob folder along; a named one stays.
      expect(loadConfig({ DATA_DIR: '/srv/sc' }, { dataDir: '/srv/other' }).blobStore).toEqual({ kind: 'local', dir: path.resolve('/srv/other/blobs') });
      expect(loadConfig({ BLOB_STORE: '/mnt/blobs' }, { dataDir: '/srv/other' }).blobStore).toEqual({ kind: 'local', dir: path.resolve('/mnt/blobs') });
    });

    it('reads an s3://bucket/prefix store with its settings', () => {
      expect(
        loadConfig({
          BLOB_STORE: 's3://course-files/stagecoach/blobs/',
          S3_ENDPOINT: 'https://minio.uni.example:9000',
          S3_ACCESS_KEY_ID: 'key',
          S3_SECRET_ACCESS_KEY: 'secret',
          S3_FORCE_PATH_STYLE: 'true',
        }).blobStore,
      ).toEqual({
        kind: 's3',
        bucket: 'course-files',
        prefix: 'stagecoach/blobs',
        endpoint: 'https://minio.uni.example:9000',
        region: 'us-east-1',
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
        forcePathStyle: true,
      });
      // On AWS itself: the region is needed, and credentials may come from the SDK's usual sources.
      expect(loadConfig({ BLOB_STORE: 's3://course-files', S3_REGION: 'eu-central-1' }).blobStore).toEqual({
        kind: 's3',
        bucket: 'course-files',
        prefix: '',
        endpoint: null,
        region: 'eu-central-1',
        credentials: null,
        forcePathStyle: false,
      });
    });

    it.each([
      [{ BLOB_STORE: 's3://Bad_Bucket/x', S3_REGION: 'eu-west-1' }, /BLOB_STORE: 'Bad_Bucket' is not a bucket name/],
      [{ BLOB_STORE: 's3://bucket//x', S3_REGION: 'eu-west-1' }, /BLOB_STORE: the prefix '\/x' has an empty, '.' or '..' part/],
      [{ BLOB_STORE: 's3://bucket/a/../b', S3_REGION: 'eu-west-1' }, /the prefix 'a\/..\/b' has an empty/],
      [{ BLOB_STORE: 'gs://bucket/x' }, /BLOB_STORE: 'gs:\/\/bucket\/x' is neither a folder nor an s3:\/\/bucket\/prefix address/],
      [{ BLOB_STORE: 's3://bucket' }, /S3_REGION: must be set when S3_ENDPOINT is not/],
      [{ BLOB_STORE: 's3://bucket', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT: 'minio:9000' must be an http\(s\) URL without a path/],
      [{ BLOB_STORE: 's3://bucket', S3_ENDPOINT: 'https://minio.example/bucket' }, /S3_ENDPOINT: .* without a path/],
      [{ BLOB_STORE: 's3://bucket', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'key' }, /S3_SECRET_ACCESS_KEY: must be set together with S3_ACCESS_KEY_ID/],
      [{ BLOB_STORE: 's3://bucket', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE: must be true or false, not 'yes'/],
      [{ S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'x' }, /S3_ENDPOINT, S3_REGION are set but BLOB_STORE is not an s3:\/\/bucket\/prefix address/],
      [{ BLOB_STORE: 's3://bucket', S3_REGION: 'x', MAX_UPLOAD_BYTES: String(6 * 1024 ** 3) }, /MAX_UPLOAD_BYTES: at most 5368709120 \(5 GiB\) with BLOB_STORE=s3/],
    ])('refuses %j, naming what is wrong', (env, message) => {
      expect(() => loadConfig(env)).toThrow(message);
    });
  });

  describe('OpenID Connect issuers', () => {
    const uni = { id: 'uni', name: 'Test University', issuer: 'https://login.uni.example', clientId: 'sc', clientSecret: 's3cret' };

    it('reads them from OIDC_ISSUERS with the e-mail claim defaulting to email and any domain allowed', () => {
      expect(loadConfig({}).oidcIssuers).toEqual([]);
      expect(loadConfig({ OIDC_ISSUERS: JSON.stringify([uni, { ...uni, id: 'b', emailClaim: 'mail', allowedDomains: ['Uni.Example'] }]) }).oidcIssuers).toEqual([
        { ...uni, emailClaim: 'email', allowedDomains: null },
        { ...uni, id: 'b', emailClaim: 'mail', allowedDomains: ['uni.example'] },
      ]);
    });

    it('reads them from the file OIDC_ISSUERS_FILE', () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oidc-config-')), 'issuers.json');
      fs.writeFileSync(file, JSON.stringify([uni]));
      expect(loadConfig({ OIDC_ISSUERS_FILE: file }).oidcIssuers.map((i) => i.id)).toEqual(['uni']);
      expect(() => loadConfig({ OIDC_ISSUERS_FILE: `${file}.missing` })).toThrow(/OIDC_ISSUERS_FILE: cannot read .*issuers\.json\.missing \(ENOENT\)/);
      fs.writeFileSync(file, '[{"id": "uni",');
      expect(() => loadConfig({ OIDC_ISSUERS_FILE: file })).toThrow(/OIDC_ISSUERS_FILE: is not JSON/);
      expect(() => loadConfig({ OIDC_ISSUERS_FILE: file, OIDC_ISSUERS: '[]' })).toThrow(/both set/);
    });

    it('names the issuer and field that is wrong', () => {
      const bad = (issuers: unknown[], env: Record<string, string> = {}) => () => loadConfig({ ...env, OIDC_ISSUERS: JSON.stringify(issuers) });
      expect(bad([{ ...uni, clientSecret: '' }])).toThrow('OIDC_ISSUERS.0.clientSecret: must not be empty');
      expect(bad([uni, { ...uni, issuer: 'login.uni.example' }])).toThrow(/OIDC_ISSUERS\.1\.issuer: must be the issuer URL/);
      expect(bad([{ ...uni, id: 'Uni Login' }])).toThrow(/OIDC_ISSUERS\.0\.id: must be 1 to 40 lower-case letters/);
      expect(bad([{ ...uni, allowedDomains: ['uni.example', '@nope'] }])).toThrow(/OIDC_ISSUERS\.0\.allowedDomains\.1: must be a domain/);
      expect(bad([{ ...uni, clientSecrt: 'typo' }])).toThrow(/OIDC_ISSUERS\.0: .*clientSecrt/);
      expect(bad([uni, uni])).toThrow("OIDC_ISSUERS.1.id: 'uni' is used by another issuer");
      expect(bad([{ ...uni, issuer: 'http://login.uni.example' }], { NODE_ENV: 'production', SEED_DEMO: 'false' })).toThrow(
        'OIDC_ISSUERS.0.issuer: must be an https URL with NODE_ENV=production',
      );
    });
  });
});
