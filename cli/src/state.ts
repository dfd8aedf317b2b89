import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sameId } from './ids';

/** What a folder held when it was last pulled or pushed, kept in `<dir>/.stagecoach/state.json`. */
export interface SyncState {
  server: string;
  workspaceId: string;
  /** The workspace's version at the last pull or push. */
  version: number;
  /** Files by path under the files area: the content hash the server and this folder agreed on, and the local file's size and time then. */
  files: Record<string, { hash: string; size: number; mtimeMs: number }>;
  /** Folder hashes the server reported at the last listing ('' is the files area itself); a folder whose hash is unchanged need not be listed again. */
  folders: Record<string, string>;
}

export const STATE_DIR = '.stagecoach';

function stateFile(dir: string): string {
  return path.join(dir, STATE_DIR, 'state.json');
}

/** The folder's state for this workspace on this server, or null when it was never synchronised with it. */
export function readState(dir: string, server: string, workspaceId: string): SyncState | null {
  let parsed: SyncState;
  try {
    parsed = JSON.parse(readFileSync(stateFile(dir), 'utf8')) as SyncState;
  } catch {
    return null;
  }
  if (parsed.server !== server || !sameId(parsed.workspaceId, workspaceId)) return null;
  return { ...parsed, workspaceId, files: parsed.files ?? {}, folders: parsed.folders ?? {} };
}

/** Which workspace a folder was last synchronised with, if any. */
export function readAnyState(dir: string): SyncState | null {
  try {
    return JSON.parse(readFileSync(stateFile(dir), 'utf8')) as SyncState;
  } catch {
    return null;
  }
}

export function writeState(dir: string, state: SyncState): void {
  const file = stateFile(dir);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}
