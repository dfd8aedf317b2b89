import { badInput } from './errors';

/** Cursor connections: `first` defaults to 20 and may not exceed 100. */
export const MAX_PAGE = 100;

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE}, not ${size}`);
  }
  return size;
}

/** Opaque cursor holding the sort key of the last row seen. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((v) => ['string', 'number'].includes(typeof v))) return key;
  } catch {
    // fall through to the error below
  }
  throw badInput(`cursor '${cursor}' is not valid; pass the endCursor of a previous page`);
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  cursors: string[];
  totalCount?: number;
}

/** Builds a page from `size + 1` fetched rows. */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => (string | number)[], totalCount?: number): Page<T> {
  const nodes = rows.slice(0, size);
  return { nodes, hasNextPage: rows.length > size, cursors: nodes.map((n) => encodeCursor(keyOf(n))), totalCount };
}
