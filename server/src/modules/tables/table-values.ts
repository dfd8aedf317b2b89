/**
 * Reading one cell's text as a typed value, and guessing a column's type.
 *
 * Two levels of strictness on purpose: `parseCell` accepts anything a type can
 * faithfully hold (used when the user states the type), while inference also
 * refuses values that merely look numeric, such as `02134`, because turning a
 * postcode or an identifier into a number silently loses its leading zeros.
 */
import type { CellValue, ColumnType } from './table-types';

const INTEGER_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN_TEXT = /^(?:true|false)$/i;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 profile of ISO 8601, plus the space separator that SQL and pandas
// exports write; seconds, fraction and zone are optional.
const DATETIME_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const LEADING_ZERO = /^[+-]?0\d/;

/** Inference order: the first type every non-empty value satisfies wins. */
const INFERENCE_ORDER: readonly ColumnType[] = ['INTEGER', 'FLOAT', 'BOOLEAN', 'DATE', 'DATETIME'];

/** `-0` would encode as `0` and decode as `0`, so it is never stored. */
const noNegativeZero = (n: number): number => (Object.is(n, -0) ? 0 : n);

// pandas writes an integer column that has gaps as floats (`1990.0`), and a
// FLOAT column being re-typed is written that way too; when the user states
// INTEGER such text is taken. Inference still requires plain digits.
const WHOLE_DECIMAL_TEXT = /^[+-]?\d+\.0*$/;

function parseInteger(text: string): number | undefined {
  if (!INTEGER_TEXT.test(text) && !WHOLE_DECIMAL_TEXT.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? noNegativeZero(n) : undefined;
}

function parseFloatValue(text: string): number | undefined {
  if (!FLOAT_TEXT.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? noNegativeZero(n) : undefined;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

function parseDate(text: string): string | undefined {
  const m = DATE_TEXT.exec(text);
  if (!m) return undefined;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? text : undefined;
}

/**
 * Normalises to `YYYY-MM-DDTHH:MM:SS[.fraction]` and, for a value with a zone,
 * to the same instant in UTC with `Z`: equal instants then have equal text, so
 * equal tables have equal bytes. A value without a zone stays a local time; no
 * zone is invented for it. The fraction keeps its digits (up to nanoseconds)
 * minus trailing zeros, which is why the shift is done on the components and
 * not through a millisecond `Date`.
 */
function parseDateTime(text: string): string | undefined {
  const m = DATETIME_TEXT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = (m[7] ?? '').replace(/0+$/, '');
  const zone = m[8];
  const fractionText = fraction ? `.${fraction}` : '';
  if (zone === undefined) {
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fractionText}`;
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute - offsetMinutes, second, 0);
  const utcYear = utc.getUTCFullYear();
  if (utcYear < 0 || utcYear > 9999) return undefined;
  return (
    `${pad(utcYear, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}` +
    `T${pad(utc.getUTCHours(), 2)}:${pad(utc.getUTCMinutes(), 2)}:${pad(utc.getUTCSeconds(), 2)}${fractionText}Z`
  );
}

/**
 * The typed value of a non-empty cell text under `type`, or `undefined` when
 * the text cannot be that type. INTEGER and FLOAT give numbers, BOOLEAN a
 * boolean, DATE and DATETIME normalised ISO 8601 text, STRING the text itself.
 */
export function parseCell(type: ColumnType, text: string): CellValue | undefined {
  switch (type) {
    case 'STRING':
      return text;
    case 'INTEGER':
      return parseInteger(text);
    case 'FLOAT':
      return parseFloatValue(text);
    case 'BOOLEAN':
      return BOOLEAN_TEXT.test(text) ? text.toLowerCase() === 'true' : undefined;
    case 'DATE':
      return parseDate(text);
    case 'DATETIME':
      return parseDateTime(text);
  }
}

/** Whether inference may pick `type` for this non-empty text (stricter than `parseCell`). */
function suggests(type: ColumnType, text: string): boolean {
  if (type === 'INTEGER' || type === 'FLOAT') {
    if (LEADING_ZERO.test(text)) return false;
    if (type === 'INTEGER' && !INTEGER_TEXT.test(text)) return false;
    // Digits beyond 2^53 read as a FLOAT would quietly change (an account
    // number, an id): such a column stays STRING unless the user says otherwise.
    if (type === 'FLOAT' && INTEGER_TEXT.test(text) && parseInteger(text) === undefined) return false;
  }
  return parseCell(type, text) !== undefined;
}

/**
 * The narrowest type that every non-empty value satisfies, in the order
 * INTEGER, FLOAT, BOOLEAN, DATE, DATETIME, falling back to STRING; a column
 * with no non-empty value is STRING. Numbers with leading zeros (`007`) and
 * integers beyond ±2^53 are not taken as numbers.
 */
export function inferColumnType(values: readonly string[]): ColumnType {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'STRING';
  return INFERENCE_ORDER.find((type) => present.every((v) => suggests(type, v))) ?? 'STRING';
}

/** Whether `value` is a stored (typed, normalised) value of a column of `type`; null always is. */
export function isCellOfType(type: ColumnType, value: unknown): boolean {
  if (value === null) return true;
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'INTEGER':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'FLOAT':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'DATE':
      return typeof value === 'string' && parseDate(value) === value;
    case 'DATETIME':
      return typeof value === 'string' && parseDateTime(value) === value;
  }
}

/**
 * Cell text for CSV. A FLOAT that happens to be whole is written `3.0`, so the
 * column reads back as FLOAT rather than being narrowed to INTEGER.
 */
export function formatCell(type: ColumnType, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return type === 'FLOAT' && /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  return String(value);
}
