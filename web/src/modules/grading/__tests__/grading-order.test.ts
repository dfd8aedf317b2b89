import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forgetOrders, neighbours, recallOrder, rememberOrder } from '../grading-order';

const order = [
  { id: 'a', name: 'Amara' },
  { id: 'b', name: 'Ben' },
  { id: 'c', name: 'Chen' },
];

describe('neighbours', () => {
  it('finds the students on either side', () => {
    assert.deepEqual(neighbours(order, 'b'), { previous: order[0], next: order[2], position: 2, total: 3 });
  });

  it('has nobody before the first or after the last', () => {
    assert.equal(neighbours(order, 'a').previous, null);
    assert.equal(neighbours(order, 'c').next, null);
  });

  it('says when the student is not in the order', () => {
    assert.deepEqual(neighbours(order, 'z'), { previous: null, next: null, position: null, total: 3 });
  });
});

describe('kept orders', () => {
  it('are kept per assignment and filter, and forgotten per assignment', () => {
    rememberOrder('x', 'status=HANDED_IN', order);
    rememberOrder('y', 'status=HANDED_IN', order.slice(0, 1));
    assert.equal(recallOrder('x', 'status=HANDED_IN'), order);
    assert.equal(recallOrder('x', ''), undefined);
    forgetOrders('x');
    assert.equal(recallOrder('x', 'status=HANDED_IN'), undefined);
    assert.equal(recallOrder('y', 'status=HANDED_IN')?.length, 1);
  });
});
