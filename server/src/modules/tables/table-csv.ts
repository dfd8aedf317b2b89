/**
 * CSV import and export of tables. Parsing is csv-parse's; this module adds
 * the table rules (header, field counts, types) and turns every failure into
 * a BAD_USER_INPUT error that names the line, column or value to fix.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { badInput } from '../../core/errors';
import { assertValidTable, checkColumnNames, quoteValue } from './table-schema';
import { COLUMN_TYPES, type CellValue, type ColumnType, type CsvImportOptions, type TableData } from './table-types';
import { formatCell, inferColumnType, parseCell } from './table-values';

const DELIMITER_CANDIDATES = [',', ';', '\t'] as const;

/**
 * Text of an uploaded file. UTF-16 is accepted when it carries a byte order
 * mark, because that is what Excel's "Unicode text" export writes; anything
 * else must be valid UTF-8, since guessing a legacy code page would corrupt
 * names and values without anyone noticing.
 */
function decodeText(input: Buffer | string): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(input.subarray(2));
  } else if (input.length >= 2 && input[0] === 0xfe && input[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(input.subarray(2));
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw badInput('the CSV is not valid UTF-8 text; save it as "CSV UTF-8" and upload it again');
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The candidate delimiter occurring most often in the header record, counting
 * only outside quoted fields so a name like `"cost; EUR"` does not vote; comma
 * when none occurs (a one-column file) or on a tie. As in parsing, a quote
 * opens a field only at its start (here: after any candidate delimiter).
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITER_CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '\n' || ch === '\r') break;
    const count = counts.get(ch);
    if (count !== undefined) {
      counts.set(ch, count + 1);
      fieldStart = true;
      continue;
    }
    if (ch === '"' && fieldStart) quoted = true;
    fieldStart = false;
  }
  let best: string = ',';
  for (const d of DELIMITER_CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function checkOptions(options: CsvImportOptions): void {
  const { delimiter, maxRows, columnTypes } = options;
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter === '' || /["\r\n]/.test(delimiter))) {
    throw badInput(
      `delimiter ${quoteValue(delimiter)} cannot separate fields: use a character other than a quote or line break`,
    );
  }
  if (maxRows !== undefined && !(Number.isSafeInteger(maxRows) && maxRows >= 0)) {
    throw badInput(`maxRows must be a whole number of at least 0, not ${quoteValue(maxRows)}`);
  }
  for (const [name, type] of Object.entries(columnTypes ?? {})) {
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
      throw badInput(`column '${name}' cannot have type ${quoteValue(type)}; use one of ${COLUMN_TYPES.join(', ')}`);
    }
  }
}

// Under relax_quotes an unclosed quote is the one malformation csv-parse still
// refuses; anything else keeps csv-parse's own wording.
const CSV_PROBLEMS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field starts here and is never closed',
};

/**
 * The line on which the quoted field left open at the end of `text` starts.
 * csv-parse reports the end of the file for this error, which points nowhere
 * useful in a file of thousands of lines. Mirrors its reading under
 * `relax_quotes`: a quote opens a field only at the start of the field.
 */
function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let fieldStart = true;
  let openedOn: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    // CRLF is one line break, counted at its LF.
    if (ch === '\r' && text[i + 1] === '\n') continue;
    const lineBreak = ch === '\n' || ch === '\r';
    if (openedOn !== undefined) {
      if (lineBreak) line++;
      else if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else openedOn = undefined;
      }
    } else if (lineBreak) {
      line++;
      fieldStart = true;
    } else if (text.startsWith(delimiter, i)) {
      fieldStart = true;
      i += delimiter.length - 1;
    } else {
      if (ch === '"' && fieldStart) openedOn = line;
      fieldStart = false;
    }
  }
  return openedOn;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function readRecords(text: string, delimiter: string, recordLimit: number | undefined): ParsedRecord[] {
  try {
    return parse(text, {
      delimiter,
      info: true,
      // Field counts are checked here, to name the line in the user's terms.
      relax_column_count: true,
      // A stray quote inside an unquoted field (`12" pizza`) is taken literally.
      relax_quotes: true,
      skip_empty_lines: true,
      ...(recordLimit === undefined ? {} : { to: recordLimit }),
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? unclosedQuoteLine(text, delimiter)
        : typeof error.lines === 'number'
          ? error.lines
          : undefined;
    const problem = CSV_PROBLEMS[error.code] ?? error.message;
    throw badInput(line === undefined ? `the CSV cannot be read: ${problem}` : `line ${line}: ${problem}`, {
      line,
      csvCode: error.code,
    });
  }
}

/**
 * csv-parse reports the line a record ends on; a record whose quoted fields
 * span several lines starts that many line breaks earlier, and that is the
 * line a person looks for.
 */
function startLine({ record, info }: ParsedRecord): number {
  let breaks = 0;
  for (const field of record) {
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(/\r\n|\r|\n/g)!.length;
  }
  return info.lines - breaks;
}

/**
 * The records of a CSV file as text, each with the line it starts on: the
 * same reading as `parseCsv` (UTF-8 or UTF-16 with a byte order mark, BOM
 * dropped, delimiter detected among `,` `;` and tab, empty lines skipped,
 * field counts left to the caller), for imports with rules of their own.
 *
 * @throws DomainError BAD_USER_INPUT naming the line of a malformed record.
 */
export function csvRecords(input: Buffer | string, maxRecords?: number): { cells: string[]; line: number }[] {
  const text = decodeText(input);
  return readRecords(text, detectDelimiter(text), maxRecords).map((r) => ({ cells: r.record, line: startLine(r) }));
}

/**
 * Parses CSV text into a typed table.
 *
 * The first record is the header; its names are trimmed and must be non-empty
 * and unique. A UTF-8 byte order mark is dropped, empty lines are skipped, and
 * the delimiter is detected among `,` `;` and tab unless given. Every data row
 * must have as many fields as the header. Empty cells become null. Each
 * column's type is `options.columnTypes[name]` when given, else inferred from
 * its non-empty values by {@link inferColumnType}.
 *
 * @throws DomainError BAD_USER_INPUT naming the line, column or value at fault;
 *   nothing is returned from a file with any problem.
 */
export function parseCsv(input: Buffer | string, options: CsvImportOptions = {}): TableData {
  checkOptions(options);
  const text = decodeText(input);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const { maxRows } = options;
  // One record beyond the limit is enough to know it is exceeded.
  const records = readRecords(text, delimiter, maxRows === undefined ? undefined : maxRows + 2);
  if (records.length === 0) throw badInput('the CSV is empty: its first row must be the header');

  const names = records[0].record.map((name) => name.trim());
  checkColumnNames(names);
  const dataRecords = records.slice(1);
  if (maxRows !== undefined && dataRecords.length > maxRows) {
    throw badInput(`the CSV has more than ${maxRows} rows, the most allowed here`, { maxRows });
  }

  const overrides = options.columnTypes ?? {};
  const unknown = Object.keys(overrides).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw badInput(
      `columnTypes names ${unknown.length === 1 ? 'a column' : 'columns'} the header does not have: ` +
        `${unknown.map((n) => `'${n}'`).join(', ')} (the header has ${names.map((n) => `'${n}'`).join(', ')})`,
      { unknownColumns: unknown },
    );
  }

  const lines = dataRecords.map(startLine);
  dataRecords.forEach(({ record }, r) => {
    if (record.length !== names.length) {
      throw badInput(`line ${lines[r]} has ${record.length} fields; the header has ${names.length}`, {
        line: lines[r],
        fields: record.length,
        expected: names.length,
      });
    }
  });

  const types: ColumnType[] = names.map((name, c) =>
    Object.hasOwn(overrides, name) ? overrides[name] : inferColumnType(dataRecords.map(({ record }) => record[c])),
  );
  const rows: CellValue[][] = dataRecords.map(({ record }, r) =>
    record.map((text, c) => {
      if (text === '') return null;
      const value = parseCell(types[c], text);
      if (value === undefined) {
        throw badInput(`column '${names[c]}' is ${types[c]} but line ${lines[r]} has ${quoteValue(text)}`, {
          column: names[c],
          type: types[c],
          line: lines[r],
          value: text,
        });
      }
      return value;
    }),
  );
  return { columns: names.map((name, c) => ({ name, type: types[c] })), rows };
}

/**
 * Writes a table as CSV (comma-separated, `\n` line ends, header first) that
 * {@link parseCsv} reads back to the same columns and values, given the
 * column types as `columnTypes` where inference would pick another type (a
 * STRING column holding `42`). Fields containing `;` or a tab are quoted so
 * delimiter detection cannot mistake them for the delimiter. CSV has no way to
 * tell an empty string from an empty cell: both read back as null.
 */
export function tableToCsv(table: TableData): string {
  assertValidTable(table);
  const { columns } = table;
  const records = [
    columns.map((c) => c.name),
    ...table.rows.map((row) => row.map((cell, c) => formatCell(columns[c].type, cell))),
  ];
  return stringify(records, {
    record_delimiter: 'unix',
    quoted_match: /[;\t]/,
    // In a one-column table an empty cell would be an empty line, which is skipped on import.
    quoted_empty: columns.length === 1,
  });
}
