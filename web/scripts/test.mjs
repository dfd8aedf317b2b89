#!/usr/bin/env node
// Compiles and runs the web's unit tests, then the browser tests (the built
// API and dashboard driven through Chromium), with node's test runner. Under
// CI (JEST_JSON_DIR set) each run also writes a TAP report there for the
// pass/fail count. Without /usr/bin/chromium the browser tests are skipped,
// except under CI, where that is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const ci = process.env.CI === 'true';

function runSuite(name, tsconfig, outDir, extraArgs = []) {
  const tsc = spawnSync('npx', ['tsc', '-p', tsconfig], { stdio: 'inherit' });
  if (tsc.status !== 0) return tsc.status ?? 1;
  const args = ['--test', ...extraArgs, '--test-reporter=spec', '--test-reporter-destination=stdout'];
  if (process.env.JEST_JSON_DIR) {
    args.push('--test-reporter=tap', `--test-reporter-destination=${path.join(process.env.JEST_JSON_DIR, `${name}.tap`)}`);
  }
  return spawnSync(process.execPath, [...args, `${outDir}/`], { stdio: 'inherit' }).status ?? 1;
}

const unit = runSuite('web', 'tsconfig.test.json', '.test-build');
if (unit !== 0) process.exit(unit);

if (!existsSync(CHROMIUM)) {
  if (ci) {
    console.error(`web: browser tests need ${CHROMIUM}, which is missing`);
    process.exit(1);
  }
  console.log(`web: browser tests skipped: ${CHROMIUM} not found`);
  process.exit(0);
}
// One file at a time: each starts its own API and dashboard.
process.exit(runSuite('web-browser', 'tsconfig.browser-test.json', '.test-build-browser', ['--test-concurrency=1']));
