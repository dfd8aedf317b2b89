/**
 * Batch edits of immutable trees.
 *
 * A batch is applied as if its edits ran one after another, but edits are
 * grouped by their next name at every level, so each touched folder is read
 * once and written at most once (a batch that overrides its own edits may read
 * a folder again to check them), and a subtree no edit reaches is never read.
 */
import { badInput, conflict } from '../errors';
import { formatPath } from './paths';
import { sortEntries } from './tree-codec';
import { kindWord, readTree } from './tree-read';
import type { TreeEntry, TreeStore } from './types';

/**
 * Puts `entry` at `path` (the entry's name becomes the last segment of the
 * path), or deletes whatever is at `path` when `entry` is null.
 */
export type TreeEdit = { readonly path: readonly string[]; readonly entry: TreeEntry | null };

/** Sibling folders rebuilt at once; bounds the load a large batch puts on a database-backed store. */
const CONCURRENCY = 8;

/**
 * What a name in the folder being rebuilt will hold: an entry taken as is, or a
 * folder (existing or new) that still has edits to apply.
 */
type Slot =
  | { readonly type: 'entry'; readonly entry: TreeEntry }
  | { readonly type: 'folder'; readonly baseId: string | null; readonly edits: TreeEdit[] };

/**
 * Applies `edits` in order to the tree `rootId` and returns the new root id.
 *
 * Missing parent folders of a put are created; a delete of a missing path (or
 * of a path below a file) changes nothing; folders left empty are kept. Folder
 * sizes are recomputed wherever something changed. The result depends only on
 * the final content, so any order of edits that ends in the same content gives
 * the same id, and a batch that changes nothing writes nothing.
 *
 * @throws DomainError BAD_USER_INPUT for an empty path or an invalid entry;
 *   CONFLICT when a put would pass through an existing file, table or application.
 */
export async function editTree(store: TreeStore, rootId: string, edits: readonly TreeEdit[]): Promise<string> {
  if (edits.some((edit) => edit.path.length === 0)) {
    throw badInput('an edit needs a path with at least one name: the root itself cannot be replaced');
  }
  if (edits.length === 0) return rootId;
  return (await rebuild(store, rootId, edits, 0)).id;
}

type FolderSlot = Extract<Slot, { type: 'folder' }>;

/**
 * Works out what the folder `baseId` (null: a new, empty folder) at `depth`
 * will hold, where every edit's path continues below it with `path[depth]`.
 * `discarded` holds folders whose pending edits a later edit overrode; they
 * are still checked, so a batch conflicts exactly when running its edits one
 * by one would.
 */
async function plan(store: TreeStore, baseId: string | null, edits: readonly TreeEdit[], depth: number) {
  const original = baseId === null ? [] : await readTree(store, baseId);
  const slots = new Map<string, Slot>(original.map((entry) => [entry.name, { type: 'entry', entry }]));
  const discarded: FolderSlot[] = [];

  for (const edit of edits) {
    const name = edit.path[depth];
    if (depth === edit.path.length - 1) {
      const replaced = slots.get(name);
      if (replaced?.type === 'folder') discarded.push(replaced);
      if (edit.entry === null) slots.delete(name);
      else slots.set(name, { type: 'entry', entry: rename(edit.entry, name) });
      continue;
    }
    const slot = slots.get(name);
    if (slot === undefined) {
      // Deleting below a missing folder must not create that folder.
      if (edit.entry !== null) slots.set(name, { type: 'folder', baseId: null, edits: [edit] });
    } else if (slot.type === 'folder') {
      slot.edits.push(edit);
    } else if (slot.entry.kind === 'DIRECTORY') {
      slots.set(name, { type: 'folder', baseId: slot.entry.id, edits: [edit] });
    } else if (edit.entry !== null) {
      const blockedBy = formatPath(edit.path.slice(0, depth + 1));
      const path = formatPath(edit.path);
      throw conflict(`cannot write '${path}': '${blockedBy}' is a ${kindWord(slot.entry.kind)}, not a folder`, {
        path,
        blockedBy,
      });
    }
  }
  return { original, slots, discarded };
}

/** Checks the edits of an overridden folder for conflicts without writing anything. */
async function verify(store: TreeStore, folder: FolderSlot, depth: number): Promise<void> {
  const { slots, discarded } = await plan(store, folder.baseId, folder.edits, depth);
  const folders = [...slots.values()].filter((slot): slot is FolderSlot => slot.type === 'folder');
  await mapLimit([...folders, ...discarded], CONCURRENCY, (f) => verify(store, f, depth + 1));
}

/** Rebuilds and stores one folder (see {@link plan}), returning its new id and size. */
async function rebuild(
  store: TreeStore,
  baseId: string | null,
  edits: readonly TreeEdit[],
  depth: number,
): Promise<{ id: string; size: number }> {
  const { original, slots, discarded } = await plan(store, baseId, edits, depth);
  await mapLimit(discarded, CONCURRENCY, (folder) => verify(store, folder, depth + 1));

  const entries: TreeEntry[] = [];
  const folders: [string, FolderSlot][] = [];
  for (const [name, slot] of slots) {
    if (slot.type === 'entry') entries.push(slot.entry);
    else folders.push([name, slot]);
  }
  const rebuilt = await mapLimit(folders, CONCURRENCY, async ([name, slot]): Promise<TreeEntry> => {
    const { id, size } = await rebuild(store, slot.baseId, slot.edits, depth + 1);
    return { name, kind: 'DIRECTORY', id, size };
  });
  const next = sortEntries([...entries, ...rebuilt]);
  const size = next.reduce((sum, entry) => sum + entry.size, 0);
  if (baseId !== null && sameEntries(original, next)) return { id: baseId, size };
  return { id: await store.put(next), size };
}

/** A plain entry named `name`: drops any extra properties a caller's object carries. */
function rename(entry: TreeEntry, name: string): TreeEntry {
  return { name, kind: entry.kind, id: entry.id, size: entry.size };
}

function sameEntries(before: readonly TreeEntry[], after: readonly TreeEntry[]): boolean {
  if (before.length !== after.length) return false;
  const byName = new Map(before.map((entry) => [entry.name, entry]));
  return after.every((entry) => {
    const old = byName.get(entry.name);
    return old !== undefined && old.kind === entry.kind && old.id === entry.id && old.size === entry.size;
  });
}

/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
