import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POLICIES, buildPushInput, pushChoicesProblem, type PushChoices } from '../push-input';

const base: PushChoices = {
  source: { workspaceId: 'master', snapshotId: null },
  paths: ['files/week1', 'tables/stocks'],
  targetMode: 'students',
  spaceId: 'course',
  workspaceIds: [],
  includeFutureMembers: true,
  policies: { ...DEFAULT_POLICIES, tables: 'OVERWRITE' },
  snapshotFirst: true,
  message: '  Week 1 is out  ',
};

describe('buildPushInput', () => {
  it('targets every student of the space, with future members', () => {
    assert.deepEqual(buildPushInput(base, 'key-1'), {
      source: { workspaceId: 'master', snapshotId: null },
      paths: ['files/week1', 'tables/stocks'],
      targets: { spaceId: 'course', roles: ['MEMBER'], includeFutureMembers: true },
      policies: { files: 'PRESERVE_EDITS', tables: 'OVERWRITE', applications: 'PRESERVE_EDITS' },
      snapshotFirst: true,
      message: 'Week 1 is out',
      idempotencyKey: 'key-1',
    });
  });

  it('targets chosen workspaces once each and leaves out an empty message', () => {
    const input = buildPushInput({ ...base, targetMode: 'workspaces', workspaceIds: ['a', 'b', 'a'], message: ' ', snapshotFirst: false });
    assert.deepEqual(input.targets, { workspaceIds: ['a', 'b'] });
    assert.equal('message' in input, false);
    assert.equal('idempotencyKey' in input, false);
    assert.equal(input.snapshotFirst, false);
  });
});

describe('pushChoicesProblem', () => {
  it('needs something staged and somewhere to push it', () => {
    assert.equal(pushChoicesProblem(base), null);
    assert.match(pushChoicesProblem({ ...base, paths: [] }) ?? '', /stage is empty/);
    assert.match(pushChoicesProblem({ ...base, targetMode: 'workspaces' }) ?? '', /at least one workspace/);
  });
});
