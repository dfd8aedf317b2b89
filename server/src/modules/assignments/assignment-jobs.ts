import type { WebhookOutbox } from '../webhooks/webhook-outbox';
import { EntityManager } from 'typeorm';
import { safeErrorMessage } from '../../core/safe-error';
import { logger } from '../../core/logger';
import type { Database } from '../../db/database';
import { claimLeased, type LeaseQueue } from '../../db/lease-queue';
import type { DistributionsService } from '../distributions/distributions.service';
import { Membership } from '../spaces/membership.entity';
import { AuthToken } from '../users/auth-token.entity';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { Commit } from '../workspaces/commit.entity';
import type { TreeSession } from '../workspaces/db-tree-store';
import { Workspace } from '../workspaces/workspace.entity';
import { Assignment } from './assignment.entity';
import type { AssignmentsService } from './assignments.service';
import { effectiveDeadline } from './deadlines';
import { Extension } from './extension.entity';
import type { GroupsService } from './groups.service';
import { groupWorkspaceIds } from './group-subjects';
import { HandIn } from './hand-in.entity';
import type { HandInsService } from './hand-ins.service';
import type { StaffNotices } from './staff-notices';
import { ScheduledJob } from './scheduled-job.entity';

const COLLECT_BATCH = 50;

const JOB_QUEUE: LeaseQueue<ScheduledJob> = {
  entity: ScheduledJob,
  table: 'scheduled_job',
  due: "status = 'PENDING' AND runAt <= ?",
  dueParams: (now) => [now],
  orderBy: 'runAt',
};

/**
 * Runs due assignment jobs. A job is claimed under a lease and marked DONE in
 * the transaction that does its work, so it runs exactly once, also when the
 * server was down when it fell due. Collecting is done in batches, each
 * skipping students who have handed in (or were collected) meanwhile; only
 * students who worked on the material are collected (the others are MISSING).
 */
export class AssignmentJobs {
  constructor(
    private readonly db: Database,
    private readonly workspaces: WorkspacesService,
    private readonly distributions: DistributionsService,
    private readonly assignments: AssignmentsService,
    private readonly handIns: HandInsService,
    private readonly staff: StaffNotices,
    private readonly workerId: string,
    private readonly leaseMs: number,
    private readonly webhooks: WebhookOutbox,
    private readonly groups: GroupsService,
  ) {}

  async runDue(now = new Date()): Promise<number> {
    const jobs = await this.claim(now);
    for (const job of jobs) {
      try {
        if (job.kind === 'RELEASE') await this.release(job);
        else if (job.kind === 'DIGEST') await this.digest(job);
        else await this.collect(job, now);
        logger.info({ jobId: job.id, jobKind: job.kind, assignmentId: job.assignmentId }, 'scheduled job done');
      } catch (error) {
        const message = safeErrorMessage(error, 'job', { jobId: job.id, jobKind: job.kind, assignmentId: job.assignmentId });
        await this.db.manager.update(ScheduledJob, { id: job.id, leaseOwner: this.workerId }, { status: 'PENDING', leaseOwner: null, error: message.slice(0, 2000) });
      }
    }
    return jobs.length;
  }

  private claim(now: Date): Promise<ScheduledJob[]> {
    // Jobs run one claim at a time on the worker's loop: any still leased to it are orphans.
    return claimLeased(this.db, JOB_QUEUE, { owner: this.workerId, leaseMs: this.leaseMs, limit: 10, now, idle: true });
  }

  /** The creator acts for a scheduled release; they must still be allowed to push then. */
  private async actorFor(userId: string): Promise<Actor> {
    const user = await this.db.manager.findOneByOrFail(User, { id: userId });
    return { user, token: Object.assign(new AuthToken(), { id: 'scheduled', userId, kind: 'SESSION', readOnly: false }), readOnly: false };
  }

  private async release(job: ScheduledJob): Promise<void> {
    const assignment = await this.db.manager.findOneByOrFail(Assignment, { id: job.assignmentId });
    if (assignment.items.length === 0 || assignment.groupWork) {
      // No handout: releasing makes the assignment visible to students and pushes nothing.
      // For groups: the material goes to the group workspaces made so far (groups made later receive it when made).
      const releasedAt = await this.db.transaction(async (m) => {
        if (!(await this.holds(m, job))) return null;
        const at = new Date();
        await m.update(Assignment, { id: assignment.id }, { releasedAt: at });
        await m.update(ScheduledJob, { id: job.id }, { status: 'DONE', doneAt: new Date(), leaseOwner: null });
        return at;
      });
      if (releasedAt && assignment.groupWork) {
        const released = { ...assignment, releasedAt };
        await this.groups.deliver(await this.actorFor(assignment.createdById), released, await groupWorkspaceIds(this.db.manager, assignment.id));
      }
      this.assignments.changedFor(assignment.id, null);
      if (releasedAt) this.assignments.announce({ ...assignment, releasedAt });
      return;
    }
    const actor = await this.actorFor(assignment.createdById);
    const plan = await this.assignments.frozenReleasePlan(actor, assignment);
    const releasedAt = await this.db.transaction(async (m) => {
      if (!(await this.holds(m, job))) return null;
      const distribution = await this.distributions.pushPlanned(m, plan);
      const at = new Date();
      await m.update(Assignment, { id: assignment.id }, { releasedAt: at, distributionId: distribution.id });
      await m.update(ScheduledJob, { id: job.id }, { status: 'DONE', doneAt: new Date(), leaseOwner: null });
      return at;
    });
    this.assignments.changedFor(assignment.id, null);
    if (releasedAt) this.assignments.announce({ ...assignment, releasedAt });
  }

  private async digest(job: ScheduledJob): Promise<void> {
    const assignment = await this.db.manager.findOneByOrFail(Assignment, { id: job.assignmentId });
    const notes = await this.db.transaction(async (m) => {
      if (!(await this.holds(m, job))) return [];
      const written = await this.staff.digest(m, assignment, job);
      await m.update(ScheduledJob, { id: job.id }, { status: 'DONE', doneAt: new Date(), leaseOwner: null });
      return written;
    });
    this.staff.announce(notes);
  }

  private async collect(job: ScheduledJob, now: Date): Promise<void> {
    const assignment = await this.db.manager.findOneByOrFail(Assignment, { id: job.assignmentId });
    const members = await this.db.manager.find(Membership, {
      where: { spaceId: assignment.spaceId, role: 'MEMBER', ...(job.studentId ? { userId: job.studentId } : {}) },
    });
    const extensions = await this.db.manager.find(Extension, { where: { assignmentId: assignment.id } });
    const handedIn = new Set((await this.db.manager.find(HandIn, { where: { assignmentId: assignment.id }, select: { studentId: true } })).map((h) => h.studentId));
    const deadlines = new Map(members.map((m) => [m.userId, effectiveDeadline(assignment, extensions.filter((e) => e.studentId === m.userId))]));
    // A student whose deadline in force is later is collected by their own job.
    const due = members.map((m) => m.userId).filter((id) => !handedIn.has(id) && deadlines.get(id)!.getTime() <= now.getTime());
    for (let i = 0; i < due.length; i += COLLECT_BATCH) {
      const batch = due.slice(i, i + COLLECT_BATCH);
      const session = this.workspaces.store.trees.session();
      const collected = await this.db.transaction(async (m) => {
        if (!(await this.holds(m, job))) return [];
        const done: string[] = [];
        for (const studentId of batch) {
          if (await m.findOne(HandIn, { where: { assignmentId: assignment.id, studentId } })) continue;
          const workspace = await m.findOne(Workspace, { where: { spaceId: assignment.spaceId, kind: 'PERSONAL', ownerId: studentId } });
          if (!workspace) continue;
          const deadline = deadlines.get(studentId)!;
          const own = await this.ownWorkAt(m, session, assignment, workspace, deadline);
          if (!own) continue;
          await this.handIns.record(m, session, assignment, studentId, workspace, own, {
            at: deadline,
            identifier: null,
            message: 'collected at the deadline',
            collected: true,
            actorId: null,
          });
          done.push(studentId);
        }
        return done;
      });
      session.committed();
      for (const studentId of collected) this.assignments.changedFor(assignment.id, studentId);
    }
    await this.db.transaction(async (m) => {
      if (!(await this.holds(m, job))) return;
      await m.update(ScheduledJob, { id: job.id }, { status: 'DONE', doneAt: new Date(), leaseOwner: null });
      const collected = await m.count(HandIn, { where: { assignmentId: assignment.id, collected: true } });
      await this.webhooks.emit(m, assignment.spaceId, 'assignment.deadline_passed', {
        assignmentId: assignment.id,
        title: assignment.title,
        deadline: (job.studentId ? deadlines.get(job.studentId) ?? assignment.deadline : assignment.deadline).toISOString(),
        studentId: job.studentId,
        collectedHandIns: collected,
      });
    });
  }

  /**
   * The student's hand-in paths as they were at their deadline, sealed; null
   * when there is nothing of theirs to collect: they changed nothing of their
   * workspace between the release and the deadline, or what they changed
   * left the hand-in paths as the release delivered them.
   */
  private async ownWorkAt(m: EntityManager, session: TreeSession, assignment: Assignment, workspace: Workspace, deadline: Date) {
    if (!assignment.releasedAt) return null;
    const edited = await m
      .createQueryBuilder(Commit, 'c')
      .where('c.workspaceId = :w AND c.authorId = :owner AND c.createdAt > :since AND c.createdAt <= :deadline', {
        w: workspace.id,
        owner: workspace.ownerId,
        since: assignment.releasedAt,
        deadline,
      })
      .getCount();
    if (edited === 0) return null;
    const atDeadline = await m
      .createQueryBuilder(Commit, 'c')
      .where('c.workspaceId = :w AND c.createdAt <= :deadline', { w: workspace.id, deadline })
      .orderBy('c.version', 'DESC')
      .getOne();
    const sealed = await this.handIns.seal(session, assignment, atDeadline?.rootTreeId ?? workspace.rootTreeId);
    const delivered = assignment.distributionId
      ? await m.findOne(Commit, { where: { workspaceId: workspace.id, distributionId: assignment.distributionId }, order: { version: 'DESC' } })
      : null;
    if (delivered && (await this.handIns.seal(session, assignment, delivered.rootTreeId)).root === sealed.root) return null;
    return sealed;
  }

  /** Re-checks (and on MySQL locks) the job's lease inside a transaction. */
  private async holds(m: EntityManager, job: ScheduledJob): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(ScheduledJob)
      .set({ leaseExpiresAt: new Date(Date.now() + this.leaseMs) })
      .where('id = :id AND status = :running AND leaseOwner = :me', { id: job.id, running: 'RUNNING', me: this.workerId })
      .execute();
    return result.affected === 1;
  }
}
