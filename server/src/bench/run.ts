/**
 * `npm run bench`: storage benchmarks of the foundation (snapshot cost, 1 GiB
 * transfers, listing a folder of 10,000 entries) on SQLite, and on MariaDB
 * when one answers.
 *
 * Entity column types are fixed per process by the dialect (read from
 * STAGECOACH_DIALECT when the entities are imported), so each database is
 * measured in a child process of this script (`--dialect <name>`), and the
 * transfer server runs in a child of its own (`--serve`) so its memory can be
 * measured apart from the client's.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mysql2/promise';
import type { Dialect } from '../config';
import { runDialect } from './dialect-bench';
import { connectAdmin, createThrowawayDatabase, DEFAULT_ADMIN_URL, type ThrowawayDatabase } from './mariadb';
import { describeMachine, machine } from './report';
import { serveForTransfer } from './transfer-server';

const RUN_SCRIPT = __filename;

/** The environment of a child measuring `dialect`; nothing inherited may point it at another database. */
function childEnv(dialect: Dialect, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', STAGECOACH_DIALECT: dialect };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

async function runChild(dialect: Dialect, env: NodeJS.ProcessEnv): Promise<boolean> {
  const child = fork(RUN_SCRIPT, ['--dialect', dialect], { env, execArgv: ['--expose-gc'], stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code === 0) return true;
  console.error(`\n${dialect}: benchmark failed (${signal ? `signal ${signal}` : `exit code ${code}`})`);
  return false;
}

async function runAll(): Promise<number> {
  const start = performance.now();
  console.log('Stagecoach foundation benchmark');
  console.log(describeMachine(machine()));
  let ok = await runChild('sqlite', childEnv('sqlite'));

  const adminUrl = process.env.BENCH_MYSQL_URL ?? DEFAULT_ADMIN_URL;
  let database: ThrowawayDatabase | null = null;
  let admin: Connection | undefined;
  try {
    admin = await connectAdmin(adminUrl);
    database = await createThrowawayDatabase(admin, adminUrl);
  } catch (error) {
    await admin?.end().catch(() => undefined);
    const where = adminUrl.replace(/\/\/[^@/]*@/, '//');
    console.log(`\nmariadb: skipped (${where}: ${(error as Error).message})`);
  }
  if (database) {
    try {
      ok = (await runChild('mysql', childEnv('mysql', database.url))) && ok;
    } finally {
      await database.drop();
    }
  }
  console.log(`\nbenchmark finished in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

async function main(): Promise<number> {
  const [mode, value] = process.argv.slice(2);
  if (mode === '--serve') {
    await serveForTransfer();
    return -1;
  }
  if (mode === '--dialect') {
    if (value !== 'sqlite' && value !== 'mysql') throw new Error(`--dialect takes sqlite or mysql, not ${value}`);
    await runDialect(value, RUN_SCRIPT);
    return 0;
  }
  return runAll();
}

main().then(
  (code) => {
    // The transfer server keeps running until its parent tells it to stop.
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
