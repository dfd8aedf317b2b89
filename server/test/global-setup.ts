import { probeMysql } from './mysql-probe';

/**
 * Decides once per run whether the MariaDB/MySQL suites run. Under CI a missing
 * server fails the run; elsewhere the suites are skipped with one line.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
  process.env.TEST_MYSQL_URL = url;
  const error = await probeMysql(url);
  if (!error) {
    process.env.STAGECOACH_MYSQL_AVAILABLE = '1';
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(`MariaDB/MySQL is required under CI but ${url} is not reachable: ${error}`);
  }
  process.env.STAGECOACH_MYSQL_AVAILABLE = '0';
  console.log(`\nMariaDB/MySQL not reachable at ${url} (${error}): MySQL suites skipped.`);
}
