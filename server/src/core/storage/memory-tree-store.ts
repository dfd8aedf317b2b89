/**
 * A `TreeStore` held in a Map, for tests and for previewing edits without
 * touching the database.
 */
import { decodeTree, encodeTree, EMPTY_TREE_ID, hashTree } from './tree-codec';
import type { TreeEntry, TreeStore } from './types';

export type MemoryTreeStore = TreeStore & {
  /** Every stored tree by id, entries in canonical order, frozen. */
  readonly trees: ReadonlyMap<string, readonly TreeEntry[]>;
  /** Number of `put` calls, including ones that found the tree already stored. */
  puts: number;
};

/**
 * Creates an empty in-memory tree store. `put` validates and is
 * insert-if-absent; `get` answers the empty tree even if it was never put,
 * as every tree operation treats it as always present.
 */
export function createMemoryTreeStore(): MemoryTreeStore {
  const trees = new Map<string, readonly TreeEntry[]>();
  const store: MemoryTreeStore = {
    trees,
    puts: 0,
    async get(id: string): Promise<readonly TreeEntry[]> {
      const entries = trees.get(id);
      if (entries !== undefined) return entries;
      if (id === EMPTY_TREE_ID) return [];
      // A dangling tree id means stored data is inconsistent: a server fault, not a user error.
      throw new Error(`tree ${id} is not in the store`);
    },
    async put(entries: readonly TreeEntry[]): Promise<string> {
      store.puts++;
      const id = hashTree(entries);
      if (!trees.has(id)) {
        // Stored through the codec so that reads see exactly what a persistent store would return.
        trees.set(id, Object.freeze(decodeTree(encodeTree(entries)).map((entry) => Object.freeze(entry))));
      }
      return id;
    },
  };
  return store;
}
