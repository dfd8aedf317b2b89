import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POLICIES, buildPushInput, previewVerdict, pushChoicesProblem, stageOrigin, type PushChoices } from '../push-input';

const base: PushChoices = {
  origin: stageOrigin({ workspaceId: 'master', snapshotId: null }, 'Master', [
    { id: 's1', path: 'files/week1', stagedAt: '2026-01-01T10:00:00Z' },
    { id: 's2', path: 'tables/stocks', stagedAt: '2026-01-01T10:05:00Z' },
  ]),
  targetMode: 'students',
  spaceId: 'course',
  workspaceIds: [],
  includeFutureMembers: true,
  policies: { ...DEFAULT_POLICIES, tables: 'OVERWRITE' },
  snapshotFirst: true,
  message: '  Week 1 is out  ',
  clearStage: true,
};

const fromBundle: PushChoices = { ...base, origin: { kind: 'bundle', bundleId: 'b1', name: 'Week 1', paths: ['files/week1'] } };

describe('buildPushInput', () => {
  it('pushes exactly the chosen stage items by id, clears them from the stage, to every student with future members', () => {
    assert.deepEqual(buildPushInput(base, 'key-1'), {
      stageItemIds: ['s1', 's2'],
      clearStage: true,
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

  it('keeps the items on the stage when asked to', () => {
    assert.equal('clearStage' in buildPushInput({ ...base, clearStage: false }), false);
  });

  it('pushes a bundle by its id, without a source or paths', () => {
    const input = buildPushInput(fromBundle, 'key-2');
    assert.equal(input.bundleId, 'b1');
    assert.equal('source' in input, false);
    assert.equal('paths' in input, false);
    assert.equal('stageItemIds' in input, false);
    assert.equal('clearStage' in input, false);
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

describe('previewVerdict', () => {
  const preview = { targetCount: 3, targetsChanging: 2, targetsFailing: 0, targetsLosingEdits: 0 };
  it('lets a push that changes something go, and names how many students lose their own edits', () => {
    assert.deepEqual(previewVerdict(preview), { nothingToPush: null, lostEditsLine: null });
    assert.equal(previewVerdict({ ...preview, targetsLosingEdits: 3 }).lostEditsLine, '3 students have edited files that this push would replace or remove.');
    assert.equal(previewVerdict({ ...preview, targetsLosingEdits: 1 }, 'recipients').lostEditsLine, '1 recipient has edited files that this push would replace or remove.');
    assert.equal(previewVerdict({ ...preview, targetsLosingEdits: 1 }).lostEditsLine, '1 student has edited files that this push would replace or remove.');
  });
  it('says why there is nothing to push when no target would change', () => {
    assert.match(previewVerdict({ ...preview, targetsChanging: 0 }).nothingToPush ?? '', /every target is already up to date/);
    assert.match(previewVerdict({ ...preview, targetsChanging: 0, targetsFailing: 3 }).nothingToPush ?? '', /every target would fail$/);
    assert.match(previewVerdict({ ...preview, targetsChanging: 0, targetsFailing: 1 }).nothingToPush ?? '', /would fail or is already up to date/);
    assert.match(previewVerdict({ ...preview, targetCount: 0, targetsChanging: 0 }).nothingToPush ?? '', /no workspace matches/);
  });
});
