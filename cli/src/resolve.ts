import { allPages, found, type Client } from './api';
import { CliError, ExitCode } from './errors';
import { sameId } from './ids';
import { SpacesQuery, SpaceWorkspacesQuery, WorkspaceQuery } from './operations';

export async function allSpaces(client: Client) {
  return allPages(async (after) => (await client.graphql(SpacesQuery, { after })).spaces);
}

function notFound(what: string, ref: string, hint: string): CliError {
  return new CliError(`unknown ${what} '${ref}': ${hint}`, ExitCode.notFound, 'NOT_FOUND');
}

/** A space by id, or by its name among the caller's spaces (any case). */
export async function resolveSpace(client: Client, ref: string) {
  const spaces = await allSpaces(client);
  const byId = spaces.find((space) => sameId(ref, space.id));
  if (byId) return byId;
  const byName = spaces.filter((space) => space.name.toLowerCase() === ref.toLowerCase());
  if (byName.length > 1) throw new CliError(`more than one space is called '${ref}': use its id (see \`stagecoach spaces\`)`, ExitCode.usage);
  if (byName.length === 0) throw notFound('space', ref, 'see `stagecoach spaces` for yours');
  return byName[0];
}

/** A workspace by id, or as `<space>/<workspace name>`. */
export async function resolveWorkspace(client: Client, ref: string) {
  const slash = ref.lastIndexOf('/');
  if (slash > 0) {
    const space = await resolveSpace(client, ref.slice(0, slash));
    const name = ref.slice(slash + 1).toLowerCase();
    const withWorkspaces = found((await client.graphql(SpaceWorkspacesQuery, { id: space.id })).space, `space '${space.name}'`);
    const matches = withWorkspaces.workspaces.filter((workspace) => workspace.name.toLowerCase() === name || workspace.kind.toLowerCase() === name);
    if (matches.length > 1) throw new CliError(`more than one workspace of '${space.name}' is called '${ref.slice(slash + 1)}': use its id`, ExitCode.usage);
    if (matches.length === 0) throw notFound('workspace', ref, `see \`stagecoach ls ${space.id}\``);
    ref = matches[0].id;
  }
  try {
    return found((await client.graphql(WorkspaceQuery, { id: ref })).workspace, `workspace '${ref}'`);
  } catch (error) {
    if (error instanceof CliError && (error.exitCode === ExitCode.notFound || error.code === 'BAD_USER_INPUT')) {
      throw notFound('workspace', ref, 'give its id or <space>/<workspace name> (see `stagecoach ls <space>`)');
    }
    throw error;
  }
}
