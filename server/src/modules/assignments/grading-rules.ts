/**
 * Pure rules of grading: what a valid grade is, and how titles and people's
 * names become folder names in workspaces and archives.
 */
import { badInput } from '../../core/errors';
import { dropForbiddenFormatCharacters } from '../../core/storage/format-characters';
import { normalizeName } from '../../core/storage/paths';
import type { GradingScheme } from './assignment.entity';
import type { PickInput } from './rubric-score.entity';

export const MAX_TEXT_GRADE = 200;
export const MAX_COMMENT = 50_000;

/** What a grader sends; `undefined` keeps the stored value, `null` clears it. */
export interface GradeChanges {
  points?: number | null;
  textGrade?: string | null;
  comment?: string | null;
  handInId?: string | null;
  /** With a rubric: a level (or null, not graded) and a comment per criterion; criteria left out keep theirs. */
  criteria?: PickInput[] | null;
}

/** The same changes in stored form (points in hundredths, text trimmed). */
export interface StoredGradeChanges {
  pointsHundredths?: number | null;
  textGrade?: string | null;
  comment?: string;
  handInId?: string | null;
}

/**
 * Points as whole hundredths. Hundredths are what is stored, so a value with
 * more decimals is refused rather than silently rounded: the grader must see
 * the grade the student will see.
 */
export function pointsToHundredths(points: number, maxPoints: number): number {
  if (!Number.isFinite(points)) throw badInput('points must be a number');
  const hundredths = Math.round(points * 100);
  // Binary floating point: 0.29 * 100 is 28.999999999999996, which is still 0.29.
  if (Math.abs(points * 100 - hundredths) > 1e-6) throw badInput(`points are kept to 0.01; ${points} has more decimals`);
  if (hundredths < 0 || hundredths > Math.round(maxPoints * 100)) throw badInput(`points must be between 0 and ${maxPoints}, not ${points}`);
  return hundredths;
}

/** Validates changes against the assignment's grading scheme and returns them in stored form. */
export function checkGradeChanges(scheme: GradingScheme, maxPoints: number | null, changes: GradeChanges): StoredGradeChanges {
  const out: StoredGradeChanges = {};
  if (changes.points !== undefined) {
    if (changes.points !== null && scheme !== 'POINTS') throw badInput('this assignment is graded with a text grade; send textGrade, not points');
    out.pointsHundredths = changes.points === null ? null : pointsToHundredths(changes.points, maxPoints ?? 0);
  }
  if (changes.textGrade !== undefined) {
    const text = changes.textGrade?.trim() || null;
    if (text !== null && scheme !== 'TEXT') throw badInput('this assignment is graded in points; send points, not textGrade');
    if (text !== null && text.length > MAX_TEXT_GRADE) throw badInput(`textGrade must be at most ${MAX_TEXT_GRADE} characters`);
    out.textGrade = text;
  }
  if (changes.comment !== undefined) {
    const comment = changes.comment ?? '';
    if (comment.length > MAX_COMMENT) throw badInput(`comment must be at most ${MAX_COMMENT} characters`);
    out.comment = comment;
  }
  if (changes.handInId !== undefined) out.handInId = changes.handInId;
  return out;
}

// Control characters, separators, and (with the u flag, only unpaired) surrogate halves.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\]|\p{Cs}/gu;

/**
 * A folder name made from free text (an assignment title, a person's name):
 * separators and control characters become spaces, invisible format
 * characters are dropped, runs of spaces collapse,
 * and the result is cut to what a file system accepts. Always a valid name.
 */
export function safeName(text: string, fallback: string): string {
  let name = dropForbiddenFormatCharacters(text.normalize('NFC').replace(UNSAFE, ' ')).normalize('NFC').replace(/\s+/g, ' ').trim();
  // Cut by code points so a surrogate pair is never split (nor a joiner left without what follows it).
  while (Buffer.byteLength(name, 'utf8') > 200) name = dropForbiddenFormatCharacters(Array.from(name).slice(0, -1).join('').trimEnd()).normalize('NFC').trimEnd();
  return normalizeName(name === '.' || name === '..' || name === '' ? fallback : name);
}

/**
 * `Ada Lovelace (ada@example.org)`. The e-mail address makes it unique per
 * student, so a long name is shortened first to keep the address whole.
 * Without an address (a pseudonym), the name alone.
 */
export function studentFolderName(name: string, email: string): string {
  // A pseudonym under anonymous grading is unique and comes without an address.
  if (!email) return safeName(name, 'student');
  let short = name;
  while (Buffer.byteLength(short, 'utf8') > 100) short = Array.from(short).slice(0, -1).join('');
  return safeName(`${short.trim()} (${email})`, email);
}
