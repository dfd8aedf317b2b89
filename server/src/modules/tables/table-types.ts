/**
 * The in-memory shape of a TABLE object: typed columns and rows of cells.
 * `table-codec.ts` re-exports these, so callers import from one place.
 */

/** The column types a table can hold; the order is the order inference tries them in. */
export const COLUMN_TYPES = ['STRING', 'INTEGER', 'FLOAT', 'BOOLEAN', 'DATE', 'DATETIME'] as const;

/** A column's type; cells of every type may also be null (empty). */
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * A stored cell: a number for INTEGER and FLOAT, a boolean for BOOLEAN, ISO 8601
 * text for DATE (`2024-05-01`) and DATETIME (`2024-05-01T09:30:00`, or with `Z`
 * when the source had a zone), the text for STRING, null for an empty cell.
 */
export type CellValue = string | number | boolean | null;

/** One column: a trimmed, non-empty name unique within its table, and a type. */
export interface TableColumn {
  name: string;
  type: ColumnType;
}

/** A table: its columns, and rows that each hold exactly one cell per column. */
export interface TableData {
  columns: TableColumn[];
  rows: CellValue[][];
}

/** Options of a CSV import. */
export interface CsvImportOptions {
  /** Field delimiter; detected among `,` `;` and tab when absent. */
  delimiter?: string;
  /** Override inferred types by (trimmed) column name. */
  columnTypes?: Record<string, ColumnType>;
  /** Refuse a file with more data rows than this (the header is not counted). */
  maxRows?: number;
}
