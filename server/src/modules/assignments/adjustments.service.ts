import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import { studentSeesFeedback } from '../../core/policy';
import { badInput, conflict } from '../../core/errors';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import { GradeAdjustment } from './assignment-group.entity';
import { Grade } from './grade.entity';
import type { GradingAccess } from './grading-access';
import { gradeSubjectOf } from './group-subjects';

const MAX_REASON = 1000;

/**
 * Per-member adjustments of a group's grade: points added or taken for one
 * student, with a reason they read once the grade is returned. An adjustment
 * belongs to the group whose grade the student has; exports add it to the
 * group's total.
 */
export class AdjustmentsService {
  constructor(
    private readonly db: Database,
    private readonly access: GradingAccess,
    private readonly audit: AuditService,
  ) {}

  /** Staff: sets a member's adjustment; 0 points removes it. */
  async set(actor: Actor | null, assignmentId: string, studentId: string, points: number, reason: string): Promise<GradeAdjustment | null> {
    const { assignment, actor: a } = await this.access.asGrader(actor, assignmentId, true);
    if (!assignment.groupWork) throw conflict(`'${assignment.title}' is not for groups: change the student's grade instead`);
    if (!Number.isFinite(points) || Math.round(points * 100) !== points * 100 || Math.abs(points) > 100_000) {
      throw badInput('points: a number of points with at most two decimals, negative to take points away', { field: 'points' });
    }
    const text = (reason ?? '').trim();
    if (points !== 0 && (!text || text.length > MAX_REASON)) throw badInput(`reason: say why, in 1 to ${MAX_REASON} characters; the student reads it`, { field: 'reason' });
    const [userId] = await this.access.studentsOfCourse(assignment, [studentId]);
    const groupId = await gradeSubjectOf(this.db.manager, assignment, userId);
    if (groupId === userId) throw badInput(`student ${studentId} is in no group of this assignment: only a group's members are adjusted`, { field: 'studentId' });
    return this.db.transaction(async (m) => {
      const before = await m.findOne(GradeAdjustment, { where: { assignmentId: assignment.id, studentId: userId } });
      if (before) await m.delete(GradeAdjustment, { id: before.id });
      const after =
        points === 0
          ? null
          : Object.assign(new GradeAdjustment(), { id: randomUUID(), assignmentId: assignment.id, groupId, studentId: userId, pointsHundredths: Math.round(points * 100), reason: text, setById: a.user.id, setAt: new Date() });
      if (after) await m.insert(GradeAdjustment, after);
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: 'grade.adjusted',
        subjectType: 'assignment',
        subjectId: assignment.id,
        studentId: userId,
        before: before ? { groupId: before.groupId, points: before.pointsHundredths / 100, reason: before.reason } : null,
        after: after ? { groupId, points, reason: text } : null,
      });
      return after;
    });
  }

  /** Staff: every adjustment; a student: their own, once their group's grade is returned to them. */
  async list(actor: Actor | null, assignmentId: string): Promise<GradeAdjustment[]> {
    const { assignment, actor: a, staff } = await this.access.asReader(actor, assignmentId);
    if (staff) return this.db.manager.find(GradeAdjustment, { where: { assignmentId: assignment.id }, order: { setAt: 'ASC' } });
    const own = await this.db.manager.findOne(GradeAdjustment, { where: { assignmentId: assignment.id, studentId: a.user.id } });
    if (!own) return [];
    const grade = await this.db.manager.findOne(Grade, { where: { assignmentId: assignment.id, studentId: own.groupId } });
    return studentSeesFeedback(assignment, grade) && (await gradeSubjectOf(this.db.manager, assignment, a.user.id)) === own.groupId ? [own] : [];
  }
}
