import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError, ExitCode } from './errors';

export interface StoredConfig {
  server?: string;
  token?: string;
  user?: { id: string; name: string; email: string };
}

export const DEFAULT_SERVER = 'http://localhost:4000';

/** `$XDG_CONFIG_HOME/stagecoach/config.json`, `~/.config/stagecoach/config.json` without it. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(base, 'stagecoach', 'config.json');
}

export function readConfig(file = configPath()): StoredConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as StoredConfig;
  } catch (error) {
    throw new CliError(`${file} is not valid configuration (${(error as Error).message}); fix or remove it and log in again`, ExitCode.usage);
  }
}

/** Writes the configuration readable by its owner only (0600), replacing the file whole. */
export function writeConfig(config: StoredConfig, file = configPath()): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** The server address without a trailing slash, checked to be http(s). */
export function normaliseServer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--server '${value}' is not a URL such as http://localhost:4000`, ExitCode.usage);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`--server '${value}' must start with http:// or https://`, ExitCode.usage);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export interface Connection {
  server: string;
  token?: string;
}

/** The server and token in force: `--server` over `STAGECOACH_SERVER` over the stored one; `STAGECOACH_TOKEN` over the stored token. */
export function resolveConnection(options: { server?: string }, env: NodeJS.ProcessEnv = process.env): Connection {
  const stored = readConfig(configPath(env));
  const server = normaliseServer(options.server ?? env.STAGECOACH_SERVER ?? stored.server ?? DEFAULT_SERVER);
  const token = env.STAGECOACH_TOKEN || (stored.server === undefined || normaliseServer(stored.server) === server ? stored.token : undefined);
  return { server, token };
}
