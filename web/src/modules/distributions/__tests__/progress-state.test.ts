import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECENT_LIMIT, mergeProgress, percentDone, type Counts, type ProgressEvent } from '../progress-state';

type Target = { id: string; status: string };

const counts = (done: number, total = 10): Counts => ({
  total,
  done,
  pending: total - done,
  running: 0,
  succeeded: done,
  failed: 0,
  conflict: 0,
  cancelled: 0,
});

const event = (done: number, finished: Target[], final = false, status = 'RUNNING'): ProgressEvent<Target> => ({
  final,
  counts: counts(done),
  distribution: { status },
  finished,
});

describe('mergeProgress', () => {
  it('starts from the current state and adds finished targets newest first', () => {
    let state = mergeProgress<Target>(undefined, event(0, []));
    assert.equal(state.counts?.done, 0);
    assert.equal(state.byId.size, 0);
    state = mergeProgress(state, event(2, [{ id: 'a', status: 'SUCCEEDED' }, { id: 'b', status: 'CONFLICT' }]));
    state = mergeProgress(state, event(3, [{ id: 'c', status: 'SUCCEEDED' }]));
    assert.deepEqual(state.recent, ['c', 'b', 'a']);
    assert.equal(state.byId.get('b')?.status, 'CONFLICT');
    assert.equal(state.events, 3);
    assert.equal(state.final, false);
  });

  it('keeps the latest outcome of a target that finishes again', () => {
    let state = mergeProgress<Target>(undefined, event(1, [{ id: 'a', status: 'FAILED' }]));
    state = mergeProgress(state, event(2, [{ id: 'b', status: 'SUCCEEDED' }]));
    state = mergeProgress(state, event(2, [{ id: 'a', status: 'SUCCEEDED' }]));
    assert.equal(state.byId.get('a')?.status, 'SUCCEEDED');
    assert.deepEqual(state.recent, ['a', 'b']);
  });

  it('stays final once a final event arrives', () => {
    let state = mergeProgress<Target>(undefined, event(10, [], true, 'SUCCEEDED'));
    assert.equal(state.final, true);
    assert.equal(state.status, 'SUCCEEDED');
    state = mergeProgress(state, event(10, []));
    assert.equal(state.final, true);
  });

  it('keeps only the most recent ids for the feed, but every outcome', () => {
    const many = Array.from({ length: RECENT_LIMIT + 5 }, (_, i) => ({ id: `t${i}`, status: 'SUCCEEDED' }));
    const state = mergeProgress<Target>(undefined, event(many.length, many));
    assert.equal(state.recent.length, RECENT_LIMIT);
    assert.equal(state.recent[0], `t${many.length - 1}`);
    assert.equal(state.byId.size, many.length);
  });
});

describe('percentDone', () => {
  it('rounds down and copes with no targets', () => {
    assert.equal(percentDone({ done: 999, total: 1000 }), 99);
    assert.equal(percentDone({ done: 1000, total: 1000 }), 100);
    assert.equal(percentDone({ done: 0, total: 0 }), 0);
    assert.equal(percentDone(null), 0);
  });
});
