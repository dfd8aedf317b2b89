import fs from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig, Dialect } from '../config';
import { entities } from './entities';
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
  private async withDeadlockRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const errno = (error as { driverError?: { errno?: number }; errno?: number }).driverError?.errno ?? (error as { errno?: number }).errno;
        if (attempt >= attempts || (errno !== 1213 && errno !== 1205)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
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
  const connection = await createConnection({ uri: url });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0].v)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export async function createDataSource(
  config: Pick<AppConfig, 'dialect' | 'databaseUrl' | 'dataDir'>,
): Promise<DataSource> {
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
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 10000');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  });
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(config: Pick<AppConfig, 'dialect' | 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const dataSource = await createDataSource(config);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource, config.dialect);
}

/** A unique index refused a row (MySQL ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { driverError?: { errno?: number; code?: string }; errno?: number; code?: string };
  const errno = e.driverError?.errno ?? e.errno;
  const code = e.driverError?.code ?? e.code;
  return errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
