import { allPages, found, type Client } from './api';
import { CliError, ExitCode } from './errors';
import { EntriesQuery, ObjectQuery } from './operations';
import type { SyncState } from './state';

export interface RemoteFile {
  hash: string;
  size: number;
}

export interface RemoteTree {
  version: number;
  /** Files by path under the files area ('week1/a.csv'). */
  files: Map<string, RemoteFile>;
  /** Folder hashes by path under the files area; '' is the area itself. */
  folders: Map<string, string>;
}

const AREA = 'files';
const PARALLEL_LISTINGS = 8;

function underArea(workspacePath: string): string {
  return workspacePath === AREA ? '' : workspacePath.slice(AREA.length + 1);
}

/**
 * Lists the files area of a workspace with each file's content hash. Folders
 * whose hash is the one recorded in `previous` are taken from it without asking
 * the server again, so an unchanged workspace costs one request.
 */
export async function listRemoteTree(client: Client, workspaceId: string, previous: SyncState | null): Promise<RemoteTree> {
  const top = await client.graphql(ObjectQuery, { id: workspaceId, path: AREA }).catch((error: unknown) => {
    // A workspace without any file has no files area yet.
    if (error instanceof CliError && error.exitCode === ExitCode.notFound && !/workspace/i.test(error.message)) return null;
    throw error;
  });
  const workspace = top ? found(top.workspace, `workspace ${workspaceId}`) : null;
  const tree: RemoteTree = { version: workspace?.version ?? 0, files: new Map(), folders: new Map() };
  if (!workspace) return tree;
  if (workspace.object.kind !== 'DIRECTORY') throw new CliError(`'${AREA}' in workspace ${workspaceId} is not a folder`);

  const recorded = previous ? recordedByFolder(previous) : null;
  const queue: string[] = [];
  const visit = (folder: string, hash: string) => {
    tree.folders.set(folder, hash);
    if (recorded && previous?.folders[folder] === hash) {
      reuse(folder, recorded, previous, tree);
    } else {
      queue.push(folder);
    }
  };
  visit('', workspace.object.hash);

  const listFolder = async (folder: string) => {
    const entries = await allPages(async (after) => {
      const page = await client.graphql(EntriesQuery, { id: workspaceId, path: folder ? `${AREA}/${folder}` : AREA, after });
      const listed = found(page.workspace, `workspace ${workspaceId}`);
      tree.version = Math.max(tree.version, listed.version);
      return listed.entries;
    });
    for (const entry of entries) {
      const relative = underArea(entry.path);
      if (entry.kind === 'DIRECTORY') visit(relative, entry.hash);
      else if (entry.kind === 'FILE') tree.files.set(relative, { hash: entry.hash, size: entry.size });
    }
  };
  let active = 0;
  const workers = Array.from({ length: PARALLEL_LISTINGS }, async () => {
    // Each worker takes folders as they are found; a worker finding none stops while others may add more, so loop until all are idle.
    for (;;) {
      const folder = queue.shift();
      if (folder === undefined) {
        if (active === 0) return;
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      active += 1;
      try {
        await listFolder(folder);
      } finally {
        active -= 1;
      }
    }
  });
  await Promise.all(workers);
  return tree;
}

interface Recorded {
  filesByFolder: Map<string, string[]>;
  foldersByParent: Map<string, string[]>;
}

function parentOf(relative: string): string {
  const slash = relative.lastIndexOf('/');
  return slash < 0 ? '' : relative.slice(0, slash);
}

function recordedByFolder(state: SyncState): Recorded {
  const filesByFolder = new Map<string, string[]>();
  for (const file of Object.keys(state.files)) {
    const parent = parentOf(file);
    filesByFolder.set(parent, [...(filesByFolder.get(parent) ?? []), file]);
  }
  const foldersByParent = new Map<string, string[]>();
  for (const folder of Object.keys(state.folders)) {
    if (folder === '') continue;
    const parent = parentOf(folder);
    foldersByParent.set(parent, [...(foldersByParent.get(parent) ?? []), folder]);
  }
  return { filesByFolder, foldersByParent };
}

/** Copies a folder unchanged since the last listing, with everything below it, from the recorded state. */
function reuse(folder: string, recorded: Recorded, state: SyncState, tree: RemoteTree): void {
  for (const file of recorded.filesByFolder.get(folder) ?? []) {
    const { hash, size } = state.files[file];
    tree.files.set(file, { hash, size });
  }
  for (const child of recorded.foldersByParent.get(folder) ?? []) {
    tree.folders.set(child, state.folders[child]);
    reuse(child, recorded, state, tree);
  }
}
