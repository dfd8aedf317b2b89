import { randomBytes } from 'node:crypto';
import type { Services } from '../core/services';
import { editTree, type TreeEdit } from '../core/storage/tree';
import type { Actor } from '../modules/users/users.service';
import { forEachLimit, round, timed } from './stats';

export interface BenchUser {
  actor: Actor;
  token: string;
  email: string;
  password: string;
}

/** A user with a session token, as a person who signed up and logged in. */
export async function createBenchUser(services: Services, label: string): Promise<BenchUser> {
  const email = `bench-${label}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `bench-${randomBytes(12).toString('hex')}`;
  await services.users.createUser({ email, name: `Bench ${label}`, password });
  const { token } = await services.users.login(email, password);
  const actor = await services.users.authenticate(token);
  if (!actor) throw new Error('the session token just issued does not authenticate');
  return { actor, token, email, password };
}

/** A new course space; returns the id of its MASTER workspace. */
export async function createCourseWorkspace(services: Services, actor: Actor, name: string): Promise<string> {
  const space = await services.spaces.create(actor, { name, kind: 'COURSE' });
  const [master] = await services.workspaces.listInSpace(actor, space.id);
  if (master?.kind !== 'MASTER') throw new Error(`space '${name}' has no MASTER workspace`);
  return master.id;
}

export interface FillResult {
  files: number;
  blobMs: number;
  commitMs: number;
  treeRowsWritten: number;
}

/**
 * Puts `count` distinct small files into `folder` (a path under files/) of a
 * workspace in one commit: the blobs first, then a single batch edit, which is
 * how a push of many files lands.
 */
export async function fillFolder(
  services: Services,
  actor: Actor,
  workspaceId: string,
  folder: string[],
  count: number,
): Promise<FillResult> {
  const salt = randomBytes(8).toString('hex');
  const width = String(count - 1).length;
  const edits: TreeEdit[] = new Array(count);
  const blobs = await timed(() =>
    forEachLimit(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
      const name = `file-${String(i).padStart(width, '0')}.txt`;
      const blob = await services.blobs.putBuffer(`${salt} ${i}\n`);
      edits[i] = { path: ['files', ...folder, name], entry: { name, kind: 'FILE', id: blob.id, size: blob.size } };
    }),
  );
  const rowsBefore = services.trees.rowsWritten;
  const commit = await timed(() =>
    services.store.change(workspaceId, (trees, root) => editTree(trees, root, edits), {
      authorId: actor.user.id,
      message: `add ${count} files to ${folder.join('/')}`,
    }),
  );
  if (!commit.result.changed) throw new Error('filling the workspace changed nothing');
  return { files: count, blobMs: round(blobs.ms, 1), commitMs: round(commit.ms, 1), treeRowsWritten: services.trees.rowsWritten - rowsBefore };
}
