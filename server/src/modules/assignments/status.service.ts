import { In } from 'typeorm';
import type { Database } from '../../db/database';
import { inChunks } from '../../core/util/chunks';
import { seesEveryStudent } from '../../core/policy';
import { forbidden, notFound } from '../../core/errors';
import type { Page } from '../../core/pagination';
import { pageRequest, slicePage, type PageArgs } from '../../core/pagination';
import { Membership } from '../spaces/membership.entity';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import { Commit } from '../workspaces/commit.entity';
import { Workspace } from '../workspaces/workspace.entity';
import type { Assignment } from './assignment.entity';
import type { AssignmentsService } from './assignments.service';
import { effectiveDeadline, handInLateBy, keptPercent, studentStatus, type StudentStatus } from './deadlines';
import { Extension } from './extension.entity';
import { Grade } from './grade.entity';
import { HandIn } from './hand-in.entity';
import { AssignmentGroup, AssignmentGroupMember } from './assignment-group.entity';
import { gradeSubjectOf } from './group-subjects';
import type { Anonymity } from './anonymity';
import { summarise, type HandInSummary } from './hand-in-summary';
import { answerIdAs } from '../../core/graphql/global-id';

export interface StudentRow {
  /** The student's user id, for the server's own use: staff of a hidden student are never sent it. */
  userId: string;
  /** Under anonymous grading, staff get a stand-in named by a handle and carrying the pseudonym (see `Anonymity`). */
  student: User;
  /** Staff, anonymous grading: "Student 17", shown instead of the student's name; null otherwise. */
  pseudonym: string | null;
  /** From the roster; null when none was given. */
  studentNumber: string | null;
  section: string | null;
  /** A group's row: its members, by name, each with their student number; null on a single student's row. */
  members: GroupRowMember[] | null;
  workspaceId: string | null;
  status: StudentStatus;
  /** The status as the student sees it (a grade shows only once returned). */
  ownStatus: StudentStatus;
  deadline: Date;
  extension: Extension | null;
  handInCount: number;
  latestHandIn: HandIn | null;
  /** The hand-in that is graded: the latest unless the grader chose another. */
  gradedHandIn: HandIn | null;
  late: boolean;
  lateByMs: number;
  /** Percent of the points kept under the late policy, from the deadline in force now. */
  keptPercent: number;
  grade: Grade | null;
  finalPoints: number | null;
  lastActivityAt: Date | null;
}

/** A member as a group's row names them. */
export interface GroupRowMember {
  name: string;
  studentNumber: string | null;
}

export type StatusSort = 'NAME' | 'HANDED_IN_AT' | 'GRADE' | 'STATUS';

/** The tracker's filters and order. */
export interface StatusFilters {
  statuses?: StudentStatus[] | null;
  sort?: StatusSort | null;
  descending?: boolean | null;
  search?: string | null;
}

/** Rows of an assignment kept while its statuses are followed live. */
export interface LiveRows {
  /** Every student's row as last read, or null when none are kept or they may be out of date. */
  rowsNow(assignment: Assignment): StudentRow[] | null;
  /** Rows just read (from `readAt`), kept when the assignment is followed and nothing newer is kept. */
  keep(assignment: Assignment, rows: readonly StudentRow[], readAt: number): void;
}

export interface Neighbours {
  previous: StudentRow | null;
  next: StudentRow | null;
  /** 1-based. */
  position: number;
  total: number;
}

const STATUS_ORDER: StudentStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'MISSING', 'HANDED_IN', 'LATE', 'COLLECTED', 'GRADED', 'RETURNED'];

/**
 * Every student's status, computed from the facts in a fixed number of
 * queries whatever the size of the course, so lateness always follows the
 * deadline in force.
 */
export class StatusService {
  /** This process's live view of the statuses (see `AssignmentLive`): moving between students while a grading page follows them re-reads no class. */
  live: LiveRows | null = null;

  constructor(
    private readonly db: Database,
    private readonly assignments: AssignmentsService,
    private readonly anonymity: Anonymity,
  ) {}

  /** Every student's row as the course's staff see it: under anonymous grading, hidden students carry pseudonyms. */
  async staffRows(assignment: Assignment, onlyStudentId?: string): Promise<StudentRow[]> {
    return this.anonymity.forStaff(assignment, await this.rows(assignment, onlyStudentId));
  }

  /** Rows already read, as the course's staff see them (see {@link staffRows}). */
  forStaff(assignment: Assignment, rows: readonly StudentRow[]): Promise<StudentRow[]> {
    return this.anonymity.forStaff(assignment, rows);
  }

  /**
   * Every student's row, or only those of `only` (one id, or a few: a live
   * batch's changed students). `studentView`: the rows as the student
   * themself sees them (see `studentStatus`).
   */
  async rows(assignment: Assignment, only?: string | readonly string[], studentView = false): Promise<StudentRow[]> {
    if (assignment.groupWork) return this.groupRows(assignment, typeof only === 'string' ? only : undefined, studentView);
    const some = only === undefined ? undefined : typeof only === 'string' ? [only] : [...only];
    if (some?.length === 0) return [];
    const memberships = await this.db.manager.find(Membership, {
      where: { spaceId: assignment.spaceId, role: 'MEMBER', ...(some ? { userId: In(some) } : {}) },
    });
    const ids = memberships.map((m) => m.userId);
    if (ids.length === 0) return [];
    const inIds = some ? { studentId: In(some) } : {};
    const [users, workspaces, handIns, grades, extensions] = await Promise.all([
      inChunks(ids, (chunk) => this.db.manager.find(User, { where: { id: In(chunk) } })),
      this.db.manager.find(Workspace, { where: { spaceId: assignment.spaceId, kind: 'PERSONAL', ...(some ? { ownerId: In(some) } : {}) } }),
      this.db.manager.find(HandIn, { where: { assignmentId: assignment.id, ...inIds }, order: { seq: 'ASC' } }),
      this.db.manager.find(Grade, { where: { assignmentId: assignment.id, ...inIds } }),
      this.db.manager.find(Extension, { where: { assignmentId: assignment.id, ...inIds } }),
    ]);
    const activity = await this.activity(assignment, some);
    const byOwner = new Map(workspaces.map((w) => [w.ownerId, w]));
    const membershipOf = new Map(memberships.map((m) => [m.userId, m]));
    const handInsBy = group(handIns, (h) => h.studentId);
    const gradeBy = new Map(grades.map((g) => [g.studentId, g]));
    const extensionsBy = group(extensions, (e) => e.studentId);
    const now = new Date();
    return users.map((student) => {
      const workspace = byOwner.get(student.id) ?? null;
      const subject = {
        userId: student.id,
        student,
        studentNumber: membershipOf.get(student.id)?.studentNumber ?? null,
        section: membershipOf.get(student.id)?.section ?? null,
        members: null,
        workspaceId: workspace?.id ?? null,
      };
      const facts = { handIns: handInsBy.get(student.id) ?? [], grade: gradeBy.get(student.id) ?? null, extensions: extensionsBy.get(student.id) ?? [] };
      return rowOf(assignment, now, subject, facts, workspace ? (activity.get(workspace.id) ?? null) : null, studentView);
    });
  }

  /**
   * A group assignment's rows: one per group, named by the group and its
   * members, keyed by the group's id (its hand-ins, grade and extensions
   * are). `onlyId` is a group's id or a student's (their group's row).
   */
  private async groupRows(assignment: Assignment, onlyId?: string, studentView = false): Promise<StudentRow[]> {
    const m = this.db.manager;
    let groups = await m.find(AssignmentGroup, { where: { assignmentId: assignment.id } });
    if (onlyId) {
      const subject = groups.some((g) => g.id === onlyId) ? onlyId : await gradeSubjectOf(m, assignment, onlyId);
      groups = groups.filter((g) => g.id === subject);
    }
    if (groups.length === 0) return [];
    const ids = groups.map((g) => g.id);
    const [members, handIns, grades, extensions] = await Promise.all([
      m.find(AssignmentGroupMember, { where: { groupId: In(ids) } }),
      m.find(HandIn, { where: { assignmentId: assignment.id, studentId: In(ids) }, order: { seq: 'ASC' } }),
      m.find(Grade, { where: { assignmentId: assignment.id, studentId: In(ids) } }),
      m.find(Extension, { where: { assignmentId: assignment.id, studentId: In(ids) } }),
    ]);
    const memberIds = [...new Set(members.map((r) => r.userId))];
    const [users, memberships] = await Promise.all([
      inChunks(memberIds, (chunk) => m.find(User, { where: { id: In(chunk) } })),
      inChunks(memberIds, (chunk) => m.find(Membership, { where: { spaceId: assignment.spaceId, userId: In(chunk) } })),
    ]);
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    const numberOf = new Map(memberships.map((r) => [r.userId, r.studentNumber]));
    const activity = await this.groupActivity(assignment, groups.map((g) => g.workspaceId));
    const handInsBy = group(handIns, (h) => h.studentId);
    const gradeBy = new Map(grades.map((g) => [g.studentId, g]));
    const extensionsBy = group(extensions, (e) => e.studentId);
    const now = new Date();
    return groups.map((g) => {
      const people = members
        .filter((r) => r.groupId === g.id)
        .map((r) => ({ name: nameOf.get(r.userId) ?? r.userId, studentNumber: numberOf.get(r.userId) ?? null }))
        .sort((x, y) => x.name.localeCompare(y.name));
      const names = people.map((p) => p.name);
      // Answered as the group's id (AssignmentGroup), so the row compares equal with the group.
      const student = answerIdAs(Object.assign(new User(), { id: g.id, name: names.length ? `${g.name} (${names.join(', ')})` : `${g.name} (no members)`, email: '' }), 'AssignmentGroup');
      // The group is named in the row's name; its members carry the student numbers.
      const subject = { userId: g.id, student, studentNumber: null, section: null, members: people, workspaceId: g.workspaceId };
      const facts = { handIns: handInsBy.get(g.id) ?? [], grade: gradeBy.get(g.id) ?? null, extensions: extensionsBy.get(g.id) ?? [] };
      return rowOf(assignment, now, subject, facts, activity.get(g.workspaceId) ?? null, studentView);
    });
  }

  /**
   * The last change a student made to each group workspace since the
   * release. Like a personal workspace, whose owner's changes count, only the
   * students' own work counts: the workspace's creation with its group,
   * staff's edits and pushes leave a group "Not started".
   */
  private async groupActivity(assignment: Assignment, workspaceIds: readonly string[]): Promise<Map<string, Date>> {
    if (!assignment.releasedAt || workspaceIds.length === 0) return new Map();
    const rows: { workspaceId: string; last: string | Date }[] = await this.db.manager
      .createQueryBuilder(Commit, 'c')
      .innerJoin(Membership, 'm', 'm.userId = c.authorId AND m.spaceId = :spaceId AND m.role = :student', { spaceId: assignment.spaceId, student: 'MEMBER' })
      .select('c.workspaceId', 'workspaceId')
      .addSelect('MAX(c.createdAt)', 'last')
      .where('c.workspaceId IN (:...ids) AND c.distributionId IS NULL AND c.createdAt > :since', { ids: workspaceIds, since: assignment.releasedAt })
      .groupBy('c.workspaceId')
      .getRawMany();
    return new Map(rows.map((r) => [r.workspaceId, r.last instanceof Date ? r.last : new Date(`${r.last.replace(' ', 'T')}Z`)]));
  }

  /**
   * The students before and after `studentId` in the tracker's order under
   * these filters (staff): what a grader's next and previous go to. The
   * student keeps their place even when they no longer match the filters
   * (grading turns 'handed in' into 'graded').
   */
  async neighbours(actor: Actor | null, assignmentId: string, studentId: string, filters: StatusFilters): Promise<Neighbours> {
    const { assignment, role } = await this.assignments.access(actor, assignmentId);
    if (!seesEveryStudent(role)) throw forbidden('only the course staff move between students');
    const [userId] = await this.anonymity.studentsOf(assignment, [studentId]);
    const rows = ordered(await this.forStaff(assignment, await this.currentRows(assignment)), filters, userId);
    const index = rows.findIndex((r) => r.userId === userId);
    if (index < 0) throw notFound(`student ${studentId} is not in this course`);
    return { previous: rows[index - 1] ?? null, next: rows[index + 1] ?? null, position: index + 1, total: rows.length };
  }

  /** Every student's row: from the live view when it has them, otherwise read (and handed to the live view). */
  private async currentRows(assignment: Assignment): Promise<StudentRow[]> {
    const kept = this.live?.rowsNow(assignment);
    if (kept) return kept;
    const readAt = Date.now();
    const rows = await this.rows(assignment);
    this.live?.keep(assignment, rows, readAt);
    return rows;
  }

  /** The course-wide view (staff), filtered, sorted and paged. */
  async list(
    actor: Actor | null,
    assignmentId: string,
    args: StatusFilters & PageArgs,
  ): Promise<Page<StudentRow> & { counts: Record<StudentStatus, number>; assignment: Assignment; staff: boolean }> {
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    const staff = seesEveryStudent(role);
    const all = staff ? await this.staffRows(assignment) : await this.rows(assignment, a.user.id, true);
    const counts = countsOf(all);
    const rows = ordered(all, args);
    // Cursors hold positions in the chosen order: a student's id is not for every reader's eyes.
    return {
      ...slicePage(rows, pageRequest('StudentStatus', args, 1, 100), (_, i) => [i]),
      counts,
      assignment,
      staff,
    };
  }

  /**
   * Staff: what the tracker's charts draw, over the whole class, in the same
   * fixed number of statements as one page of the list, and a few hundred
   * bytes to send whatever the class size.
   */
  async summary(actor: Actor | null, assignmentId: string): Promise<HandInSummary> {
    const { assignment, role } = await this.assignments.access(actor, assignmentId);
    if (!seesEveryStudent(role)) throw forbidden('only the course staff see the whole class');
    const rows = await this.rows(assignment, undefined, false);
    return summarise(rows, countsOf(rows), assignment.maxPoints);
  }

  async one(actor: Actor | null, assignmentId: string, studentId: string): Promise<StudentRow> {
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    const staff = seesEveryStudent(role);
    if (!staff && studentId !== a.user.id) throw notFound(`no status of user ${studentId} for you to see`);
    const [row] = staff ? await this.staffRows(assignment, studentId) : await this.rows(assignment, studentId, true);
    if (!row) throw notFound(`user ${studentId} is not a student of this course`);
    return row;
  }

  /** Last change each student made to their own workspace since the release. */
  private async activity(assignment: Assignment, only?: readonly string[]): Promise<Map<string, Date>> {
    if (!assignment.releasedAt) return new Map();
    const query = this.db.manager
      .createQueryBuilder(Commit, 'c')
      .innerJoin(Workspace, 'w', 'w.id = c.workspaceId')
      .select('c.workspaceId', 'workspaceId')
      .addSelect('MAX(c.createdAt)', 'last')
      .where('w.spaceId = :spaceId AND w.kind = :kind AND c.authorId = w.ownerId AND c.createdAt > :since', {
        spaceId: assignment.spaceId,
        kind: 'PERSONAL',
        since: assignment.releasedAt,
      })
      .groupBy('c.workspaceId');
    if (only) query.andWhere('w.ownerId IN (:...owners)', { owners: only });
    const rows: { workspaceId: string; last: string | Date }[] = await query.getRawMany();
    return new Map(rows.map((r) => [r.workspaceId, r.last instanceof Date ? r.last : new Date(`${r.last.replace(' ', 'T')}Z`)]));
  }

}

/** Who a row is about, and where their work lives. */
interface RowSubject {
  userId: string;
  student: User;
  studentNumber: string | null;
  section: string | null;
  members: GroupRowMember[] | null;
  workspaceId: string | null;
}

/** One row from its subject's facts: the status, lateness and points follow the deadline in force now. */
function rowOf(
  assignment: Assignment,
  now: Date,
  subject: RowSubject,
  { handIns: own, grade, extensions: exts }: { handIns: HandIn[]; grade: Grade | null; extensions: Extension[] },
  last: Date | null,
  studentView: boolean,
): StudentRow {
  const latest = own.at(-1) ?? null;
  const graded = (grade?.handInId ? own.find((h) => h.id === grade.handInId) : latest) ?? null;
  const deadline = effectiveDeadline(assignment, exts);
  const kept = graded && !graded.collected ? keptPercent(assignment.latePolicy, graded.handedInAt, deadline) : 100;
  const lateMs = latest ? handInLateBy(latest, deadline) : 0;
  const points = grade?.pointsHundredths ?? null;
  const facts = { now, deadline, released: !!assignment.releasedAt, active: !!last, latest, grade };
  const ownStatus = studentStatus(facts, true);
  return {
    ...subject,
    pseudonym: null,
    status: studentView ? ownStatus : studentStatus(facts),
    ownStatus,
    deadline,
    extension: exts.filter((e) => !e.revokedAt).at(-1) ?? null,
    handInCount: own.length,
    latestHandIn: latest,
    gradedHandIn: graded,
    late: lateMs > 0,
    lateByMs: lateMs,
    keptPercent: kept,
    grade,
    finalPoints: points === null ? null : Math.round((points * kept) / 100) / 100,
    lastActivityAt: last,
  };
}

/** Students per status. */
export function countsOf(rows: readonly StudentRow[]): Record<StudentStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<StudentStatus, number>;
  for (const row of rows) counts[row.status]++;
  return counts;
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/** The tracker's list: filtered by status and search (always keeping `keep`), in the order asked for. */
function ordered(all: readonly StudentRow[], filters: StatusFilters, keep?: string): StudentRow[] {
  const search = filters.search?.trim().toLowerCase();
  const rows = all.filter(
    (r) =>
      r.userId === keep ||
      ((!filters.statuses?.length || filters.statuses.includes(r.status)) &&
        (!search || r.student.name.toLowerCase().includes(search) || r.student.email.includes(search) || [r, ...(r.members ?? [])].some((p) => !!p.studentNumber?.toLowerCase().includes(search)))),
  );
  return sortRows(rows, filters.sort ?? 'NAME', !!filters.descending);
}

/**
 * Rows in the order asked for. A student without the value sorted by (no
 * hand-in, no grade) comes last in either direction; ties go by name.
 */
function sortRows(rows: StudentRow[], sort: StatusSort, descending: boolean): StudentRow[] {
  const name = (r: StudentRow) => r.student.name.toLowerCase();
  const keyOf: Record<StatusSort, (r: StudentRow) => number | string | null> = {
    NAME: name,
    HANDED_IN_AT: (r) => r.latestHandIn?.handedInAt.getTime() ?? null,
    GRADE: (r) => r.finalPoints ?? null,
    STATUS: (r) => STATUS_ORDER.indexOf(r.status),
  };
  const key = keyOf[sort];
  const byKey = (a: StudentRow, b: StudentRow): number => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' ? byText(x, y as string) : x - (y as number);
    return descending ? -order : order;
  };
  return [...rows].sort((a, b) => byKey(a, b) || byText(name(a), name(b)) || a.student.id.localeCompare(b.student.id));
}

/** Numbers inside names compare by value: "Student 9" before "Student 10". */
const byText = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });
