import type { Assignment, LatePolicy } from './assignment.entity';
import type { Extension } from './extension.entity';
import type { Grade } from './grade.entity';
import type { HandIn } from './hand-in.entity';

export type StudentStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'HANDED_IN' | 'LATE' | 'COLLECTED' | 'MISSING' | 'GRADED' | 'RETURNED';

const UNIT_MS = { DAY: 86_400_000, HOUR: 3_600_000 } as const;

/** The deadline in force for a student: their newest unrevoked extension, else the assignment's. */
export function effectiveDeadline(assignment: Pick<Assignment, 'deadline'>, extensions: readonly Extension[]): Date {
  const active = extensions.filter((e) => !e.revokedAt).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return active ? active.deadline : assignment.deadline;
}

/** Milliseconds after the deadline (0 when on time). */
export function lateBy(at: Date, deadline: Date): number {
  return Math.max(0, at.getTime() - deadline.getTime());
}

/**
 * How late a hand-in is. A hand-in collected at the deadline is the
 * student's state at their deadline, so it is never late.
 */
export function handInLateBy(handIn: Pick<HandIn, 'handedInAt' | 'collected'>, deadline: Date): number {
  return handIn.collected ? 0 : lateBy(handIn.handedInAt, deadline);
}

/**
 * The percent of the points a hand-in keeps under the late policy: 100 when
 * on time or when lateness is only marked; under PENALTY, `penaltyPercent`
 * less per started day or hour late, never below `floorPercent`.
 */
export function keptPercent(policy: LatePolicy, at: Date, deadline: Date): number {
  const late = lateBy(at, deadline);
  if (late === 0 || policy.mode !== 'PENALTY') return 100;
  const units = Math.ceil(late / UNIT_MS[policy.unit]);
  return Math.max(policy.floorPercent, 100 - units * policy.penaltyPercent);
}

/** Whether a hand-in at `at` is accepted; REJECT refuses anything after the deadline in force. */
export function accepts(policy: LatePolicy, at: Date, deadline: Date): boolean {
  return policy.mode !== 'REJECT' || lateBy(at, deadline) === 0;
}

export function validateLatePolicy(policy: LatePolicy): string | null {
  if (!['REJECT', 'ACCEPT', 'PENALTY'].includes(policy.mode)) return 'latePolicy.mode must be REJECT, ACCEPT or PENALTY';
  if (!['DAY', 'HOUR'].includes(policy.unit)) return 'latePolicy.unit must be DAY or HOUR';
  if (!(policy.penaltyPercent >= 0 && policy.penaltyPercent <= 100)) return 'latePolicy.penaltyPercent must be between 0 and 100';
  if (!(policy.floorPercent >= 0 && policy.floorPercent <= 100)) return 'latePolicy.floorPercent must be between 0 and 100';
  if (policy.mode === 'PENALTY' && policy.penaltyPercent === 0) return 'latePolicy.penaltyPercent must be above 0 for PENALTY';
  return null;
}

export interface StatusInput {
  now: Date;
  deadline: Date;
  released: boolean;
  /** The student changed their workspace since the release. */
  active: boolean;
  latest: HandIn | null;
  grade: Grade | null;
}

/**
 * One student's status, derived from the facts; nothing about it is stored.
 * A student with no hand-in after the deadline is MISSING: collection seals
 * only workspaces the student changed. The student's own view shows GRADED
 * only once the grade is returned (until then it is the grader's business).
 */
export function studentStatus(s: StatusInput, studentView = false): StudentStatus {
  if (s.grade?.returnedAt) return 'RETURNED';
  if (s.grade?.gradedAt && !studentView) return 'GRADED';
  if (s.latest) {
    if (s.latest.collected) return 'COLLECTED';
    return handInLateBy(s.latest, s.deadline) > 0 ? 'LATE' : 'HANDED_IN';
  }
  if (s.now.getTime() > s.deadline.getTime()) return 'MISSING';
  return s.active ? 'IN_PROGRESS' : 'NOT_STARTED';
}
