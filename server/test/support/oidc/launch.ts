import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface RunningProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts `provider.mjs` (a real OpenID Connect provider) in a child process and waits until it listens. */
export async function startOidcProvider(options: { accounts: Record<string, TestAccount>; clients: TestClient[]; port?: number }): Promise<RunningProvider> {
  const child = spawn(process.execPath, [path.join(__dirname, 'provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_ACCOUNTS: JSON.stringify(options.accounts),
      OIDC_TEST_CLIENTS: JSON.stringify(options.clients),
      OIDC_TEST_PORT: String(options.port ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) => reject(new Error(`the test OpenID provider exited (${code}) before listening: ${errors}`))),
  );
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<string>((resolve) => lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer)));
  const issuer = await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return {
    issuer,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
