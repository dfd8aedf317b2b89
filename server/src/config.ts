import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Stagecoach reads, validated in one place.
 * A bad value stops the process at start with a message naming the variable.
 */
export type Dialect = 'sqlite' | 'mysql';
export type ProcessRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  role: ProcessRole;
  dataDir: string;
  /** A better-sqlite3 addon to load instead of the installed one (one checkout run by several Node.js versions). */
  sqliteNativeBinding: string | null;
  databaseUrl: string | null;
  dialect: Dialect;
  redisUrl: string | null;
  maxUploadBytes: number;
  publicUrl: string;
  webUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  seedDemo: boolean;
  /** Extra students the demo course gets, to try the dashboard at class size (0: the six demo students only). */
  demoClassSize: number;
  /** Whether anyone may create an account without an invitation (`signUp`). */
  allowSignUp: boolean;
  sessionDays: number;
  /** Longest a connection may stay silent (no byte either way) while a request is open: an upload may take hours, but never idle this long. */
  requestTimeoutMs: number;
  /** Time a client has to send the request line and headers after connecting (sockets that never speak are closed). */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open between requests. */
  keepAliveTimeoutMs: number;
  /** On SIGTERM/SIGINT: how long running requests (uploads) and the current push target get to finish before the process exits anyway. */
  shutdownGraceMs: number;
  /** Longest one database statement may run (MySQL/MariaDB) or wait for the write lock (SQLite) before it fails. */
  dbStatementTimeoutMs: number;
  /** Longest a request waits for a database connection from the pool before it is answered 503. */
  dbAcquireTimeoutMs: number;
  /** How long a worker holds a claimed target before another worker may take it over. */
  workerLeaseMs: number;
  workerConcurrency: number;
  /** Role `all`: the distribution worker runs on a thread of its own rather than on the thread that answers requests. */
  workerThread: boolean;
  /** Content younger than this is never swept by the garbage collector. */
  gcGraceMs: number;
  /** How often a worker collects garbage; 0 leaves it to `npm run gc`. */
  gcIntervalMs: number;
  /** Versions older than this many days may be swept when nothing else holds them; 0 keeps the whole history. */
  historyRetentionDays: number;
  /** Query points each API token (or signed-out address) may spend per window; `points: 0` turns budgets off. */
  requestBudget: { points: number; windowSeconds: number };
  /** Staff hear of on-time hand-ins in one notification per assignment per this many milliseconds. */
  handInDigestMs: number;
  /** argon2 cost; 'fast' exists for test runs only (NODE_ENV=test). */
  passwordHashing: 'standard' | 'fast';
  /** Browser origins besides the dashboard's that may call the API with CORS (integrators' apps). */
  corsOrigins: string[];
  /** Port of the Prometheus metrics endpoint; null keeps it off. */
  metricsPort: number | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Express `trust proxy`: whose X-Forwarded-For names the client (login throttling by address). */
  trustProxy: boolean | number | string;
  /** OpenID Connect providers people may sign in with (universities' own logins). */
  oidcIssuers: OidcIssuerConfig[];
  /** `LTI_KEY_SECRET` (32 bytes, base64): the LTI signing keys' private halves are encrypted with it at rest; null stores them as they are. */
  ltiKeySecret: Buffer | null;
  /** Webhooks may go to loopback and private addresses (an instance on a private network); refused by default. */
  webhookAllowPrivate: boolean;
  /** Consecutive failed attempts after which a webhook endpoint is disabled and its space's admins told. */
  webhookDisableAfter: number;
  /** How long one webhook attempt may take before it counts as failed. */
  webhookTimeoutMs: number;
  /** Where blob bytes live: `BLOB_STORE`, a folder (by default `<DATA_DIR>/blobs`) or an S3-compatible bucket. */
  blobStore: BlobStoreConfig;
}

export type BlobStoreConfig = { kind: 'local'; dir: string } | S3StoreConfig;

/** An S3-compatible bucket: `BLOB_STORE=s3://bucket/prefix` with the `S3_*` settings. */
export interface S3StoreConfig {
  kind: 's3';
  bucket: string;
  /** Key prefix without leading or trailing slash; '' stores at the bucket's root. */
  prefix: string;
  /** `S3_ENDPOINT`; null uses AWS's endpoint for the region. */
  endpoint: string | null;
  region: string;
  /** `S3_ACCESS_KEY_ID` and `S3_SECRET_ACCESS_KEY`; null leaves credentials to the AWS SDK's usual sources (environment, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** `S3_FORCE_PATH_STYLE`: `endpoint/bucket/key` rather than `bucket.endpoint/key` (MinIO, Ceph, most self-hosted servers). */
  forcePathStyle: boolean;
}

/** The largest object S3 copies in one request; a blob reaches its final key by such a copy. */
export const S3_COPY_LIMIT_BYTES = 5 * 1024 ** 3;

/** S3's rules for bucket names (general purpose buckets), checked so a typo fails at start rather than at the first upload. */
const BUCKET = /^(?!xn--)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads `BLOB_STORE` and the `S3_*` settings; throws naming the variable
 * that is wrong. Unset (or a plain path) means a folder; the `S3_*` settings
 * without an `s3://` store are refused rather than ignored.
 */
export function parseBlobStore(env: NodeJS.ProcessEnv, dataDir: string): BlobStoreConfig {
  const value = env.BLOB_STORE?.trim() ?? '';
  const s3Settings = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'].filter((name) => env[name] !== undefined && env[name] !== '');
  const fail = (message: string): never => {
    throw new Error(`invalid configuration: ${message}`);
  };
  if (!value.startsWith('s3://')) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) fail(`BLOB_STORE: '${value}' is neither a folder nor an s3://bucket/prefix address`);
    if (s3Settings.length > 0) fail(`${s3Settings.join(', ')} ${s3Settings.length === 1 ? 'is' : 'are'} set but BLOB_STORE is not an s3://bucket/prefix address`);
    return { kind: 'local', dir: value ? path.resolve(value) : path.join(dataDir, 'blobs') };
  }
  const rest = value.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const prefix = slash < 0 ? '' : rest.slice(slash + 1).replace(/\/+$/, '');
  if (!BUCKET.test(bucket)) {
    fail(`BLOB_STORE: '${bucket}' is not a bucket name (3 to 63 lower-case letters, digits, dots and dashes, starting and ending with a letter or digit)`);
  }
  if (prefix.split('/').some((part) => part === '' || part === '.' || part === '..') && prefix !== '') {
    fail(`BLOB_STORE: the prefix '${prefix}' has an empty, '.' or '..' part`);
  }
  if (/[\x00-\x1f\x7f\\]/.test(prefix)) fail(`BLOB_STORE: the prefix '${prefix}' contains a control character or a backslash`);
  const endpoint = env.S3_ENDPOINT || null;
  if (endpoint !== null) {
    let url: URL | null = null;
    try {
      url = new URL(endpoint);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || (url.pathname !== '/' && url.pathname !== '')) {
      fail(`S3_ENDPOINT: '${endpoint}' must be an http(s) URL without a path, such as https://s3.example.org:9000`);
    }
  }
  const region = env.S3_REGION || (endpoint ? 'us-east-1' : null);
  if (!region) fail('S3_REGION: must be set when S3_ENDPOINT is not (AWS needs the bucket\'s region, e.g. eu-central-1)');
  const keyId = env.S3_ACCESS_KEY_ID || null;
  const secret = env.S3_SECRET_ACCESS_KEY || null;
  if ((keyId === null) !== (secret === null)) fail(`${keyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'}: must be set together with ${keyId ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY'}`);
  const pathStyle = env.S3_FORCE_PATH_STYLE || 'false';
  if (pathStyle !== 'true' && pathStyle !== 'false') fail(`S3_FORCE_PATH_STYLE: must be true or false, not '${pathStyle}'`);
  return {
    kind: 's3',
    bucket,
    prefix,
    endpoint,
    region: region as string,
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : null,
    forcePathStyle: pathStyle === 'true',
  };
}

/** One OpenID Connect provider: `OIDC_ISSUERS` (or the file `OIDC_ISSUERS_FILE`) holds an array of these. */
export interface OidcIssuerConfig {
  /** Short name used in URLs: `/auth/oidc/<id>/start`. */
  id: string;
  /** Shown on the button: "Sign in with <name>". */
  name: string;
  /** The issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim holding the person's e-mail address. */
  emailClaim: string;
  /** Lower-case domains whose addresses may sign in (subdomains included); null allows any. */
  allowedDomains: string[] | null;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const oidcIssuer = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits and dashes (it appears in URLs)'),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  issuer: z
    .string()
    .max(255, 'must be at most 255 characters')
    .url('must be the issuer URL, e.g. https://login.example.edu')
    .regex(/^https?:\/\//, 'must be an http(s) URL'),
  clientId: z.string().min(1, 'must not be empty'),
  clientSecret: z.string().min(1, 'must not be empty'),
  emailClaim: z.string().min(1, 'must not be empty').default('email'),
  allowedDomains: z
    .array(z.string().trim().toLowerCase().regex(DOMAIN, 'must be a domain such as example.edu'))
    .min(1, 'must list at least one domain, or be left out to allow any')
    .optional(),
});

const oidcIssuers = z
  .array(oidcIssuer)
  .superRefine((issuers, ctx) => {
    const seen = new Set<string>();
    issuers.forEach((issuer, index) => {
      if (seen.has(issuer.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `'${issuer.id}' is used by another issuer` });
      seen.add(issuer.id);
    });
  });

/**
 * Parses the issuers' JSON (from `OIDC_ISSUERS` or the file `OIDC_ISSUERS_FILE`, named by `source`);
 * throws naming the variable and the field that is wrong.
 */
export function parseOidcIssuers(text: string, source: string, production: boolean): OidcIssuerConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid configuration: ${source}: is not JSON (${(error as Error).message})`);
  }
  const parsed = oidcIssuers.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${[source, ...issue.path].join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data.map((issuer, index) => {
    // Tokens and secrets travel to and from the issuer: plain http only for trying things out.
    if (production && !issuer.issuer.startsWith('https://')) {
      throw new Error(`invalid configuration: ${source}.${index}.issuer: must be an https URL with NODE_ENV=production`);
    }
    return { ...issuer, allowedDomains: issuer.allowedDomains ?? null };
  });
}

function readOidcIssuers(env: { OIDC_ISSUERS?: string; OIDC_ISSUERS_FILE?: string }, production: boolean): OidcIssuerConfig[] {
  if (env.OIDC_ISSUERS && env.OIDC_ISSUERS_FILE) {
    throw new Error('invalid configuration: OIDC_ISSUERS and OIDC_ISSUERS_FILE are both set; set one of them');
  }
  if (env.OIDC_ISSUERS) return parseOidcIssuers(env.OIDC_ISSUERS, 'OIDC_ISSUERS', production);
  if (!env.OIDC_ISSUERS_FILE) return [];
  let text: string;
  try {
    text = fs.readFileSync(env.OIDC_ISSUERS_FILE, 'utf8');
  } catch (error) {
    throw new Error(`invalid configuration: OIDC_ISSUERS_FILE: cannot read ${env.OIDC_ISSUERS_FILE} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseOidcIssuers(text, 'OIDC_ISSUERS_FILE', production);
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  STAGECOACH_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  DATA_DIR: z.string().default(path.resolve(process.cwd(), 'data')),
  SQLITE_NATIVE_BINDING: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, 'must start with mysql:// (leave it unset for the embedded SQLite database)')
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(5 * 1024 ** 3),
  PUBLIC_URL: z.string().url().optional(),
  WEB_URL: z.string().url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Stagecoach <stagecoach@localhost>'),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  DEMO_CLASS_SIZE: z.coerce.number().int().min(0).max(5000).default(0),
  ALLOW_SIGN_UP: z.enum(['true', 'false']).optional(),
  SESSION_DAYS: z.coerce.number().positive().default(14),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).default(25_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  WORKER_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  // Targets in flight read through the process's 10 database connections; those ready together commit in one transaction.
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(8).optional(),
  WORKER_THREAD: z.enum(['true', 'false']).default('true'),
  PASSWORD_HASHING: z.enum(['standard', 'fast']).default('standard'),
  GC_GRACE_MS: z.coerce.number().int().min(0).default(60 * 60_000),
  GC_INTERVAL_MS: z.coerce.number().int().min(0).default(6 * 60 * 60_000),
  HISTORY_RETENTION_DAYS: z.coerce.number().min(0).default(0),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/]+$/, 'must be a comma-separated list of origins such as https://lms.example.org'))),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // `true`/`false`, a hop count, or addresses and names such as `loopback, 10.0.0.0/8`.
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value) => (value === 'true' || value === 'false' ? value === 'true' : /^\d+$/.test(value) ? Number(value) : value)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  HAND_IN_DIGEST_MINUTES: z.coerce.number().positive().default(10),
  REQUEST_BUDGET_POINTS: z.coerce.number().int().min(0).default(300_000),
  REQUEST_BUDGET_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  OIDC_ISSUERS: z.string().optional(),
  LTI_KEY_SECRET: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes in base64 (for example: openssl rand -base64 32)')
    .optional(),
  OIDC_ISSUERS_FILE: z.string().optional(),
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(15),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

export function dialectOf(databaseUrl: string | null | undefined): Dialect {
  return databaseUrl && databaseUrl.startsWith('mysql://') ? 'mysql' : 'sqlite';
}

/** Reads the configuration from `env` (process.env by default); throws naming every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const v = parsed.data;
  const port = v.PORT;
  const publicUrl = v.PUBLIC_URL ?? `http://localhost:${port}`;
  const config: AppConfig = {
    env: v.NODE_ENV,
    port,
    host: v.HOST,
    role: v.STAGECOACH_ROLE,
    dataDir: path.resolve(v.DATA_DIR),
    sqliteNativeBinding: v.SQLITE_NATIVE_BINDING ? path.resolve(v.SQLITE_NATIVE_BINDING) : null,
    databaseUrl: v.DATABASE_URL ?? null,
    dialect: dialectOf(v.DATABASE_URL),
    redisUrl: v.REDIS_URL ?? null,
    maxUploadBytes: v.MAX_UPLOAD_BYTES,
    publicUrl,
    webUrl: v.WEB_URL ?? 'http://localhost:3000',
    smtpUrl: v.SMTP_URL ?? null,
    mailFrom: v.MAIL_FROM,
    // The demo course (with its well-known passwords) is for trying Stagecoach out: on by default
    // outside production, never in production.
    seedDemo: (v.SEED_DEMO ?? (v.NODE_ENV === 'production' ? 'false' : 'true')) === 'true',
    // Open sign-up suits trying Stagecoach out; a real deployment lets people in by invitation.
    demoClassSize: v.DEMO_CLASS_SIZE,
    allowSignUp: (v.ALLOW_SIGN_UP ?? (v.NODE_ENV === 'production' ? 'false' : 'true')) === 'true',
    sessionDays: v.SESSION_DAYS,
    requestTimeoutMs: v.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: v.HEADERS_TIMEOUT_MS,
    keepAliveTimeoutMs: v.KEEP_ALIVE_TIMEOUT_MS,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    dbStatementTimeoutMs: v.DB_STATEMENT_TIMEOUT_MS,
    dbAcquireTimeoutMs: v.DB_ACQUIRE_TIMEOUT_MS,
    workerLeaseMs: v.WORKER_LEASE_MS,
    // More targets in flight make larger shared transactions: on MariaDB a 10,000-target push took 34 s at 8 against 43 s at 4.
    // SQLite writes one transaction at a time, and a larger one would hold requests' writes back longer.
    workerConcurrency: v.WORKER_CONCURRENCY ?? (dialectOf(v.DATABASE_URL) === 'mysql' ? 8 : 4),
    workerThread: v.WORKER_THREAD === 'true',
    passwordHashing: v.PASSWORD_HASHING,
    gcGraceMs: v.GC_GRACE_MS,
    gcIntervalMs: v.GC_INTERVAL_MS,
    historyRetentionDays: v.HISTORY_RETENTION_DAYS,
    corsOrigins: v.CORS_ORIGINS,
    metricsPort: v.METRICS_PORT ?? null,
    trustProxy: v.TRUST_PROXY,
    logLevel: v.LOG_LEVEL ?? 'info',
    handInDigestMs: v.HAND_IN_DIGEST_MINUTES * 60_000,
    requestBudget: { points: v.REQUEST_BUDGET_POINTS, windowSeconds: v.REQUEST_BUDGET_WINDOW_SECONDS },
    oidcIssuers: readOidcIssuers(v, v.NODE_ENV === 'production'),
    ltiKeySecret: v.LTI_KEY_SECRET ? Buffer.from(v.LTI_KEY_SECRET, 'base64') : null,
    webhookAllowPrivate: v.WEBHOOK_ALLOW_PRIVATE === 'true',
    webhookDisableAfter: v.WEBHOOK_DISABLE_AFTER_FAILURES,
    webhookTimeoutMs: v.WEBHOOK_TIMEOUT_MS,
    blobStore: parseBlobStore(env, path.resolve(v.DATA_DIR)),
  };
  const result = { ...config, ...overrides };
  // A data folder given as an override carries the default blob folder with it.
  if (overrides.dataDir && !overrides.blobStore) result.blobStore = parseBlobStore(env, result.dataDir);
  if (result.seedDemo && result.env === 'production') {
    throw new Error(
      'invalid configuration: SEED_DEMO=true is refused with NODE_ENV=production: the demo course has public passwords; ' +
        'leave SEED_DEMO unset and create the first account with `npm run admin:create -- --email you@example.org --name "Your Name"`',
    );
  }
  if (result.blobStore.kind === 's3' && result.maxUploadBytes > S3_COPY_LIMIT_BYTES) {
    throw new Error(
      `invalid configuration: MAX_UPLOAD_BYTES: at most ${S3_COPY_LIMIT_BYTES} (5 GiB) with BLOB_STORE=s3://…, the largest object an S3 server copies in one request`,
    );
  }
  if (result.passwordHashing === 'fast' && result.env !== 'test') {
    throw new Error('invalid configuration: PASSWORD_HASHING=fast is only for test runs (NODE_ENV=test)');
  }
  return result;
}
