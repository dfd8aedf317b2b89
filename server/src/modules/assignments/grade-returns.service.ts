import type { WebhookOutbox } from '../webhooks/webhook-outbox';
import { In } from 'typeorm';
import type { Database } from '../../db/database';
import { badInput } from '../../core/errors';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import { Grade } from './grade.entity';
import type { GradePassback } from './grade-passback';
import type { GradeNotices } from './grade-notices';
import { auditValues, gradeValues, type GradingAccess } from './grading-access';

export interface ReturnResult {
  /** Students whose feedback this call returned. */
  returned: string[];
  /** Students of the selection whose feedback was returned before (left as they were). */
  alreadyReturned: string[];
  returnedAt: Date;
  /** A group assignment: the ids above are groups'. */
  groupWork: boolean;
}

/** Above this many students in one return, live followers get one "reload" event instead of one per student. */
const EVENTS_PER_STUDENT_UP_TO = 50;

/** Returning grades and feedback to students: one, a selection, or every student graded and not yet returned. */
export class GradeReturnsService {
  constructor(
    private readonly db: Database,
    private readonly access: GradingAccess,
    private readonly audit: AuditService,
    private readonly notices: GradeNotices,
    private readonly webhooks: WebhookOutbox,
    private readonly passback: GradePassback | null = null,
  ) {}

  /**
   * Returns feedback: to the given students, or (without a selection) to
   * every student graded and not yet returned. A selection naming a student
   * without a grade is refused as a whole. Each student returned to is
   * audited and, if the hand-back is visible, notified in the app and by e-mail.
   */
  async returnGrades(actor: Actor | null, assignmentId: string, studentIds?: readonly string[] | null): Promise<ReturnResult> {
    const { assignment, actor: a } = await this.access.asGrader(actor, assignmentId, true);
    const asked = studentIds ? [...new Set(studentIds)] : null;
    const selection = asked && (await this.access.students(assignment, asked));
    if (selection && selection.length === 0) throw badInput('studentIds is empty: name at least one student, or leave it out to return every graded student');
    const returnedAt = new Date();
    const { due, already, notes } = await this.db.transaction(async (m) => {
      const grades = await this.access.lockGrades(m, assignment.id, selection);
      if (selection) {
        const byStudent = new Map(grades.map((g) => [g.studentId, g]));
        // Named as the caller named them (a handle of a hidden student stays a handle).
        const ungraded = asked!.filter((_, i) => !byStudent.get(selection[i])?.gradedAt);
        if (ungraded.length) {
          throw badInput(`${ungraded.length} of the chosen students have no grade yet; grade them first or leave them out`, { ungraded });
        }
      }
      const due = grades.filter((g) => g.gradedAt && !g.returnedAt);
      const already = selection ? grades.filter((g) => g.returnedAt).map((g) => g.studentId) : [];
      for (let i = 0; i < due.length; i += 500) {
        await m.update(Grade, { id: In(due.slice(i, i + 500).map((g) => g.id)) }, { returnedAt, updatedAt: returnedAt });
      }
      for (const g of due) {
        await this.audit.append(m, {
          spaceId: assignment.spaceId,
          actorId: a.user.id,
          action: 'feedback.returned',
          subjectType: 'assignment',
          subjectId: assignment.id,
          studentId: g.studentId,
          after: { returnedAt: returnedAt.toISOString(), ...auditValues(gradeValues(g)), feedbackTreeId: g.feedbackTreeId, visible: assignment.handBackVisible },
        });
      }
      if (due.length) {
        await this.webhooks.emit(m, assignment.spaceId, 'grades.returned', {
          assignmentId: assignment.id,
          studentIds: due.map((g) => g.studentId),
          returnedAt: returnedAt.toISOString(),
          visibleToStudents: assignment.handBackVisible,
          returnedBy: a.user.id,
        });
      }
      if (this.passback) await this.passback.returned(m, assignment, due, returnedAt);
      const notes =
        assignment.handBackVisible && due.length
          ? await this.notices.add(
              m,
              assignment,
              due.map((g) => g.studentId),
              a,
              'FEEDBACK_RETURNED',
              `Feedback for '${assignment.title}' is ready`,
              `${a.user.name} returned your grade and feedback for '${assignment.title}'.`,
            )
          : [];
      return { due, already, notes };
    });
    this.notices.send(notes);
    if (due.length) this.passback?.wake();
    if (due.length > EVENTS_PER_STUDENT_UP_TO) this.access.changedFor(assignment.id, null);
    else for (const g of due) this.access.changedFor(assignment.id, g.studentId);
    return { returned: due.map((g) => g.studentId), alreadyReturned: already, returnedAt, groupWork: assignment.groupWork };
  }
}
