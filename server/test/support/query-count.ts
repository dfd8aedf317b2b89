import type { DataSource } from 'typeorm';

/**
 * Counts the SQL statements a piece of work sends, by wrapping the data
 * source's logger (every query runner reports each statement to it, whatever
 * the logging setting).
 */
/** `outside`: the statements (transaction control aside) sent outside any transaction, i.e. plain reads. */
const TRANSACTION_CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET )/i;

export async function countQueries(dataSource: DataSource, work: () => Promise<unknown>): Promise<{ count: number; statements: string[]; outside: string[] }> {
  const logger = dataSource.logger;
  const statements: string[] = [];
  const outside: string[] = [];
  const counting = Object.create(logger) as typeof logger;
  counting.logQuery = (query, parameters, runner) => {
    statements.push(query);
    if (!runner?.isTransactionActive && !TRANSACTION_CONTROL.test(query.trim())) outside.push(query);
    return logger.logQuery(query, parameters, runner);
  };
  Object.defineProperty(dataSource, 'logger', { value: counting, configurable: true, writable: true });
  try {
    await work();
  } finally {
    Object.defineProperty(dataSource, 'logger', { value: logger, configurable: true, writable: true });
  }
  const reads = statements.filter((s) => !TRANSACTION_CONTROL.test(s.trim()));
  return { count: reads.length, statements: reads, outside };
}
