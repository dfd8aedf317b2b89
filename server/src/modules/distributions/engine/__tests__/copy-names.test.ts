import { copyName, copyOrigins } from '../copy-names';

describe('copyName', () => {
  it.each([
    ['report.csv', false, 1, 'report (incoming).csv'],
    ['report.csv', false, 2, 'report (incoming 2).csv'],
    ['report.csv', false, 3, 'report (incoming 3).csv'],
    ['archive.tar.gz', false, 1, 'archive.tar (incoming).gz'],
    ['.bashrc', false, 1, '.bashrc (incoming)'],
    ['Makefile', false, 2, 'Makefile (incoming 2)'],
    ['notes.', false, 1, 'notes (incoming).'],
    ['data.v2', true, 1, 'data.v2 (incoming)'],
    ['week1', true, 12, 'week1 (incoming 12)'],
  ])('%s (folder: %s, n=%d) → %s', (name, folder, n, expected) => {
    expect(copyName(name, folder, n)).toBe(expected);
  });
});

describe('copyOrigins', () => {
  it('reads back every name copyName makes', () => {
    for (const name of ['report.csv', 'a.tar.gz', '.env', 'x', 'a (incoming).csv', 'data.v2']) {
      for (const folder of [false, true]) {
        for (const n of [1, 2, 17]) {
          expect(copyOrigins(copyName(name, folder, n))).toContainEqual({ original: name, folder });
        }
      }
    }
  });

  it('rejects near misses', () => {
    for (const name of ['report (incoming 1).csv', 'report (incoming 02).csv', 'report (incoming).txt.csv', 'report(incoming).csv', ' (incoming)']) {
      const readings = copyOrigins(name).filter((r) => r.original === 'report.csv' || r.original === '');
      expect(readings).toEqual([]);
    }
  });
});
