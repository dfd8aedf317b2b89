/**
 * An in-memory draft of a new tree, built over a stored one.
 *
 * Only the folders an operation looks into are read ("opened"); everything
 * else stays a reference to a stored entry. Edits change the draft only; one
 * `write` at the end stores each changed folder exactly once, bottom-up. So a
 * folder of 10,000 files that the target lacks is added as one reference,
 * without reading it, and a subtree whose id is equal on both sides is never
 * opened.
 */
import { countFiles, directoryEntry, hashTree } from '../../../core/storage/tree';
import { sortEntries } from '../../../core/storage/tree-codec';
import { readTree } from '../../../core/storage/tree-read';
import type { TreeEntry, TreeStore } from '../../../core/storage/types';
import { copyOrigins } from './copy-names';

/** A stored entry the draft has not opened: its content is exactly `entry`. */
export interface StoredNode {
  readonly type: 'stored';
  readonly entry: TreeEntry;
}

/** A folder whose children are held in memory. */
export interface OpenDir {
  readonly type: 'open';
  /** The stored folder it was opened from; null for a folder made in memory. */
  readonly base: TreeEntry | null;
  readonly children: Map<string, DraftNode>;
  parent: OpenDir | null;
  /**
   * False only while the content is still exactly `base`'s. Invariant: a
   * modified folder's ancestors are all modified, so an unmodified folder's
   * whole subtree is unchanged and can be written as `base` without a look inside.
   */
  modified: boolean;
}

export type DraftNode = StoredNode | OpenDir;

/** A reference to a stored entry, renamed to the name it will have in its folder. */
export function stored(entry: TreeEntry, name: string = entry.name): StoredNode {
  const named = entry.name === name ? entry : { name, kind: entry.kind, id: entry.id, size: entry.size };
  return { type: 'stored', entry: named };
}

/** A new, empty folder in memory. */
export function newDir(): OpenDir {
  return { type: 'open', base: null, children: new Map(), parent: null, modified: true };
}

export function isDir(node: DraftNode | undefined): boolean {
  return node !== undefined && (node.type === 'open' || node.entry.kind === 'DIRECTORY');
}

/**
 * The entry `node` would be stored as under `name`. For a modified folder the
 * id is computed from the draft without writing anything, so content can be
 * compared exactly whether or not it is stored yet.
 */
export function entryOf(node: DraftNode, name: string): TreeEntry {
  if (node.type === 'stored') return node.entry.name === name ? node.entry : stored(node.entry, name).entry;
  if (!node.modified && node.base !== null) return { ...node.base, name };
  const entries = [...node.children].map(([childName, child]) => entryOf(child, childName));
  return directoryEntry(name, hashTree(entries), entries);
}

/** Same content: equal kind and id, or both absent. */
export function sameContent(a: DraftNode | undefined, b: DraftNode | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = entryOf(a, '');
  const y = entryOf(b, '');
  return x.kind === y.kind && x.id === y.id;
}

/** Names in canonical (UTF-8 byte) order, so every run visits them alike. */
export function sortedNames(names: Iterable<string>): string[] {
  return sortEntries([...names].map((name) => ({ name }))).map((e) => e.name);
}

/** Segment-wise order of paths, so a folder sorts right before its own contents. */
export function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return Buffer.compare(Buffer.from(a[i], 'utf8'), Buffer.from(b[i], 'utf8'));
  }
  return a.length - b.length;
}

function touch(dir: OpenDir | null): void {
  for (let d = dir; d !== null && !d.modified; d = d.parent) d.modified = true;
}

/**
 * The draft of one tree. All reads go through a per-draft cache, so a tree
 * needed twice (by overlapping items, or on both sides of a comparison) is
 * read once.
 */
export class TreeDraft {
  readonly root: OpenDir;
  private readonly reads = new Map<string, Promise<readonly TreeEntry[]>>();
  /** Per opened folder: `(folder ? 'd:' : 'f:') + original name` → names of its copies there. Built on first use. */
  private readonly copyIndex = new WeakMap<OpenDir, Map<string, Set<string>>>();

  private constructor(
    readonly store: TreeStore,
    readonly rootId: string,
    rootEntries: readonly TreeEntry[],
  ) {
    this.root = {
      type: 'open',
      base: directoryEntry('', rootId, rootEntries),
      children: new Map(rootEntries.map((entry) => [entry.name, stored(entry)])),
      parent: null,
      modified: false,
    };
    this.reads.set(rootId, Promise.resolve(rootEntries));
  }

  static async open(store: TreeStore, rootId: string): Promise<TreeDraft> {
    return new TreeDraft(store, rootId, await readTree(store, rootId));
  }

  read(id: string): Promise<readonly TreeEntry[]> {
    let entries = this.reads.get(id);
    if (entries === undefined) {
      entries = readTree(this.store, id);
      this.reads.set(id, entries);
    }
    return entries;
  }

  /**
   * The children of a folder node, for reading: an open folder's live map, or
   * a stored folder's entries. Leaves have none.
   */
  async childrenOf(node: DraftNode): Promise<ReadonlyMap<string, DraftNode>> {
    if (node.type === 'open') return node.children;
    if (node.entry.kind !== 'DIRECTORY') return new Map();
    return new Map((await this.read(node.entry.id)).map((entry) => [entry.name, stored(entry)]));
  }

  /**
   * Opens the folder `name` of `dir` in place, so that edits inside it become
   * part of the draft. Returns null when there is no folder by that name.
   */
  async openChild(dir: OpenDir, name: string): Promise<OpenDir | null> {
    const child = dir.children.get(name);
    if (child === undefined || !isDir(child)) return null;
    if (child.type === 'open') return child;
    const entries = await this.read(child.entry.id);
    const opened: OpenDir = {
      type: 'open',
      base: child.entry,
      children: new Map(entries.map((entry) => [entry.name, stored(entry)])),
      parent: dir,
      modified: false,
    };
    // Swapping a stored folder for its opened form is not a change.
    dir.children.set(name, opened);
    return opened;
  }

  /** Puts `node` at `name` in `dir`, replacing whatever was there. */
  set(dir: OpenDir, name: string, node: DraftNode): void {
    if (node.type === 'open') {
      node.parent = dir;
      dir.children.set(name, node);
    } else {
      dir.children.set(name, stored(node.entry, name));
    }
    touch(dir);
    const index = this.copyIndex.get(dir);
    if (index !== undefined) addToIndex(index, name);
  }

  remove(dir: OpenDir, name: string): void {
    if (dir.children.delete(name)) touch(dir);
  }

  /**
   * The names in `dir` that are copy names of `name` (see copy-names.ts) in
   * the folder or the non-folder form.
   */
  copiesOf(dir: OpenDir, name: string, folder: boolean): string[] {
    let index = this.copyIndex.get(dir);
    if (index === undefined) {
      index = new Map();
      for (const child of dir.children.keys()) addToIndex(index, child);
      this.copyIndex.set(dir, index);
    }
    const names = index.get(indexKey(name, folder));
    return names === undefined ? [] : sortedNames([...names].filter((n) => dir.children.has(n)));
  }

  /** Leaves (files, tables, applications) in `node`; 1 for a leaf itself. */
  async count(node: DraftNode): Promise<number> {
    if (node.type === 'stored') return node.entry.kind === 'DIRECTORY' ? countFiles(this.store, node.entry.id) : 1;
    if (!node.modified && node.base !== null) return countFiles(this.store, node.base.id);
    let total = 0;
    for (const child of node.children.values()) total += await this.count(child);
    return total;
  }

  /** Stores every changed folder once and returns the new root id (the old one when nothing changed). */
  async write(): Promise<string> {
    return (await this.writeDir(this.root, '', this.root.base ?? undefined)).id;
  }

  /**
   * Writes `dir` as `name`; `previous` is what its parent held under that name
   * before. A folder whose content hashes to `previous` is already stored, so
   * edits that cancel out (a replace and a replace back) cost no write.
   */
  private async writeDir(dir: OpenDir, name: string, previous: TreeEntry | undefined): Promise<TreeEntry> {
    if (!dir.modified && dir.base !== null) return { ...dir.base, name };
    if (previous?.kind === 'DIRECTORY' && dir.base?.id !== previous.id) {
      // A folder that replaced the one stored here may rebuild it exactly (a replace and a replace back);
      // its descendants have no stored counterpart to compare with, so compare the whole folder first.
      const entry = entryOf(dir, name);
      if (entry.id === previous.id) return entry;
    }
    const before = new Map((dir.base === null ? [] : await this.read(dir.base.id)).map((e) => [e.name, e]));
    const entries: TreeEntry[] = [];
    for (const [childName, child] of dir.children) {
      if (child.type === 'stored') entries.push(child.entry);
      else entries.push(await this.writeDir(child, childName, before.get(childName)));
    }
    const sorted = sortEntries(entries);
    if (previous?.kind === 'DIRECTORY' && hashTree(sorted) === previous.id) {
      return directoryEntry(name, previous.id, sorted);
    }
    return directoryEntry(name, await this.store.put(sorted), sorted);
  }
}

function indexKey(original: string, folder: boolean): string {
  return (folder ? 'd:' : 'f:') + original;
}

function addToIndex(index: Map<string, Set<string>>, name: string): void {
  for (const { original, folder } of copyOrigins(name)) {
    const key = indexKey(original, folder);
    let names = index.get(key);
    if (names === undefined) index.set(key, (names = new Set()));
    names.add(name);
  }
}
