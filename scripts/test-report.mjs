#!/usr/bin/env node
// Reads the reports the suites wrote into a directory (jest's JSON reports and
// node's TAP reports) and prints what a reader of a CI log needs at its end:
// every failed test by file and name, the slowest test files, and one last
// line `tests: N passed, N failed` with the real counts.
//
//   node scripts/test-report.mjs <report dir> [--failed-at-least 1]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [dir, flag, floor] = process.argv.slice(2);
if (!dir) {
  console.error('usage: test-report.mjs <report dir> [--failed-at-least N]');
  process.exit(2);
}
const failedAtLeast = flag === '--failed-at-least' ? Number(floor) : 0;

let passed = 0;
let failed = 0;
const failures = [];
const files = [];

for (const name of readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  if (name.endsWith('.json')) {
    let report;
    try {
      report = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      failures.push(`${name}: the report could not be read (${error.message})`);
      failed += 1;
      continue;
    }
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    for (const suite of report.testResults ?? []) {
      const where = `${name.replace(/\.json$/, '')} ${path.relative(process.cwd(), suite.name)}`;
      files.push({ where, seconds: (suite.endTime - suite.startTime) / 1000 });
      const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failedTests) failures.push(`${where} › ${t.fullName}`);
      if (suite.status === 'failed' && failedTests.length === 0) {
        failures.push(`${where}: ${firstLine(suite.message) || 'the file failed to run'}`);
      }
    }
  } else if (name.endsWith('.tap')) {
    const tap = readFileSync(file, 'utf8');
    passed += lastCount(tap, 'pass');
    failed += lastCount(tap, 'fail');
    // Top-level and nested "not ok" lines name the failed tests and their suites.
    for (const match of tap.matchAll(/^(\s*)not ok \d+ - (.*)$/gm)) {
      failures.push(`${name.replace(/\.tap$/, '')} ${'  '.repeat(match[1].length / 4)}${match[2]}`);
    }
  }
}

if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const f of failures) console.log(`  ${f}`);
}
const slowest = files.sort((a, b) => b.seconds - a.seconds).slice(0, 12);
if (slowest.length > 0) {
  console.log('\nSlowest test files:');
  for (const f of slowest) console.log(`  ${f.seconds.toFixed(1).padStart(6)} s  ${f.where}`);
}
console.log(`tests: ${passed} passed, ${Math.max(failed, failedAtLeast)} failed`);

function lastCount(tap, word) {
  const counts = [...tap.matchAll(new RegExp(`^# ${word} (\\d+)$`, 'gm'))];
  return counts.length > 0 ? Number(counts[counts.length - 1][1]) : 0;
}

function firstLine(text) {
  return (text ?? '').split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}
