#!/usr/bin/env node
// Runs jest; when JEST_JSON_DIR is set (CI), also writes jest's JSON report there
// so the CI script can print the real pass/fail counts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = ['jest', ...process.argv.slice(2)];
if (process.env.JEST_JSON_DIR) args.push('--json', `--outputFile=${path.join(process.env.JEST_JSON_DIR, 'server.json')}`);
const result = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
