import { parseCsv, tableToCsv } from '../table-codec';
import { domainErrorOf } from './domain-error';

const typesOf = (csv: string | Buffer, options = {}) =>
  parseCsv(csv, options).columns.map((c) => c.type);

describe('parseCsv: header', () => {
  it('trims names and takes the first row as the header', () => {
    const table = parseCsv(' name , age\nAda,36\n');
    expect(table.columns).toEqual([
      { name: 'name', type: 'STRING' },
      { name: 'age', type: 'INTEGER' },
    ]);
    expect(table.rows).toEqual([['Ada', 36]]);
  });

  it('refuses an empty name, naming the column number', () => {
    const error = domainErrorOf(() => parseCsv('a,  ,c\n1,2,3\n'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('column 2 has an empty name');
  });

  it('refuses a name that repeats after trimming, naming the column number and the name', () => {
    const error = domainErrorOf(() => parseCsv('id,Year,score, Year \n1,2,3,4\n'));
    expect(error.message).toBe("column 4 has the same name 'Year' as column 2");
    expect(error.details).toMatchObject({ column: 4, name: 'Year', duplicateOf: 2 });
  });

  it('refuses a name with a line break in it', () => {
    expect(domainErrorOf(() => parseCsv('"a\nb",c\n1,2\n')).message).toMatch(/^column 1 'a\nb' has a line break/);
  });

  it('refuses an empty file, or one of blank lines only', () => {
    expect(domainErrorOf(() => parseCsv('')).message).toBe('the CSV is empty: its first row must be the header');
    expect(domainErrorOf(() => parseCsv('\n\n')).message).toMatch(/the CSV is empty/);
  });

  it('accepts a header without data rows', () => {
    expect(parseCsv('a,b\n')).toEqual({
      columns: [
        { name: 'a', type: 'STRING' },
        { name: 'b', type: 'STRING' },
      ],
      rows: [],
    });
  });
});

describe('parseCsv: text and delimiter', () => {
  it('strips a UTF-8 byte order mark from a Buffer and from a string', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,x\n')]);
    expect(parseCsv(bytes).columns[0].name).toBe('id');
    expect(parseCsv('\uFEFFid,name\n1,x\n').columns[0].name).toBe('id');
  });

  it('reads UTF-16 text that starts with a byte order mark (Excel "Unicode text")', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Stadt\tEinwohner\nZürich\t421878\n', 'utf16le')]);
    expect(parseCsv(utf16)).toEqual({
      columns: [
        { name: 'Stadt', type: 'STRING' },
        { name: 'Einwohner', type: 'INTEGER' },
      ],
      rows: [['Zürich', 421878]],
    });
  });

  it('refuses bytes that are not UTF-8 instead of guessing a code page', () => {
    const latin1 = Buffer.from('name\nZ\xfcrich\n', 'latin1');
    expect(domainErrorOf(() => parseCsv(latin1)).message).toMatch(/not valid UTF-8/);
  });

  it.each([
    ['comma', 'a,b,c\n1,2,3\n'],
    ['semicolon', 'a;b;c\n1,5;2,5;3\n'],
    ['tab', 'a\tb\tc\n1, 2\t3\t4\n'],
  ])('detects the %s delimiter from the header', (_name, csv) => {
    expect(parseCsv(csv).columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
  });

  it('does not count delimiters inside quoted header names', () => {
    const table = parseCsv('"cost; EUR","note; misc",id\n1,2,3\n');
    expect(table.columns.map((c) => c.name)).toEqual(['cost; EUR', 'note; misc', 'id']);
  });

  it('does not let a stray quote inside a header name hide the delimiters after it', () => {
    expect(parseCsv('size 12";name;price\n1;a;2\n').columns.map((c) => c.name)).toEqual(['size 12"', 'name', 'price']);
  });

  it('uses a given delimiter instead of detecting one', () => {
    expect(parseCsv('a|b\n1|2\n', { delimiter: '|' }).rows).toEqual([[1, 2]]);
    expect(parseCsv('a;b\n1;2\n', { delimiter: ',' }).columns.map((c) => c.name)).toEqual(['a;b']);
  });

  it('refuses a delimiter that cannot separate fields', () => {
    expect(domainErrorOf(() => parseCsv('a\n', { delimiter: '"' })).message).toMatch(/^delimiter '"' cannot separate fields/);
    expect(domainErrorOf(() => parseCsv('a\n', { delimiter: '' })).message).toMatch(/^delimiter '' cannot/);
  });

  it('turns empty cells into null and skips blank lines', () => {
    expect(parseCsv('a,b\n1,\n\n,x\n').rows).toEqual([
      [1, null],
      [null, 'x'],
    ]);
  });

  it('keeps quoted line breaks, quotes and delimiters inside a value', () => {
    expect(parseCsv('a,b\n"one\ntwo","say ""hi"", ok"\n').rows).toEqual([['one\ntwo', 'say "hi", ok']]);
  });

  it('takes a stray quote inside an unquoted value literally', () => {
    expect(parseCsv('item,size\npizza,12"\n').rows).toEqual([['pizza', '12"']]);
  });
});

describe('parseCsv: field counts and parse errors', () => {
  it('names the line of a row with too many or too few fields', () => {
    const csv = 'a,b,c,d\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4,5\n';
    const error = domainErrorOf(() => parseCsv(csv));
    expect(error.message).toBe('line 7 has 5 fields; the header has 4');
    expect(error.details).toMatchObject({ line: 7, fields: 5, expected: 4 });
    expect(domainErrorOf(() => parseCsv('a,b\n1,2\n3\n')).message).toBe('line 3 has 1 fields; the header has 2');
  });

  it('counts skipped blank lines and names the first line of a record spanning lines', () => {
    expect(domainErrorOf(() => parseCsv('a,b\n\n1,2\n\n"x\ny",2,3\n')).message).toBe('line 5 has 3 fields; the header has 2');
  });

  it('counts lines the same with Windows line ends', () => {
    expect(domainErrorOf(() => parseCsv('a,b\r\n1,2\r\n3,4,5\r\n')).message).toBe('line 3 has 3 fields; the header has 2');
  });

  it("turns csv-parse's errors into BAD_USER_INPUT naming the line", () => {
    const unclosed = domainErrorOf(() => parseCsv('a,b\r\n1,2\r\n\r\n3,"open\r\n4,5\r\n6,7\r\n'));
    expect(unclosed.code).toBe('BAD_USER_INPUT');
    expect(unclosed.message).toBe('line 4: a quoted field starts here and is never closed');
    expect(unclosed.details).toMatchObject({ line: 4, csvCode: 'CSV_QUOTE_NOT_CLOSED' });
    const later = domainErrorOf(() => parseCsv('a;b\n"x\n""y"";z";1\n2;"w\n'));
    expect(later.message).toBe('line 4: a quoted field starts here and is never closed');
  });

  it('takes a quote after the start of a field literally, so it cannot leave a field open', () => {
    expect(parseCsv('a,b\n5\'10",x\n').rows).toEqual([['5\'10"', 'x']]);
  });

  it('refuses more data rows than maxRows, and accepts exactly maxRows', () => {
    expect(parseCsv('a\n1\n2\n', { maxRows: 2 }).rows).toHaveLength(2);
    expect(domainErrorOf(() => parseCsv('a\n1\n2\n3\n', { maxRows: 2 })).message).toBe(
      'the CSV has more than 2 rows, the most allowed here',
    );
    expect(domainErrorOf(() => parseCsv('a\n1\n', { maxRows: -1 })).message).toMatch(/^maxRows must be a whole number/);
  });
});

describe('parseCsv: types', () => {
  it('infers each type from the non-empty values of a column', () => {
    const csv = [
      'i,f,b,d,dt,s,empty',
      '1,1.5,true,2024-02-29,2024-05-01T09:30:00,x,',
      '-20,3,FALSE,2023-12-31,2024-05-01 10:00,7,',
      ',,,,,,',
    ].join('\n');
    const table = parseCsv(csv);
    expect(table.columns.map((c) => c.type)).toEqual(['INTEGER', 'FLOAT', 'BOOLEAN', 'DATE', 'DATETIME', 'STRING', 'STRING']);
    expect(table.rows).toEqual([
      [1, 1.5, true, '2024-02-29', '2024-05-01T09:30:00', 'x', null],
      [-20, 3, false, '2023-12-31', '2024-05-01T10:00:00', '7', null],
      [null, null, null, null, null, null, null],
    ]);
  });

  it('stores date-times with a zone as the same instant in UTC', () => {
    expect(parseCsv('t\n2024-05-01T09:30:00+02:00\n2024-12-31T23:30:00.500-01:00\n').rows).toEqual([
      ['2024-05-01T07:30:00Z'],
      ['2025-01-01T00:30:00.5Z'],
    ]);
  });

  it('keeps identifiers with leading zeros as text', () => {
    expect(typesOf('zip\n02134\n10001\n')).toEqual(['STRING']);
    expect(parseCsv('zip\n02134\n').rows).toEqual([['02134']]);
  });

  it('applies a type override, which can keep numeric-looking text', () => {
    expect(parseCsv('code,n\n42,1\n', { columnTypes: { code: 'STRING', n: 'FLOAT' } })).toEqual({
      columns: [
        { name: 'code', type: 'STRING' },
        { name: 'n', type: 'FLOAT' },
      ],
      rows: [['42', 1]],
    });
  });

  it('refuses an override a value cannot satisfy, naming column, line and value', () => {
    const csv = 'Title,Year\n' + Array.from({ length: 10 }, (_, i) => `Film ${i},${1990 + i}`).join('\n') + '\nOdd,19x0\n';
    const options = { columnTypes: { Year: 'INTEGER' as const } };
    const error = domainErrorOf(() => parseCsv(csv, options));
    expect(error.message).toBe("column 'Year' is INTEGER but line 12 has '19x0'");
    expect(error.details).toMatchObject({ column: 'Year', line: 12, value: '19x0', type: 'INTEGER' });
    expect(options).toEqual({ columnTypes: { Year: 'INTEGER' } });
  });

  it('re-types a FLOAT column of whole numbers as INTEGER through its own CSV', () => {
    const table = parseCsv('year,rate\n1990.0,1.5\n,2\n2001.0,\n');
    expect(table.columns[0].type).toBe('FLOAT');
    const retyped = parseCsv(tableToCsv(table), { columnTypes: { year: 'INTEGER', rate: 'FLOAT' } });
    expect(retyped.columns[0].type).toBe('INTEGER');
    expect(retyped.rows).toEqual([
      [1990, 1.5],
      [null, 2],
      [2001, null],
    ]);
    expect(domainErrorOf(() => parseCsv(tableToCsv(table), { columnTypes: { rate: 'INTEGER' } })).message).toBe(
      "column 'rate' is INTEGER but line 2 has '1.5'",
    );
  });

  it('refuses overrides for columns the header does not have, naming them', () => {
    const error = domainErrorOf(() => parseCsv('a,b\n1,2\n', { columnTypes: { a: 'STRING', Yeer: 'INTEGER', c: 'DATE' } }));
    expect(error.message).toBe("columnTypes names columns the header does not have: 'Yeer', 'c' (the header has 'a', 'b')");
    expect(error.details).toEqual({ unknownColumns: ['Yeer', 'c'] });
  });

  it('refuses an override with an unknown type', () => {
    const options = { columnTypes: { a: 'NUMBER' } } as unknown as Parameters<typeof parseCsv>[1];
    expect(domainErrorOf(() => parseCsv('a\n1\n', options)).message).toBe(
      "column 'a' cannot have type 'NUMBER'; use one of STRING, INTEGER, FLOAT, BOOLEAN, DATE, DATETIME",
    );
  });

  it('shortens a huge offending value in the message', () => {
    const error = domainErrorOf(() => parseCsv(`n\n${'9'.repeat(500)}x\n`, { columnTypes: { n: 'INTEGER' } }));
    expect(error.message.length).toBeLessThan(120);
    expect(error.message).toMatch(/^column 'n' is INTEGER but line 2 has '9+\.\.\.'$/);
  });
});

describe('tableToCsv', () => {
  it('writes a header and typed values, FLOATs always with a fraction', () => {
    const csv = tableToCsv({
      columns: [
        { name: 'n', type: 'INTEGER' },
        { name: 'x', type: 'FLOAT' },
        { name: 'ok', type: 'BOOLEAN' },
        { name: 'note', type: 'STRING' },
      ],
      rows: [
        [1, 2, true, 'a, "b"'],
        [null, 0.5, false, 'x;y'],
      ],
    });
    expect(csv).toBe('n,x,ok,note\n1,2.0,true,"a, ""b"""\n,0.5,false,"x;y"\n');
  });

  it('quotes an empty cell of a one-column table so the row is not read as a blank line', () => {
    const table = { columns: [{ name: 'a', type: 'INTEGER' as const }], rows: [[1], [null], [3]] };
    expect(parseCsv(tableToCsv(table))).toEqual(table);
  });

  it('refuses an invalid table', () => {
    expect(domainErrorOf(() => tableToCsv({ columns: [{ name: 'a', type: 'INTEGER' }], rows: [['1']] })).message).toBe(
      "column 'a' is INTEGER but row 1 has '1'",
    );
  });
});
