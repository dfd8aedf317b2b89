import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The web package's folder, found from wherever this file was compiled to. */
export const WEB_DIR = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@stagecoach/web') return dir;
  }
  throw new Error(`no @stagecoach/web package above ${__dirname}`);
})();

export const OUTPUT_DIR = path.join(WEB_DIR, 'test-output');
const API_MAIN = path.resolve(WEB_DIR, '../server/dist/server/src/main.js');
const NEXT_BIN = require.resolve('next/dist/bin/next', { paths: [WEB_DIR] });

export interface Stack {
  /** The dashboard, as the browser opens it. */
  webUrl: string;
  /** The API, for setting up data without the browser. */
  apiUrl: string;
  /** The API's data folder and settings, for the operator's commands (`npm run quota`). */
  apiEnv: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Environment for a child without the settings that would point it at another database or API. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'API_URL', 'API_PORT', 'WS_URL', 'NEXT_PUBLIC_WS_URL', 'PORT', 'HOST']) delete env[name];
  return { ...env, ...extra };
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const logs = path.join(OUTPUT_DIR, 'logs');
  mkdirSync(logs, { recursive: true });
  const log = createWriteStream(path.join(logs, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: WEB_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Resolves once `url` answers 2xx; rejects when `child` exits first or time runs out. */
async function waitUntilAnswering(url: string, child: ChildProcess, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see test-output/logs/${name}.log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs} ms; see test-output/logs/${name}.log`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface StackOptions {
  /** Settings the API starts with on top of the defaults, e.g. `HAND_IN_DIGEST_MINUTES`. */
  apiEnv?: Record<string, string>;
}

/** The built dashboard, on a free port, pointed at an API that is already running. */
export interface Web {
  webUrl: string;
  stop(): Promise<void>;
}

function assertBuilt(files: readonly (readonly [string, string])[]): void {
  for (const [file, build] of files) {
    if (!existsSync(file)) throw new Error(`${path.relative(WEB_DIR, file)} is missing: run \`${build}\` first`);
  }
}

const WEB_BUILD = [path.join(WEB_DIR, '.next/BUILD_ID'), 'npm run build -w web'] as const;

/** Starts the built dashboard against `apiUrl` (an API this process did not start, e.g. one seeded in-process). */
export async function startWeb(apiUrl: string): Promise<Web> {
  assertBuilt([WEB_BUILD]);
  const webUrl = `http://127.0.0.1:${await freePort()}`;
  const web = runWeb(apiUrl, webUrl);
  try {
    await waitUntilAnswering(`${webUrl}/login`, web, 'web');
  } catch (error) {
    await stopChild(web);
    throw error;
  }
  return { webUrl, stop: () => stopChild(web) };
}

function runWeb(apiUrl: string, webUrl: string): ChildProcess {
  const { port } = new URL(webUrl);
  return run('web', [NEXT_BIN, 'start', '-p', port, '-H', '127.0.0.1'], childEnv({ API_URL: apiUrl, NODE_ENV: 'production' }));
}

/**
 * Starts the built product as it ships: the compiled API on a throwaway data
 * folder with the demo course, and the built dashboard pointed at it, each on
 * a free port.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  assertBuilt([[API_MAIN, 'npm run build -w server'], WEB_BUILD]);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stagecoach-browser-'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const children: ChildProcess[] = [];
  const apiEnv = childEnv({
    DATA_DIR: dataDir,
    PORT: String(apiPort),
    SEED_DEMO: 'true',
    NODE_ENV: 'test',
    PASSWORD_HASHING: 'fast',
    WORKER_LEASE_MS: '2000',
    WEB_URL: webUrl,
    ...options.apiEnv,
  });
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const api = run('api', [API_MAIN], apiEnv);
    children.push(api);
    const web = runWeb(apiUrl, webUrl);
    children.push(web);
    await Promise.all([waitUntilAnswering(`${apiUrl}/healthz`, api, 'api'), waitUntilAnswering(`${webUrl}/login`, web, 'web')]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, apiEnv, stop };
}
