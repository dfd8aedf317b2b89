import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStaff, stagingOffered } from '../staging-offered';

describe('stagingOffered', () => {
  it('offers the stage to instructors and teaching assistants of a course', () => {
    assert.equal(stagingOffered('ADMIN', 'COURSE'), true);
    assert.equal(stagingOffered('TA', 'COURSE'), true);
  });

  it('never offers it to a student of a course or to a viewer', () => {
    assert.equal(stagingOffered('MEMBER', 'COURSE'), false);
    assert.equal(stagingOffered('VIEWER', 'RESEARCH'), false);
    assert.equal(stagingOffered(null, 'COURSE'), false);
  });

  it('offers it to members of a research project or dataset', () => {
    assert.equal(stagingOffered('MEMBER', 'RESEARCH'), true);
    assert.equal(stagingOffered('MEMBER', 'DATASET'), true);
  });

  it('counts instructors and teaching assistants as staff', () => {
    assert.deepEqual((['ADMIN', 'TA', 'MEMBER', 'VIEWER'] as const).map(isStaff), [true, true, false, false]);
  });
});
