import { decodeTable, encodeTable, pageRows, type TableData } from '../table-codec';
import { domainErrorOf } from './domain-error';

const sample = (): TableData => ({
  columns: [
    { name: 'day', type: 'DATE' },
    { name: 'rain', type: 'FLOAT' },
    { name: 'note', type: 'STRING' },
  ],
  rows: [
    ['2012-01-01', 0, 'drizzle'],
    ['2012-01-02', 10.9, null],
  ],
});

describe('encodeTable', () => {
  it('writes a header line and one JSON array per row', () => {
    expect(encodeTable(sample()).toString('utf8')).toBe(
      '{"format":"stagecoach-table","version":1,"columns":[{"name":"day","type":"DATE"},{"name":"rain","type":"FLOAT"},{"name":"note","type":"STRING"}]}\n' +
        '["2012-01-01",0,"drizzle"]\n' +
        '["2012-01-02",10.9,null]\n',
    );
  });

  it('ignores extra properties and property order of the columns', () => {
    const reordered = {
      rows: sample().rows,
      columns: sample().columns.map(({ name, type }) => ({ type, name, comment: 'x' })),
    } as TableData;
    expect(encodeTable(reordered).equals(encodeTable(sample()))).toBe(true);
  });

  it('refuses a table without columns', () => {
    expect(domainErrorOf(() => encodeTable({ columns: [], rows: [] })).message).toBe('a table needs at least one column');
  });

  it('refuses a row with the wrong number of cells, naming the row', () => {
    const table = sample();
    table.rows.push(['2012-01-03', 1]);
    expect(domainErrorOf(() => encodeTable(table)).message).toBe('row 3 has 2 cells; the table has 3 columns');
  });

  it.each([
    ['INTEGER', 1.5, "column 'c' is INTEGER but row 1 has 1.5"],
    ['INTEGER', 2 ** 60, `column 'c' is INTEGER but row 1 has ${2 ** 60}`],
    ['FLOAT', Number.NaN, "column 'c' is FLOAT but row 1 has NaN"],
    ['FLOAT', '1.5', "column 'c' is FLOAT but row 1 has '1.5'"],
    ['BOOLEAN', 0, "column 'c' is BOOLEAN but row 1 has 0"],
    ['DATE', '2023-02-29', "column 'c' is DATE but row 1 has '2023-02-29'"],
    ['DATETIME', '2024-05-01T09:30', "column 'c' is DATETIME but row 1 has '2024-05-01T09:30'"],
    ['STRING', 5, "column 'c' is STRING but row 1 has 5"],
  ] as const)('refuses a %s column holding %p', (type, cell, message) => {
    const table = { columns: [{ name: 'c', type }], rows: [[cell]] } as TableData;
    expect(domainErrorOf(() => encodeTable(table)).message).toBe(message);
  });

  it('refuses duplicate, untrimmed and unknown-typed columns', () => {
    const dup = { columns: [{ name: 'a', type: 'STRING' }, { name: 'a', type: 'DATE' }], rows: [] } as TableData;
    expect(domainErrorOf(() => encodeTable(dup)).message).toBe("column 2 has the same name 'a' as column 1");
    const padded = { columns: [{ name: ' a', type: 'STRING' }], rows: [] } as TableData;
    expect(domainErrorOf(() => encodeTable(padded)).message).toBe("column 1 name ' a' has leading or trailing spaces");
    const odd = { columns: [{ name: 'a', type: 'TEXT' }], rows: [] } as unknown as TableData;
    expect(domainErrorOf(() => encodeTable(odd)).message).toBe("column 1 'a' has unknown type 'TEXT'");
  });
});

describe('decodeTable', () => {
  it('reads back what encodeTable wrote', () => {
    expect(decodeTable(encodeTable(sample()))).toEqual(sample());
  });

  it.each([
    ['not UTF-8', Buffer.from([0xff, 0x0a]), 'it is not UTF-8 text'],
    ['truncated', Buffer.from('{"format":"stagecoach-table"'), 'it does not end with a line break'],
    ['not a table', Buffer.from('{"image":"x"}\n'), 'it does not start with a table header'],
    ['a future version', Buffer.from('{"format":"stagecoach-table","version":2,"columns":[]}\n'), 'format version 2 is not supported'],
    ['a broken row', Buffer.from('{"format":"stagecoach-table","version":1,"columns":[{"name":"a","type":"STRING"}]}\n["x"\n'), 'line 2 is not JSON'],
  ])('refuses a blob that is %s', (_what, bytes, why) => {
    const error = domainErrorOf(() => decodeTable(bytes));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`the table object is corrupt: ${why}`);
  });

  it('checks the decoded rows against the columns', () => {
    const bytes = Buffer.from('{"format":"stagecoach-table","version":1,"columns":[{"name":"a","type":"INTEGER"}]}\n["x"]\n');
    expect(domainErrorOf(() => decodeTable(bytes)).message).toBe("column 'a' is INTEGER but row 1 has 'x'");
  });
});

describe('pageRows', () => {
  const table: TableData = { columns: [{ name: 'n', type: 'INTEGER' }], rows: [[0], [1], [2], [3], [4]] };

  it('returns the requested window, shorter at the end and empty past it', () => {
    expect(pageRows(table, 1, 2)).toEqual([[1], [2]]);
    expect(pageRows(table, 4, 10)).toEqual([[4]]);
    expect(pageRows(table, 9, 10)).toEqual([]);
    expect(pageRows(table, 0, 0)).toEqual([]);
  });

  it('refuses a negative or fractional offset or limit, naming it', () => {
    expect(domainErrorOf(() => pageRows(table, -1, 2)).message).toBe('offset must be a whole number of at least 0, not -1');
    expect(domainErrorOf(() => pageRows(table, 0, 1.5)).message).toBe('limit must be a whole number of at least 0, not 1.5');
  });
});
