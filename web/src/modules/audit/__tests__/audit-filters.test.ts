import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_FILTERS, actionLabel, csvHref, dayBoundary, toQueryVariables } from '../audit-filters';

describe('audit filters', () => {
  it('turns local days into instants, the end day included', () => {
    const from = dayBoundary('2026-11-26', false);
    const to = dayBoundary('2026-11-26', true);
    assert.ok(from && to);
    assert.equal(new Date(to).getTime() - new Date(from).getTime(), 24 * 3600 * 1000);
    assert.equal(new Date(from).getHours(), 0);
    assert.equal(dayBoundary('', false), null);
    assert.equal(dayBoundary('26/11/2026', false), null);
  });

  it('sends only the filters that are set', () => {
    assert.deepEqual(toQueryVariables(NO_FILTERS), { action: null, actorId: null, studentId: null, from: null, to: null });
    assert.equal(toQueryVariables({ ...NO_FILTERS, action: 'hand-in.' }).action, 'hand-in.');
  });

  it('builds the CSV address with the same filters', () => {
    assert.equal(csvHref('s 1', NO_FILTERS), '/api/spaces/s%201/audit.csv');
    assert.equal(csvHref('s1', { ...NO_FILTERS, action: 'extension.', studentId: 'u9' }), '/api/spaces/s1/audit.csv?action=extension.&studentId=u9');
  });

  it('words an action', () => {
    assert.equal(actionLabel('distribution.target.applied'), 'Distribution target applied');
    assert.equal(actionLabel('hand-in.submitted'), 'Hand in submitted');
  });
});
