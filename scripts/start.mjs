#!/usr/bin/env node
// `npm start`: builds what is missing, then runs the API with its worker and
// the dashboard together, on the embedded SQLite database unless DATABASE_URL
// says otherwise. A demo course is seeded into an empty database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '4000';
const webPort = process.env.WEB_PORT ?? '3000';
const env = {
  ...process.env,
  PORT: apiPort,
  WEB_PORT: webPort,
  DATA_DIR: process.env.DATA_DIR ?? path.join(root, 'data'),
  API_URL: `http://127.0.0.1:${apiPort}`,
  WEB_URL: process.env.WEB_URL ?? `http://localhost:${webPort}`,
};

console.log('Building (cached after the first run)…');
const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
function run(name, args, cwd) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) console.log(prefix(line));
    });
  }
  child.on('exit', (code) => {
    console.log(prefix(`exited with ${code}`));
    shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

run('api', [path.join(root, 'server/dist/server/src/main.js')], path.join(root, 'server'));
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
if (fs.existsSync(nextBin) && fs.existsSync(path.join(root, 'web/.next'))) {
  run('web', [nextBin, 'start', '-p', webPort], path.join(root, 'web'));
}

// Tell the user where to go once the API answers (the first start also migrates and seeds).
async function announce() {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${apiPort}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`
Stagecoach is ready:
  dashboard  http://localhost:${webPort}
  GraphQL    http://localhost:${apiPort}/graphql  (WebSocket subscriptions on the same path)
  data       ${env.DATA_DIR} (${process.env.DATABASE_URL ? 'MySQL/MariaDB' : 'embedded SQLite'})
Demo logins (password: stagecoach-demo):
  instructor@demo.stagecoach.test   ta@demo.stagecoach.test   amara@demo.stagecoach.test (and ben, chen, dana, emil, farah)
Stop with Ctrl+C.
`);
}
void announce();
