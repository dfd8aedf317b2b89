import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countdown, countdownSentence, countdownTick } from '../countdown';

const now = Date.parse('2026-12-01T12:00:00Z');
const s = 1000;
const min = 60 * s;
const h = 60 * min;
const day = 24 * h;

describe('countdown', () => {
  it('is coarse when the moment is days away', () => {
    const value = countdown(now + 3 * day + 4 * h + 5 * min, now);
    assert.equal(value.past, false);
    assert.equal(value.text, '3 days 4 h');
    assert.equal(countdownSentence(value), 'Due in 3 days 4 h');
    assert.equal(countdown(now + day, now).text, '1 day');
  });

  it('shows hours and minutes within a day and seconds within the hour', () => {
    assert.equal(countdown(now + 5 * h + 7 * min, now).text, '5 h 7 min');
    assert.equal(countdown(now + 12 * min + 5 * s, now).text, '12 min 05 s');
  });

  it('rounds seconds up before the moment so it reaches zero exactly then', () => {
    assert.equal(countdown(now + 500, now).text, '0 min 01 s');
    const atDeadline = countdown(now, now);
    assert.equal(atDeadline.past, true);
    assert.equal(atDeadline.text, '0 min 00 s');
  });

  it('counts up after the moment', () => {
    const value = countdown(now - 2 * h - 3 * min, now);
    assert.equal(value.past, true);
    assert.equal(countdownSentence(value), 'Deadline passed 2 h 3 min ago');
  });

  it('ticks faster as the moment approaches', () => {
    assert.equal(countdownTick(now + 30 * min, now), s);
    assert.equal(countdownTick(now + 5 * h, now), min);
    assert.equal(countdownTick(now + 10 * day, now), 10 * min);
    assert.equal(countdownTick(now - 10 * min, now), s);
  });
});
