import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { Rubric } from './rubric.entity';
import { RubricScore, type CriterionPick, type PickInput } from './rubric-score.entity';
import { checkPicks, rubricTotal } from './rubric-rules';

/** An assignment's rubric and the levels picked per student: what grading by rubric reads and writes. */
export class RubricScores {
  constructor(private readonly db: Database) {}

  rubricOf(assignmentId: string, m: EntityManager = this.db.manager): Promise<Rubric | null> {
    return m.findOne(Rubric, { where: { assignmentId } });
  }

  /** The rubrics of several assignments in one query, by assignment id. */
  async rubricsOf(assignmentIds: readonly string[]): Promise<Map<string, Rubric>> {
    const rows = await this.db.manager.find(Rubric, { where: { assignmentId: In([...assignmentIds]) } });
    return new Map(rows.map((r) => [r.assignmentId, r]));
  }

  /** The rubric with this id, or the one holding a criterion or level with this id; null when none does. */
  async rubricHolding(id: string): Promise<Rubric | null> {
    return this.db.manager
      .createQueryBuilder(Rubric, 'r')
      .where('r.id = :id', { id })
      .orWhere('r.criteria LIKE :inside', { inside: `%"id":${JSON.stringify(id)}%` })
      .getOne();
  }

  async picksOf(assignmentId: string, studentIds?: readonly string[]): Promise<Map<string, CriterionPick[]>> {
    const rows = await this.db.manager.find(RubricScore, { where: { assignmentId, ...(studentIds ? { studentId: In([...studentIds]) } : {}) } });
    return new Map(rows.map((r) => [r.studentId, r.picks]));
  }

  /**
   * In the grade's transaction (the grade row is locked): merges the sent
   * picks into the stored ones and returns both, with the new total.
   */
  async pick(m: EntityManager, rubric: Rubric, studentId: string, sent: readonly PickInput[]): Promise<{ before: CriterionPick[]; after: CriterionPick[]; total: number | null }> {
    const row = await m.findOne(RubricScore, { where: { assignmentId: rubric.assignmentId, studentId } });
    const before = row?.picks ?? [];
    const after = checkPicks(rubric.criteria, sent, before);
    if (row) await m.update(RubricScore, { id: row.id }, { picks: after });
    else await m.insert(RubricScore, { id: randomUUID(), assignmentId: rubric.assignmentId, studentId, picks: after });
    return { before, after, total: rubricTotal(rubric.criteria, after) };
  }
}

/** Picks as the audit trail shows them: criterion and level titles, not ids. */
export function auditPicks(rubric: Pick<Rubric, 'criteria'>, picks: readonly CriterionPick[]) {
  return picks.map((p) => {
    const c = rubric.criteria.find((x) => x.id === p.criterionId);
    const level = c?.levels.find((l) => l.id === p.levelId);
    return { criterion: c?.title ?? p.criterionId, level: level?.title ?? null, points: level ? level.pointsHundredths / 100 : null, comment: p.comment };
  });
}
