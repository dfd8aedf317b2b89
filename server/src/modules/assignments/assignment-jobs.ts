import { EntityManager, In } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { Database } from '../../db/database';
import type { DistributionsService } from '../distributions/distributions.service';
import { Membership } from '../spaces/membership.entity';
import { AuthToken } from '../users/auth-token.entity';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { Workspace } from '../workspaces/workspace.entity';
import { Assignment } from './assignment.entity';
import type { AssignmentsService } from './assignments.service';
import { effectiveDeadline } from './deadlines';
import { Extension } from './extension.entity';
import { HandIn } from './hand-in.entity';
import type { HandInsService } from './hand-ins.service';
import { ScheduledJob } from './scheduled-job.entity';

const COLLECT_BATCH = 50;

/**
 * Runs due assignment jobs. A job is claimed under a lease and marked DONE in
 * the transaction that does its work, so it runs exactly once, also when the
 * server was down when it fell due. Collecting is done in batches, each
 * skipping students who have handed in (or were collected) meanwhile.
 */
export class AssignmentJobs {
  constructor(
    private readonly db: Database,
    private readonly workspaces: WorkspacesService,
    private readonly distributions: DistributionsService,
    private readonly assignments: AssignmentsService,
    private readonly handIns: HandInsService,
    private readonly workerId: string,
    private readonly leaseMs: number,
  ) {}

  async runDue(now = new Date()): Promise<number> {
    const jobs = await this.claim(now);
    for (const job of jobs) {
      try {
        if (job.kind === 'RELEASE') await this.release(job);
        else await this.collect(job, now);
      } catch (error) {
        console.error(`assignment job ${job.kind} ${job.id} failed`, error);
        await this.db.manager.update(ScheduledJob, { id: job.id, leaseOwner: this.workerId }, { status: 'PENDING', leaseOwner: null, error: String(error).slice(0, 2000) });
      }
    }
    return jobs.length;
  }

  private async claim(now: Date): Promise<ScheduledJob[]> {
    const stamp = this.db.dialect === 'mysql' ? now : DateUtils.mixedDateToUtcDatetimeString(now);
    return this.db.transaction(async (m) => {
      const lock = this.db.dialect === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : '';
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM scheduled_job WHERE (status = 'PENDING' AND runAt <= ?) OR (status = 'RUNNING' AND leaseExpiresAt < ?) ORDER BY runAt LIMIT 10${lock}`,
        [stamp, stamp],
      );
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await m
        .createQueryBuilder()
        .update(ScheduledJob)
        .set({ status: 'RUNNING', leaseOwner: this.workerId, leaseExpiresAt: new Date(now.getTime() + this.leaseMs), attempts: () => 'attempts + 1' })
        .whereInIds(ids)
        .execute();
      return m.find(ScheduledJob, { where: { id: In(ids) } });
    });
  }

  /** The creator acts for a scheduled release; they must still be allowed to push then. */
  private async actorFor(userId: string): Promise<Actor> {
    const user = await this.db.manager.findOneByOrFail(User, { id: userId });
    return { user, token: Object.assign(new AuthToken(), { id: 'scheduled', userId, kind: 'SESSION', readOnly: false }), readOnly: false };
  }

  private async release(job: ScheduledJob): Promise<void> {
    const assignment = await this.db.manager.findOneByOrFail(Assignment, { id: job.assignmentId });
    const actor = await this.actorFor(assignment.createdById);
    const plan = await this.assignments.frozenReleasePlan(actor, assignment);
    await this.db.transaction(async (m) => {
      if (!(await this.holds(m, job))) return;
      const distribution = await this.distributions.pushPlanned(m, plan);
      await m.update(Assignment, { id: assignment.id }, { releasedAt: new Date(), distributionId: distribution.id });
      await m.update(ScheduledJob, { id: job.id }, { status: 'DONE', doneAt: new Date(), leaseOwner: null });
    });
    this.assignments.changedFor(assignment.id, null);
  }

  private async collect(job: ScheduledJob, now: Date): Promise<void> {
    const assignment = await this.db.manager.findOneByOrFail(Assignment, { id: job.assignmentId });
    const members = await this.db.manager.find(Membership, {
      where: { spaceId: assignment.spaceId, role: 'MEMBER', ...(job.studentId ? { userId: job.studentId } : {}) },
    });
    const extensions = await this.db.manager.find(Extension, { where: { assignmentId: assignment.id } });
    const handedIn = new Set((await this.db.manager.find(HandIn, { where: { assignmentId: assignment.id }, select: { studentId: true } })).map((h) => h.studentId));
    // A student whose deadline in force is later is collected by their own job.
    const due = members
      .map((m) => m.userId)
      .filter((id) => !handedIn.has(id) && effectiveDeadline(assignment, extensions.filter((e) => e.studentId === id)).getTime() <= now.getTime());
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
          const sealed = await this.handIns.seal(session, assignment, workspace.rootTreeId);
          await this.handIns.record(m, session, assignment, studentId, workspace, sealed, {
            at: now,
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
      if (await this.holds(m, job)) await m.update(ScheduledJob, { id: job.id }, { status: 'DONE', doneAt: new Date(), leaseOwner: null });
    });
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
