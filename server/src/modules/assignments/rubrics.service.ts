import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { assessesGroups } from '../../core/graphql/global-id';
import { studentSeesFeedback } from '../../core/policy';
import { badInput, conflict, staleSave } from '../../core/errors';
import type { AuditService } from '../audit/audit.service';
import type { Notification } from '../notifications/notification.entity';
import type { Access } from '../spaces/access';
import type { Actor } from '../users/users.service';
import { personRef } from '../users/person-ref';
import type { Assignment } from './assignment.entity';
import type { AssignmentsService } from './assignments.service';
import { Grade } from './grade.entity';
import type { GradeNotices } from './grade-notices';
import type { Anonymity } from './anonymity';
import { Rubric, type RubricCriterion } from './rubric.entity';
import { RubricScore } from './rubric-score.entity';
import type { RubricScores } from './rubric-scores';
import { checkRubric, removedPickedLevels, rubricTotal, type RubricDraft } from './rubric-rules';

/** One graded student whose total an edit changes. */
export interface TotalChange {
  /** The student's user id; to staff, the handle while the student is hidden (see `Anonymity`). */
  studentId: string;
  /** Shown to staff while the student is hidden under anonymous grading; null otherwise. */
  pseudonym?: string | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
  returned: boolean;
}

/** What saving a rubric would do to the grades already given with it. */
export interface RubricImpact {
  changes: TotalChange[];
  /** Of `changes`, grades the students already see: they are told. */
  returnedCount: number;
  /** Levels picked for graded students that the edit removes: refused. */
  removedPickedLevels: { criterion: string; level: string; students: number }[];
  /** Picks of removed criteria (graded students), dropped with their criterion once confirmed. */
  droppedPicks: { criterion: string; students: number }[];
}

/**
 * Rubrics: admins write them; an edit after grading recomputes every grade
 * given with the rubric in the same transaction, audited with each total
 * before and after, and students who see their grade are told. An edit
 * that changes totals or drops picks of removed criteria needs `confirm`
 * (the dashboard shows the preview first); removing a level graders picked
 * is refused, so a judgement is never dropped silently.
 */
export class RubricsService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly assignments: AssignmentsService,
    private readonly scores: RubricScores,
    private readonly audit: AuditService,
    private readonly notices: GradeNotices,
    private readonly anonymity: Anonymity,
  ) {}

  /** The rubric of an assignment the caller sees (students too: it explains their grade), or null. */
  async get(actor: Actor | null, assignmentId: string): Promise<Rubric | null> {
    this.policy.requireActor(actor);
    const assignment = await this.assignments.get(actor, assignmentId);
    return this.scores.rubricOf(assignment.id);
  }

  async preview(actor: Actor | null, assignmentId: string, draft: RubricDraft): Promise<RubricImpact> {
    const assignment = await this.asEditor(actor, assignmentId);
    const existing = await this.scores.rubricOf(assignment.id);
    const checked = checkRubric(draft, assignment.maxPoints ?? 0, existing?.criteria ?? []);
    return this.asStaffSee(this.db.manager, assignment, (await this.impact(this.db.manager, assignment, existing, checked.criteria)).impact);
  }

  /**
   * Saves the rubric (an empty list of criteria removes it, if no grade uses
   * it). `expectedVersion` is the rubric's version when the editor opened
   * (0: there was none).
   */
  async save(actor: Actor | null, assignmentId: string, draft: RubricDraft, expectedVersion: number | null, confirm: boolean): Promise<{ rubric: Rubric | null; impact: RubricImpact }> {
    const assignment = await this.asEditor(actor, assignmentId);
    const a = this.policy.requireWritable(actor);
    let notes: Notification[] = [];
    const result = await this.db.transaction(async (m) => {
      const lock = m.createQueryBuilder(Rubric, 'r').where('r.assignmentId = :id', { id: assignment.id });
      if (this.db.dialect === 'mysql') lock.setLock('pessimistic_write');
      const existing = await lock.getOne();
      if (expectedVersion != null && (existing?.version ?? 0) !== expectedVersion) {
        throw staleSave(
          `the rubric of '${assignment.title}'`,
          { by: await personRef(m, existing?.updatedById ?? null), at: existing?.updatedAt ?? new Date() },
          { currentVersion: existing?.version ?? 0, expectedVersion },
        );
      }
      const checked = checkRubric(draft, assignment.maxPoints ?? 0, existing?.criteria ?? []);
      const { impact, rows, grades } = await this.impact(m, assignment, existing, checked.criteria);
      if (impact.removedPickedLevels.length) {
        const list = impact.removedPickedLevels.map((r) => `'${r.level}' of '${r.criterion}' (${r.students} graded student${r.students === 1 ? '' : 's'})`).join(', ');
        throw conflict(`cannot remove levels that graders picked: ${list}; change their points or title instead, or pick another level for those students first`, { ...(await this.asStaffSee(m, assignment, impact)) });
      }
      if (checked.criteria.length === 0 && rows.some((r) => r.picks.length > 0)) {
        throw conflict('cannot remove the whole rubric: grades were given with it; remove single criteria instead', { ...(await this.asStaffSee(m, assignment, impact)) });
      }
      if ((impact.changes.length || impact.droppedPicks.length) && !confirm) {
        throw conflict(`${describe(impact)}; save again with confirm to go ahead`, { ...(await this.asStaffSee(m, assignment, impact)) });
      }
      const now = new Date();
      let rubric: Rubric | null = null;
      if (checked.criteria.length === 0 && checked.comments.length === 0) {
        if (existing) await m.delete(Rubric, { id: existing.id });
      } else if (existing) {
        await m.update(Rubric, { id: existing.id }, { ...checked, version: existing.version + 1, updatedById: a.user.id, updatedAt: now });
        rubric = { ...existing, ...checked, version: existing.version + 1, updatedById: a.user.id, updatedAt: now };
      } else {
        rubric = { id: randomUUID(), assignmentId: assignment.id, ...checked, version: 1, updatedById: a.user.id, updatedAt: now };
        await m.insert(Rubric, rubric);
      }
      const kept = new Set(checked.criteria.map((c) => c.id));
      for (const row of rows) {
        const picks = row.picks.filter((p) => kept.has(p.criterionId));
        if (picks.length !== row.picks.length) await m.update(RubricScore, { id: row.id }, { picks });
      }
      const gradeOf = new Map(grades.map((g) => [g.studentId, g]));
      // One UPDATE per new total (and 500 grades), not per grade: a course of 1,000 has few distinct totals.
      const byTotal = new Map<number | null, string[]>();
      for (const c of impact.changes) byTotal.set(c.pointsAfter, [...(byTotal.get(c.pointsAfter) ?? []), gradeOf.get(c.studentId)!.id]);
      for (const [points, ids] of byTotal) {
        for (let i = 0; i < ids.length; i += 500) {
          await m.update(Grade, { id: In(ids.slice(i, i + 500)) }, { pointsHundredths: points === null ? null : Math.round(points * 100), updatedAt: now, version: () => 'version + 1' });
        }
      }
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: existing ? 'rubric.edited' : 'rubric.created',
        subjectType: 'assignment',
        subjectId: assignment.id,
        before: existing ? { criteria: existing.criteria, comments: existing.comments } : null,
        after: { ...checked, recomputed: impact.changes, droppedPicks: impact.droppedPicks },
      });
      const told = impact.changes.filter((c) => studentSeesFeedback(assignment, gradeOf.get(c.studentId)));
      notes = [];
      for (const c of told) {
        const what = `${a.user.name} changed the rubric of '${assignment.title}'; your points went from ${c.pointsBefore ?? '–'} to ${c.pointsAfter ?? '–'}.`;
        notes.push(...(await this.notices.gradeChanged(m, assignment, [c.studentId], a, what)));
      }
      return { rubric, impact: await this.asStaffSee(m, assignment, impact) };
    });
    this.notices.send(notes);
    if (result.impact.changes.length) this.assignments.changedFor(assignment.id, null);
    return result;
  }

  /** The impact as staff read it: hidden students by handle and pseudonym (the audit keeps the real ids). */
  private async asStaffSee(m: EntityManager, assignment: Assignment, impact: RubricImpact): Promise<RubricImpact> {
    const shown = await this.anonymity.shownStudents(assignment, impact.changes.map((c) => c.studentId), m);
    const asShown = (c: TotalChange) => ({ ...c, studentId: shown.get(c.studentId)!.id, pseudonym: shown.get(c.studentId)!.pseudonym });
    // In group work each change is a group's.
    return { ...impact, changes: impact.changes.map((c) => (assignment.groupWork ? assessesGroups(asShown(c)) : asShown(c))) };
  }

  private async asEditor(actor: Actor | null, assignmentId: string): Promise<Assignment> {
    this.policy.requireActor(actor);
    const assignment = await this.assignments.get(actor, assignmentId);
    await this.policy.space(actor, assignment.spaceId, 'manage');
    if (assignment.gradingScheme !== 'POINTS') throw badInput("gradingScheme: rubrics are for assignments graded in points; this one is graded with a text grade");
    return assignment;
  }

  /** Every graded student's total under the new criteria, and the picks an edit would remove. */
  private async impact(m: EntityManager, assignment: Assignment, existing: Rubric | null, after: RubricCriterion[]) {
    const rows = existing ? await m.find(RubricScore, { where: { assignmentId: assignment.id } }) : [];
    const grades = rows.length ? await m.find(Grade, { where: { assignmentId: assignment.id, studentId: In(rows.map((r) => r.studentId)) } }) : [];
    const graded = new Map(grades.filter((g) => g.gradedAt).map((g) => [g.studentId, g]));
    const scored = rows.filter((r) => graded.has(r.studentId));
    const before = existing?.criteria ?? [];
    const changes: TotalChange[] = [];
    for (const row of scored) {
      const g = graded.get(row.studentId)!;
      const next = rubricTotal(after, row.picks);
      if (next !== g.pointsHundredths) {
        changes.push({ studentId: row.studentId, pointsBefore: g.pointsHundredths === null ? null : g.pointsHundredths / 100, pointsAfter: next === null ? null : next / 100, returned: !!g.returnedAt });
      }
    }
    const droppedPicks = before
      .filter((c) => !after.some((x) => x.id === c.id))
      .map((c) => ({ criterion: c.title, students: scored.filter((r) => r.picks.some((p) => p.criterionId === c.id && (p.levelId || p.comment))).length }))
      .filter((d) => d.students > 0);
    const impact: RubricImpact = {
      changes,
      returnedCount: changes.filter((c) => c.returned).length,
      removedPickedLevels: removedPickedLevels(before, after, scored.map((r) => r.picks)),
      droppedPicks,
    };
    return { impact, rows, grades };
  }
}

/** "3 graded students' totals change (1 returned: they are told); 'Style' is removed with its levels for 2 students". */
export function describe(impact: RubricImpact): string {
  const parts: string[] = [];
  const n = impact.changes.length;
  if (n) parts.push(`${n} graded student${n === 1 ? "'s total changes" : "s' totals change"}${impact.returnedCount ? ` (${impact.returnedCount} already returned: those students are told)` : ''}`);
  for (const d of impact.droppedPicks) parts.push(`criterion '${d.criterion}' and what graders chose for it are removed for ${d.students} graded student${d.students === 1 ? '' : 's'}`);
  return parts.join('; ');
}
