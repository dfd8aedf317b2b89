/**
 * `npm run bench`: the storage benchmarks of the foundation (snapshot cost,
 * 1 GiB transfers, listing a folder of 10,000 entries), the distribution
 * benchmark (a folder of 10,000 files pushed to 100 and 1,000 targets) and
 * the assignments benchmark (a course of 1,000 students: the status query, a
 * burst of 1,000 hand-ins before the deadline, the zip of every hand-in) and
 * the roster benchmark (a roster of 1,000 lines previewed and imported), the
 * rubrics benchmark (1,000 students graded by a rubric: the tracker's
 * per-criterion points, an edit recomputing grades), the subscribers
 * benchmark (pushes and hand-ins watched by up to 1,000 live subscribers, the
 * space page) and the file API benchmark (a folder of 1,000 files as one zip
 * against 1,000 PUT requests), the blob store benchmark (a 200 MiB blob
 * uploaded and downloaded, local folder against an S3-compatible bucket), the
 * class-size benchmark (each dashboard page's queries at 1,000 students,
 * against what the pages sent before), the webhooks benchmark (the cost of
 * emitting events on a push to 1,000 students with no endpoint and with one,
 * and delivery throughput to a local receiver) and the grading benchmark (the
 * built dashboard in Chromium: a 5 MB notebook opened, the changes of a
 * 10,000-line file, Alt+N through a course of 1,000), on SQLite, and on MariaDB when
 * one answers; and the scale benchmark (two API and one or two worker
 * processes on MariaDB: a push to 10,000 students, 1,000 progress subscribers,
 * 10,000 hand-ins in 5 minutes; MariaDB only).
 *
 *   node dist-bench/server/src/bench/run.js [foundation] [distribution] [assignments] [roster] [rubrics] [subscribers] [files] [blobs] [classsize] [webhooks] [grading] [scale] [--only sqlite|mysql]
 *
 * With no benchmark named, every one runs. Entity column types are fixed per
 * process by the dialect (read from STAGECOACH_DIALECT when the entities are
 * imported), so each database is measured in a child process of this script
 * (`--dialect <name> --bench <name>`), and the transfer server runs in a child
 * of its own (`--serve`) so its memory can be measured apart from the client's.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mysql2/promise';
import type { Dialect } from '../config';
import { runAssignments } from './assignments-bench';
import { runClassSize } from './classsize-bench';
import { prepareGrading, runGrading } from './grading-bench';
import { runRubrics } from './rubrics-bench';
import { runSubscribers } from './subscribers-bench';
import { runFileApi } from './file-api-bench';
import { runBlobs } from './blobs-bench';
import { runDialect } from './dialect-bench';
import { runDistribution } from './distribution-bench';
import { runRoster } from './roster-bench';
import { runScale } from './scale-bench';
import { runWebhooks } from './webhooks-bench';
import { DISTRIBUTION_SOURCE_ENV, prepareDistributionSource, printBaseline } from './distribution-source';
import { connectAdmin, createThrowawayDatabase, DEFAULT_ADMIN_URL, type ThrowawayDatabase } from './mariadb';
import { describeMachine, machine } from './report';
import { serveForTransfer } from './transfer-server';

const RUN_SCRIPT = __filename;

/** A wrong command line: reported as its message alone. */
class UsageError extends Error {}

interface Benchmark {
  title: string;
  /** Runs in the child process of one dialect. */
  run(dialect: Dialect): Promise<void>;
  /** Runs once in this process before the children; its variables reach every child. */
  prepare?(): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>;
}

const BENCHMARKS = {
  foundation: {
    title: 'Stagecoach foundation benchmark',
    run: (dialect) => runDialect(dialect, RUN_SCRIPT),
  },
  distribution: {
    title: 'Stagecoach distribution benchmark',
    run: runDistribution,
    async prepare() {
      console.log('generating the folders of 10,000 files and timing cp -r ...');
      const { source, cleanup } = await prepareDistributionSource();
      printBaseline(source);
      return { env: { [DISTRIBUTION_SOURCE_ENV]: JSON.stringify(source) }, cleanup };
    },
  },
  assignments: {
    title: 'Stagecoach assignments benchmark',
    run: runAssignments,
  },
  roster: {
    title: 'Stagecoach roster import benchmark',
    run: runRoster,
  },
  rubrics: {
    title: 'Stagecoach rubrics benchmark',
    run: runRubrics,
  },
  subscribers: {
    title: 'Stagecoach subscribers benchmark',
    run: runSubscribers,
  },
  files: {
    title: 'Stagecoach file API benchmark',
    run: runFileApi,
  },
  blobs: {
    title: 'Stagecoach blob store benchmark',
    run: runBlobs,
  },
  classsize: {
    title: 'Stagecoach class-size benchmark',
    run: runClassSize,
  },
  webhooks: {
    title: 'Stagecoach webhooks benchmark',
    run: runWebhooks,
  },
  grading: {
    title: 'Stagecoach grading benchmark (the built dashboard in Chromium)',
    run: runGrading,
    prepare: prepareGrading,
  },
  scale: {
    title: 'Stagecoach scale benchmark (two API processes, one and two workers, on MariaDB)',
    run: runScale,
  },
} satisfies Record<string, Benchmark>;

type BenchmarkName = keyof typeof BENCHMARKS;

function isBenchmark(name: string | undefined): name is BenchmarkName {
  return name !== undefined && Object.hasOwn(BENCHMARKS, name);
}

function isDialect(value: string | undefined): value is Dialect {
  return value === 'sqlite' || value === 'mysql';
}

/** The environment of a child measuring `dialect`; nothing inherited may point it at another database. */
function childEnv(dialect: Dialect, extra: NodeJS.ProcessEnv, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, NODE_ENV: 'production', STAGECOACH_DIALECT: dialect };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

async function runChild(bench: BenchmarkName, dialect: Dialect, env: NodeJS.ProcessEnv): Promise<boolean> {
  const child = fork(RUN_SCRIPT, ['--dialect', dialect, '--bench', bench], { env, execArgv: ['--expose-gc'], stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code === 0) return true;
  console.error(`\n${bench}, ${dialect}: benchmark failed (${signal ? `signal ${signal}` : `exit code ${code}`})`);
  return false;
}

/** One benchmark on SQLite, then on a throwaway MariaDB database when a server answers. */
async function runBenchmark(bench: BenchmarkName, dialects: readonly Dialect[]): Promise<boolean> {
  const start = performance.now();
  const { title, prepare } = BENCHMARKS[bench] as Benchmark;
  console.log(`\n${title}`);
  console.log(describeMachine(machine()));
  let prepared: { env: NodeJS.ProcessEnv; cleanup(): Promise<void> };
  try {
    prepared = prepare ? await prepare() : { env: {}, cleanup: async () => undefined };
  } catch (error) {
    // One benchmark that cannot start (the dashboard not built) does not stop the others.
    console.error(`\n${bench}: not run: ${(error as Error).message}`);
    return false;
  }
  let ok = true;
  try {
    if (dialects.includes('sqlite')) ok = await runChild(bench, 'sqlite', childEnv('sqlite', prepared.env));

    if (dialects.includes('mysql')) {
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
          ok = (await runChild(bench, 'mysql', childEnv('mysql', prepared.env, database.url))) && ok;
        } finally {
          await database.drop();
        }
      }
    }
  } finally {
    await prepared.cleanup();
  }
  console.log(`\n${bench} benchmark finished in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return ok;
}

function parseArguments(args: readonly string[]): { benches: BenchmarkName[]; dialects: Dialect[] } {
  const benches: BenchmarkName[] = [];
  let dialects: Dialect[] = ['sqlite', 'mysql'];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--only') {
      const value = args[++i];
      if (!isDialect(value)) throw new UsageError(`--only takes sqlite or mysql, not ${value}`);
      dialects = [value];
    } else if (isBenchmark(arg)) {
      if (!benches.includes(arg)) benches.push(arg);
    } else {
      throw new UsageError(`unknown argument '${arg}'; usage: run.js [${Object.keys(BENCHMARKS).join('] [')}] [--only sqlite|mysql]`);
    }
  }
  return { benches: benches.length ? benches : (Object.keys(BENCHMARKS) as BenchmarkName[]), dialects };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === '--serve') {
    await serveForTransfer();
    return -1;
  }
  if (args[0] === '--dialect') {
    const [, dialect, flag, bench] = args;
    if (!isDialect(dialect)) throw new Error(`--dialect takes sqlite or mysql, not ${dialect}`);
    const name = flag === '--bench' ? bench : 'foundation';
    if (!isBenchmark(name)) throw new Error(`--bench takes ${Object.keys(BENCHMARKS).join(' or ')}, not ${name}`);
    await BENCHMARKS[name].run(dialect);
    return 0;
  }
  const { benches, dialects } = parseArguments(args);
  const start = performance.now();
  let ok = true;
  for (const bench of benches) ok = (await runBenchmark(bench, dialects)) && ok;
  if (benches.length > 1) console.log(`\nall benchmarks finished in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    // The transfer server keeps running until its parent tells it to stop.
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
