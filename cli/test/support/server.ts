import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The cli package folder (tests run from dist-test/test/support). */
export const CLI_DIR = path.resolve(__dirname, '../../..');
const API_MAIN = path.resolve(CLI_DIR, '../server/dist/server/src/main.js');
export const CLI_MAIN = path.join(CLI_DIR, 'dist/src/main.js');

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

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** The built API on a throwaway data folder with the demo course, on a free port. */
export async function startServer(name: string): Promise<RunningServer> {
  for (const [file, build] of [
    [API_MAIN, 'npm run build -w server'],
    [CLI_MAIN, 'npm run build -w cli'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`${build}\` first`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stagecoach-cli-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const variable of ['DATABASE_URL', 'REDIS_URL', 'API_URL', 'PORT', 'HOST', 'STAGECOACH_TOKEN', 'STAGECOACH_SERVER']) delete env[variable];
  Object.assign(env, { DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'true', NODE_ENV: 'test', PASSWORD_HASHING: 'fast', WORKER_LEASE_MS: '2000' });
  const logs = path.join(CLI_DIR, 'test-output', 'logs');
  mkdirSync(logs, { recursive: true });
  const log = createWriteStream(path.join(logs, `${name}.log`));
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}; see cli/test-output/logs/${name}.log`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not answer within 60 s; see cli/test-output/logs/${name}.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Runs the built `stagecoach` as a user would, with its own configuration folder. */
export function stagecoach(configHome: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome };
  delete env.STAGECOACH_TOKEN;
  delete env.STAGECOACH_SERVER;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI_MAIN, ...args], { env: { ...env, ...options.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) });
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** A GraphQL call made directly, to check the server's state independently of the client under test. */
export async function gql<T = any>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (answer.errors?.length) throw new Error(answer.errors[0].message);
  return answer.data;
}
