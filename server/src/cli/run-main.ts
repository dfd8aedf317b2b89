import { loadConfig, type AppConfig } from '../config';
import { DomainError } from '../core/errors';
import { openDatabase, type Database } from '../db/database';
import { entities } from '../entities';

/**
 * Runs an operator's command with the server's settings and the command line,
 * and exits with its code; an unexpected failure prints its message and exits 2.
 */
export function runMain(command: (config: AppConfig, args: readonly string[]) => Promise<number>): void {
  Promise.resolve()
    .then(() => command(loadConfig(), process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(2);
      },
    );
}

/**
 * Runs `work` on the configured database and closes it; a refusal of the
 * input (a domain error) is printed for the operator and gives exit code 1.
 */
export async function withDatabase(config: AppConfig, out: (line: string) => void, work: (db: Database) => Promise<number>): Promise<number> {
  const db = await openDatabase(config, entities);
  try {
    return await work(db);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    out(error.message);
    return 1;
  } finally {
    await db.close();
  }
}
