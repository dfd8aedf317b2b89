/**
 * The rules every table satisfies, whether it comes from a CSV import, from a
 * stored blob or from another service. Checked at the edges (encode, decode,
 * export) so no invalid table is ever stored or handed out.
 */
import { badInput } from '../../core/errors';
import { COLUMN_TYPES, type ColumnType, type TableData } from './table-types';
import { isCellOfType } from './table-values';

// Line breaks and other control characters in a column name break CSV headers,
// database identifiers and the dashboard's table header alike.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** A value quoted for an error message, shortened so a huge cell cannot flood it. */
export function quoteValue(value: unknown): string {
  // String() for numbers: JSON would print NaN and Infinity as null.
  const text =
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return typeof value === 'string' ? `'${short}'` : short;
}

/**
 * Checks column names as they come from a header or a stored table: each must
 * be non-empty, free of control characters and unique. Names are compared
 * exactly (after the caller's trimming), so `Year` and `year` are two columns.
 * Errors name the 1-based column number.
 */
export function checkColumnNames(names: readonly string[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const number = index + 1;
    if (name === '') throw badInput(`column ${number} has an empty name`, { column: number });
    if (CONTROL_CHARACTER.test(name)) {
      throw badInput(`column ${number} ${quoteValue(name)} has a line break or control character in its name`, {
        column: number,
        name,
      });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw badInput(`column ${number} has the same name '${name}' as column ${first}`, {
        column: number,
        name,
        duplicateOf: first,
      });
    }
    seen.set(name, number);
  });
}

const isColumnType = (value: unknown): value is ColumnType =>
  typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);

/**
 * Throws a BAD_USER_INPUT error unless `table` is a valid table: at least one
 * column; names trimmed, non-empty, without control characters and unique;
 * known types; every row an array of exactly one cell per column; every cell
 * null or a stored value of its column's type (DATE and DATETIME normalised).
 * Checks the runtime shape too, since decoded blobs are untyped. Row numbers
 * in messages are 1-based.
 */
export function assertValidTable(table: TableData): void {
  if (typeof table !== 'object' || table === null) throw badInput('a table must be an object with columns and rows');
  const { columns, rows } = table;
  if (!Array.isArray(columns) || columns.length === 0) throw badInput('a table needs at least one column');
  if (!Array.isArray(rows)) throw badInput('a table needs a list of rows');
  columns.forEach((column, index) => {
    const number = index + 1;
    if (typeof column !== 'object' || column === null || typeof column.name !== 'string') {
      throw badInput(`column ${number} needs a name`, { column: number });
    }
    if (column.name !== column.name.trim()) {
      throw badInput(`column ${number} name ${quoteValue(column.name)} has leading or trailing spaces`, {
        column: number,
      });
    }
    if (!isColumnType(column.type)) {
      throw badInput(`column ${number} '${column.name}' has unknown type ${quoteValue(column.type)}`, {
        column: number,
        allowed: COLUMN_TYPES,
      });
    }
  });
  checkColumnNames(columns.map((c) => c.name));
  rows.forEach((row, index) => {
    const number = index + 1;
    if (!Array.isArray(row)) throw badInput(`row ${number} is not a list of cells`, { row: number });
    if (row.length !== columns.length) {
      throw badInput(`row ${number} has ${row.length} cells; the table has ${columns.length} columns`, {
        row: number,
      });
    }
    row.forEach((cell, c) => {
      const { name, type } = columns[c];
      if (!isCellOfType(type, cell)) {
        throw badInput(`column '${name}' is ${type} but row ${number} has ${quoteValue(cell)}`, {
          row: number,
          column: name,
          type,
        });
      }
    });
  });
}
