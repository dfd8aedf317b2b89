import type { GradingScheme, SetGradeInput } from '../../gql/graphql';

export interface GradeForm {
  /** Points as typed; '' clears. */
  points: string;
  textGrade: string;
  comment: string;
  /** The graded hand-in's id; '' grades the latest. */
  handInId: string;
}

/** Why the grade cannot be saved, or null. Points go from 0 to `maxPoints` in steps of 0.01. */
export function gradeProblem(form: GradeForm, scheme: GradingScheme, maxPoints: number | null | undefined): string | null {
  if (scheme !== 'POINTS' || form.points.trim() === '') return null;
  const n = Number(form.points.replace(',', '.'));
  if (!Number.isFinite(n)) return 'Enter the points as a number.';
  if (n < 0) return 'Points cannot be negative.';
  if (maxPoints != null && n > maxPoints) return `At most ${maxPoints} points.`;
  if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) return 'Use at most two decimals.';
  return null;
}

/**
 * The setGrade input: the grade for the assignment's scheme, the comment, and
 * which hand-in is graded. With a rubric the points are the sum of the picked
 * levels, so they are not sent.
 */
export function toSetGradeInput(form: GradeForm, scheme: GradingScheme, byRubric = false): SetGradeInput {
  const base: SetGradeInput = { comment: form.comment, handInId: form.handInId || null };
  if (byRubric) return base;
  if (scheme === 'POINTS') {
    const text = form.points.trim().replace(',', '.');
    return { ...base, points: text === '' ? null : Number(text) };
  }
  return { ...base, textGrade: form.textGrade.trim() || null };
}
