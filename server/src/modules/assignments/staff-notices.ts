import { createHash } from 'node:crypto';
import { EntityManager, In, LessThan, MoreThan } from 'typeorm';
import { STAFF_ROLES } from '../../core/policy';
import type { Notification } from '../notifications/notification.entity';
import type { NotificationsService } from '../notifications/notifications.service';
import { Membership } from '../spaces/membership.entity';
import type { Assignment } from './assignment.entity';
import type { Anonymity } from './anonymity';
import { HandIn } from './hand-in.entity';
import { pendingJob, ScheduledJob } from './scheduled-job.entity';

/**
 * Tells a course's staff (admins and TAs) about hand-ins. A late hand-in is
 * announced at once; the others are counted in one notification per
 * assignment per window (10 minutes by default). The window is a scheduled
 * job written with the hand-in that opens it, so a restart loses nothing:
 * the job runs when it is due (or at the next start) and counts the hand-ins
 * themselves, from the last digest's end to its own time.
 */
export class StaffNotices {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly windowMs: number,
    private readonly anonymity: Anonymity,
  ) {}

  /**
   * In the hand-in's transaction: opens the digest window unless one is
   * pending, and writes a late hand-in's notices. Two first hand-ins of a
   * window race for one job id; the loser fails with a unique violation and
   * its caller retries the hand-in, which then finds the job.
   */
  async afterHandIn(m: EntityManager, assignment: Assignment, handIn: HandIn, late: boolean, studentName: string): Promise<Notification[]> {
    const now = handIn.handedInAt;
    const pending = await m.findOne(ScheduledJob, {
      where: { assignmentId: assignment.id, kind: 'DIGEST', status: 'PENDING', runAt: MoreThan(now) },
      select: { id: true },
    });
    if (!pending) {
      const window = Math.floor(now.getTime() / this.windowMs);
      await m.insert(ScheduledJob, pendingJob('DIGEST', assignment.id, new Date(now.getTime() + this.windowMs), null, windowJobId(assignment.id, window)));
    }
    if (!late) return [];
    // Under anonymous grading staff read the pseudonym, and the notice names no one as its actor.
    const shown = await this.anonymity.staffName(m, assignment, handIn.studentId, studentName);
    const actorId = shown.hidden ? null : handIn.studentId;
    return this.toStaff(m, assignment, actorId, 'HAND_IN_LATE', `Late hand-in for '${assignment.title}'`, `${shown.name} handed in after their deadline.`);
  }

  /** The digest of one window, in the job's transaction: nothing when nobody handed in. */
  async digest(m: EntityManager, assignment: Assignment, job: ScheduledJob): Promise<Notification[]> {
    const previous = await m.findOne(ScheduledJob, {
      where: { assignmentId: assignment.id, kind: 'DIGEST', status: 'DONE', runAt: LessThan(job.runAt) },
      order: { runAt: 'DESC' },
    });
    const since = previous?.runAt ?? new Date(0);
    const handIns = await m
      .createQueryBuilder(HandIn, 'h')
      .select(['h.studentId', 'h.handedInAt'])
      .where('h.assignmentId = :a AND h.collected = :no AND h.handedInAt > :since AND h.handedInAt <= :until', {
        a: assignment.id,
        no: false,
        since,
        until: job.runAt,
      })
      .getMany();
    if (handIns.length === 0) return [];
    const students = new Set(handIns.map((h) => h.studentId)).size;
    const title = `${handIns.length} ${handIns.length === 1 ? 'hand-in' : 'hand-ins'} for '${assignment.title}'`;
    const body = `${students} ${students === 1 ? 'student' : 'students'} handed in between ${clock(previous?.runAt ?? handIns[0].handedInAt)} and ${clock(job.runAt)} (UTC).`;
    return this.toStaff(m, assignment, null, 'HAND_INS', title, body);
  }

  private async toStaff(m: EntityManager, assignment: Assignment, actorId: string | null, kind: string, title: string, body: string): Promise<Notification[]> {
    const staff = await m.find(Membership, { where: { spaceId: assignment.spaceId, role: In([...STAFF_ROLES]) }, select: { userId: true } });
    return this.notifications.add(
      m,
      staff.map((s) => ({ userId: s.userId, spaceId: assignment.spaceId, kind, title: title.slice(0, 300), body, distributionId: null, actorId })),
    );
  }

  announce(rows: readonly Notification[]): void {
    this.notifications.announce(rows);
  }
}

/** One id per assignment and window, so the window's first hand-ins cannot open it twice. */
function windowJobId(assignmentId: string, window: number): string {
  const hex = createHash('sha256').update(`digest:${assignmentId}:${window}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const clock = (at: Date) => at.toISOString().slice(11, 16);
