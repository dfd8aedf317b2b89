/**
 * The canonical byte encoding of a tree, and its id.
 *
 * Invariant: two trees with the same entries (in any order) encode to the same
 * bytes and so get the same id; any difference in a name, kind, id or size
 * gives different bytes. Entries are ordered by the UTF-8 bytes of their names
 * (not JavaScript's UTF-16 order), so the order is the same in every language
 * and database that might read the encoding.
 */
import { createHash } from 'node:crypto';
import { badInput } from '../errors';
import { normalizeName } from './paths';
import type { EntryKind, TreeEntry } from './types';

const KINDS: ReadonlySet<string> = new Set<EntryKind>(['FILE', 'DIRECTORY', 'TABLE', 'APPLICATION']);
const OBJECT_ID = /^[0-9a-f]{64}$/;
/** Prefix hashed before the encoding, so a tree id never equals the id of a blob holding the same bytes. */
const TREE_HASH_PREFIX = 'tree\n';

/** Returns a copy of `entries` in canonical order (UTF-8 byte order of the names). */
export function sortEntries<T extends { readonly name: string }>(entries: readonly T[]): T[] {
  // Encode each name once rather than in every comparison.
  return entries
    .map((entry) => ({ entry, key: Buffer.from(entry.name, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ entry }) => entry);
}

/** True for a blob or tree id: 64 lowercase hex digits. */
export function isObjectId(id: unknown): id is string {
  return typeof id === 'string' && OBJECT_ID.test(id);
}

function validateEntry(entry: TreeEntry): void {
  if (typeof entry.name !== 'string' || normalizeName(entry.name) !== entry.name) {
    throw badInput(`name '${String(entry.name)}' is not in Unicode NFC form; normalise it with normalizeName first`);
  }
  if (!KINDS.has(entry.kind)) throw badInput(`entry '${entry.name}' has unknown kind '${String(entry.kind)}'`);
  if (!isObjectId(entry.id)) {
    throw badInput(`entry '${entry.name}' has id ${JSON.stringify(entry.id)}: expected 64 lowercase hex digits`);
  }
  if (!Number.isSafeInteger(entry.size) || entry.size < 0) {
    throw badInput(`entry '${entry.name}' has size ${String(entry.size)}: expected a non-negative whole number`);
  }
}

/**
 * Encodes a tree canonically: a JSON array of `[name, kind, id, size]` tuples
 * in UTF-8 byte order of the names.
 *
 * @throws DomainError BAD_USER_INPUT for a duplicate name, a name that is not
 *   already normalised (see {@link normalizeName}), an unknown kind, an id that
 *   is not 64 lowercase hex digits, or a size that is not a non-negative safe integer.
 */
export function encodeTree(entries: readonly TreeEntry[]): Buffer {
  const sorted = sortEntries(entries);
  sorted.forEach((entry, i) => {
    validateEntry(entry);
    if (i > 0 && sorted[i - 1].name === entry.name) {
      throw badInput(`two entries in one folder are named '${entry.name}'`);
    }
  });
  return Buffer.from(JSON.stringify(sorted.map((e) => [e.name, e.kind, e.id, e.size])), 'utf8');
}

/**
 * Decodes bytes written by {@link encodeTree}.
 *
 * @throws Error when the bytes are not a canonical tree encoding (stored data
 *   is corrupt: a server fault, not a user error).
 */
export function decodeTree(data: Buffer | string): TreeEntry[] {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`stored tree is corrupt: ${(error as Error).message}`);
  }
  if (!Array.isArray(raw)) throw new Error('stored tree is corrupt: expected a JSON array');
  const entries = raw.map((tuple: unknown): TreeEntry => {
    if (!Array.isArray(tuple) || tuple.length !== 4) {
      throw new Error('stored tree is corrupt: expected [name, kind, id, size] tuples');
    }
    const [name, kind, id, size] = tuple as [string, EntryKind, string, number];
    return { name, kind, id, size };
  });
  let previous: Buffer | null = null;
  for (const entry of entries) {
    try {
      validateEntry(entry);
    } catch (error) {
      throw new Error(`stored tree is corrupt: ${(error as Error).message}`);
    }
    const key = Buffer.from(entry.name, 'utf8');
    // Strictly increasing order also rules out duplicates.
    if (previous !== null && Buffer.compare(previous, key) >= 0) {
      throw new Error('stored tree is corrupt: entries are not in canonical order');
    }
    previous = key;
  }
  return entries;
}

/** The id of a tree: SHA-256 hex of `"tree\n"` followed by its canonical encoding. */
export function hashTree(entries: readonly TreeEntry[]): string {
  return hashEncodedTree(encodeTree(entries));
}

/** The id of a tree from its canonical encoding (for writers that keep the bytes anyway). */
export function hashEncodedTree(encoded: Buffer): string {
  return createHash('sha256').update(TREE_HASH_PREFIX).update(encoded).digest('hex');
}

/** Id of the tree with no entries; a new workspace's root. */
export const EMPTY_TREE_ID: string = hashTree([]);
