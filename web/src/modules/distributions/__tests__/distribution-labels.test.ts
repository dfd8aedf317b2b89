import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isActiveStatus, outcomeSummary, statusTone } from '../distribution-labels';

const zero = { added: 0, replaced: 0, unchanged: 0, skipped: 0, copied: 0, removed: 0, conflict: 0 };

describe('outcomeSummary', () => {
  it('lists the non-zero outcomes in a fixed order', () => {
    assert.equal(outcomeSummary({ ...zero, unchanged: 2, added: 3, replaced: 1 }), '3 added · 1 replaced · 2 unchanged');
    assert.equal(outcomeSummary({ ...zero, copied: 1, conflict: 4 }), '1 kept both · 4 in conflict');
  });

  it('says nothing happened, or shows a dash without counts', () => {
    assert.equal(outcomeSummary(zero), 'nothing');
    assert.equal(outcomeSummary(null), '—');
  });
});

describe('status helpers', () => {
  it('knows which statuses are still running', () => {
    assert.equal(isActiveStatus('QUEUED'), true);
    assert.equal(isActiveStatus('RUNNING'), true);
    assert.equal(isActiveStatus('PARTIAL'), false);
  });

  it('tones statuses', () => {
    assert.equal(statusTone('SUCCEEDED'), 'good');
    assert.equal(statusTone('CONFLICT'), 'warn');
    assert.equal(statusTone('FAILED'), 'bad');
    assert.equal(statusTone('PENDING'), 'busy');
    assert.equal(statusTone('CANCELLED'), 'neutral');
  });
});
