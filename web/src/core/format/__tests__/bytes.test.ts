import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes } from '../bytes';

describe('formatBytes', () => {
  it('writes small sizes in bytes', () => {
    assert.equal(formatBytes(0), '0 bytes');
    assert.equal(formatBytes(1), '1 byte');
    assert.equal(formatBytes(1023), '1023 bytes');
  });

  it('uses binary units with one decimal below ten', () => {
    assert.equal(formatBytes(1024), '1 KB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(49_578), '48 KB');
    assert.equal(formatBytes(5 * 1024 ** 3), '5 GB');
  });

  it('shows a dash for nonsense', () => {
    assert.equal(formatBytes(-1), '—');
    assert.equal(formatBytes(Number.NaN), '—');
  });
});
