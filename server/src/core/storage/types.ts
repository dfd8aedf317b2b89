/**
 * The content-addressed storage model shared by the storage engine, the
 * workspace services and the distribution engine.
 *
 * A state's root is a tree with up to three directory entries: `files`,
 * `tables`, `applications`. Every tree is immutable and addressed by the
 * SHA-256 of its canonical encoding; every blob by the SHA-256 of its bytes.
 */
export type EntryKind = 'FILE' | 'DIRECTORY' | 'TABLE' | 'APPLICATION';

export interface TreeEntry {
  /** One NFC-normalised path segment (see paths.ts). */
  readonly name: string;
  readonly kind: EntryKind;
  /** Blob id for FILE/TABLE/APPLICATION, tree id for DIRECTORY (64 lowercase hex). */
  readonly id: string;
  /** Bytes of the blob; for a DIRECTORY the sum over its whole subtree. */
  readonly size: number;
}

/** Reads and writes immutable trees. `put` is insert-if-absent and returns the tree id. */
export interface TreeStore {
  get(id: string): Promise<readonly TreeEntry[]>;
  put(entries: readonly TreeEntry[]): Promise<string>;
}

export const AREAS = ['files', 'tables', 'applications'] as const;
export type Area = (typeof AREAS)[number];

/** The kind an entry directly inside each area must have (files/ holds FILE and DIRECTORY). */
export const AREA_KINDS: Record<Area, readonly EntryKind[]> = {
  files: ['FILE', 'DIRECTORY'],
  tables: ['TABLE'],
  applications: ['APPLICATION'],
};
