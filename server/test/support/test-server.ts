import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';

export type TestDialect = 'sqlite' | 'mysql';

export const dialect = (process.env.STAGECOACH_DIALECT ?? 'sqlite') as TestDialect;

/** `describe` for the integration suite: skipped on MySQL when no server answered (never under CI: global setup fails then). */
export const describeDb: jest.Describe =
  dialect === 'mysql' && process.env.STAGECOACH_MYSQL_AVAILABLE !== '1' ? describe.skip : describe;

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestServer {
  app: RunningApp;
  url: string;
  config: AppConfig;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Like gql but throws on errors and returns data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  fetch(pathname: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Starts a real server on a random port against a throwaway database (a temp
 * SQLite file, or a fresh MariaDB database dropped afterwards) with the real
 * migrations. No demo seed unless asked.
 */
/** The SQLite addon a run under another Node.js version loads (scripts/test-node-versions.sh). */
const nativeBinding = process.env.SQLITE_NATIVE_BINDING ? { SQLITE_NATIVE_BINDING: process.env.SQLITE_NATIVE_BINDING } : {};

/**
 * The server keeps idle connections longer than the tests' fetch (undici: 4 s),
 * so the client always gives up an idle connection first. Client and server
 * share this process's event loop: after a long synchronous stretch (a large
 * comparison, building a big zip) both idle timers are overdue at once, and if
 * the server's ran first it would reset a request the client had just sent on
 * that connection. Tests of the server's own idle timeout set a shorter one.
 */
const CLIENT_OUTLIVING_KEEP_ALIVE_MS = '65000';

export async function startTestServer(overrides: Partial<AppConfig> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecoach-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (dialect === 'mysql') {
    const adminUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
    const name = `sc_test_${randomBytes(6).toString('hex')}`;
    const admin = await createConnection({ uri: adminUrl });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    };
  }
  // The worker runs inline here: jest loads the TypeScript source, which a worker thread cannot (spawned servers run the built code, thread and all).
  const config = loadConfig(
    { NODE_ENV: 'test', PASSWORD_HASHING: overrides.env && overrides.env !== 'test' ? 'standard' : 'fast', DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false', WORKER_THREAD: 'false', KEEP_ALIVE_TIMEOUT_MS: CLIENT_OUTLIVING_KEEP_ALIVE_MS, ...nativeBinding, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    overrides,
  );
  const app = await startApp(config);
  const headers = (token?: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const server: TestServer = {
    app,
    url: app.url,
    config,
    async gql(query, variables = {}, token) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers(token) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<any>;
    },
    async ok(query, variables, token) {
      const result = await server.gql(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as any;
    },
    fetch(pathname, init = {}) {
      const { token, ...rest } = init;
      return fetch(`${app.url}${pathname}`, { ...rest, headers: { ...(rest.headers as Record<string, string>), ...headers(token) } });
    },
    async stop() {
      await app.stop();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** The error code of the first error, for assertions. */
export const codeOf = (result: GqlResult) => result.errors?.[0]?.extensions?.code;

/** The `{ error }` body of a refused HTTP request. */
export async function errorOfResponse(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}
