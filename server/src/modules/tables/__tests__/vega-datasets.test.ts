import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeTable, encodeTable, parseCsv, tableToCsv, type TableData } from '../table-codec';

// The package exports only its entry point (build/index.js); the CSV files sit in data/ beside build/.
const dataDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');
const load = (file: string) => parseCsv(readFileSync(join(dataDir, file)));
const typeOf = (table: TableData, name: string) => table.columns.find((c) => c.name === name)?.type;

describe('real CSV files from vega-datasets', () => {
  it('seattle-weather.csv: a DATE column, FLOAT measurements and a STRING category', () => {
    const table = load('seattle-weather.csv');
    expect(table.columns).toEqual([
      { name: 'date', type: 'DATE' },
      { name: 'precipitation', type: 'FLOAT' },
      { name: 'temp_max', type: 'FLOAT' },
      { name: 'temp_min', type: 'FLOAT' },
      { name: 'wind', type: 'FLOAT' },
      { name: 'weather', type: 'STRING' },
    ]);
    expect(table.rows).toHaveLength(1461);
    expect(table.rows[0]).toEqual(['2012-01-01', 0, 12.8, 5, 4.7, 'drizzle']);
    expect(decodeTable(encodeTable(table))).toEqual(table);
    expect(parseCsv(tableToCsv(table))).toEqual(table);
  });

  it('stocks.csv: dates like "Jan 1 2000" are not ISO, so they stay STRING', () => {
    const table = load('stocks.csv');
    expect(table.columns.map((c) => c.type)).toEqual(['STRING', 'STRING', 'FLOAT']);
    expect(table.rows[0]).toEqual(['MSFT', 'Jan 1 2000', 39.81]);
  });

  it('zipcodes.csv: zip codes with leading zeros stay STRING', () => {
    const table = load('zipcodes.csv');
    expect(typeOf(table, 'zip_code')).toBe('STRING');
    expect(typeOf(table, 'latitude')).toBe('FLOAT');
    expect(table.rows[0][0]).toBe('00501');
  });

  it('unemployment.tsv: a tab-separated file with fractions written ".097"', () => {
    const table = load('unemployment.tsv');
    expect(table.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'rate', type: 'FLOAT' },
    ]);
    expect(table.rows[0]).toEqual([1001, 0.097]);
  });

  it('la-riots.csv: an INTEGER column with empty cells, and a DATE column', () => {
    const table = load('la-riots.csv');
    expect(typeOf(table, 'age')).toBe('INTEGER');
    expect(typeOf(table, 'death_date')).toBe('DATE');
    const age = table.columns.findIndex((c) => c.name === 'age');
    expect(table.rows.some((row) => row[age] === null)).toBe(true);
  });
});
