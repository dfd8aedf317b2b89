import type { Database } from '../../db/database';
import { studentSeesFeedback } from '../../core/policy';
import { badInput, staleSave } from '../../core/errors';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import { personRef } from '../users/person-ref';
import { Grade } from './grade.entity';
import type { GradeNotices } from './grade-notices';
import { auditValues, gradeValues, type FeedbackView, type GradingAccess } from './grading-access';
import { checkGradeChanges, type GradeChanges } from './grading-rules';
import { HandIn } from './hand-in.entity';
import { auditPicks, type RubricScores } from './rubric-scores';

/**
 * Grades. Admins and TAs grade any student of their course; every change is
 * audited with the values before and after, and a student who already sees
 * a grade that changes is told so.
 */
export class GradesService {
  constructor(
    private readonly db: Database,
    private readonly access: GradingAccess,
    private readonly audit: AuditService,
    private readonly notices: GradeNotices,
    private readonly rubrics: RubricScores,
  ) {}

  /**
   * Sets or changes a student's grade. Fields left undefined keep their value;
   * null clears (`handInId: null` grades the latest hand-in). Changing a
   * returned grade is allowed: the student sees the new value at once and is
   * told so. With `expectedVersion` (the grade's version when the form was
   * opened) a grade changed since is refused, naming who changed it and when.
   * With a rubric the points are the sum of the picked levels (`criteria`)
   * and cannot be sent; there is no separate adjustment.
   */
  async setGrade(actor: Actor | null, assignmentId: string, studentId: string, changes: GradeChanges, expectedVersion?: number | null): Promise<FeedbackView> {
    const { assignment, actor: a } = await this.access.asGrader(actor, assignmentId, true);
    studentId = await this.access.student(assignment, studentId);
    const stored = checkGradeChanges(assignment.gradingScheme, assignment.maxPoints, changes);
    const rubric = await this.rubrics.rubricOf(assignment.id);
    if (rubric && stored.pointsHundredths != null) throw badInput('points: this assignment is graded with its rubric; pick a level per criterion (criteria) and the points are their sum');
    if (!rubric && changes.criteria?.length) throw badInput('criteria: this assignment has no rubric; send points');
    if (stored.handInId) {
      const handIn = await this.db.manager.findOne(HandIn, { where: { id: stored.handInId } });
      if (!handIn || handIn.assignmentId !== assignment.id || handIn.studentId !== studentId) {
        throw badInput(`hand-in ${stored.handInId} is not one of this student's hand-ins for '${assignment.title}'`);
      }
    }
    const notes = await this.db.transaction(async (m) => {
      const grade = await this.access.lockGrade(m, assignment.id, studentId);
      if (expectedVersion != null && grade.version !== expectedVersion) {
        const student = await personRef(m, studentId);
        throw staleSave(
          `the grade of ${student?.name ?? 'this student'} for '${assignment.title}'`,
          { by: await personRef(m, grade.gradedById), at: grade.gradedAt ?? grade.updatedAt },
          { currentVersion: grade.version, expectedVersion },
        );
      }
      const wasGraded = grade.gradedAt !== null;
      const picked = rubric && changes.criteria ? await this.rubrics.pick(m, rubric, studentId, changes.criteria) : null;
      if (picked) stored.pointsHundredths = picked.total;
      const before = gradeValues(grade);
      const after = { ...before, ...stored };
      const changed =
        (Object.keys(before) as (keyof typeof before)[]).some((k) => before[k] !== after[k]) || (!!picked && JSON.stringify(picked.before) !== JSON.stringify(picked.after));
      const criteria = (picks: Parameters<typeof auditPicks>[1] | undefined) => (rubric && picks ? { criteria: auditPicks(rubric, picks) } : {});
      if (wasGraded && !changed) return null;
      const now = new Date();
      await m.update(Grade, { id: grade.id }, { ...after, gradedById: a.user.id, gradedAt: now, updatedAt: now, version: grade.version + 1 });
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: wasGraded ? 'grade.changed' : 'grade.set',
        subjectType: 'assignment',
        subjectId: assignment.id,
        studentId,
        before: wasGraded ? { ...auditValues(before), ...criteria(picked?.before) } : null,
        after: { ...auditValues(after), ...criteria(picked?.after), returned: grade.returnedAt !== null },
      });
      // A returned grade that changes is news to the student (if they can see it at all).
      if (!studentSeesFeedback(assignment, grade)) return [];
      return this.notices.gradeChanged(m, assignment, [studentId], a, `${a.user.name} changed your grade or feedback for '${assignment.title}'.`);
    });
    if (notes) {
      this.notices.send(notes);
      this.access.changedFor(assignment.id, studentId);
    }
    return this.access.view(assignment, studentId, true);
  }
}
