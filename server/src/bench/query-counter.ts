import type { Database } from '../db/database';

/** SQL statements sent while counting, by their first word (SELECT, INSERT, UPDATE, DELETE, BEGIN, COMMIT...). */
export type StatementCounts = Record<string, number>;

/**
 * Counts the statements TypeORM sends to the database (every query runner
 * reports each one to the data source's logger before running it) until
 * `stop()`, which restores the logger and returns the counts.
 */
export function countStatements(db: Database): { stop(): StatementCounts } {
  const logger = db.dataSource.logger;
  const original = Object.getOwnPropertyDescriptor(logger, 'logQuery');
  const logQuery = logger.logQuery.bind(logger);
  const counts: StatementCounts = {};
  logger.logQuery = (query, parameters, queryRunner) => {
    const word = /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? '?';
    const kind = word === 'START' ? 'BEGIN' : word;
    counts[kind] = (counts[kind] ?? 0) + 1;
    return logQuery(query, parameters, queryRunner);
  };
  return {
    stop() {
      if (original) Object.defineProperty(logger, 'logQuery', original);
      else delete (logger as Partial<typeof logger>).logQuery;
      return counts;
    },
  };
}

export function totalStatements(counts: StatementCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
