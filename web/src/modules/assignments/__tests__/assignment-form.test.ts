import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssignmentDetailsFragment } from '../../../gql/graphql';
import { assignmentFormProblems, assignmentToForm, emptyAssignmentForm, toCreateInput, toUpdateInput } from '../assignment-form';

const assignment = {
  __typename: 'Assignment',
  id: 'a1',
  spaceId: 's1',
  title: 'Week 1',
  instructions: 'Summarise the weather.',
  deadline: '2026-12-04T16:00:00.000Z',
  timeZone: 'Europe/Zurich',
  releaseAt: '2026-11-20T08:00:00.000Z',
  releasedAt: '2026-11-20T08:00:01.000Z',
  createdAt: '2026-11-19T08:00:00.000Z',
  updatedAt: '2026-11-19T08:00:00.000Z',
  distributionId: 'd1',
  collectAtDeadline: true,
  anonymousGrading: false,
  handBackVisible: true,
  handInPaths: ['files/week1/answer.py'],
  maxPoints: 20,
  gradingScheme: 'POINTS',
  sizeLimitBytes: 100 * 1024 * 1024,
  latePolicy: { mode: 'PENALTY', penaltyPercent: 10, unit: 'DAY', floorPercent: 50 },
  items: [],
} as unknown as AssignmentDetailsFragment;

describe('assignment form', () => {
  it('shows the deadline as wall-clock time in the assignment zone', () => {
    const form = assignmentToForm(assignment);
    assert.equal(form.deadline, '2026-12-04T17:00');
    assert.equal(form.timeZone, 'Europe/Zurich');
    assert.equal(form.sizeLimitMb, '100');
    assert.equal(form.handInPaths, 'files/week1/answer.py');
  });

  it('sends only what changed', () => {
    const original = assignmentToForm(assignment);
    assert.deepEqual(toUpdateInput(original, original), {});
    const edited = { ...original, deadline: '2026-12-05T17:00', maxPoints: '25' };
    assert.deepEqual(toUpdateInput(edited, original), { deadline: '2026-12-05T16:00:00.000Z', maxPoints: 25 });
  });

  it('moving the zone keeps the wall-clock time and moves the instant', () => {
    const original = assignmentToForm(assignment);
    const input = toUpdateInput({ ...original, timeZone: 'America/New_York' }, original);
    assert.deepEqual(input, { deadline: '2026-12-04T22:00:00.000Z', timeZone: 'America/New_York' });
  });

  it('finds problems before asking the server', () => {
    const form = emptyAssignmentForm('UTC', '2026-12-04T16:00:00Z');
    assert.deepEqual(Object.keys(assignmentFormProblems(form)), ['title']);
    const bad = { ...form, title: 'x', deadline: '', lateMode: 'PENALTY' as const, penaltyPercent: '120', maxPoints: '2.5' };
    assert.deepEqual(Object.keys(assignmentFormProblems(bad)).sort(), ['deadline', 'maxPoints', 'penaltyPercent']);
    assert.ok(assignmentFormProblems({ ...form, title: 'x', timeZone: 'Nowhere' }).timeZone);
  });

  it('builds a create input from material paths or the stage', () => {
    const form = { ...emptyAssignmentForm('Europe/Zurich', '2026-12-04T16:00:00Z'), title: ' Week 2 ', handInPaths: '\nfiles/a.py\n' };
    const fromPaths = toCreateInput('s1', form, {
      source: { workspaceId: 'm', snapshotId: null },
      paths: ['files/week2'],
      releaseAt: null,
      message: '',
    });
    assert.equal(fromPaths.title, 'Week 2');
    assert.equal(fromPaths.deadline, '2026-12-04T16:00:00.000Z');
    assert.deepEqual(fromPaths.paths, ['files/week2']);
    assert.deepEqual(fromPaths.handInPaths, ['files/a.py']);
    assert.equal('releaseAt' in fromPaths, false);
    assert.deepEqual(fromPaths.latePolicy, { mode: 'ACCEPT', penaltyPercent: 0, unit: 'DAY', floorPercent: 0 });
    const fromStage = toCreateInput('s1', { ...form, handInPaths: '' }, {
      source: { workspaceId: 'm', snapshotId: null },
      paths: null,
      releaseAt: '2026-12-01T08:00:00.000Z',
      message: 'Good luck',
    });
    assert.equal('paths' in fromStage, false);
    assert.equal('handInPaths' in fromStage, false);
    assert.equal(fromStage.releaseAt, '2026-12-01T08:00:00.000Z');
    assert.equal(fromStage.message, 'Good luck');
  });
});
