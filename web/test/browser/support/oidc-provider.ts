import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { WEB_DIR } from './stack';

/** The server's test OpenID Connect provider (the certified oidc-provider package, an ES module run on its own). */
const PROVIDER = path.resolve(WEB_DIR, '../server/test/support/oidc/provider.mjs');

export interface OidcProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts the test provider on `port` with one client whose redirect URI is
 * `redirectUri`; its login page signs in any of `accounts` by username.
 */
export async function startOidcProvider(port: number, client: { id: string; secret: string; redirectUri: string }, accounts: Record<string, unknown>): Promise<OidcProvider> {
  const child = spawn(process.execPath, [PROVIDER], {
    env: {
      ...process.env,
      OIDC_TEST_PORT: String(port),
      OIDC_TEST_ACCOUNTS: JSON.stringify(accounts),
      OIDC_TEST_CLIENTS: JSON.stringify([{ client_id: client.id, client_secret: client.secret, redirect_uris: [client.redirectUri] }]),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its warnings (development keys, in-memory storage) only matter when it fails to start.
  let warnings = '';
  child.stderr!.on('data', (chunk: Buffer) => (warnings += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the test OpenID provider exited with ${code} before listening: ${warnings}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
