/**
 * Pure rules of rubrics: what a valid rubric is, what a grade by levels adds
 * up to, and what an edit does to grades already given.
 */
import { randomUUID } from 'node:crypto';
import { badInput } from '../../core/errors';
import type { RubricCriterion } from './rubric.entity';
import type { CriterionPick, PickInput } from './rubric-score.entity';
import { MAX_COMMENT, pointsToHundredths } from './grading-rules';

export const MAX_CRITERIA = 50;
export const MAX_LEVELS = 10;
export const MAX_SNIPPETS = 100;

export interface RubricLevelDraft {
  id?: string | null;
  title: string;
  points: number;
  description?: string | null;
}
export interface RubricCriterionDraft {
  id?: string | null;
  title: string;
  description?: string | null;
  maxPoints: number;
  levels: RubricLevelDraft[];
}
export interface RubricDraft {
  criteria: RubricCriterionDraft[];
  comments?: string[] | null;
}

function title(text: string, field: string): string {
  const t = (text ?? '').trim();
  if (!t || t.length > 200) throw badInput(`${field} must be 1 to 200 characters long`, { field });
  return t;
}

function description(text: string | null | undefined, field: string): string {
  const d = (text ?? '').trim();
  if (d.length > 2000) throw badInput(`${field} must be at most 2000 characters`, { field });
  return d;
}

function points(value: number, max: number, field: string, maxName: string): number {
  try {
    return pointsToHundredths(value, max);
  } catch {
    throw badInput(`${field} must be between 0 and ${max} (${maxName}) in steps of 0.01, not ${value}`, { field });
  }
}

/**
 * Validates a rubric as an admin wrote it and returns it in stored form.
 * Ids sent back keep criteria and levels (and the levels graders picked)
 * the same; new ones get fresh ids. Every refusal names the field.
 */
export function checkRubric(draft: RubricDraft, assignmentMaxPoints: number, previous: readonly RubricCriterion[]): { criteria: RubricCriterion[]; comments: string[] } {
  if (draft.criteria.length > MAX_CRITERIA) throw badInput(`criteria: at most ${MAX_CRITERIA} criteria`, { field: 'criteria' });
  const known = new Map(previous.map((c) => [c.id, new Set(c.levels.map((l) => l.id))]));
  const seen = new Set<string>();
  const fresh = (id: string | null | undefined, field: string, allowed: (id: string) => boolean) => {
    if (!id) return randomUUID();
    if (!allowed(id) || seen.has(id)) throw badInput(`${field}.id ${id} is not one of this rubric's (leave it out for a new one)`, { field: `${field}.id` });
    seen.add(id);
    return id;
  };
  const criteria = draft.criteria.map((c, i) => {
    const at = `criteria[${i}]`;
    const id = fresh(c.id, at, (x) => known.has(x));
    const max = points(c.maxPoints, assignmentMaxPoints, `${at}.maxPoints`, "the assignment's max points");
    if (max === 0) throw badInput(`${at}.maxPoints must be above 0`, { field: `${at}.maxPoints` });
    if (c.levels.length === 0 || c.levels.length > MAX_LEVELS) throw badInput(`${at}.levels must have 1 to ${MAX_LEVELS} levels`, { field: `${at}.levels` });
    const levels = c.levels.map((l, j) => ({
      id: fresh(l.id, `${at}.levels[${j}]`, (x) => known.get(id)?.has(x) ?? false),
      title: title(l.title, `${at}.levels[${j}].title`),
      pointsHundredths: points(l.points, max / 100, `${at}.levels[${j}].points`, "the criterion's maxPoints"),
      description: description(l.description, `${at}.levels[${j}].description`),
    }));
    return { id, title: title(c.title, `${at}.title`), description: description(c.description, `${at}.description`), maxPointsHundredths: max, levels };
  });
  const sum = criteria.reduce((s, c) => s + c.maxPointsHundredths, 0);
  if (sum > Math.round(assignmentMaxPoints * 100)) {
    throw badInput(`criteria: their maxPoints add up to ${sum / 100}, more than the assignment's ${assignmentMaxPoints} points`, { field: 'criteria' });
  }
  const comments = (draft.comments ?? []).map((text, i) => {
    const t = text.trim();
    if (!t || t.length > 2000) throw badInput(`comments[${i}] must be 1 to 2000 characters long`, { field: `comments[${i}]` });
    return t;
  });
  if (comments.length > MAX_SNIPPETS) throw badInput(`comments: at most ${MAX_SNIPPETS}`, { field: 'comments' });
  return { criteria, comments };
}

/**
 * A grader's picks checked against the rubric: every criterion named must
 * exist, and every level must be one of its criterion's. Criteria left out
 * keep their earlier pick (`previous`).
 */
export function checkPicks(criteria: readonly RubricCriterion[], sent: readonly PickInput[], previous: readonly CriterionPick[]): CriterionPick[] {
  const byId = new Map(previous.map((p) => [p.criterionId, p]));
  sent.forEach((p, i) => {
    const criterion = criteria.find((c) => c.id === p.criterionId);
    if (!criterion) throw badInput(`criteria[${i}].criterionId ${p.criterionId} is not a criterion of this rubric`, { field: `criteria[${i}].criterionId` });
    if (p.levelId !== null && !criterion.levels.some((l) => l.id === p.levelId)) {
      throw badInput(`criteria[${i}].levelId ${p.levelId} is not a level of '${criterion.title}'`, { field: `criteria[${i}].levelId` });
    }
    const comment = p.comment ?? '';
    if (comment.length > MAX_COMMENT) throw badInput(`criteria[${i}].comment must be at most ${MAX_COMMENT} characters`, { field: `criteria[${i}].comment` });
    byId.set(p.criterionId, { criterionId: p.criterionId, levelId: p.levelId, comment });
  });
  // Stored in the rubric's order, only for criteria that exist.
  return criteria.map((c) => byId.get(c.id)).filter((p): p is CriterionPick => !!p);
}

/** The points of a grade by levels: the sum of the picked levels; null when no criterion is graded. */
export function rubricTotal(criteria: readonly RubricCriterion[], picks: readonly CriterionPick[]): number | null {
  let total: number | null = null;
  for (const p of picks) {
    const level = criteria.find((c) => c.id === p.criterionId)?.levels.find((l) => l.id === p.levelId);
    if (level) total = (total ?? 0) + level.pointsHundredths;
  }
  return total;
}

/** Per criterion, the picked level's points (hundredths), or null. In the rubric's order. */
export function criterionPoints(criteria: readonly RubricCriterion[], picks: readonly CriterionPick[]): (number | null)[] {
  return criteria.map((c) => {
    const p = picks.find((x) => x.criterionId === c.id);
    return c.levels.find((l) => l.id === p?.levelId)?.pointsHundredths ?? null;
  });
}

/** Picked levels an edit would remove: refused, as it would drop a grader's judgement. */
export function removedPickedLevels(before: readonly RubricCriterion[], after: readonly RubricCriterion[], allPicks: readonly CriterionPick[][]) {
  const out: { criterion: string; level: string; students: number }[] = [];
  for (const c of before) {
    const kept = after.find((x) => x.id === c.id);
    // A removed criterion takes its picks with it; that is asked for and confirmed separately.
    if (!kept) continue;
    for (const l of c.levels) {
      if (kept.levels.some((x) => x.id === l.id)) continue;
      const students = allPicks.filter((picks) => picks.some((p) => p.criterionId === c.id && p.levelId === l.id)).length;
      if (students > 0) out.push({ criterion: c.title, level: l.title, students });
    }
  }
  return out;
}
