/**
 * Rules for names and workspace paths.
 *
 * A name is one path segment as stored in a tree. Names are kept in NFC so that
 * two spellings of the same text (a precomposed "é" and "e" + combining accent,
 * as typed on different systems) address the same entry.
 */
import { badInput, DomainError } from '../errors';
import { describeCodePoint, forbiddenFormatCharacter, isFormatCharacter } from './format-characters';
import { AREAS, type Area } from './types';

/** Longest name in UTF-8 bytes; the common file-system limit, so exports can be unpacked anywhere. */
const MAX_NAME_BYTES = 255;
/** How much of an over-long or odd name an error message shows. */
const QUOTE_LIMIT = 60;

// With the u flag a well-formed surrogate pair is one code point, so this only
// matches unpaired halves, which have no UTF-8 encoding.
const LONE_SURROGATE = /\p{Cs}/u;
const ONLY_WHITESPACE = /^\s+$/u;

/** C0 controls, DEL and C1 controls: invisible, and unsafe in archives and terminals. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** Quotes user text for an error message: control, format characters and lone surrogates escaped, long text cut. */
function quote(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > QUOTE_LIMIT ? [...chars.slice(0, QUOTE_LIMIT), '…'] : chars;
  const escaped = shown.map((c) => {
    const code = c.charCodeAt(0);
    const visible = !isControl(code) && !LONE_SURROGATE.test(c) && !isFormatCharacter(c);
    if (visible) return c;
    const point = c.codePointAt(0)!;
    return point > 0xffff ? `\\u{${point.toString(16)}}` : '\\u' + code.toString(16).padStart(4, '0');
  });
  return `'${escaped.join('')}'`;
}

/**
 * Validates one name and returns its NFC form.
 *
 * @throws DomainError BAD_USER_INPUT when the name is empty, `.` or `..`,
 *   contains `/`, `\`, a control character, an invisible format character
 *   (bidirectional controls, zero-width characters: Unicode category Cf, see
 *   {@link forbiddenFormatCharacter}) or an unpaired surrogate, is only
 *   whitespace, or is longer than 255 bytes in UTF-8.
 */
export function normalizeName(name: string): string {
  if (name.length === 0) throw badInput('name is empty: every file and folder needs a name');
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isControl(code)) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      throw badInput(`name ${quote(name)} contains a control character (U+${hex})`);
    }
  }
  if (LONE_SURROGATE.test(name)) {
    throw badInput(`name ${quote(name)} is not valid Unicode text (it has an unpaired surrogate)`);
  }
  const format = forbiddenFormatCharacter(name);
  if (format !== null) {
    throw badInput(`name ${quote(name)} contains ${describeCodePoint(format)}: invisible format characters can disguise a name`);
  }
  if (name.includes('/')) {
    throw badInput(`name ${quote(name)} contains '/': use a path with separate folders instead`);
  }
  if (name.includes('\\')) {
    throw badInput(`name ${quote(name)} contains '\\': backslashes are not allowed in names`);
  }
  if (name === '.') throw badInput(`name '.' is not allowed: it means the folder itself`);
  if (name === '..') throw badInput(`name '..' is not allowed: it would leave the folder`);
  if (ONLY_WHITESPACE.test(name)) throw badInput(`name ${quote(name)} is only whitespace`);
  const normalized = name.normalize('NFC');
  const bytes = Buffer.byteLength(normalized, 'utf8');
  if (bytes > MAX_NAME_BYTES) {
    throw badInput(`name ${quote(normalized)} is ${bytes} bytes long; the limit is ${MAX_NAME_BYTES} bytes`);
  }
  return normalized;
}

/**
 * Splits a workspace-relative path such as `files/week1/a.csv` into normalised
 * names. The empty string is the root (`[]`); one trailing `/` is tolerated.
 *
 * @throws DomainError BAD_USER_INPUT for absolute paths, backslashes, empty
 *   segments, `.`/`..` segments, or any segment {@link normalizeName} rejects.
 */
export function parsePath(path: string): string[] {
  if (path === '') return [];
  if (path.startsWith('/')) {
    throw badInput(
      `path ${quote(path)} is absolute: absolute paths are not allowed; write it from the workspace, like 'files/a.csv'`,
    );
  }
  if (path.includes('\\')) {
    throw badInput(`path ${quote(path)} contains '\\': separate folders with '/'`);
  }
  const body = path.endsWith('/') ? path.slice(0, -1) : path;
  return body.split('/').map((segment) => {
    if (segment === '') throw badInput(`path ${quote(path)} has an empty folder name (two '/' in a row)`);
    if (segment === '..') throw badInput(`path ${quote(path)} leaves the workspace`);
    if (segment === '.') throw badInput(`path ${quote(path)} contains '.': write the path without it`);
    try {
      return normalizeName(segment);
    } catch (error) {
      throw error instanceof DomainError ? badInput(`path ${quote(path)}: ${error.message}`) : error;
    }
  });
}

/** Joins names into a workspace-relative path; the inverse of {@link parsePath} for valid names. */
export function formatPath(segments: readonly string[]): string {
  return segments.join('/');
}

/**
 * Parses a path that must lie inside one of the areas (`files`, `tables`,
 * `applications`). `segments` includes the area as its first element.
 *
 * @throws DomainError BAD_USER_INPUT as {@link parsePath}, or when the first
 *   segment is missing or not an area.
 */
export function parseAreaPath(path: string): { area: Area; segments: string[] } {
  const segments = parsePath(path);
  const first = segments[0];
  if (first === undefined || !(AREAS as readonly string[]).includes(first)) {
    throw badInput(`path ${quote(path)} must start with one of ${AREAS.map((a) => `'${a}/'`).join(', ')}`);
  }
  return { area: first as Area, segments };
}

/** True when `prefix` is `path` or one of its ancestors (the empty prefix contains everything). */
export function isPrefixOf(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, i) => segment === path[i]);
}
