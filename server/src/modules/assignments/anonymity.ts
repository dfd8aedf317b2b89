import { randomInt } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { auditReaderSeesPseudonym, staffSeePseudonym, type Role } from '../../core/policy';
import { notFound } from '../../core/errors';
import type { Database } from '../../db/database';
import type { AuditEvent } from '../audit/audit-event.entity';
import { User } from '../users/user.entity';
import { Assignment } from './assignment.entity';
import { HandIn } from './hand-in.entity';
import { Grade } from './grade.entity';
import { StudentAlias } from './student-alias.entity';

/** What a status row says about who the student is. */
export interface StudentIdentity {
  /** The student's user id, whatever staff are shown; never sent to staff of a hidden student. */
  userId: string;
  /** Staff, hidden student: a stand-in whose id is the handle (see {@link handleOf}). */
  student: User;
  latestHandIn: { studentId: string } | null;
  gradedHandIn: { studentId: string } | null;
  grade: { returnedAt: Date | null } | null;
  pseudonym: string | null;
  studentNumber: string | null;
  section: string | null;
  /** A group's row: who is in it (see `StudentRow`). */
  members?: readonly { name: string; studentNumber: string | null }[] | null;
  workspaceId: string | null;
}

const ATTEMPTS = 5;

/** The name staff read for a student under anonymous grading. */
export const pseudonymOf = (number: number): string => `Student ${number}`;

const HANDLE_PREFIX = 'StudentAlias:';

/**
 * The id staff use for a hidden student of an assignment, in place of the
 * user id they could match in the member list: opaque, and meaningless
 * outside this assignment. It says no more than the pseudonym does.
 */
export const handleOf = (assignmentId: string, number: number): string => Buffer.from(`${HANDLE_PREFIX}${assignmentId}:${number}`).toString('base64url');

/** The alias number a handle of this assignment stands for; null for anything else (a user id). */
function numberOf(assignmentId: string, id: string): number | null {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const prefix = `${HANDLE_PREFIX}${assignmentId}:`;
  if (!text.startsWith(prefix)) return null;
  const number = Number(text.slice(prefix.length));
  return Number.isInteger(number) && number > 0 ? number : null;
}

/**
 * What staff see of students under anonymous grading (see `staffSeePseudonym`):
 * every staff-facing view of status rows passes through {@link forStaff}, so
 * the tracker, the grading page, the neighbours, the live events and the
 * exports hide the same students the same way.
 */
export class Anonymity {
  constructor(private readonly db: Database) {}

  /**
   * The rows as staff see them: a hidden student is named by a handle
   * instead of their user id (in the row and its hand-ins; its extension
   * names them as every extension does, see `shown-students.ts`; grading
   * calls accept it, see {@link studentsOf}) and carries a pseudonym
   * instead of their name, no e-mail address, student number, section, members or
   * workspace. `userId` keeps the real id for the server's own use.
   */
  async forStaff<R extends StudentIdentity>(assignment: Assignment, rows: readonly R[], manager: EntityManager = this.db.manager): Promise<R[]> {
    const hidden = rows.filter((r) => staffSeePseudonym(assignment, r.grade));
    if (hidden.length === 0) return [...rows];
    const numbers = await this.numbers(manager, assignment.id, hidden.map((r) => r.userId));
    return rows.map((r) => (staffSeePseudonym(assignment, r.grade) ? disguised(r, assignment.id, numbers.get(r.userId)!) : r));
  }

  /**
   * The students that ids sent by staff name: a handle stands for its
   * student; a user id stands for itself, except that of a student hidden
   * now (NOT_FOUND), so a member list cannot be matched against pseudonyms
   * by asking for each user id in turn. Membership is the caller's check.
   */
  async studentsOf(assignment: Assignment, ids: readonly string[], manager: EntityManager = this.db.manager): Promise<string[]> {
    const numbers = ids.map((id) => numberOf(assignment.id, id));
    const wanted = numbers.filter((n): n is number => n !== null);
    const aliases = wanted.length ? await manager.find(StudentAlias, { where: { assignmentId: assignment.id, number: In([...new Set(wanted)]) } }) : [];
    const byNumber = new Map(aliases.map((a) => [a.number, a.studentId]));
    const plain = ids.filter((_, i) => numbers[i] === null);
    if (assignment.anonymousGrading && plain.length) {
      const returned = await manager.find(Grade, { where: { assignmentId: assignment.id, studentId: In([...new Set(plain)]) }, select: { studentId: true, returnedAt: true } });
      const gradeOf = new Map(returned.map((g) => [g.studentId, g]));
      const hidden = plain.find((id) => staffSeePseudonym(assignment, gradeOf.get(id)));
      if (hidden) throw notFound(`no student ${hidden} to grade here: under anonymous grading, staff name a student by the id the status list gives`);
    }
    return ids.map((id, i) => {
      const n = numbers[i];
      if (n === null) return id;
      const studentId = byNumber.get(n);
      if (!studentId) throw notFound(`no student ${id} in this assignment`);
      return studentId;
    });
  }

  /** The id staff are shown for each of these students: the handle while hidden, else the user id. */
  async shownIds(assignment: Assignment, studentIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, string>> {
    const shown = await this.shownStudents(assignment, studentIds, manager);
    return new Map([...shown].map(([id, s]) => [id, s.id]));
  }

  /** How staff are shown each of these students: handle and pseudonym while hidden, else the user id and no pseudonym. */
  async shownStudents(assignment: Assignment, studentIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, { id: string; pseudonym: string | null }>> {
    const unique = [...new Set(studentIds)];
    const shown = new Map(unique.map((id) => [id, { id, pseudonym: null as string | null }]));
    if (!assignment.anonymousGrading || unique.length === 0) return shown;
    const grades = await manager.find(Grade, { where: { assignmentId: assignment.id, studentId: In(unique) }, select: { studentId: true, returnedAt: true } });
    const gradeOf = new Map(grades.map((g) => [g.studentId, g]));
    const hidden = unique.filter((id) => staffSeePseudonym(assignment, gradeOf.get(id)));
    if (hidden.length === 0) return shown;
    const numbers = await this.numbers(manager, assignment.id, hidden);
    for (const id of hidden) shown.set(id, { id: handleOf(assignment.id, numbers.get(id)!), pseudonym: pseudonymOf(numbers.get(id)!) });
    return shown;
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
   * Audit events as a reader of this role sees them (see
   * `auditReaderSeesPseudonym`): where the event's student is hidden from
   * them, the student and an actor who is that student are named by the
   * handle, with the pseudonym in `hiddenNames`. Events about assignments
   * (or their hand-ins) only; the rest pass unchanged.
   */
  async auditFor<E extends Pick<AuditEvent, 'actorId' | 'studentId' | 'subjectType' | 'subjectId'>>(
    role: Role,
    events: readonly E[],
  ): Promise<{ events: E[]; hiddenNames: Map<string, string> }> {
    const hiddenNames = new Map<string, string>();
    const about = events.filter((e) => e.studentId && e.subjectId && (e.subjectType === 'assignment' || e.subjectType === 'hand-in'));
    if (about.length === 0 || !auditReaderSeesPseudonym(role, { anonymousGrading: true }, null)) return { events: [...events], hiddenNames };
    const manager = this.db.manager;
    const handInIds = [...new Set(about.filter((e) => e.subjectType === 'hand-in').map((e) => e.subjectId!))];
    const handIns = handInIds.length ? await manager.find(HandIn, { where: { id: In(handInIds) }, select: { id: true, assignmentId: true } }) : [];
    const assignmentOfHandIn = new Map(handIns.map((h) => [h.id, h.assignmentId]));
    const assignmentOf = (e: E) => (e.subjectType === 'hand-in' ? assignmentOfHandIn.get(e.subjectId!) : e.subjectId!);
    const assignmentIds = [...new Set(about.map(assignmentOf).filter((id): id is string => !!id))];
    const anonymous = assignmentIds.length ? await manager.find(Assignment, { where: { id: In(assignmentIds), anonymousGrading: true } }) : [];
    // Per assignment: real user id → handle, for the students hidden from this reader.
    const shown = new Map<string, Map<string, string>>();
    for (const assignment of anonymous) {
      const studentIds = [...new Set(about.filter((e) => assignmentOf(e) === assignment.id).map((e) => e.studentId!))];
      const grades = await manager.find(Grade, { where: { assignmentId: assignment.id, studentId: In(studentIds) }, select: { studentId: true, returnedAt: true } });
      const gradeOf = new Map(grades.map((g) => [g.studentId, g]));
      const hidden = studentIds.filter((id) => auditReaderSeesPseudonym(role, assignment, gradeOf.get(id)));
      if (hidden.length === 0) continue;
      const numbers = await this.numbers(manager, assignment.id, hidden);
      const handles = new Map<string, string>();
      for (const id of hidden) {
        const handle = handleOf(assignment.id, numbers.get(id)!);
        handles.set(id, handle);
        hiddenNames.set(handle, pseudonymOf(numbers.get(id)!));
      }
      shown.set(assignment.id, handles);
    }
    const result = events.map((e) => {
      const assignmentId = e.studentId && e.subjectId ? assignmentOf(e) : undefined;
      const handle = assignmentId ? shown.get(assignmentId)?.get(e.studentId!) : undefined;
      if (!handle) return e;
      return { ...e, studentId: handle, actorId: e.actorId === e.studentId ? handle : e.actorId };
    });
    return { events: result, hiddenNames };
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

function disguised<R extends StudentIdentity>(row: R, assignmentId: string, number: number): R {
  const id = handleOf(assignmentId, number);
  const student = Object.assign(new User(), { id, name: pseudonymOf(number), email: '', passwordHash: null, createdAt: new Date(0), instanceAdmin: false });
  const relabel = <T extends { studentId: string } | null>(x: T): T => (x && { ...x, studentId: id }) as T;
  return {
    ...row,
    student,
    latestHandIn: relabel(row.latestHandIn),
    gradedHandIn: relabel(row.gradedHandIn),
    pseudonym: student.name,
    studentNumber: null,
    section: null,
    members: null,
    workspaceId: null,
  };
}
