import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeProblem, toSetGradeInput } from '../grade-input';

const form = { points: '17.5', textGrade: '', comment: 'Good work', handInId: '' };

describe('grade input', () => {
  it('checks points against the scale', () => {
    assert.equal(gradeProblem(form, 'POINTS', 20), null);
    assert.equal(gradeProblem({ ...form, points: '' }, 'POINTS', 20), null);
    assert.equal(gradeProblem({ ...form, points: '21' }, 'POINTS', 20), 'At most 20 points.');
    assert.equal(gradeProblem({ ...form, points: '-1' }, 'POINTS', 20), 'Points cannot be negative.');
    assert.equal(gradeProblem({ ...form, points: 'ten' }, 'POINTS', 20), 'Enter the points as a number.');
    assert.equal(gradeProblem({ ...form, points: '1.234' }, 'POINTS', 20), 'Use at most two decimals.');
    assert.equal(gradeProblem({ ...form, points: '0,5' }, 'POINTS', 20), null);
    assert.equal(gradeProblem({ ...form, points: 'ten' }, 'TEXT', 20), null);
  });

  it('sends points or a text grade by scheme, and null to clear', () => {
    assert.deepEqual(toSetGradeInput(form, 'POINTS'), { comment: 'Good work', handInId: null, points: 17.5 });
    assert.deepEqual(toSetGradeInput({ ...form, points: ' ' }, 'POINTS'), { comment: 'Good work', handInId: null, points: null });
    assert.deepEqual(toSetGradeInput({ ...form, textGrade: ' B+ ', handInId: 'h2' }, 'TEXT'), {
      comment: 'Good work',
      handInId: 'h2',
      textGrade: 'B+',
    });
  });
});
