import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roleLabel, spaceKindLabel } from '../space-labels';

describe('roleLabel', () => {
  it('uses course words in a course', () => {
    assert.deepEqual(
      (['ADMIN', 'TA', 'MEMBER', 'VIEWER'] as const).map((role) => roleLabel(role, 'COURSE')),
      ['Instructor', 'Teaching assistant', 'Student', 'Viewer'],
    );
  });

  it('uses owner and member outside courses', () => {
    assert.equal(roleLabel('ADMIN', 'RESEARCH'), 'Owner');
    assert.equal(roleLabel('MEMBER', 'DATASET'), 'Member');
  });

  it('shows an unknown role as sent', () => {
    assert.equal(roleLabel('AUDITOR'), 'AUDITOR');
  });
});

describe('spaceKindLabel', () => {
  it('names every kind', () => {
    assert.equal(spaceKindLabel('COURSE'), 'Course');
    assert.equal(spaceKindLabel('RESEARCH'), 'Research project');
    assert.equal(spaceKindLabel('DATASET'), 'Dataset');
  });
});
