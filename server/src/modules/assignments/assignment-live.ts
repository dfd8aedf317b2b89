import { In } from 'typeorm';
import { SharedTopics } from '../../core/graphql/shared-topics';
import { seesEveryStudent, seesUnreleasedAssignments, type Role } from '../../core/policy';
import type { EventBus, Events } from '../../core/pubsub';
import { Lru } from '../../core/util/lru';
import type { Database } from '../../db/database';
import { Membership } from '../spaces/membership.entity';
import { Assignment } from './assignment.entity';
import type { StudentStatus } from './deadlines';
import { countsOf, type LiveRows, type StatusService, type StudentRow } from './status.service';

/** How long rows read for one batch stand in for later batches' unchanged students. */
const FULL_READ_MS = 30_000;

/** One batch of an assignment's status changes, read once for every subscriber. */
export interface HandInBatch {
  assignment: Assignment;
  /** Students whose status may have changed, in the order heard; null: anyone's (the deadline moved). */
  changed: string[] | null;
  /** Every student's row as staff see it (pseudonyms under anonymous grading), by student. */
  rows: Map<string, StudentRow>;
  /** Every student's own row, by student: what the student themself is told. */
  ownRows: Map<string, StudentRow>;
  counts: Record<StudentStatus, number>;
  /** Each member's role in the space now: who left sees nothing more. */
  roles: Map<string, Role>;
}

/** One batch of a space's assignment changes: each assignment changed, as it is now. */
export interface AssignmentBatch {
  assignments: Assignment[];
  roles: Map<string, Role>;
}

/** What one subscriber is told of a hand-in status change. */
export interface HandInStatusEvent {
  assignment: Assignment;
  studentId: string | null;
  row: StudentRow | null;
  /** Staff only. */
  counts: Record<StudentStatus, number> | null;
  staff: boolean;
}

/** What kept rows were read under: any change to the assignment (deadline, policy, release) makes them stale. */
const rowsKey = (assignment: Assignment): string => JSON.stringify(assignment);

/**
 * The live views of assignments for every subscriber in this process:
 * statuses per assignment and changes per space, each followed once and read
 * once per batch whatever the number of subscribers (see `SharedTopics`).
 */
export class AssignmentLive implements LiveRows {
  private readonly statuses: SharedTopics<Events['HAND_IN_STATUS'][1], HandInBatch>;
  private readonly changes: SharedTopics<Events['ASSIGNMENT_CHANGED'][1], AssignmentBatch>;
  private readonly staffEventsOf = new WeakMap<HandInBatch, HandInStatusEvent[]>();
  /** The rows of the last batch per assignment, so a batch re-reads only the students it names. */
  private readonly lastRows = new Lru<string, { key: string; at: number; rows: Map<string, StudentRow> }>(100);

  constructor(
    private readonly db: Database,
    events: EventBus,
    status: StatusService,
    intervalMs = 100,
  ) {
    this.statuses = new SharedTopics({
      subscribe: (assignmentId) => {
        // Rows kept from an earlier following missed what changed while nobody followed: the first batch reads every row.
        this.lastRows.delete(assignmentId);
        return events.subscribe('HAND_IN_STATUS', assignmentId);
      },
      read: async (assignmentId, heard) => {
        const assignment = await db.manager.findOneByOrFail(Assignment, { id: assignmentId });
        const changed = heard.some((e) => e.studentId === null) ? null : [...new Set(heard.map((e) => e.studentId!))];
        const [all, roles] = await Promise.all([this.currentRows(status, assignment, changed), this.roles(assignment.spaceId)]);
        const staffView = await status.forStaff(assignment, all);
        return {
          assignment,
          changed,
          rows: new Map(staffView.map((r) => [r.userId, r])),
          ownRows: new Map(all.map((r) => [r.userId, r])),
          counts: countsOf(all),
          roles,
        };
      },
      intervalMs,
    });
    this.changes = new SharedTopics({
      subscribe: (spaceId) => events.subscribe('ASSIGNMENT_CHANGED', spaceId),
      read: async (spaceId, heard) => {
        // The last change of each assignment decides its place.
        const ids = [...new Set(heard.map((e) => e.assignmentId).reverse())].reverse();
        const [found, roles] = await Promise.all([db.manager.find(Assignment, { where: { id: In(ids) } }), this.roles(spaceId)]);
        const byId = new Map(found.map((a) => [a.id, a]));
        return { assignments: ids.flatMap((id) => byId.get(id) ?? []), roles };
      },
      intervalMs,
    });
  }

  /** Subscribers following an assignment's statuses now. */
  statusWatchers(assignmentId: string): number {
    return this.statuses.watchers(assignmentId);
  }

  /**
   * A subscriber's status changes: staff hear of every student with the
   * course-wide counts, a student only of themself, as they see it. The caller
   * authorised the subscriber once; each batch also drops who left the space.
   */
  async *statusesFor(assignmentId: string, userId: string): AsyncGenerator<HandInStatusEvent> {
    for await (const batch of this.statuses.stream(assignmentId)) {
      const role = batch.roles.get(userId);
      if (!role) return;
      const { assignment, changed, ownRows } = batch;
      if (seesEveryStudent(role)) {
        yield* this.staffEvents(batch);
      } else if (changed === null || changed.includes(userId)) {
        const row = ownRows.get(userId);
        yield { assignment, studentId: userId, row: row ? { ...row, status: row.ownStatus } : null, counts: null, staff: false };
      }
    }
  }

  /**
   * What every staff subscriber is told of a batch: the same event objects for
   * all of them, so one person's open trackers are answered once each
   * (see `sharedSubscribe`).
   */
  private staffEvents(batch: HandInBatch): HandInStatusEvent[] {
    let events = this.staffEventsOf.get(batch);
    if (!events) {
      const { assignment, changed, rows, counts } = batch;
      // Staff are told a student by the id their rows carry (a handle while hidden); a student no longer in the course, by a reload.
      events = (changed ?? [null]).map((studentId) => {
        const row = studentId === null ? null : (rows.get(studentId) ?? null);
        return { assignment, studentId: row?.student.id ?? null, row, counts, staff: true };
      });
      this.staffEventsOf.set(batch, events);
    }
    return events;
  }

  /** A subscriber's assignment changes in a space: staff see every one, others released ones. */
  async *changesFor(spaceId: string, userId: string): AsyncGenerator<Assignment> {
    for await (const batch of this.changes.stream(spaceId)) {
      const role = batch.roles.get(userId);
      if (!role) return;
      const staff = seesUnreleasedAssignments(role);
      for (const assignment of batch.assignments) if (staff || assignment.releasedAt) yield assignment;
    }
  }

  /**
   * Every student's row as the last batch read it, while this process follows
   * the assignment's statuses, the assignment is as that batch saw it, the
   * whole class was read less than FULL_READ_MS ago and no deadline has
   * passed since (statuses move with the clock); otherwise null. Each heard
   * change is in it within a batch interval.
   */
  rowsNow(assignment: Assignment): StudentRow[] | null {
    if (this.statuses.watchers(assignment.id) === 0) return null;
    const last = this.lastRows.get(assignment.id);
    const now = Date.now();
    if (!last || last.key !== rowsKey(assignment) || now - last.at >= FULL_READ_MS) return null;
    const rows = [...last.rows.values()];
    return rows.some((r) => r.deadline.getTime() > last.at && r.deadline.getTime() <= now) ? null : rows;
  }

  /**
   * Rows read elsewhere (a grader's next and previous) from `readAt`, kept
   * as the last batch's while the assignment is followed and nothing is kept
   * yet. Never over a batch's rows: a batch that ran meanwhile may know of a
   * change the read missed; one that runs later reads the students it names.
   */
  keep(assignment: Assignment, rows: readonly StudentRow[], readAt: number): void {
    if (this.statuses.watchers(assignment.id) === 0 || this.lastRows.get(assignment.id)) return;
    this.lastRows.set(assignment.id, { key: rowsKey(assignment), at: readAt, rows: new Map(rows.map((r) => [r.userId, r])) });
  }

  /**
   * Every student's row now. A batch that names its students re-reads only
   * theirs and keeps the others from the last batch, while the assignment is
   * unchanged and that batch is recent (statuses also move with the clock, at
   * the deadline); otherwise, and for group work, every row is read.
   */
  private async currentRows(status: StatusService, assignment: Assignment, changed: readonly string[] | null): Promise<StudentRow[]> {
    const key = rowsKey(assignment);
    const now = Date.now();
    const last = this.lastRows.get(assignment.id);
    const kept = changed && changed.length <= 500 && !assignment.groupWork && last?.key === key && now - last.at < FULL_READ_MS ? last : null;
    let rows: Map<string, StudentRow>;
    if (kept && changed) {
      rows = new Map(kept.rows);
      for (const id of changed) rows.delete(id);
      for (const row of await status.rows(assignment, changed)) rows.set(row.userId, row);
    } else {
      rows = new Map((await status.rows(assignment)).map((r) => [r.userId, r]));
    }
    // A partial read keeps the time of the last whole one: every row is read again at least every FULL_READ_MS.
    this.lastRows.set(assignment.id, { key, at: kept ? kept.at : now, rows });
    return [...rows.values()];
  }

  private async roles(spaceId: string): Promise<Map<string, Role>> {
    const members = await this.db.manager.find(Membership, { where: { spaceId }, select: { userId: true, role: true } });
    return new Map(members.map((m) => [m.userId, m.role]));
  }
}
