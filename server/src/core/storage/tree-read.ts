/**
 * Read-only operations over any {@link TreeStore}.
 *
 * Trees are immutable, so anything derived from a tree id (such as its file
 * count) stays true forever and may be cached by id.
 */
import { badInput, notFound } from '../errors';
import { formatPath } from './paths';
import { EMPTY_TREE_ID, sortEntries } from './tree-codec';
import type { EntryKind, TreeEntry, TreeStore } from './types';

/** Reads a tree; the empty tree is known without asking the store, so it need never be stored. */
export function readTree(store: TreeStore, id: string): Promise<readonly TreeEntry[]> {
  return id === EMPTY_TREE_ID ? Promise.resolve([]) : store.get(id);
}

/** How an entry kind is named in messages. */
export function kindWord(kind: EntryKind): string {
  return { FILE: 'file', DIRECTORY: 'folder', TABLE: 'table', APPLICATION: 'application' }[kind];
}

function totalSize(entries: readonly TreeEntry[]): number {
  return entries.reduce((sum, entry) => sum + entry.size, 0);
}

/** A DIRECTORY entry for the tree `id` holding `entries`; its size is the sum of theirs. */
export function directoryEntry(name: string, id: string, entries: readonly TreeEntry[]): TreeEntry {
  return { name, kind: 'DIRECTORY', id, size: totalSize(entries) };
}

/**
 * Looks up the entry at `path` below the tree `rootId`. The empty path gives a
 * synthetic DIRECTORY entry for the root itself (name `''`).
 *
 * @returns null when the path is missing or passes through a non-directory.
 */
export async function getEntry(store: TreeStore, rootId: string, path: readonly string[]): Promise<TreeEntry | null> {
  let entries = await readTree(store, rootId);
  if (path.length === 0) return directoryEntry('', rootId, entries);
  for (let i = 0; ; i++) {
    const entry = entries.find((e) => e.name === path[i]);
    if (entry === undefined) return null;
    if (i === path.length - 1) return entry;
    if (entry.kind !== 'DIRECTORY') return null;
    entries = await readTree(store, entry.id);
  }
}

/**
 * Lists the folder at `path` below `rootId`.
 *
 * @throws DomainError NOT_FOUND when nothing is at `path`; BAD_USER_INPUT when
 *   the entry there is not a folder.
 */
export async function listDirectory(
  store: TreeStore,
  rootId: string,
  path: readonly string[],
): Promise<readonly TreeEntry[]> {
  if (path.length === 0) return readTree(store, rootId);
  const entry = await getEntry(store, rootId, path);
  if (entry === null) throw notFound(`no folder at '${formatPath(path)}'`);
  if (entry.kind !== 'DIRECTORY') {
    throw badInput(`'${formatPath(path)}' is a ${kindWord(entry.kind)}, not a folder`);
  }
  return readTree(store, entry.id);
}

/**
 * Visits every entry below `treeId` depth-first in canonical (UTF-8 byte)
 * order, each folder before its contents. Paths are prefixed with `prefix`.
 * Only the trees actually reached are read, so stopping early saves reads.
 */
export async function* walkTree(
  store: TreeStore,
  treeId: string,
  prefix: readonly string[] = [],
): AsyncGenerator<{ path: string[]; entry: TreeEntry }> {
  // Stores return canonical order already; sorting again keeps the promise even for one that does not.
  for (const entry of sortEntries(await readTree(store, treeId))) {
    const path = [...prefix, entry.name];
    yield { path, entry };
    if (entry.kind === 'DIRECTORY') yield* walkTree(store, entry.id, path);
  }
}

/** Bound on memoised counts; enough for the trees of many busy workspaces, small in memory. */
const COUNT_CACHE_LIMIT = 50_000;
/** Tree id → number of leaves below it. Insertion order doubles as recency for eviction. */
const countCache = new Map<string, number>();

function rememberCount(treeId: string, count: number): void {
  countCache.delete(treeId);
  if (countCache.size >= COUNT_CACHE_LIMIT) {
    const oldest = countCache.keys().next().value;
    if (oldest !== undefined) countCache.delete(oldest);
  }
  countCache.set(treeId, count);
}

/**
 * Counts the leaves (FILE, TABLE and APPLICATION entries) anywhere below
 * `treeId`. Counts are memoised per tree id, which is safe because a tree
 * never changes; a shared subtree is therefore read once.
 */
export async function countFiles(store: TreeStore, treeId: string): Promise<number> {
  if (treeId === EMPTY_TREE_ID) return 0;
  const cached = countCache.get(treeId);
  if (cached !== undefined) {
    rememberCount(treeId, cached);
    return cached;
  }
  let count = 0;
  for (const entry of await store.get(treeId)) {
    count += entry.kind === 'DIRECTORY' ? await countFiles(store, entry.id) : 1;
  }
  rememberCount(treeId, count);
  return count;
}
