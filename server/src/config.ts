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
  databaseUrl: string | null;
  dialect: Dialect;
  redisUrl: string | null;
  maxUploadBytes: number;
  publicUrl: string;
  webUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  seedDemo: boolean;
  sessionDays: number;
  requestTimeoutMs: number;
  /** How long a worker holds a claimed target before another worker may take it over. */
  workerLeaseMs: number;
  /** Staff hear of on-time hand-ins in one notification per assignment per this many milliseconds. */
  handInDigestMs: number;
  /** argon2 cost; 'fast' exists for test runs only (NODE_ENV=test). */
  passwordHashing: 'standard' | 'fast';
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  STAGECOACH_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  DATA_DIR: z.string().default(path.resolve(process.cwd(), 'data')),
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
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  SESSION_DAYS: z.coerce.number().positive().default(14),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  WORKER_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  PASSWORD_HASHING: z.enum(['standard', 'fast']).default('standard'),
  HAND_IN_DIGEST_MINUTES: z.coerce.number().positive().default(10),
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
    databaseUrl: v.DATABASE_URL ?? null,
    dialect: dialectOf(v.DATABASE_URL),
    redisUrl: v.REDIS_URL ?? null,
    maxUploadBytes: v.MAX_UPLOAD_BYTES,
    publicUrl,
    webUrl: v.WEB_URL ?? 'http://localhost:3000',
    smtpUrl: v.SMTP_URL ?? null,
    mailFrom: v.MAIL_FROM,
    seedDemo: v.SEED_DEMO === 'true',
    sessionDays: v.SESSION_DAYS,
    requestTimeoutMs: v.REQUEST_TIMEOUT_MS,
    workerLeaseMs: v.WORKER_LEASE_MS,
    passwordHashing: v.PASSWORD_HASHING,
    handInDigestMs: v.HAND_IN_DIGEST_MINUTES * 60_000,
  };
  const result = { ...config, ...overrides };
  if (result.passwordHashing === 'fast' && result.env !== 'test') {
    throw new Error('invalid configuration: PASSWORD_HASHING=fast is only for test runs (NODE_ENV=test)');
  }
  return result;
}
