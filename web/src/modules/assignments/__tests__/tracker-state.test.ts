import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyStatusEvent, currentCounts, overlayRows } from '../tracker-state';

type Row = { student: { id: string }; status: string };
const row = (id: string, status: string): Row => ({ student: { id }, status });

describe('applyStatusEvent', () => {
  it('replaces a student row in place and counts versions', () => {
    let live = applyStatusEvent<Row>(undefined, { studentId: 'a', row: row('a', 'HANDED_IN') });
    live = applyStatusEvent(live, { studentId: 'a', row: row('a', 'LATE') });
    live = applyStatusEvent(live, { studentId: 'b', row: row('b', 'IN_PROGRESS') });
    assert.equal(live.rows.get('a')?.row.status, 'LATE');
    assert.equal(live.rows.get('a')?.version, 2);
    assert.equal(live.lastStudentId, 'b');
    assert.equal(live.reloads, 0);
  });

  it('asks for a reload when the event has no row, dropping held rows', () => {
    let live = applyStatusEvent<Row>(undefined, { studentId: 'a', row: row('a', 'HANDED_IN') });
    live = applyStatusEvent(live, { studentId: null, row: null });
    assert.equal(live.reloads, 1);
    assert.equal(live.rows.size, 0);
  });
});

describe('overlayRows', () => {
  it('keeps the page order and swaps in live rows', () => {
    const page = [row('a', 'NOT_STARTED'), row('b', 'NOT_STARTED')];
    const live = applyStatusEvent<Row>(undefined, { studentId: 'b', row: row('b', 'HANDED_IN') });
    assert.deepEqual(
      overlayRows(page, live).map(({ row: r, version }) => [r.student.id, r.status, version]),
      [
        ['a', 'NOT_STARTED', 0],
        ['b', 'HANDED_IN', 1],
      ],
    );
    assert.equal(overlayRows(page, undefined)[0].version, 0);
  });
});

describe('currentCounts', () => {
  const fetched = [{ status: 'HANDED_IN', count: 0 }];
  const counted = [{ status: 'HANDED_IN', count: 1 }];

  it('takes the counts of the row event over the list fetched before it', () => {
    const live = applyStatusEvent<Row>(undefined, { studentId: 'a', row: row('a', 'HANDED_IN'), counts: counted });
    assert.deepEqual(currentCounts(fetched, 0, live), counted);
  });

  it('keeps counts across an event without them, and yields to a list fetched later', () => {
    let live = applyStatusEvent<Row>(undefined, { studentId: 'a', row: row('a', 'HANDED_IN'), counts: counted });
    live = applyStatusEvent(live, { studentId: null, row: null });
    assert.deepEqual(currentCounts(fetched, 0, live), counted);
    assert.deepEqual(currentCounts(fetched, live.events, live), fetched);
    assert.deepEqual(currentCounts(undefined, 0, undefined), []);
  });
});
