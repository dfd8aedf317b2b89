// Benchmark: `stagecoach pull` of a 10,000-file workspace into an empty folder,
// then a second pull with nothing changed. Runs the built server and the built
// command as shipped; prints the wall-clock time of each and writes them as JSON.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stagecoach, startServer } from '../test/support/server';

const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 100);
const FILES_PER_FOLDER = Number(process.env.BENCH_FILES_PER_FOLDER ?? 100);
const FILE_BYTES = 1024;

async function timed(label: string, run: () => Promise<{ code: number; stderr: string; stdout: string }>) {
  const started = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.code !== 0) throw new Error(`${label} failed (${result.code}): ${result.stderr}`);
  console.log(`${label}: ${ms.toFixed(0)} ms`);
  return { ms, summary: JSON.parse(result.stdout) };
}

async function main() {
  const server = await startServer('bench-pull');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'stagecoach-bench-pull-'));
  try {
    const home = path.join(scratch, 'config');
    const cli = (args: string[], input = '') => stagecoach(home, ['--server', server.url, '--json', ...args], { input });
    const login = await cli(['login', '--email', 'instructor@demo.stagecoach.test', '--password-stdin'], 'stagecoach-demo\n');
    if (login.code !== 0) throw new Error(login.stderr);
    const master = (JSON.parse((await cli(['ls', 'Data Analysis 101'])).stdout) as { id: string; kind: string }[]).find((w) => w.kind === 'MASTER')!;

    const source = path.join(scratch, 'source');
    for (let folder = 0; folder < FOLDERS; folder++) {
      mkdirSync(path.join(source, 'bench', `f${folder}`), { recursive: true });
      for (let file = 0; file < FILES_PER_FOLDER; file++) {
        writeFileSync(path.join(source, 'bench', `f${folder}`, `file-${file}.txt`), `${folder}/${file}\n`.padEnd(FILE_BYTES, '.'));
      }
    }
    const total = FOLDERS * FILES_PER_FOLDER;
    const seeded = await timed(`push of ${total} new files (one commit)`, () => cli(['push', source, master.id]));
    const target = path.join(scratch, 'pulled');
    const first = await timed(`pull into an empty folder`, () => cli(['pull', master.id, target]));
    const second = await timed(`second pull, nothing changed`, () => cli(['pull', master.id, target]));
    if (second.summary.downloaded.length !== 0) throw new Error('the second pull downloaded files');
    const figures = {
      files: first.summary.downloaded.length,
      pushMs: Math.round(seeded.ms),
      firstPullMs: Math.round(first.ms),
      secondPullMs: Math.round(second.ms),
      speedup: Number((first.ms / second.ms).toFixed(1)),
    };
    console.log(JSON.stringify(figures));
    const results = path.join(__dirname, '../../bench-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, 'pull.json'), JSON.stringify(figures, null, 2) + '\n');
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
