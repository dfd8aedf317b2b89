import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pushTargets } from '../push-targets';

describe('pushTargets', () => {
  const ws = (id: string, canWrite: boolean) => ({ id, canWrite });

  it('leaves a TA with only read access to personal workspaces nothing to push to', () => {
    assert.deepEqual(pushTargets([ws('master', false), ws('ada', false), ws('bob', false)], 'master'), []);
  });

  it('offers writable workspaces other than the source', () => {
    assert.deepEqual(
      pushTargets([ws('master', true), ws('shared', true), ws('ada', false)], 'master').map((w) => w.id),
      ['shared'],
    );
  });
});
