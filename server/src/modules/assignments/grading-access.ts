import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { canGrade, seesEveryStudent, studentSeesFeedback } from '../../core/policy';
import { forbidden, notFound } from '../../core/errors';
import { EMPTY_TREE_ID } from '../../core/storage/tree';
import type { Access } from '../spaces/access';
import type { Actor } from '../users/users.service';
import type { Assignment } from './assignment.entity';
import type { AssignmentsService } from './assignments.service';
import { Grade } from './grade.entity';
import { gradeSubjectOf } from './group-subjects';
import type { StatusService, StudentRow } from './status.service';

/** One student's grade and feedback as the caller may see it. */
export interface FeedbackView {
  assignment: Assignment;
  /** The student's status row: the grade, the graded hand-in, the late penalty, the final points. */
  row: StudentRow;
  /** The caller grades this course (sees everything, returned or not). */
  staff: boolean;
  /** Returned and the assignment's hand-back is visible: what the student is shown. */
  visibleToStudent: boolean;
}

/**
 * What grades, feedback and returns share: who may grade, a student's view
 * of their grade, and the grade rows locked for a change.
 */
export class GradingAccess {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly assignments: AssignmentsService,
    private readonly status: StatusService,
  ) {}

  /** The assignment, if the caller grades its course; `write` also refuses read-only tokens. */
  async asGrader(actor: Actor | null, assignmentId: string, write: boolean): Promise<{ assignment: Assignment; actor: Actor }> {
    this.policy.requireActor(actor);
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    if (!canGrade(role)) throw forbidden(`only admins and teaching assistants of the course grade; your role is ${role}`);
    if (write) this.policy.requireWritable(actor);
    return { assignment, actor: a };
  }

  /** The assignment and whether the caller sees every student's grade (staff) or only their own. */
  async asReader(actor: Actor | null, assignmentId: string): Promise<{ assignment: Assignment; actor: Actor; staff: boolean }> {
    // Asked first: an anonymous caller is told to sign in, not that the assignment does not exist.
    this.policy.requireActor(actor);
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    return { assignment, actor: a, staff: seesEveryStudent(role) };
  }

  /** The assignment, if the caller is a student of its course (FORBIDDEN with `refusal` otherwise). */
  async asStudent(actor: Actor | null, assignmentId: string, write: boolean, refusal: string): Promise<{ assignment: Assignment; actor: Actor }> {
    const a = write ? this.policy.requireWritable(actor) : this.policy.requireActor(actor);
    const assignment = await this.assignments.get(actor, assignmentId);
    await this.assignments.requireStudent(assignment.spaceId, a.user.id).catch(() => {
      throw forbidden(refusal);
    });
    return { assignment, actor: a };
  }

  /** The user id of the student an id sent by staff names (see `AssignmentsService.studentsOf`); NOT_FOUND for anyone else. */
  student(assignment: Assignment, id: string): Promise<string> {
    return this.assignments.studentOf(assignment, id);
  }

  /**
   * What a student reads as their own when they ask about `id`: their grade's
   * subject (in group work their group, see `gradeSubjectOf`), asked for by
   * their own id or by that subject's; null for anyone else's. Grades,
   * feedback files, annotations and regrade requests are keyed by it.
   */
  async ownSubject(assignment: Assignment, actor: Actor, id: string): Promise<string | null> {
    const subject = await gradeSubjectOf(this.db.manager, assignment, actor.user.id);
    return id === actor.user.id || id === subject ? subject : null;
  }

  /** Students of the course by user id, whatever the assignment grades (a group assignment grades groups); NOT_FOUND for anyone else. */
  async studentsOfCourse(assignment: Assignment, ids: readonly string[]): Promise<string[]> {
    for (const id of ids) await this.assignments.requireStudent(assignment.spaceId, id);
    return [...ids];
  }

  students(assignment: Assignment, ids: readonly string[]): Promise<string[]> {
    return this.assignments.studentsOf(assignment, ids);
  }

  /** Live followers of the assignment (one student's row, or all with null) see the change. */
  changedFor(assignmentId: string, studentId: string | null): void {
    this.assignments.changedFor(assignmentId, studentId);
  }

  async view(assignment: Assignment, studentId: string, staff: boolean): Promise<FeedbackView> {
    const [row] = staff ? await this.status.staffRows(assignment, studentId) : await this.status.rows(assignment, studentId);
    if (!row) throw notFound(`user ${studentId} is not a student of this course`);
    return { assignment, row, staff, visibleToStudent: studentSeesFeedback(assignment, row.grade) };
  }

  /**
   * The student's grade row, created blank if missing, locked until the
   * transaction ends (SQLite transactions are serialised already).
   */
  async lockGrade(m: EntityManager, assignmentId: string, studentId: string): Promise<Grade> {
    const locked = () => {
      const query = m.createQueryBuilder(Grade, 'g').where('g.assignmentId = :assignmentId AND g.studentId = :studentId', { assignmentId, studentId });
      if (this.db.dialect === 'mysql') query.setLock('pessimistic_write');
      return query;
    };
    // An existing row is locked straight away: an INSERT IGNORE first would take a shared lock
    // on it, and two graders upgrading their shared locks at once deadlock each other.
    const existing = await locked().getOne();
    if (existing) return existing;
    await m
      .createQueryBuilder()
      .insert()
      .into(Grade)
      .values({
        id: randomUUID(),
        assignmentId,
        studentId,
        handInId: null,
        pointsHundredths: null,
        textGrade: null,
        comment: '',
        feedbackTreeId: EMPTY_TREE_ID,
        gradedById: null,
        gradedAt: null,
        returnedAt: null,
        updatedAt: new Date(),
        version: 0,
        feedbackVersion: 0,
        feedbackChangedById: null,
        feedbackChangedAt: null,
      })
      .orIgnore()
      .execute();
    return locked().getOneOrFail();
  }

  /** The grades to return (a selection, or all graded and not returned), locked like {@link lockGrade}. */
  async lockGrades(m: EntityManager, assignmentId: string, selection: readonly string[] | null): Promise<Grade[]> {
    const grades: Grade[] = [];
    const chunks = selection ? chunk(selection, 500) : [null];
    for (const ids of chunks) {
      const query = m.createQueryBuilder(Grade, 'g').where('g.assignmentId = :assignmentId', { assignmentId });
      if (ids) query.andWhere('g.studentId IN (:...ids)', { ids });
      else query.andWhere('g.gradedAt IS NOT NULL AND g.returnedAt IS NULL');
      if (this.db.dialect === 'mysql') query.setLock('pessimistic_write');
      grades.push(...(await query.getMany()));
    }
    return grades;
  }
}

export function gradeValues(g: Grade) {
  return { pointsHundredths: g.pointsHundredths, textGrade: g.textGrade, comment: g.comment, handInId: g.handInId };
}

/** Grade values as the audit trail shows them (points, not hundredths). */
export function auditValues(v: ReturnType<typeof gradeValues>) {
  return { points: v.pointsHundredths === null ? null : v.pointsHundredths / 100, textGrade: v.textGrade, comment: v.comment, handInId: v.handInId };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
