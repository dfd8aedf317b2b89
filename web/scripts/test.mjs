#!/usr/bin/env node
// Compiles the web's unit tests and runs them with node's test runner; under CI
// (JEST_JSON_DIR set) it also writes a TAP report there for the pass/fail count.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const args = ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.JEST_JSON_DIR) {
  args.push('--test-reporter=tap', `--test-reporter-destination=${path.join(process.env.JEST_JSON_DIR, 'web.tap')}`);
}
const run = spawnSync(process.execPath, [...args, '.test-build/'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
