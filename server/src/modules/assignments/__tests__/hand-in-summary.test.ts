import { histogram } from '../hand-in-summary';

describe('histogram', () => {
  it('counts values into equal bins, the last one closed', () => {
    expect(histogram([0, 1, 5, 9.99, 10, 10], 0, 10, 2)).toEqual([
      { from: 0, to: 5, count: 2 },
      { from: 5, to: 10, count: 4 },
    ]);
  });

  it('leaves out values out of range', () => {
    const bins = histogram([-1, 11, Number.NaN, 3], 0, 10, 5);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(1);
    expect(bins[1].count).toBe(1);
  });

  it('puts everything in one bin when min equals max', () => {
    expect(histogram([4, 4], 4, 4, 3)[0].count).toBe(2);
  });
});
