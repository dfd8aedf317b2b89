import fs from 'node:fs';
import path from 'node:path';
import { DataSource, EntityManager, type DataSourceOptions, type QueryRunner } from 'typeorm';
import type { AppConfig, Dialect } from '../config';
import { mysqlMigrations } from '../../../migrations/mysql';
import { sqliteMigrations } from '../../../migrations/sqlite';

/**
 * The data source plus the one rule about transactions: SQLite has a single
 * writer, so transactions are queued in-process (the same code path as MySQL,
 * serialised); MySQL/MariaDB run them concurrently with row locks.
 */
export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataSource: DataSource,
    readonly dialect: Dialect,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'mysql') return this.withDeadlockRetry(() => this.dataSource.transaction(work));
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * InnoDB may pick a transaction as a deadlock victim and roll it back whole;
   * running it again is what the server asks for. Work inside transactions
   * re-reads what it depends on, so a second run is safe.
   */
  private async withDeadlockRetry<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const { errno } = driverFields(error);
        if (attempt >= attempts || errno === undefined || !RETRY_SAFE_ERRNOS.has(errno)) throw error;
        // Growing, randomised waits, so transactions that collided once do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1_000, 10 * 2 ** attempt)));
      }
    }
  }

  /** `INSERT ... IGNORE` in the dialect's words. */
  get insertIgnore(): string {
    return this.dialect === 'mysql' ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** MariaDB and MySQL describe nullable columns differently; TypeORM must know which it talks to. */
async function mysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  // mysql2 is loaded only for a MySQL database (TypeORM loads it the same way for its pool).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createConnection } = require('mysql2/promise') as typeof import('mysql2/promise');
  const connection = await createConnection({ uri: url });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0].v)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

type DatabaseConfig = Pick<AppConfig, 'dialect' | 'databaseUrl' | 'dataDir'> & Partial<Pick<AppConfig, 'dbStatementTimeoutMs' | 'dbAcquireTimeoutMs' | 'sqliteNativeBinding'>>;

const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
const DEFAULT_ACQUIRE_TIMEOUT_MS = 10_000;

/**
 * mysql2's pool waits for a free connection forever: with the database frozen,
 * every request would hang as long as the freeze. This bounds the wait; a
 * connection that arrives after its caller gave up goes back to the pool.
 */
function boundConnectionWait(dataSource: DataSource, timeoutMs: number): void {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<{ release(): void }> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () =>
    new Promise((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(Object.assign(new Error(`no database connection within ${timeoutMs} ms`), { code: 'DATABASE_ACQUIRE_TIMEOUT' }));
      }, timeoutMs);
      obtain().then(
        (connection) => {
          clearTimeout(timer);
          if (late) connection.release();
          else resolve(connection);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!late) reject(error);
        },
      );
    });
}

/** The entity classes the schema is made of; the composition root (src/entities.ts) lists them. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

export async function createDataSource(config: DatabaseConfig, entities: EntityList): Promise<DataSource> {
  const statementTimeoutMs = config.dbStatementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const acquireTimeoutMs = config.dbAcquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS;
  if (config.dialect === 'mysql') {
    if (!config.databaseUrl) throw new Error('DATABASE_URL is required for MySQL');
    return new DataSource({
      type: await mysqlFlavour(config.databaseUrl),
      url: config.databaseUrl,
      entities,
      migrations: mysqlMigrations,
      migrationsTableName: 'migrations',
      synchronize: false,
      timezone: 'Z',
      charset: 'utf8mb4_bin',
      supportBigNumbers: true,
      bigNumberStrings: false,
      poolSize: 10,
      // Client-side: a frozen server never enforces a server-side limit.
      enableQueryTimeout: true,
      maxQueryExecutionTime: statementTimeoutMs,
      connectTimeout: acquireTimeoutMs,
      extra: { connectionLimit: 10 },
    });
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: path.join(config.dataDir, 'stagecoach.sqlite'),
    entities,
    migrations: sqliteMigrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    enableWAL: true,
    ...(config.sqliteNativeBinding ? { nativeBinding: config.sqliteNativeBinding } : {}),
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      // Waiting longer for another writer than this is answered as 'database unavailable'.
      db.pragma(`busy_timeout = ${Math.round(statementTimeoutMs)}`);
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  });
}

/**
 * SQLite transactions take the write lock when they begin (`BEGIN IMMEDIATE`)
 * rather than at their first write. Another connection (the worker thread,
 * another process) may commit between a deferred transaction's first read and
 * its first write, and SQLite then refuses the write at once (SQLITE_BUSY, no
 * waiting); taken at the start, the lock is waited for (busy_timeout) and the
 * transaction cannot be refused halfway.
 */
function beginImmediately(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { createQueryRunner(mode: 'master' | 'slave'): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  const patched = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    if (!patched.has(runner)) {
      patched.add(runner);
      const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
      (runner as { query: typeof query }).query = (sql, ...rest) => query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest);
    }
    return runner;
  };
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig, entities: EntityList): Promise<Database> {
  const dataSource = await createDataSource(config, entities);
  await dataSource.initialize();
  if (config.dialect === 'mysql') boundConnectionWait(dataSource, config.dbAcquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS);
  else beginImmediately(dataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource, config.dialect);
}

interface DriverErrorFields {
  errno?: number;
  code?: string;
  message?: string;
  driverError?: { errno?: number; code?: string; message?: string };
}

function driverFields(error: unknown): { errno?: number; code?: string; message: string } {
  const e = (error ?? {}) as DriverErrorFields;
  return {
    errno: e.driverError?.errno ?? e.errno,
    code: e.driverError?.code ?? e.code,
    message: String(e.driverError?.message ?? e.message ?? ''),
  };
}

/** MySQL/MariaDB: deadlock victim, lock wait timeout. Nothing was written; running the statement again is what the server asks for. */
const RETRY_SAFE_ERRNOS = new Set([1213, 1205]);
/**
 * MySQL/MariaDB errors that mean the server or the connection went away:
 * server shutdown (1053), too many connections (1040), connection killed
 * (1927), query interrupted by KILL (1317), server gone / connection lost
 * (2006, 2013).
 */
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1317, 1927, 2006, 2013]);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_LOCKED',
  'DATABASE_ACQUIRE_TIMEOUT',
]);

/**
 * The database could not be reached or did not answer in time (connection
 * refused, lost or killed, statement or acquire timeout, SQLite busy): the
 * request may succeed if tried again shortly.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { errno, code, message } = driverFields(error);
  if (errno !== undefined && UNAVAILABLE_ERRNOS.has(errno)) return true;
  if (code !== undefined && UNAVAILABLE_CODES.has(code)) return true;
  return /closed state|Pool is closed|Connection lost|connect ETIMEDOUT/i.test(message);
}

/** The disk under the database or the blob store is full (ENOSPC, SQLITE_FULL, MySQL 'table is full' / errno 28). */
export function isDiskFull(error: unknown): boolean {
  const { errno, code, message } = driverFields(error);
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || errno === 1114 || errno === 1021 || /Errcode: 28|No space left on device/i.test(message);
}

/**
 * Worth trying again after a pause: a deadlock or lock wait timeout, or the
 * database being momentarily unavailable. Conflicts, validation errors and
 * bugs are not.
 */
export function isTransientDbError(error: unknown): boolean {
  const { errno } = driverFields(error);
  return (errno !== undefined && RETRY_SAFE_ERRNOS.has(errno)) || isDatabaseUnavailable(error);
}

/** A unique index refused a row (MySQL ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { driverError?: { errno?: number; code?: string }; errno?: number; code?: string };
  const errno = e.driverError?.errno ?? e.errno;
  const code = e.driverError?.code ?? e.code;
  return errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** How often work rides out a transient database error (about half a minute of backoff in all). */
export const TRANSIENT_RETRIES = 8;

/** Exponential backoff with jitter, capped at 5 s. */
export function backoffMs(retry: number): number {
  return Math.min(5_000, 100 * 2 ** retry) * (0.5 + Math.random() / 2);
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `work` again after a transient database error (see isTransientDbError),
 * with backoff, up to TRANSIENT_RETRIES times. Only for work that is safe to
 * repeat even if an attempt committed before its connection dropped.
 */
export async function retryTransient<T>(work: () => Promise<T>, onRetry?: (error: unknown, waitMs: number) => void): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await work();
    } catch (error) {
      if (!isTransientDbError(error) || retry >= TRANSIENT_RETRIES) throw error;
      const wait = backoffMs(retry);
      onRetry?.(error, wait);
      await pause(wait);
    }
  }
}

/** How an HTTP or GraphQL answer describes a database or disk outage. */
export interface Outage {
  status: 503 | 507;
  code: 'SERVICE_UNAVAILABLE' | 'INSUFFICIENT_STORAGE';
  message: string;
  /** Seconds for `Retry-After`, when waiting is what helps. */
  retryAfterSeconds: number | null;
}

/** Seconds a client is asked to wait before trying again when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** Null unless `error` means the database is unavailable (503) or a disk is full (507); nothing was saved in either case. */
export function outageOf(error: unknown): Outage | null {
  if (isDiskFull(error)) {
    return { status: 507, code: 'INSUFFICIENT_STORAGE', message: "the server's storage is full; nothing was saved", retryAfterSeconds: null };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: `the database is unavailable right now; nothing was saved. Try again in ${RETRY_AFTER_SECONDS} seconds`,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    };
  }
  return null;
}
