import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cumulativeSeries, linearScale, niceTicks, stepPath } from '../chart-scale';

describe('linearScale', () => {
  it('maps the domain onto the range, including inverted ranges', () => {
    const x = linearScale([0, 10], [0, 200]);
    assert.equal(x(0), 0);
    assert.equal(x(5), 100);
    assert.equal(x(10), 200);
    const y = linearScale([0, 100], [180, 20]);
    assert.equal(y(0), 180);
    assert.equal(y(100), 20);
    assert.equal(y(50), 100);
  });

  it('puts everything in the middle for a one-value domain', () => {
    const x = linearScale([3, 3], [0, 100]);
    assert.equal(x(3), 50);
    assert.equal(x(99), 50);
  });
});

describe('niceTicks', () => {
  it('chooses round steps', () => {
    assert.deepEqual(niceTicks(0, 100, 5), [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(niceTicks(0, 7, 5), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(niceTicks(0, 9, 3), [0, 2, 4, 6, 8]);
    assert.deepEqual(niceTicks(0.1, 0.95, 4), [0.2, 0.4, 0.6, 0.8]);
    assert.deepEqual(niceTicks(0, 1000, 2), [0, 500, 1000]);
  });

  it('handles one value, reversed bounds and nonsense', () => {
    assert.deepEqual(niceTicks(4, 4), [4]);
    assert.deepEqual(niceTicks(10, 0, 2), [0, 5, 10]);
    assert.deepEqual(niceTicks(Number.NaN, 4), []);
  });
});

describe('cumulativeSeries and stepPath', () => {
  it('sorts events and counts them up', () => {
    assert.deepEqual(cumulativeSeries([30, 10, 20]), [
      { t: 10, count: 1 },
      { t: 20, count: 2 },
      { t: 30, count: 3 },
    ]);
  });

  it('draws steps from zero to the end', () => {
    const x = linearScale([0, 100], [0, 100]);
    const y = linearScale([0, 2], [100, 0]);
    assert.equal(stepPath(cumulativeSeries([20, 60]), x, y, 0, 100), 'M0,100H20V50H60V0H100');
  });
});
