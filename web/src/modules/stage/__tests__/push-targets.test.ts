import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pushReach } from '../push-targets';

const page = (ids: string[], totalCount = ids.length) => ({ totalCount, nodes: ids.map((id) => ({ id })) });

describe('pushReach', () => {
  it('reaches nothing when the caller may change no workspace', () => {
    assert.equal(pushReach(page([]))('master'), false);
  });

  it('reaches nothing from the only workspace the caller may change', () => {
    assert.equal(pushReach(page(['shared']))('shared'), false);
  });

  it('reaches the one writable workspace from any other source', () => {
    assert.equal(pushReach(page(['shared']))('master'), true);
  });

  it('reaches another from either of two, and from anywhere when more exist than were fetched', () => {
    assert.equal(pushReach(page(['a', 'b']))('a'), true);
    assert.equal(pushReach(page(['a'], 2))('a'), true);
  });
});
