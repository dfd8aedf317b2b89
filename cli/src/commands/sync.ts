import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack } from 'tar-stream';
import { encodePath, type Client } from '../api';
import { CliError, ExitCode } from '../errors';
import { scanLocalTree } from '../local-tree';
import { bytes, emit, progressBar, type Output } from '../output';
import { listRemoteTree } from '../remote-tree';
import { resolveWorkspace } from '../resolve';
import { readState, STATE_DIR, writeState, type SyncState } from '../state';

const PARALLEL_DOWNLOADS = 8;
/** The server's limit on entries in one archive. */
const MAX_ARCHIVE_ENTRIES = 20_000;

function conflictError(paths: string[], what: string, force: string): CliError {
  const shown = paths.slice(0, 20).map((p) => `  ${p}`).join('\n');
  const more = paths.length > 20 ? `\n  … and ${paths.length - 20} more` : '';
  return new CliError(`${paths.length} file(s) ${what}; nothing was changed (${force}):\n${shown}${more}`, ExitCode.conflict, 'CONFLICT');
}

export interface PullOptions {
  force?: boolean;
}

/**
 * Brings a folder to the workspace's files area: downloads the files whose
 * content differs, removes the files the server removed since the last pull
 * (only those unchanged here). A file changed both here and there is never
 * overwritten without --force.
 */
export async function pull(client: Client, output: Output, ref: string, dir: string, options: PullOptions) {
  const workspace = await resolveWorkspace(client, ref);
  mkdirSync(dir, { recursive: true });
  const previous = readState(dir, client.server, workspace.id);
  const remote = await listRemoteTree(client, workspace.id, previous);
  const local = await scanLocalTree(dir, previous);

  const downloads: string[] = [];
  const conflicts: string[] = [];
  for (const [file, theirs] of remote.files) {
    const mine = local.get(file);
    if (mine?.hash === theirs.hash) continue;
    const editedHere = mine !== undefined && mine.hash !== previous?.files[file]?.hash;
    if (editedHere && !options.force) conflicts.push(file);
    else downloads.push(file);
  }
  const removals: string[] = [];
  const keptRemovals: string[] = [];
  for (const [file, recorded] of Object.entries(previous?.files ?? {})) {
    if (remote.files.has(file)) continue;
    const mine = local.get(file);
    if (!mine) continue;
    if (mine.hash === recorded.hash || options.force) removals.push(file);
    else keptRemovals.push(file);
  }
  if (conflicts.length > 0) throw conflictError(conflicts.sort(), 'changed here and on the server', 'push them first, or pull --force to take the server\'s');

  const total = downloads.reduce((sum, file) => sum + (remote.files.get(file)?.size ?? 0), 0);
  const bar = progressBar(output, 'pull', total);
  const state: SyncState = { server: client.server, workspaceId: workspace.id, version: remote.version, files: {}, folders: Object.fromEntries(remote.folders) };
  try {
    let next = 0;
    const worker = async () => {
      while (next < downloads.length) {
        const file = downloads[next++];
        await download(client, workspace.id, dir, file, bar.advance);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
  } finally {
    bar.stop();
  }
  for (const file of removals) await rm(path.join(dir, file), { force: true });

  for (const [file, theirs] of remote.files) {
    const mine = local.get(file);
    const mtimeMs = mine && mine.hash === theirs.hash && !downloads.includes(file) ? mine.mtimeMs : (await stat(path.join(dir, file))).mtimeMs;
    state.files[file] = { hash: theirs.hash, size: theirs.size, mtimeMs };
  }
  writeState(dir, state);

  const summary = {
    workspace: { id: workspace.id, name: workspace.name },
    version: remote.version,
    downloaded: downloads.sort(),
    removed: removals.sort(),
    keptRemovedOnServer: keptRemovals.sort(),
    unchanged: remote.files.size - downloads.length,
    bytes: total,
  };
  emit(output, summary, () => {
    const lines = [`Pulled ${workspace.name} (version ${remote.version}) into ${dir}: ${downloads.length} downloaded (${bytes(total)}), ${removals.length} removed, ${summary.unchanged} unchanged.`];
    if (keptRemovals.length > 0) lines.push(`Kept ${keptRemovals.length} file(s) the server removed but you changed: ${keptRemovals.join(', ')}`);
    return lines.join('\n');
  });
}

async function download(client: Client, workspaceId: string, dir: string, file: string, advance: (count: number) => void) {
  const response = await client.fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/files/${encodePath(file)}`);
  if (!response.body) throw new CliError(`the server sent no content for ${file}`);
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(dir, STATE_DIR, `download-${process.pid}-${createHash('sha256').update(file).digest('hex').slice(0, 16)}`);
  mkdirSync(path.dirname(temporary), { recursive: true });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      advance(chunk.length);
      callback(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), counter, createWriteStream(temporary));
  await rename(temporary, target);
}

export interface PushOptions {
  force?: boolean;
  delete?: boolean;
}

/**
 * Sends a folder's changed files to the workspace's files area as one commit
 * (a tar archive), refused if the workspace moved since it was listed. Files
 * someone else changed on the server since the last pull are not replaced
 * without --force; files removed here are removed there only with --delete.
 */
export async function push(client: Client, output: Output, dir: string, ref: string, options: PushOptions) {
  const workspace = await resolveWorkspace(client, ref);
  if (!workspace.canWrite) throw new CliError(`you may not change workspace '${workspace.name}' (${workspace.id})`, ExitCode.unauthenticated, 'FORBIDDEN');
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new CliError(`'${dir}' is not a folder`, ExitCode.usage, 'BAD_USER_INPUT');
  }
  const previous = readState(dir, client.server, workspace.id);
  const remote = await listRemoteTree(client, workspace.id, previous);
  const local = await scanLocalTree(dir, previous);

  const uploads: string[] = [];
  const conflicts: string[] = [];
  for (const [file, mine] of local) {
    const theirs = remote.files.get(file);
    if (theirs?.hash === mine.hash) continue;
    const changedThere = theirs !== undefined && theirs.hash !== previous?.files[file]?.hash;
    if (changedThere && !options.force) conflicts.push(file);
    else uploads.push(file);
  }
  const missingHere = [...remote.files.keys()].filter((file) => !local.has(file)).sort();
  const deletions = options.delete ? missingHere : [];
  if (conflicts.length > 0) throw conflictError(conflicts.sort(), 'changed on the server since your last pull', 'pull first, or push --force to replace them');
  if (uploads.length > MAX_ARCHIVE_ENTRIES) throw new CliError(`${uploads.length} changed files are more than the ${MAX_ARCHIVE_ENTRIES} one push may send; push sub-folders first`, ExitCode.usage);

  let version = remote.version;
  const total = uploads.reduce((sum, file) => sum + (local.get(file)?.size ?? 0), 0);
  if (uploads.length > 0) {
    const bar = progressBar(output, 'push', total);
    try {
      const archive = tarPack();
      const feed = (async () => {
        for (const file of uploads) {
          const info = local.get(file)!;
          const entry = archive.entry({ name: file, size: info.size, mode: 0o644, mtime: new Date(info.mtimeMs) });
          const counter = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              bar.advance(chunk.length);
              callback(null, chunk);
            },
          });
          await pipeline(createReadStream(path.join(dir, file)), counter, entry);
        }
        archive.finalize();
      })();
      feed.catch((error: unknown) => archive.destroy(error as Error));
      const headers: Record<string, string> = { 'content-type': 'application/x-tar', 'if-match': `"${version}"` };
      const response = await client.fetch(`/api/workspaces/${encodeURIComponent(workspace.id)}/files`, {
        method: 'POST',
        headers,
        body: Readable.toWeb(Readable.from(archive)) as unknown as ReadableStream,
      });
      await feed;
      version = ((await response.json()) as { version: number }).version;
    } finally {
      bar.stop();
    }
  }
  for (const file of deletions) {
    const response = await client.fetch(`/api/workspaces/${encodeURIComponent(workspace.id)}/files/${encodePath(file)}`, {
      method: 'DELETE',
      headers: { 'if-match': `"${version}"` },
    });
    version = ((await response.json()) as { version: number }).version;
  }

  // What the server now holds as this folder has it; folder hashes changed, so the next listing walks again.
  const state: SyncState = { server: client.server, workspaceId: workspace.id, version, files: {}, folders: {} };
  for (const [file, theirs] of remote.files) {
    if (!deletions.includes(file) && !local.has(file)) state.files[file] = { hash: theirs.hash, size: theirs.size, mtimeMs: 0 };
  }
  for (const [file, mine] of local) state.files[file] = { ...mine };
  writeState(dir, state);

  const summary = {
    workspace: { id: workspace.id, name: workspace.name },
    version,
    uploaded: uploads.sort(),
    deleted: deletions,
    onlyOnServer: options.delete ? [] : missingHere,
    unchanged: local.size - uploads.length,
    bytes: total,
  };
  emit(output, summary, () => {
    if (uploads.length === 0 && deletions.length === 0) return `Nothing to push: ${workspace.name} already has these ${local.size} file(s).`;
    const lines = [`Pushed ${uploads.length} file(s) (${bytes(total)}) to ${workspace.name} as one commit, version ${version}; ${deletions.length} deleted, ${summary.unchanged} unchanged.`];
    if (missingHere.length > 0 && !options.delete) lines.push(`${missingHere.length} file(s) on the server are not here and were kept (push --delete removes them).`);
    return lines.join('\n');
  });
}
