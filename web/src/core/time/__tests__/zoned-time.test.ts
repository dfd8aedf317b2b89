import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatDateTime,
  formatOffset,
  isValidTimeZone,
  isoToZonedInput,
  timeZoneLabel,
  timeZoneOffsetMinutes,
  zonedInputToIso,
} from '../zoned-time';

describe('formatDateTime', () => {
  it('shows the wall-clock time of the given zone, not the machine zone', () => {
    const iso = '2026-12-04T16:00:00.000Z';
    assert.equal(formatDateTime(iso, 'Europe/Zurich', 'en-GB'), 'Fri, 4 Dec 2026, 17:00 CET');
    assert.equal(formatDateTime(iso, 'UTC', 'en-GB'), 'Fri, 4 Dec 2026, 16:00 UTC');
    assert.match(formatDateTime(iso, 'America/New_York', 'en-US'), /Dec 4, 2026, 11:00 AM EST/);
  });

  it('shows daylight-saving time in summer', () => {
    assert.equal(formatDateTime('2026-07-01T10:00:00Z', 'Europe/Zurich', 'en-GB'), 'Wed, 1 Jul 2026, 12:00 CEST');
  });

  it('returns an unreadable value as given', () => {
    assert.equal(formatDateTime('not a date', 'UTC'), 'not a date');
  });
});

describe('time zone offsets', () => {
  it('knows the offset in winter and summer', () => {
    assert.equal(timeZoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Zurich'), 60);
    assert.equal(timeZoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Zurich'), 120);
    assert.equal(timeZoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata'), 330);
    assert.equal(timeZoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'America/St_Johns'), -210);
  });

  it('formats offsets with sign and minutes', () => {
    assert.equal(formatOffset(60), '+01:00');
    assert.equal(formatOffset(-210), '-03:30');
    assert.equal(formatOffset(0), '+00:00');
  });

  it('labels a zone with its offset at an instant', () => {
    assert.equal(timeZoneLabel('Europe/Zurich', '2026-01-15T12:00:00Z'), 'Europe/Zurich (UTC+01:00)');
    assert.equal(timeZoneLabel('Europe/Zurich', '2026-07-15T12:00:00Z'), 'Europe/Zurich (UTC+02:00)');
  });

  it('validates zone names', () => {
    assert.equal(isValidTimeZone('Europe/Zurich'), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isValidTimeZone(''), false);
  });
});

describe('zonedInputToIso and isoToZonedInput', () => {
  it('reads an input value as wall-clock time in the zone', () => {
    assert.equal(zonedInputToIso('2026-12-04T17:00', 'Europe/Zurich'), '2026-12-04T16:00:00.000Z');
    assert.equal(zonedInputToIso('2026-07-01T12:00', 'Europe/Zurich'), '2026-07-01T10:00:00.000Z');
    assert.equal(zonedInputToIso('2026-12-04T17:00', 'UTC'), '2026-12-04T17:00:00.000Z');
    assert.equal(zonedInputToIso('2026-12-04T23:30', 'America/Los_Angeles'), '2026-12-05T07:30:00.000Z');
  });

  it('round-trips through the input value', () => {
    for (const zone of ['Europe/Zurich', 'Asia/Kolkata', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
      for (const iso of ['2026-03-29T00:30:00.000Z', '2026-10-25T02:30:00.000Z', '2026-12-31T23:59:00.000Z']) {
        const input = isoToZonedInput(iso, zone);
        assert.equal(zonedInputToIso(input, zone), iso, `${zone} ${iso} via ${input}`);
      }
    }
  });

  it('takes the earlier instant of a time that happens twice', () => {
    // 02:30 on 25 Oct 2026 happens first in summer time (+02:00), then in winter time.
    assert.equal(zonedInputToIso('2026-10-25T02:30', 'Europe/Zurich'), '2026-10-25T00:30:00.000Z');
  });

  it('moves a skipped time forward by the gap', () => {
    // 02:30 on 29 Mar 2026 does not exist in Zurich; clocks go from 02:00 to 03:00.
    const iso = zonedInputToIso('2026-03-29T02:30', 'Europe/Zurich');
    assert.equal(iso, '2026-03-29T01:30:00.000Z');
    assert.equal(isoToZonedInput(iso!, 'Europe/Zurich'), '2026-03-29T03:30');
  });

  it('refuses values that are not date-times', () => {
    assert.equal(zonedInputToIso('', 'UTC'), null);
    assert.equal(zonedInputToIso('2026-02-30T10:00', 'UTC'), null);
    assert.equal(zonedInputToIso('2026-13-01T10:00', 'UTC'), null);
    assert.equal(zonedInputToIso('2026-12-04T17:00', 'Nowhere/City'), null);
    assert.equal(isoToZonedInput('garbage', 'UTC'), '');
  });
});
