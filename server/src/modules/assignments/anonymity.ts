import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { staffSeePseudonym } from '../../core/policy';
import type { Database } from '../../db/database';
import { User } from '../users/user.entity';
import type { Assignment } from './assignment.entity';
import { Grade } from './grade.entity';
import { StudentAlias } from './student-alias.entity';

/** What a status row says about who the student is. */
export interface StudentIdentity {
  student: User;
  grade: { returnedAt: Date | null } | null;
  pseudonym: string | null;
  studentNumber: string | null;
  section: string | null;
  workspaceId: string | null;
}

const ATTEMPTS = 5;

/** The name staff read for a student under anonymous grading. */
export const pseudonymOf = (number: number): string => `Student ${number}`;

/**
 * What staff see of students under anonymous grading (see `staffSeePseudonym`):
 * every staff-facing view of status rows passes through {@link forStaff}, so
 * the tracker, the grading page, the neighbours, the live events and the
 * exports hide the same students the same way.
 */
export class Anonymity {
  constructor(private readonly db: Database) {}

  /**
   * The rows as staff see them: a hidden student keeps their id (what grading
   * calls name them by) but carries a pseudonym instead of their name, no
   * e-mail address, student number, section or workspace.
   */
  async forStaff<R extends StudentIdentity>(assignment: Assignment, rows: readonly R[], manager: EntityManager = this.db.manager): Promise<R[]> {
    const hidden = rows.filter((r) => staffSeePseudonym(assignment, r.grade));
    if (hidden.length === 0) return [...rows];
    const numbers = await this.numbers(manager, assignment.id, hidden.map((r) => r.student.id));
    return rows.map((r) => (staffSeePseudonym(assignment, r.grade) ? disguised(r, numbers.get(r.student.id)!) : r));
  }

  /** The name staff are told for one student (a notification): the pseudonym while hidden, else `name`. */
  async staffName(manager: EntityManager, assignment: Assignment, studentId: string, name: string): Promise<{ name: string; hidden: boolean }> {
    if (!assignment.anonymousGrading) return { name, hidden: false };
    const grade = await manager.findOne(Grade, { where: { assignmentId: assignment.id, studentId }, select: { returnedAt: true } });
    if (!staffSeePseudonym(assignment, grade)) return { name, hidden: false };
    const numbers = await this.numbers(manager, assignment.id, [studentId]);
    return { name: pseudonymOf(numbers.get(studentId)!), hidden: true };
  }

  /**
   * Each student's number, drawn the first time it is needed: uniformly from
   * the numbers not taken among 1 … twice the students numbered so far (at
   * least 1 … 20), so it follows neither names nor the order students are
   * seen in. Two requests drawing at once may pick the same number; the
   * unique index keeps one and the other draws again.
   */
  private async numbers(manager: EntityManager, assignmentId: string, studentIds: readonly string[]): Promise<Map<string, number>> {
    for (let attempt = 1; ; attempt++) {
      const taken = await manager.find(StudentAlias, { where: { assignmentId } });
      const byStudent = new Map(taken.map((a) => [a.studentId, a.number]));
      const missing = [...new Set(studentIds.filter((id) => !byStudent.has(id)))];
      if (missing.length === 0) return byStudent;
      if (attempt > ATTEMPTS) throw new Error(`could not number ${missing.length} students of assignment ${assignmentId}`);
      const used = new Set(taken.map((a) => a.number));
      const pool = Math.max(20, 2 * (taken.length + missing.length));
      const free: number[] = [];
      for (let n = 1; n <= pool; n++) if (!used.has(n)) free.push(n);
      const drawn = missing.map((studentId) => {
        const i = randomInt(free.length);
        const number = free[i];
        free[i] = free[free.length - 1];
        free.pop();
        return { assignmentId, studentId, number };
      });
      for (let i = 0; i < drawn.length; i += 500) {
        await manager.createQueryBuilder().insert().into(StudentAlias).values(drawn.slice(i, i + 500)).orIgnore().execute();
      }
    }
  }
}

function disguised<R extends StudentIdentity>(row: R, number: number): R {
  const student = Object.assign(new User(), { id: row.student.id, name: pseudonymOf(number), email: '', passwordHash: null, createdAt: new Date(0), instanceAdmin: false });
  return { ...row, student, pseudonym: student.name, studentNumber: null, section: null, workspaceId: null };
}
