import fc from 'fast-check';
import { COLUMN_TYPES, decodeTable, encodeTable, parseCsv, tableToCsv, type CellValue, type ColumnType, type TableData } from '../table-codec';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Stored values of each type, in their normalised forms. */
const cellOf: Record<ColumnType, fc.Arbitrary<CellValue>> = {
  STRING: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  INTEGER: fc.maxSafeInteger(),
  // -0 is never stored (a CSV import reads "-0" as 0), so it is not generated.
  FLOAT: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  BOOLEAN: fc.boolean(),
  DATE: fc
    .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  DATETIME: fc
    .record({
      ms: fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }),
      fraction: fc.option(fc.stringMatching(/^[0-9]{0,8}[1-9]$/), { nil: undefined }),
      utc: fc.boolean(),
    })
    .map(({ ms, fraction, utc }) => `${new Date(ms).toISOString().slice(0, 19)}${fraction ? `.${fraction}` : ''}${utc ? 'Z' : ''}`),
};

const columnName = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 10 })
  .filter((s) => s === s.trim() && s !== '' && !/[\u0000-\u001f\u007f]/.test(s));

const tableArb: fc.Arbitrary<TableData> = fc
  .uniqueArray(columnName, { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc.tuple(fc.constant(names), fc.array(fc.constantFrom(...COLUMN_TYPES), { minLength: names.length, maxLength: names.length })),
  )
  .chain(([names, types]) =>
    fc.record({
      columns: fc.constant(names.map((name, i) => ({ name, type: types[i] }))),
      rows: fc.array(fc.tuple(...types.map((t) => fc.option(cellOf[t], { nil: null, freq: 4 }))), { maxLength: 15 }),
    }),
  );

describe('table round trips (property)', () => {
  it('tableToCsv then parseCsv gives back the same types and values', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        // Inference is exercised for every typed column; only STRING columns
        // (whose text may look like a number) and columns without any value
        // (which infer as STRING) are given their type.
        // Built as own properties, so a column named `__proto__` is given like any other (an assignment would set the prototype).
        const columnTypes: Record<string, ColumnType> = Object.fromEntries(
          table.columns.flatMap(({ name, type }, c) => (type === 'STRING' || table.rows.every((row) => row[c] === null) ? [[name, type]] : [])),
        );
        expect(parseCsv(tableToCsv(table), { columnTypes })).toEqual(table);
      }),
      // A column named like a property every object has, found by this property once.
      { numRuns: 300, examples: [[{ columns: [{ name: '__proto__', type: 'BOOLEAN' }, { name: '!', type: 'STRING' }], rows: [] }]] },
    );
  });

  it('encodeTable is deterministic and decodeTable inverts it', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const bytes = encodeTable(table);
        expect(encodeTable(structuredClone(table)).equals(bytes)).toBe(true);
        const decoded = decodeTable(bytes);
        expect(decoded).toEqual(table);
        expect(encodeTable(decoded).equals(bytes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parses a date-time with any offset to the same instant as Date does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offset) => {
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
          const table = parseCsv(`t\n${local}${zone}\n`);
          expect(table.columns[0].type).toBe('DATETIME');
          const stored = table.rows[0][0] as string;
          expect(Date.parse(stored)).toBe(ms);
        },
      ),
    );
  });
});
