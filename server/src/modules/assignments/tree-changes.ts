/**
 * What changed between two trees below given paths, leaf by leaf: the core of
 * the changes view (distributed material against a sealed hand-in).
 */
import { formatPath, isPrefixOf } from '../../core/storage/paths';
import { getEntry, walkTree } from '../../core/storage/tree';
import { readTree } from '../../core/storage/tree-read';
import type { EntryKind, TreeEntry, TreeStore } from '../../core/storage/types';

export type ChangeKind = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface TreeChange {
  path: string;
  change: ChangeKind;
  /** The kind of the entry after the change (before it, for DELETED). */
  kind: EntryKind;
  before: TreeEntry | null;
  after: TreeEntry | null;
}

/** Paths without any that lie inside another of them, so nothing is compared twice. */
export function outermost(paths: readonly (readonly string[])[]): string[][] {
  const sorted = [...paths].sort((a, b) => a.length - b.length);
  const kept: string[][] = [];
  for (const path of sorted) if (!kept.some((k) => isPrefixOf(k, path))) kept.push([...path]);
  return kept.sort((a, b) => compareSegments(a, b));
}

function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return Buffer.compare(Buffer.from(a[i]), Buffer.from(b[i]));
  }
  return a.length - b.length;
}

/**
 * Every leaf (file, table, application) added, modified or deleted between
 * `beforeRoot` and `afterRoot` at or below `paths`, sorted by path. Equal
 * subtrees are skipped without being read. A leaf that became a folder (or
 * the reverse) is the leaf deleted and the folder's leaves added. Stops
 * after `limit` changes; `truncated` says so.
 */
export async function treeChanges(
  store: TreeStore,
  beforeRoot: string,
  afterRoot: string,
  paths: readonly (readonly string[])[],
  limit = 10_000,
): Promise<{ changes: TreeChange[]; truncated: boolean }> {
  const changes: TreeChange[] = [];
  const push = (change: TreeChange) => {
    if (changes.length >= limit) throw new Full();
    changes.push(change);
  };
  try {
    for (const path of outermost(paths)) {
      const [before, after] = await Promise.all([getEntry(store, beforeRoot, path), getEntry(store, afterRoot, path)]);
      await compare(store, path, before, after, push);
    }
  } catch (error) {
    if (!(error instanceof Full)) throw error;
    return { changes, truncated: true };
  }
  return { changes, truncated: false };
}

class Full extends Error {}

async function compare(
  store: TreeStore,
  path: readonly string[],
  before: TreeEntry | null,
  after: TreeEntry | null,
  push: (change: TreeChange) => void,
): Promise<void> {
  if (!before && !after) return;
  if (before && after && before.kind === after.kind && before.id === after.id) return;
  if (before?.kind === 'DIRECTORY' && after?.kind === 'DIRECTORY') {
    const [old, now] = await Promise.all([readTree(store, before.id), readTree(store, after.id)]);
    const oldByName = new Map(old.map((e) => [e.name, e]));
    const nowByName = new Map(now.map((e) => [e.name, e]));
    const names = [...new Set([...oldByName.keys(), ...nowByName.keys()])].sort((a, b) => compareSegments([a], [b]));
    for (const name of names) await compare(store, [...path, name], oldByName.get(name) ?? null, nowByName.get(name) ?? null, push);
    return;
  }
  if (before && after && before.kind !== 'DIRECTORY' && before.kind === after.kind) {
    push({ path: formatPath(path), change: 'MODIFIED', kind: after.kind, before, after });
    return;
  }
  // Different kinds, or one side missing: whatever was there went, whatever is there came.
  if (before) await leaves(store, path, before, (p, e) => push({ path: p, change: 'DELETED', kind: e.kind, before: e, after: null }));
  if (after) await leaves(store, path, after, (p, e) => push({ path: p, change: 'ADDED', kind: e.kind, before: null, after: e }));
}

async function leaves(store: TreeStore, path: readonly string[], entry: TreeEntry, visit: (path: string, entry: TreeEntry) => void): Promise<void> {
  if (entry.kind !== 'DIRECTORY') {
    visit(formatPath(path), entry);
    return;
  }
  for await (const item of walkTree(store, entry.id, path)) if (item.entry.kind !== 'DIRECTORY') visit(formatPath(item.path), item.entry);
}
