import { randomBytes } from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';

/** Where the MariaDB/MySQL benchmark looks by default; BENCH_MYSQL_URL overrides it. */
export const DEFAULT_ADMIN_URL = 'mysql://root@127.0.0.1:3306/';

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Connects as the administrator at `adminUrl`; the error message says why
 * not when no server answers.
 */
export async function connectAdmin(adminUrl: string): Promise<Connection> {
  const connection = await createConnection({ uri: adminUrl, connectTimeout: 3000 });
  await connection.query('SELECT 1');
  return connection;
}

/** Creates an empty database for one run; `drop` removes it and closes the connection. */
export async function createThrowawayDatabase(admin: Connection, adminUrl: string): Promise<ThrowawayDatabase> {
  const name = `stagecoach_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.end();
      }
    },
  };
}
