/**
 * Invisible format characters (Unicode general category Cf): bidirectional
 * controls that make `exe.txt` display as `txt.exe`, zero-width characters
 * that make two different names look identical, tags and the like.
 */

const FORMAT = /\p{Cf}/u;

/** Names of the format characters people meet; the rest are described by number. */
const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x206a: 'INHIBIT SYMMETRIC SWAPPING',
  0x206b: 'ACTIVATE SYMMETRIC SWAPPING',
  0x206c: 'INHIBIT ARABIC FORM SHAPING',
  0x206d: 'ACTIVATE ARABIC FORM SHAPING',
  0x206e: 'NATIONAL DIGIT SHAPES',
  0x206f: 'NOMINAL DIGIT SHAPES',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
  0xe0001: 'LANGUAGE TAG',
};

/** The joiners Persian, Indic scripts and emoji sequences need between two of their characters. */
const JOINERS: ReadonlySet<number> = new Set([0x200c, 0x200d]);

export function isFormatCharacter(char: string): boolean {
  return FORMAT.test(char);
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+E0041 (an invisible format character)` for the rarer ones. */
export function describeCodePoint(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex} ${NAMES[code]}` : `${hex} (an invisible format character)`;
}

/**
 * The first format character of `text` that a name may not hold, or null.
 * Zero-width joiners are allowed between two non-ASCII characters that are
 * not themselves format characters or spaces (as in Persian words and emoji
 * sequences); elsewhere they only hide a difference between two names.
 */
export function forbiddenFormatCharacter(text: string): number | null {
  const chars = Array.from(text);
  const at = firstForbidden(chars);
  return at < 0 ? null : chars[at].codePointAt(0)!;
}

/** `text` without the format characters a name may not hold (for names made from free text). */
export function dropForbiddenFormatCharacters(text: string): string {
  const chars = Array.from(text);
  // Dropping one can leave a joiner without its neighbours: look again until none is left.
  for (let at = firstForbidden(chars); at >= 0; at = firstForbidden(chars)) chars.splice(at, 1);
  return chars.join('');
}

function firstForbidden(chars: readonly string[]): number {
  return chars.findIndex((char, i) => isFormatCharacter(char) && !(JOINERS.has(char.codePointAt(0)!) && joins(chars[i - 1]) && joins(chars[i + 1])));
}

function joins(neighbour: string | undefined): boolean {
  return neighbour !== undefined && neighbour.codePointAt(0)! >= 0x80 && !isFormatCharacter(neighbour) && !/\s/u.test(neighbour);
}
