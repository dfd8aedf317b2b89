// Fails when src/gql/ is not what `npm run codegen` would write from the
// current schema.graphql and operations.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(cliDir, 'src/gql');
const scratch = mkdtempSync(path.join(tmpdir(), 'stagecoach-codegen-'));

const filesIn = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();

let exitCode = 0;
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
    cwd: cliDir,
    env: { ...process.env, CODEGEN_OUT: scratch + path.sep },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const expected = filesIn(scratch);
  let actual = [];
  try {
    actual = filesIn(committed);
  } catch {
    // A missing folder is reported below as every file missing.
  }
  const stale = [
    ...expected.filter((f) => !actual.includes(f)).map((f) => `missing: src/gql/${f}`),
    ...actual.filter((f) => !expected.includes(f)).map((f) => `not generated: src/gql/${f}`),
    ...expected
      .filter((f) => actual.includes(f))
      .filter((f) => readFileSync(path.join(scratch, f), 'utf8') !== readFileSync(path.join(committed, f), 'utf8'))
      .map((f) => `differs: src/gql/${f}`),
  ];
  if (stale.length > 0) {
    console.error(`cli: generated GraphQL types are stale; run \`npm run codegen -w cli\`.\n  ${stale.join('\n  ')}`);
    exitCode = 1;
  } else {
    console.log('cli: src/gql is current');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
