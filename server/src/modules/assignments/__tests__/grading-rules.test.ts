import fc from 'fast-check';
import { DomainError } from '../../../core/errors';
import { normalizeName } from '../../../core/storage/paths';
import { checkGradeChanges, pointsToHundredths, safeName, studentFolderName } from '../grading-rules';

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error('expected a refusal');
};

describe('points', () => {
  it('keeps points exact to the hundredth', () => {
    expect(pointsToHundredths(17.5, 20)).toBe(1750);
    expect(pointsToHundredths(0.29, 20)).toBe(29);
    expect(pointsToHundredths(0, 20)).toBe(0);
    expect(pointsToHundredths(20, 20)).toBe(2000);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (h) => expect(pointsToHundredths(h / 100, 1000)).toBe(h)));
  });

  it('refuses more decimals, out-of-range and non-numbers, saying why', () => {
    expect(refused(() => pointsToHundredths(12.345, 20))).toMatch(/kept to 0.01/);
    expect(refused(() => pointsToHundredths(20.01, 20))).toMatch(/between 0 and 20/);
    expect(refused(() => pointsToHundredths(-1, 20))).toMatch(/between 0 and 20/);
    expect(refused(() => pointsToHundredths(Number.NaN, 20))).toMatch(/number/);
  });
});

describe('checkGradeChanges', () => {
  it('keeps what is left out and clears what is null', () => {
    expect(checkGradeChanges('POINTS', 20, { points: 3 })).toEqual({ pointsHundredths: 300 });
    expect(checkGradeChanges('POINTS', 20, { points: null, comment: null, handInId: null })).toEqual({ pointsHundredths: null, comment: '', handInId: null });
    expect(checkGradeChanges('TEXT', null, { textGrade: '  B+ ' })).toEqual({ textGrade: 'B+' });
    expect(checkGradeChanges('TEXT', null, { textGrade: '   ' })).toEqual({ textGrade: null });
  });

  it('refuses the grade of the other scheme', () => {
    expect(refused(() => checkGradeChanges('POINTS', 20, { textGrade: 'A' }))).toMatch(/graded in points/);
    expect(refused(() => checkGradeChanges('TEXT', null, { points: 3 }))).toMatch(/text grade/);
    expect(refused(() => checkGradeChanges('TEXT', null, { textGrade: 'x'.repeat(201) }))).toMatch(/at most 200/);
  });
});

describe('folder names', () => {
  it('turns titles into valid folder names', () => {
    expect(safeName('Homework 1: loops/arrays', 'x')).toBe('Homework 1: loops arrays');
    expect(safeName('..', 'assignment')).toBe('assignment');
    expect(safeName(' \t ', 'assignment')).toBe('assignment');
    expect(studentFolderName('Ada Lovelace', 'ada@example.org')).toBe('Ada Lovelace (ada@example.org)');
  });

  it('drops invisible format characters, keeping a joiner only between the letters it joins', () => {
    expect(safeName('\u{E0020}', 'fallback')).toBe('fallback');
    expect(safeName('Week\u202E 1', 'fallback')).toBe('Week 1');
    expect(safeName('\u200Dمی\u200Cخواهم\u200D', 'fallback')).toBe('می\u200Cخواهم');
  });

  it('always gives a name the storage accepts, keeping the e-mail address of a student', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const name = safeName(text, 'fallback');
        expect(normalizeName(name)).toBe(name);
        expect(studentFolderName(text, 'someone@example.org')).toMatch(/\(someone@example\.org\)$/);
      }),
    );
  });
});
