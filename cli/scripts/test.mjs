#!/usr/bin/env node
// Compiles the command line's tests and runs them with node's test runner
// against a real server (server/dist, built first). Under CI (JEST_JSON_DIR
// set) a TAP report is written there for the pass/fail count.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const files = readdirSync('dist-test/test').filter((name) => name.endsWith('.test.js')).map((name) => path.join('dist-test/test', name));
const args = ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.JEST_JSON_DIR) {
  args.push('--test-reporter=tap', `--test-reporter-destination=${path.join(process.env.JEST_JSON_DIR, 'cli.tap')}`);
}
process.exit(spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' }).status ?? 1);
