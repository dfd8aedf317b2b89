/**
 * The canonical encoding of a TABLE object, the blob whose SHA-256 is the
 * table's id. Equal tables must give equal bytes, or the same table pushed
 * twice would be stored twice and reported as "different content".
 *
 * Layout (UTF-8, every line ends with `\n`):
 *
 *     {"format":"stagecoach-table","version":1,"columns":[{"name":"date","type":"DATE"},...]}
 *     ["2012-01-01",0,12.8,"drizzle"]
 *     ...one JSON array per row
 *
 * One row per line so a blob can be read or paged as a stream later without
 * changing the format, and so two versions of a table diff line by line.
 */
import { badInput } from '../../core/errors';
import { assertValidTable } from './table-schema';
import type { CellValue, TableData } from './table-types';

export { COLUMN_TYPES } from './table-types';
export type { CellValue, ColumnType, CsvImportOptions, TableColumn, TableData } from './table-types';
export { inferColumnType } from './table-values';
export { parseCsv, tableToCsv } from './table-csv';
export { assertValidTable } from './table-schema';

const FORMAT = 'stagecoach-table';
const VERSION = 1;

/**
 * Encodes a valid table canonically: the same columns and rows always give
 * the same bytes (JSON's number and string forms are fixed; keys are written
 * in a fixed order). `-0` is written as `0`.
 *
 * @throws DomainError BAD_USER_INPUT when the table breaks a rule of
 *   {@link assertValidTable}, naming the column or row.
 */
export function encodeTable(table: TableData): Buffer {
  assertValidTable(table);
  const header = JSON.stringify({
    format: FORMAT,
    version: VERSION,
    columns: table.columns.map(({ name, type }) => ({ name, type })),
  });
  const lines = [header, ...table.rows.map((row) => JSON.stringify(row))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

const corrupt = (why: string) => badInput(`the table object is corrupt: ${why}`);

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw corrupt(`line ${number} is not JSON`);
  }
}

/**
 * Decodes a blob written by {@link encodeTable} and checks it again, so a
 * damaged or hand-made blob is refused rather than served.
 *
 * @throws DomainError BAD_USER_INPUT when the bytes are not a valid table.
 */
export function decodeTable(data: Buffer): TableData {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw corrupt('it is not UTF-8 text');
  }
  if (!text.endsWith('\n')) throw corrupt('it does not end with a line break');
  const lines = text.slice(0, -1).split('\n');
  const header = parseLine(lines[0], 1) as { format?: unknown; version?: unknown; columns?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== FORMAT) {
    throw corrupt('it does not start with a table header');
  }
  if (header.version !== VERSION) throw corrupt(`format version ${String(header.version)} is not supported`);
  const table = {
    columns: header.columns,
    rows: lines.slice(1).map((line, i) => parseLine(line, i + 2)),
  } as TableData;
  assertValidTable(table);
  return table;
}

/**
 * Rows `offset` to `offset + limit - 1` (fewer at the end, none past it). The
 * caller bounds `limit` for its own API.
 *
 * @throws DomainError BAD_USER_INPUT when offset or limit is not a whole number of at least 0.
 */
export function pageRows(table: TableData, offset: number, limit: number): CellValue[][] {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw badInput(`offset must be a whole number of at least 0, not ${offset}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw badInput(`limit must be a whole number of at least 0, not ${limit}`);
  }
  return table.rows.slice(offset, offset + limit);
}
