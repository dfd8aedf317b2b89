import fc from 'fast-check';
import { formatPath, isPrefixOf, normalizeName, parseAreaPath, parsePath } from '../paths';
import { syncDomainErrorOf } from './fixtures';

/**
 * An independent statement of which names are valid, written per code point
 * rather than with the implementation's regular expressions.
 */
function isValidName(name: string): boolean {
  const nfc = name.normalize('NFC');
  if (nfc === '' || nfc === '.' || nfc === '..') return false;
  const chars = Array.from(nfc);
  for (const [i, ch] of chars.entries()) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return false;
    // Format characters, except a joiner between two non-ASCII, visible characters.
    const joinable = (c?: string) => c !== undefined && c.codePointAt(0)! >= 0x80 && !/[\p{Cf}\s]/u.test(c);
    if (/\p{Cf}/u.test(ch) && !((cp === 0x200c || cp === 0x200d) && joinable(chars[i - 1]) && joinable(chars[i + 1]))) return false;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
    if (ch === '/' || ch === '\\') return false;
  }
  if (nfc.trim() === '') return false;
  return new TextEncoder().encode(nfc).length <= 255;
}

const trickyUnit = fc.constantFrom(
  '/', '\\', '.', ' ', '\t', '\n', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u3000', '\ufeff',
  'a', 'Z', 'e', '\u0301', '\u0308', 'é', 'Å', 'ﬁ', '😀', '中', '\ud800', '\udc00', "'",
  '\u202e', '\u2066', '\u200b', '\u200c', '\u200d', '\u00ad', '\u{e0041}', 'ب',
);
const nameLike = fc.oneof(
  fc.string({ unit: fc.oneof(trickyUnit, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'é', 'e\u0301', '😀', '中', ' '), minLength: 50, maxLength: 140 }),
  fc.constantFrom('.', '..', '...', ' ', '  ', ' a ', '.hidden'),
);

describe('normalizeName', () => {
  it('accepts exactly the valid names and returns their NFC form', () => {
    fc.assert(
      fc.property(nameLike, (name) => {
        if (isValidName(name)) {
          expect(normalizeName(name)).toBe(name.normalize('NFC'));
        } else {
          expect(() => normalizeName(name)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(nameLike.filter(isValidName), (name) => {
        const once = normalizeName(name);
        expect(normalizeName(once)).toBe(once);
      }),
    );
  });

  it('gives one name for the composed and decomposed spellings of the same text', () => {
    const letters = fc.constantFrom(
      ...['a', 'e', 'o', 'A', 'n', 'é', 'ö', 'Å', '가'],
      ...['\u0301', '\u0308', '\u030a', '\u0303', '\u1100\u1161'], // combining marks, Hangul jamo
    );
    fc.assert(
      fc.property(fc.string({ unit: letters, minLength: 1, maxLength: 30 }), (text) => {
        const composed = text.normalize('NFC');
        const decomposed = text.normalize('NFD');
        expect(normalizeName(decomposed)).toBe(normalizeName(composed));
        expect(normalizeName(decomposed)).toBe(composed);
      }),
    );
    expect(normalizeName('Cafe\u0301.csv')).toBe('Caf\u00e9.csv');
  });

  it.each([
    ['', /name is empty/],
    ['.', /name '\.' is not allowed/],
    ['..', /^name '\.\.' is not allowed: it would leave the folder$/],
    ['a/b', /^name 'a\/b' contains '\/': use a path with separate folders instead$/],
    ['a\\b', /name 'a\\b' contains '\\'/],
    ['a\u0000b', /name 'a\\u0000b' contains a control character \(U\+0000\)/],
    ['tab\there', /control character \(U\+0009\)/],
    ['del\u007f', /control character \(U\+007F\)/],
    ['c1\u0085', /control character \(U\+0085\)/],
    ['   ', /name '   ' is only whitespace/],
    ['\u00a0\u3000', /is only whitespace/],
    ['bad\ud800', /unpaired surrogate/],
    ['invoice\u202Efdp.exe', /^name 'invoice\\u202efdp\.exe' contains U\+202E RIGHT-TO-LEFT OVERRIDE/],
    ['a\u2066b', /contains U\+2066 LEFT-TO-RIGHT ISOLATE/],
    ['\u200Fname', /contains U\+200F RIGHT-TO-LEFT MARK/],
    ['pass\u200Bword', /contains U\+200B ZERO WIDTH SPACE/],
    ['a\u200Db', /contains U\+200D ZERO WIDTH JOINER/],
    ['\ufeffbom', /contains U\+FEFF ZERO WIDTH NO-BREAK SPACE/],
    ['soft\u00adhyphen', /contains U\+00AD SOFT HYPHEN/],
    ['tag\u{e0041}', /contains U\+E0041 \(an invisible format character\)/],
  ])('rejects %j with a message naming the problem', (name, message) => {
    expect(syncDomainErrorOf(() => normalizeName(name), 'BAD_USER_INPUT').message).toMatch(message);
  });

  it('allows the joiners that Persian words and emoji sequences need', () => {
    for (const name of ['\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', '\u{1f469}\u200d\u{1f4bb}.png']) expect(normalizeName(name)).toBe(name);
  });

  it('allows leading and trailing whitespace and dots inside names', () => {
    for (const name of [' a', 'a ', ' a b ', '...', '.hidden', 'a.', "it's"]) expect(normalizeName(name)).toBe(name);
  });

  it('limits names to 255 bytes of UTF-8, measured after NFC', () => {
    expect(normalizeName('a'.repeat(255))).toBe('a'.repeat(255));
    expect(syncDomainErrorOf(() => normalizeName('a'.repeat(300)), 'BAD_USER_INPUT').message).toMatch(
      /is 300 bytes long; the limit is 255 bytes$/,
    );
    expect(() => normalizeName('é'.repeat(128))).toThrow(/256 bytes long/);
    // 300 bytes when decomposed, 200 once composed.
    expect(normalizeName('e\u0301'.repeat(100))).toBe('é'.repeat(100));
    expect(() => normalizeName('😀'.repeat(64))).toThrow(/256 bytes/);
    expect(normalizeName('😀'.repeat(63))).toHaveLength(126);
  });
});

describe('parsePath', () => {
  it('splits a path into normalised names', () => {
    expect(parsePath('files/week1/a.csv')).toEqual(['files', 'week1', 'a.csv']);
    expect(parsePath('files/Cafe\u0301')).toEqual(['files', 'Café']);
  });

  it('treats the empty string as the root and tolerates one trailing slash', () => {
    expect(parsePath('')).toEqual([]);
    expect(parsePath('files/week1/')).toEqual(['files', 'week1']);
    expect(() => parsePath('files//')).toThrow(/empty folder name/);
  });

  it.each([
    ['/files/a', /path '\/files\/a' is absolute: absolute paths are not allowed/],
    ['/', /absolute/],
    ['files//a', /path 'files\/\/a' has an empty folder name/],
    ['../x', /^path '\.\.\/x' leaves the workspace$/],
    ['files/../../x', /leaves the workspace/],
    ['files/./a', /contains '\.'/],
    ['files\\a', /separate folders with '\/'/],
    ['files/a\u0001', /path 'files\/a\\u0001': name 'a\\u0001' contains a control character/],
    ['files/   ', /only whitespace/],
  ])('rejects %j', (path, message) => {
    expect(syncDomainErrorOf(() => parsePath(path), 'BAD_USER_INPUT').message).toMatch(message);
  });

  it('round-trips with formatPath for valid names', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'b', '.', ' ', 'e\u0301', '😀', '-'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    const validName = fc
      .string({ unit, minLength: 1, maxLength: 10 })
      .filter(isValidName)
      .map(normalizeName);
    fc.assert(
      fc.property(fc.array(validName, { maxLength: 6 }), (segments) => {
        expect(parsePath(formatPath(segments))).toEqual(segments);
        if (segments.length > 0) expect(parsePath(formatPath(segments) + '/')).toEqual(segments);
      }),
    );
  });
});

describe('formatPath', () => {
  it('joins names with slashes', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['files', 'a b', 'c.csv'])).toBe('files/a b/c.csv');
  });
});

describe('parseAreaPath', () => {
  it('returns the area and the full segment list', () => {
    expect(parseAreaPath('files/a/b.txt')).toEqual({ area: 'files', segments: ['files', 'a', 'b.txt'] });
    expect(parseAreaPath('tables/grades')).toEqual({ area: 'tables', segments: ['tables', 'grades'] });
    expect(parseAreaPath('applications/')).toEqual({ area: 'applications', segments: ['applications'] });
  });

  it.each(['', 'docs/a', 'Files/a', 'filesx'])('rejects %j and names the allowed areas', (path) => {
    const error = syncDomainErrorOf(() => parseAreaPath(path), 'BAD_USER_INPUT');
    expect(error.message).toMatch(/must start with one of 'files\/', 'tables\/', 'applications\/'/);
  });

  it('applies the path rules first', () => {
    expect(() => parseAreaPath('files/../x')).toThrow(/leaves the workspace/);
  });
});

describe('isPrefixOf', () => {
  it('holds for ancestors and the path itself only', () => {
    expect(isPrefixOf([], ['files'])).toBe(true);
    expect(isPrefixOf([], [])).toBe(true);
    expect(isPrefixOf(['files'], ['files', 'a'])).toBe(true);
    expect(isPrefixOf(['files', 'a'], ['files', 'a'])).toBe(true);
    expect(isPrefixOf(['files', 'a'], ['files'])).toBe(false);
    expect(isPrefixOf(['files', 'a'], ['files', 'ab'])).toBe(false);
    expect(isPrefixOf(['tables'], ['files', 'a'])).toBe(false);
  });
});
