import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POLICIES, buildPushInput, pushChoicesProblem, type PushChoices } from '../push-input';

const base: PushChoices = {
  origin: { kind: 'stage', source: { workspaceId: 'master', snapshotId: null }, paths: ['files/week1', 'tables/stocks'] },
  targetMode: 'students',
  spaceId: 'course',
  workspaceIds: [],
  includeFutureMembers: true,
  policies: { ...DEFAULT_POLICIES, tables: 'OVERWRITE' },
  snapshotFirst: true,
  message: '  Week 1 is out  ',
};

const fromBundle: PushChoices = { ...base, origin: { kind: 'bundle', bundleId: 'b1', name: 'Week 1', paths: ['files/week1'] } };

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

  it('pushes a bundle by its id, without a source or paths', () => {
    const input = buildPushInput(fromBundle, 'key-2');
    assert.equal(input.bundleId, 'b1');
    assert.equal('source' in input, false);
    assert.equal('paths' in input, false);
    assert.deepEqual(input.targets, { spaceId: 'course', roles: ['MEMBER'], includeFutureMembers: true });
    assert.equal(input.idempotencyKey, 'key-2');
  });
});

describe('pushChoicesProblem', () => {
  it('needs something to push and somewhere to push it', () => {
    assert.equal(pushChoicesProblem(base), null);
    assert.equal(pushChoicesProblem(fromBundle), null);
    assert.match(pushChoicesProblem({ ...base, origin: { ...base.origin, paths: [] } }) ?? '', /stage is empty/);
    assert.match(pushChoicesProblem({ ...fromBundle, origin: { ...fromBundle.origin, paths: [] } }) ?? '', /bundle is empty/);
    assert.match(pushChoicesProblem({ ...base, targetMode: 'workspaces' }) ?? '', /at least one workspace/);
  });
});
