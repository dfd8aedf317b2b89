import { randomBytes } from 'node:crypto';
import { ZipFile } from 'yazl';
import type { RunningApp } from '../app';
import type { Dialect } from '../config';
import { configureLogger } from '../core/logger';
import { createBenchUser, createCourseWorkspace, databaseVersion, withBenchApp } from './fixture';
import { sampleMemoryIfPossible, type MemoryWindow } from './memory-sampler';
import { machine, mb, printGoals, printTable, writeResult, type Goal } from './report';
import { collectGarbage, forEachLimit, median, round, timed } from './stats';

/** Files per folder uploaded, and their size: 1,000 files of 10 KB, 10 MB in all. */
const FILES = 1000;
const FILE_BYTES = 10 * 1024;
const ROUNDS = 3;
/** Uploads in flight at once for the baseline of one request per file, as a script with a pool would send them. */
const PARALLEL_PUTS = 8;

interface Way {
  name: string;
  medianSeconds: number;
  requests: number;
  /** Commits one upload of the folder adds to the workspace's history. */
  commits: number;
  memory: MemoryWindow | null;
}

function folderFiles(): { name: string; content: Buffer }[] {
  return Array.from({ length: FILES }, (_, i) => ({ name: `part${i % 10}/file${i}.bin`, content: randomBytes(FILE_BYTES) }));
}

async function zipOf(files: { name: string; content: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const f of files) zip.addBuffer(f.content, f.name, { compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function versionOf(app: RunningApp, token: string, workspaceId: string): Promise<number> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query($id: ID!) { workspace(id: $id) { version } }', variables: { id: workspaceId } }),
  });
  return ((await res.json()) as { data: { workspace: { version: number } } }).data.workspace.version;
}

async function expectOk(res: Response, what: string): Promise<void> {
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/**
 * One way of uploading a folder of 1,000 new files, ROUNDS times (each round
 * new content into a new folder): the median time, the requests, the commits
 * it adds, and the memory of this process (server and client) during the
 * slowest round.
 */
async function measure(name: string, app: RunningApp, token: string, workspaceId: string, upload: (folder: string, files: { name: string; content: Buffer }[]) => Promise<number>): Promise<Way> {
  const seconds: number[] = [];
  let commits = 0;
  let requests = 0;
  let memory: MemoryWindow | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const files = folderFiles();
    const before = await versionOf(app, token, workspaceId);
    collectGarbage();
    const sampled = await sampleMemoryIfPossible(process.pid, () => timed(() => upload(`${name.replace(/\W+/g, '-')}-${round}`, files)), 20);
    seconds.push(sampled.result.ms / 1000);
    requests = sampled.result.result;
    commits = (await versionOf(app, token, workspaceId)) - before;
    if (!memory || (sampled.memory && sampled.memory.growth > memory.growth)) memory = sampled.memory;
  }
  return { name, medianSeconds: round(median(seconds), 3), requests, commits, memory };
}

/**
 * The file API benchmark on one database: a folder of 1,000 files (10 MB)
 * uploaded as one zip, against the same folder as 1,000 PUT requests (one
 * after another, and 8 at a time) in the same run.
 */
export async function runFileApi(dialect: Dialect): Promise<void> {
  const started = new Date();
  // A line per request would bury the figures.
  configureLogger('warn');
  await withBenchApp('files', dialect, async (app) => {
    const database = await databaseVersion(app.db);
    console.log(`\n=== file API, ${dialect}: ${database} ===`);
    const user = await createBenchUser(app.services, 'files');
    const workspaceId = await createCourseWorkspace(app.services, user.actor, 'File API bench');
    const put = (folder: string, f: { name: string; content: Buffer }) =>
      fetch(`${app.url}/api/workspaces/${workspaceId}/files/${folder}/${f.name}`, { method: 'PUT', headers: { authorization: `Bearer ${user.token}` }, body: new Uint8Array(f.content) }).then((res) =>
        expectOk(res, `PUT ${f.name}`),
      );
    const ways: Way[] = [];
    ways.push(
      await measure('one zip', app, user.token, workspaceId, async (folder, files) => {
        const zip = await zipOf(files);
        const res = await fetch(`${app.url}/api/workspaces/${workspaceId}/files/${folder}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/zip' },
          body: new Uint8Array(zip),
        });
        await expectOk(res, 'POST zip');
        return 1;
      }),
    );
    ways.push(
      await measure('1,000 PUTs, one at a time', app, user.token, workspaceId, async (folder, files) => {
        for (const f of files) await put(folder, f);
        return files.length;
      }),
    );
    ways.push(
      await measure(`1,000 PUTs, ${PARALLEL_PUTS} at a time`, app, user.token, workspaceId, async (folder, files) => {
        await forEachLimit(files, PARALLEL_PUTS, (f) => put(folder, f));
        return files.length;
      }),
    );
    const [zip, sequential, parallel] = ways as [Way, Way, Way];
    printTable(
      `[${dialect}] a folder of ${FILES.toLocaleString('en')} files (${mb(FILES * FILE_BYTES)} MB), median of ${ROUNDS} rounds`,
      ['upload', 'seconds', 'vs one zip', 'requests', 'commits', 'peak RSS growth MB'],
      ways.map((w) => [w.name, w.medianSeconds, round(w.medianSeconds / zip.medianSeconds, 1), w.requests, w.commits, mb(w.memory?.growth)]),
    );
    const goals: Goal[] = [
      { name: '1,000 files as one zip', goal: '< 2 s', value: `${zip.medianSeconds} s`, met: zip.medianSeconds < 2 },
      { name: 'commits of one zip', goal: '1', value: String(zip.commits), met: zip.commits === 1 },
      { name: 'zip vs 1,000 PUTs in parallel', goal: 'faster', value: `${round(parallel.medianSeconds / zip.medianSeconds, 1)}x`, met: zip.medianSeconds < parallel.medianSeconds },
    ];
    printGoals(dialect, goals);
    const file = writeResult('file-api', dialect, {
      benchmark: 'file-api',
      dialect,
      database,
      startedAt: started.toISOString(),
      machine: machine(),
      files: FILES,
      fileBytes: FILE_BYTES,
      rounds: ROUNDS,
      ways,
      sequentialVsZip: round(sequential.medianSeconds / zip.medianSeconds, 2),
      goals,
    });
    console.log(`\n[${dialect}] results written to ${file}`);
  });
}
