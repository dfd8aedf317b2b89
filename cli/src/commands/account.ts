import os from 'node:os';
import { createInterface } from 'node:readline/promises';
import { allPages, Client, found } from '../api';
import { configPath, readConfig, writeConfig, type Connection } from '../config';
import { CliError, ExitCode } from '../errors';
import { CreateTokenMutation, LoginMutation, MeQuery, SpaceWorkspacesQuery, EntriesQuery } from '../operations';
import { bytes, emit, table, type Output } from '../output';
import { allSpaces, resolveSpace, resolveWorkspace } from '../resolve';

export interface LoginOptions {
  token?: string;
  email?: string;
  passwordStdin?: boolean;
}

async function readSecret(prompt: string, fromStdin: boolean): Promise<string> {
  if (!fromStdin && !process.stdin.isTTY) throw new CliError(`${prompt.replace(/: $/, '')} needed: pass --password-stdin and pipe it in`, ExitCode.usage);
  const lines = createInterface({ input: process.stdin, output: fromStdin ? undefined : process.stderr, terminal: false });
  if (!fromStdin) process.stderr.write(prompt);
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, '');
  }
  throw new CliError(`${prompt.replace(/: $/, '')} needed, but standard input ended`, ExitCode.usage);
}

/**
 * Stores a token for the server after checking it with `me`: the one given
 * (--token), or a new personal API token made by signing in with e-mail and
 * password (the password is not stored).
 */
export async function login(connection: Connection, output: Output, options: LoginOptions) {
  let token = options.token;
  if (!token && !options.email) {
    throw new CliError('give --token <personal API token> or --email <address> (with the password on standard input or at the prompt)', ExitCode.usage);
  }
  if (!token) {
    const password = await readSecret('Password: ', Boolean(options.passwordStdin));
    const anonymous = new Client({ server: connection.server });
    const session = await anonymous.graphql(LoginMutation, { email: options.email!, password }, true);
    const signedIn = new Client({ server: connection.server, token: session.login.token });
    const created = await signedIn.graphql(CreateTokenMutation, { name: `stagecoach command line on ${os.hostname()}` });
    token = created.createApiToken.secret;
  }
  const client = new Client({ server: connection.server, token });
  const { me } = await client.graphql(MeQuery);
  if (!me) throw new CliError(`the token was refused by ${connection.server}: check it, or log in with --email`, ExitCode.unauthenticated, 'UNAUTHENTICATED');
  const file = configPath();
  writeConfig({ ...readConfig(file), server: connection.server, token, user: me }, file);
  emit(output, { server: connection.server, user: me, config: file }, () => `Logged in to ${connection.server} as ${me.name} <${me.email}>; token stored in ${file}.`);
}

export async function whoami(client: Client, output: Output) {
  const { me } = await client.graphql(MeQuery);
  if (!me) throw new CliError(`${client.server} did not accept the token: run \`stagecoach login\` again`, ExitCode.unauthenticated, 'UNAUTHENTICATED');
  emit(output, { server: client.server, user: me }, () => `${me.name} <${me.email}> on ${client.server}`);
}

export async function spaces(client: Client, output: Output) {
  const list = await allSpaces(client);
  emit(output, list, () => (list.length === 0 ? 'You are in no space.' : table(['ID', 'NAME', 'KIND', 'ROLE'], list.map((s) => [s.id, s.name, s.kind, s.myRole]))));
}

/** With a space: its workspaces. With a workspace (and a folder): that folder's entries. */
export async function ls(client: Client, output: Output, ref: string, folder: string | undefined) {
  const isWorkspace = folder !== undefined || ref.includes('/');
  if (!isWorkspace) {
    const space = await resolveSpace(client, ref).catch((error: unknown) => {
      if (error instanceof CliError && error.exitCode === ExitCode.notFound) return null;
      throw error;
    });
    if (space) {
      const { workspaces } = found((await client.graphql(SpaceWorkspacesQuery, { id: space.id })).space, `space '${space.name}'`);
      emit(output, workspaces, () =>
        table(['ID', 'NAME', 'KIND', 'OWNER', 'VERSION'], workspaces.map((w) => [w.id, w.name, w.kind, w.owner?.email, w.version])),
      );
      return;
    }
  }
  const workspace = await resolveWorkspace(client, ref).catch((error: unknown) => {
    if (!isWorkspace && error instanceof CliError && error.exitCode === ExitCode.notFound) {
      throw new CliError(`unknown space or workspace '${ref}': see \`stagecoach spaces\` and \`stagecoach ls <space>\``, ExitCode.notFound, 'NOT_FOUND');
    }
    throw error;
  });
  const path = folder ? folder.replace(/^\/+|\/+$/g, '') : '';
  const entries = await allPages(async (after) => found((await client.graphql(EntriesQuery, { id: workspace.id, path, after })).workspace, `workspace '${ref}'`).entries);
  emit(output, entries, () =>
    entries.length === 0 ? `${path || '(top)'} is empty.` : table(['KIND', 'SIZE', 'PATH'], entries.map((e) => [e.kind, bytes(e.size), e.kind === 'DIRECTORY' ? `${e.path}/` : e.path])),
  );
}
