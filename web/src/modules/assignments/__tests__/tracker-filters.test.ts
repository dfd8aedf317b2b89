import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STUDENT_STATUSES, studentStatusLabel } from '../assignment-labels';
import {
  NO_TRACKER_FILTERS,
  describeTrackerFilters,
  trackerFiltersFrom,
  trackerParams,
  trackerQuery,
  trackerVariables,
  type TrackerFilters,
} from '../tracker-filters';

describe('tracker filters in the address', () => {
  it('reads statuses, order and search, ignoring what it does not know', () => {
    const filters = trackerFiltersFrom(new URLSearchParams('status=LATE&status=HANDED_IN&status=LATE&status=BOGUS&sort=GRADE&desc=1&q=%20ana%20'));
    assert.deepEqual(filters, { statuses: ['HANDED_IN', 'LATE'], sort: 'GRADE', descending: true, search: 'ana' });
    assert.deepEqual(trackerFiltersFrom(new URLSearchParams('sort=SIDEWAYS&desc=yes')), NO_TRACKER_FILTERS);
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    assert.equal(trackerQuery(NO_TRACKER_FILTERS), '');
    const filters: TrackerFilters = { statuses: ['LATE', 'HANDED_IN'], sort: 'HANDED_IN_AT', descending: false, search: 'Ben C' };
    const query = trackerQuery(filters);
    assert.equal(query, '?status=HANDED_IN&status=LATE&sort=HANDED_IN_AT&q=Ben+C');
    assert.deepEqual(trackerFiltersFrom(new URLSearchParams(query)), { ...filters, statuses: ['HANDED_IN', 'LATE'] });
  });

  it('changes only the parameters of the filters given', () => {
    assert.deepEqual(trackerParams({ descending: true }), { desc: '1' });
    assert.deepEqual(trackerParams({ statuses: [], sort: 'NAME', search: ' ' }), { status: null, sort: null, q: null });
  });

  it('asks for every status when none is chosen', () => {
    assert.deepEqual(trackerVariables(NO_TRACKER_FILTERS), { statuses: null, sort: 'NAME', descending: false, search: null });
  });

  it('describes the list in words', () => {
    assert.equal(describeTrackerFilters(NO_TRACKER_FILTERS, studentStatusLabel), 'all students, by name');
    assert.equal(
      describeTrackerFilters({ statuses: ['HANDED_IN', 'LATE'], sort: 'GRADE', descending: true, search: 'ana' }, studentStatusLabel),
      'handed in or late, by grade, descending, matching “ana”',
    );
  });
});

describe('status words', () => {
  it('come from the schema for every status, in words rather than codes', () => {
    assert.equal(studentStatusLabel('MISSING'), 'No submission');
    assert.equal(studentStatusLabel('HANDED_IN'), 'Handed in');
    for (const status of STUDENT_STATUSES) assert.match(studentStatusLabel(status), /^[A-Z][a-z ]+$/);
  });
});
