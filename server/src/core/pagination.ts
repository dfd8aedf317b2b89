import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

/** Cursor connections: `first` or `last` defaults to 20 and may not exceed 100. */
export const MAX_PAGE = 100;

export type CursorKey = (string | number)[];

/** Relay's paging arguments: `first`/`after` pages forwards, `last`/`before` backwards. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A checked request for one page of the connection `connection`. */
export interface PageRequest {
  connection: string;
  size: number;
  /** Sort key of the row the page starts after. */
  after: CursorKey | null;
  /** Sort key of the row the page ends before. */
  before: CursorKey | null;
  /** `last` was given: the page is the last `size` rows before `before` (or the end). */
  backward: boolean;
}

function checkSize(name: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE) {
    throw badInput(`${name} must be between 1 and ${MAX_PAGE}, not ${value}`);
  }
  return value;
}

/**
 * Checks the paging arguments of `connection`, whose rows are ordered by a
 * key of `keyLength` values. `first` with `last` is refused, as is a cursor
 * handed out by another connection.
 */
export function pageRequest(connection: string, args: PageArgs, keyLength: number, fallback = 20): PageRequest {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast) throw badInput('pass first (to page forwards) or last (to page backwards), not both');
  const size = hasLast ? checkSize('last', args.last!) : checkSize('first', args.first ?? fallback);
  return {
    connection,
    size,
    after: decodeCursor(connection, args.after, keyLength, 'after'),
    before: decodeCursor(connection, args.before, keyLength, 'before'),
    backward: hasLast,
  };
}

/** Opaque cursor naming its connection and holding the sort key of a row. */
export function encodeCursor(connection: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([connection, ...key])).toString('base64url');
}

export function decodeCursor(connection: string, cursor: string | null | undefined, length: number, argument = 'after'): CursorKey | null {
  if (cursor === null || cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && typeof parsed[0] === 'string' && parsed[0] !== connection) {
    throw badInput(`${argument}: cursor '${cursor}' belongs to the ${parsed[0]} connection, not ${connection}; pass a cursor of this connection`);
  }
  if (Array.isArray(parsed) && parsed.length === length + 1 && parsed.every((v) => ['string', 'number'].includes(typeof v))) {
    return parsed.slice(1) as CursorKey;
  }
  throw badInput(`${argument}: cursor '${cursor}' is not valid; pass the startCursor or endCursor of a previous page`);
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  cursors: string[];
  totalCount?: number;
}

/**
 * Builds a page from up to `size + 1` rows fetched in the request's direction
 * (reversed, nearest `before` first, when paging backwards).
 */
export function toPage<T>(rows: T[], request: PageRequest, keyOf: (row: T) => (string | number)[], totalCount?: number): Page<T> {
  const more = rows.length > request.size;
  const nodes = rows.slice(0, request.size);
  if (request.backward) nodes.reverse();
  return {
    nodes,
    hasNextPage: request.backward ? request.before !== null : more,
    hasPreviousPage: request.backward ? more : request.after !== null,
    cursors: nodes.map((n) => encodeCursor(request.connection, keyOf(n))),
    totalCount,
  };
}

/**
 * One page of a list held in memory, in its order; `keyOf` names a row
 * uniquely (by its contents, or by its position). A cursor naming no row of
 * the list is refused.
 */
export function slicePage<T>(items: readonly T[], request: PageRequest, keyOf: (row: T, index: number) => (string | number)[]): Page<T> {
  const find = (key: CursorKey, argument: string) => {
    const wanted = JSON.stringify(key);
    const at = items.findIndex((item, i) => JSON.stringify(keyOf(item, i)) === wanted);
    if (at < 0) throw badInput(`${argument}: the cursor names no row of this list (it may have changed); start from the first page`);
    return at;
  };
  const start = request.after ? find(request.after, 'after') + 1 : 0;
  const end = request.before ? find(request.before, 'before') : items.length;
  const positions = Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
  const rows = request.backward ? positions.slice(-request.size - 1).reverse() : positions.slice(0, request.size + 1);
  const page = toPage(rows, request, (i) => keyOf(items[i], i), items.length);
  return { ...page, nodes: page.nodes.map((i) => items[i]) };
}

/** One column (or expression) of a keyset order. */
export interface SortColumn {
  /** SQL expression compared with the cursor's value. */
  expr: string;
  dir: 'ASC' | 'DESC';
  /** What to order by when it differs from `expr` (a selected alias). */
  orderBy?: string;
  /** Turns the cursor's value into a query parameter (a date, say). */
  param?: (value: string | number) => unknown;
}

function seek(columns: readonly SortColumn[], key: CursorKey, side: 'a' | 'b', beyond: boolean, level = 0): [string, Record<string, unknown>] {
  const column = columns[level];
  const name = `seek_${side}${level}`;
  const value = column.param ? column.param(key[level]) : key[level];
  const op = (column.dir === 'ASC') === beyond ? '>' : '<';
  if (level === columns.length - 1) return [`${column.expr} ${op} :${name}`, { [name]: value }];
  const [rest, params] = seek(columns, key, side, beyond, level + 1);
  return [`(${column.expr} ${op} :${name} OR (${column.expr} = :${name} AND ${rest}))`, { ...params, [name]: value }];
}

/**
 * Restricts `query` to the rows between the request's cursors, orders it in
 * the request's direction and fetches one row more than the page holds. The
 * last column must make the order total (an id).
 */
export function keyset<Q extends SelectQueryBuilder<ObjectLiteral>>(query: Q, columns: readonly SortColumn[], request: PageRequest, fetch: 'take' | 'limit' = 'take'): Q {
  if (request.after) {
    const [where, params] = seek(columns, request.after, 'a', true);
    query.andWhere(where, params);
  }
  if (request.before) {
    const [where, params] = seek(columns, request.before, 'b', false);
    query.andWhere(where, params);
  }
  query.orderBy();
  for (const column of columns) {
    const dir = request.backward ? (column.dir === 'ASC' ? 'DESC' : 'ASC') : column.dir;
    query.addOrderBy(column.orderBy ?? column.expr, dir);
  }
  if (fetch === 'take') query.take(request.size + 1);
  else query.limit(request.size + 1);
  return query;
}

/** By a time column, then by id, both in `dir`. */
export const byTime = (alias: string, column: string, dir: 'ASC' | 'DESC'): SortColumn[] => [
  { expr: `${alias}.${column}`, dir, param: (v) => new Date(v) },
  { expr: `${alias}.id`, dir },
];

/** The cursor key of a row ordered by `byTime` on `column`. */
export const timeKey =
  <K extends string>(column: K) =>
  (row: { [key in K]: Date } & { id: string }): CursorKey => [row[column].toISOString(), row.id];

/** Newest first: by `createdAt`, then by id, both descending. */
export const newestFirst = (alias: string): SortColumn[] => byTime(alias, 'createdAt', 'DESC');

/** The cursor key of a row ordered by `newestFirst`. */
export const createdKey = timeKey('createdAt');
