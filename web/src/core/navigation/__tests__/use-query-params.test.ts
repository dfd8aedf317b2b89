import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withParams } from '../use-query-params';

describe('withParams', () => {
  it('sets, repeats and removes parameters, leaving the others alone', () => {
    assert.equal(withParams('?tab=audit&q=old', { q: 'new' }), 'tab=audit&q=new');
    assert.equal(withParams('tab=audit', { status: ['LATE', 'HANDED_IN'] }), 'tab=audit&status=LATE&status=HANDED_IN');
    assert.equal(withParams('tab=audit&status=LATE&status=GRADED', { status: null, tab: '' }), '');
  });
});
