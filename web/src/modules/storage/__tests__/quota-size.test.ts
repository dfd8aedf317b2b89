import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuotaSize } from '../quota-size';

describe('quota sizes typed by people', () => {
  it('reads bytes and sizes in powers of 1,024', () => {
    assert.deepEqual(parseQuotaSize('1073741824'), { bytes: 1024 ** 3 });
    assert.deepEqual(parseQuotaSize(' 2 GB '), { bytes: 2 * 1024 ** 3 });
    assert.deepEqual(parseQuotaSize('500mb'), { bytes: 500 * 1024 ** 2 });
    assert.deepEqual(parseQuotaSize('1.5 KB'), { bytes: 1536 });
    assert.deepEqual(parseQuotaSize('1,5 KB'), { bytes: 1536 });
  });

  it('names what is wrong', () => {
    assert.deepEqual(parseQuotaSize(''), { problem: 'Enter a size such as 2 GB or 500 MB, or remove the quota.' });
    assert.deepEqual(parseQuotaSize('-3 GB'), { problem: "A quota cannot be negative ('-3 GB')." });
    assert.deepEqual(parseQuotaSize('2 GiB'), { problem: "'GiB' is not a unit: use bytes, KB, MB, GB or TB." });
    assert.deepEqual(parseQuotaSize('lots'), { problem: "'lots' is not a size: write a number and a unit, such as 2 GB or 500 MB." });
    assert.deepEqual(parseQuotaSize('99999999999 TB'), { problem: '99999999999 TB is more than can be stored.' });
  });
});
