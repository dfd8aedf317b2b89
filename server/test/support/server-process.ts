import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { GqlResult, TestDialect } from './test-server';

const SERVER_DIR = path.resolve(__dirname, '../..');
const REPO_DIR = path.resolve(SERVER_DIR, '..');
const DIST_DIR = path.join(SERVER_DIR, 'dist');
const ENTRY = path.join(DIST_DIR, 'server/src/main.js');
const BUILD_HINT = 'build the server first: `npm run build` in server/ (or `npx tsc -p tsconfig.build.json`)';

/** What the tests need from a running server, in-process or child: GraphQL and HTTP with a bearer token. */
export interface ApiClient {
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Like gql but throws on errors and returns data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  fetch(pathname: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
}

export function apiClient(url: string): ApiClient {
  const auth = (token?: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const client: ApiClient = {
    url,
    async gql(query, variables = {}, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(token) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      try {
        return JSON.parse(text) as GqlResult<any>;
      } catch {
        throw new Error(`${url}/graphql answered ${res.status} with a body that is not JSON: ${text.slice(0, 300)}`);
      }
    },
    async ok(query, variables, token) {
      const result = await client.gql(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as any;
    },
    fetch(pathname, init = {}) {
      const { token, ...rest } = init;
      return fetch(`${url}${pathname}`, { ...rest, headers: { ...(rest.headers as Record<string, string>), ...auth(token) } });
    },
  };
  return client;
}

/** The compiled files `node main.js` loads: the entry and every relative require reachable from it. */
function loadedFiles(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      const base = path.resolve(path.dirname(file), match[1]);
      const target = [base, `${base}.js`, path.join(base, 'index.js')].find((f) => f.endsWith('.js') && fs.existsSync(f));
      if (target) stack.push(target);
    }
  }
  return [...seen];
}

/**
 * Child-process tests run the compiled server, so they must not run a build
 * older than the sources it was compiled from: that would test code nobody
 * is looking at.
 */
export function requireBuiltServer(): void {
  if (!fs.existsSync(ENTRY)) throw new Error(`${path.relative(REPO_DIR, ENTRY)} is missing; ${BUILD_HINT}`);
  for (const compiled of loadedFiles(ENTRY)) {
    const source = path.join(REPO_DIR, path.relative(DIST_DIR, compiled)).replace(/\.js$/, '.ts');
    if (fs.existsSync(source) && fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs) {
      throw new Error(`the compiled server is older than ${path.relative(REPO_DIR, source)}; ${BUILD_HINT}`);
    }
  }
}

/** A port nobody listens on right now (the kernel's choice for port 0, released again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A data folder and, on MySQL, a database of its own, that outlive server processes until removed. */
export interface Storage {
  dataDir: string;
  databaseUrl: string | null;
  remove(): Promise<void>;
}

export async function throwawayStorage(dialect: TestDialect): Promise<Storage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecoach-proc-'));
  if (dialect !== 'mysql') {
    return { dataDir, databaseUrl: null, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
  const name = `sc_proc_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection({ uri: adminUrl });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    async remove() {
      const connection = await createConnection({ uri: adminUrl });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess extends ApiClient {
  readonly role: 'all' | 'api' | 'worker';
  readonly port: number;
  readonly pid: number;
  /** Resolves when the process has exited, however it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The end of what the process printed, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown code runs, open transactions die with the process. */
  kill(): Promise<void>;
  /** SIGTERM: the server drains and exits; SIGKILL if it has not within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServerProcessOptions {
  storage: Storage;
  role?: 'all' | 'api' | 'worker';
  /** More environment variables (e.g. REDIS_URL, WORKER_LEASE_MS). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Runs the server inside this network namespace (`ip netns exec`), listening on `host`. */
  netns?: string;
  /** The address to listen on and to reach the server at (default 127.0.0.1). */
  host?: string;
}

const live = new Set<ChildProcess>();
// Should the test process end without afterAll (a crash, a forced exit), no server outlives it.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Kills every server process this test file started that is still running (for afterAll, passing or failing). */
export async function killServerProcesses(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  live.clear();
}

/**
 * Starts `node dist/server/src/main.js` with a clean environment and resolves
 * once it announces that it listens. Rejects with its output when it exits or
 * stays silent instead.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const role = options.role ?? 'all';
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
    TMPDIR: os.tmpdir(),
    NODE_ENV: 'test',
    PASSWORD_HASHING: 'fast',
    HOST: options.host ?? '127.0.0.1',
    PORT: String(port),
    DATA_DIR: options.storage.dataDir,
    SEED_DEMO: 'false',
    STAGECOACH_ROLE: role,
    ...(process.env.SQLITE_NATIVE_BINDING ? { SQLITE_NATIVE_BINDING: process.env.SQLITE_NATIVE_BINDING } : {}),
    ...(options.storage.databaseUrl ? { DATABASE_URL: options.storage.databaseUrl } : {}),
    ...options.env,
  };
  const [command, args] = options.netns ? ['ip', ['netns', 'exec', options.netns, process.execPath, ENTRY]] : [process.execPath, [ENTRY]];
  const child = spawn(command, args, { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${role} server did not announce itself within ${readyTimeoutMs} ms:\n${printed}`));
    }, readyTimeoutMs);
    const onData = () => {
      if (!/listening on /.test(printed)) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve();
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the ${role} server exited (code ${code}, signal ${signal}) before it listened:\n${printed}`));
    });
  });
  const client = apiClient(`http://${options.host ?? '127.0.0.1'}:${port}`);
  return {
    ...client,
    role,
    port,
    pid: child.pid!,
    exited,
    output: () => printed,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const { code, signal } = await exited;
      clearTimeout(timer);
      if (code !== 0) throw new Error(`the ${role} server did not stop cleanly (code ${code}, signal ${signal}):\n${printed}`);
    },
  };
}
