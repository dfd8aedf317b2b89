import { createConnection } from 'mysql2/promise';

/** Returns null when a MySQL-compatible server answers at `url`, else the reason it does not. */
export async function probeMysql(url: string): Promise<string | null> {
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 3000 });
    await connection.query('SELECT 1');
    await connection.end();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
