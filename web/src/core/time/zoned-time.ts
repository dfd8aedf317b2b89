/**
 * Date-times shown and entered in a named IANA time zone (an assignment's),
 * whatever zone the browser is in. The API speaks UTC instants; people think
 * in wall-clock times of a place.
 */

const MINUTE = 60_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTimeAt(utcMs: number, timeZone: string): WallTime {
  const parts = partsFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** True when the runtime knows `timeZone` as an IANA zone name (or UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes `timeZone` is ahead of UTC at the instant `utcMs` (negative west of Greenwich). */
export function timeZoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const w = wallTimeAt(whole, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - whole) / MINUTE);
}

/** `+01:00`, `-05:30`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * An instant as a wall-clock date and time in `timeZone`, with the zone's
 * abbreviation or offset, e.g. "Fri, 4 Dec 2026, 17:00 CET".
 */
export function formatDateTime(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "Europe/Zurich (UTC+01:00)" at the given instant (the offset changes with daylight saving). */
export function timeZoneLabel(timeZone: string, atIso: string = new Date().toISOString()): string {
  const at = new Date(atIso).getTime();
  return `${timeZone} (UTC${formatOffset(timeZoneOffsetMinutes(at, timeZone))})`;
}

const INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a `<input type="datetime-local">` value as a wall-clock time in
 * `timeZone` and returns the UTC instant as ISO 8601, or null when the value is
 * not a date-time. A time that does not exist (skipped by a daylight-saving
 * change) moves forward by the gap; one that occurs twice takes the earlier.
 */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const match = INPUT_PATTERN.exec(value.trim());
  if (!match || !isValidTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // The offset at the guess may differ from the offset at the answer near a
  // change; the candidates are the offsets a day either side.
  const candidates = [
    timeZoneOffsetMinutes(asUtc - 24 * 60 * MINUTE, timeZone),
    timeZoneOffsetMinutes(asUtc + 24 * 60 * MINUTE, timeZone),
  ].sort((a, b) => b - a);
  for (const offset of candidates) {
    const utc = asUtc - offset * MINUTE;
    const w = wallTimeAt(utc, timeZone);
    if (w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute) {
      return new Date(utc).toISOString();
    }
  }
  // A skipped time: keep the wall-clock reading with the offset from before the change.
  return new Date(asUtc - candidates[candidates.length - 1] * MINUTE).toISOString();
}

/** The `<input type="datetime-local">` value showing `iso` as wall-clock time in `timeZone`. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || !isValidTimeZone(timeZone)) return '';
  const w = wallTimeAt(date.getTime(), timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Zone names the runtime knows, for a picker; a short list where the runtime cannot enumerate them. */
export function knownTimeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : ['Europe/London', 'Europe/Zurich', 'America/New_York', 'Asia/Tokyo'];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
