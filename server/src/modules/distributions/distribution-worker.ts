import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { backoffMs, isTransientDbError, pause, retryTransient, TRANSIENT_RETRIES, type Database } from '../../db/database';
import { claimLeased, type LeaseQueue } from '../../db/lease-queue';
import { notFound } from '../../core/errors';
import { safeErrorMessage } from '../../core/safe-error';
import { logger } from '../../core/logger';
import { distributionTargets } from '../../core/metrics';
import type { EventBus } from '../../core/pubsub';
import type { AuditService } from '../audit/audit.service';
import type { Notification } from '../notifications/notification.entity';
import type { NotificationsService } from '../notifications/notifications.service';
import { User } from '../users/user.entity';
import { dashboardLink } from '../notifications/dashboard-links';
import type { SnapshotsService } from '../workspaces/snapshots.service';
import type { TreeSession } from '../workspaces/db-tree-store';
import { StaleHead, type WorkspaceStore } from '../workspaces/workspace-store';
import { Workspace } from '../workspaces/workspace.entity';
import type { Commit } from '../workspaces/commit.entity';
import { Delivery } from './delivery.entity';
import type { DeliveryStore } from './delivery-store';
import { DistributionTarget, type TargetStatus } from './distribution-target.entity';
import { Distribution, type DistributionStatus } from './distribution.entity';
import { OUTCOMES, type ApplyResult, type Outcome, type PathOutcome } from './engine/policy';
import { toIncoming, trimOutcomes, type Merger } from './merger';
import { reversalChange } from './reversal';

export interface WorkerOptions {
  batchSize: number;
  leaseMs: number;
  idleMs: number;
}

/** The target's lease passed to another worker while this one worked: its result is dropped. */
class LeaseLost extends Error {}

interface Change {
  root: string;
  status: TargetStatus;
  counts: Record<Outcome, number> | null;
  outcomes: PathOutcome[] | null;
  kept: string[] | null;
  /** A push result whose trees may be shared with later targets once committed. */
  memo?: { key: string; result: ApplyResult };
}

const TARGET_QUEUE: LeaseQueue<DistributionTarget> = {
  entity: DistributionTarget,
  table: 'distribution_target',
  due: "status = 'PENDING'",
  orderBy: 'distributionId, id',
};

const zeroCounts = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

/**
 * Executes distributions. Workers claim targets in batches under a lease
 * (`FOR UPDATE SKIP LOCKED` on MySQL/MariaDB; SQLite runs the same path
 * serialised). Each target is one transaction: optional snapshot, head
 * compare-and-swap with its commit, delivery records, the target's outcome,
 * an audit event and the recipient's notification. A crash leaves a target
 * wholly before or after; an expired lease is claimed again; a finished
 * target is never applied twice, because "finished" commits with the head.
 */
export class DistributionWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  /** Set by stop(): a batch in progress ends after its current target. */
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private readonly memo = new Map<string, Map<string, ApplyResult>>();
  /** The sender's name per running distribution, read once rather than per target. */
  private readonly senders = new Map<string, string>();
  /** Other due work run on the same loop (scheduled assignment jobs); each returns how much it did. */
  private readonly duties: (() => Promise<number>)[] = [];
  /** Batches being executed now (drain() may run beside the loop). */
  private inHand = 0;
  readonly options: WorkerOptions;

  constructor(
    private readonly db: Database,
    private readonly store: WorkspaceStore,
    private readonly deliveries: DeliveryStore,
    private readonly merger: Merger,
    private readonly snapshots: SnapshotsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly events: EventBus,
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { batchSize: 25, leaseMs: 60_000, idleMs: 250, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.wake();
    await this.loop;
  }

  /** Returns claimed targets not started yet to the queue, for any worker to take. */
  private async release(targets: DistributionTarget[]): Promise<void> {
    if (targets.length === 0) return;
    await this.db.transaction((m) =>
      m
        .createQueryBuilder()
        .update(DistributionTarget)
        .set({ status: 'PENDING', leaseOwner: null, leaseExpiresAt: null })
        .where('id IN (:...ids) AND status = :running AND leaseOwner = :me', { ids: targets.map((t) => t.id), running: 'RUNNING', me: this.id })
        .execute(),
    );
  }

  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let processed = 0;
      try {
        processed = await this.runOnce();
      } catch (error) {
        logger.error({ err: error, worker: this.id }, 'distribution worker: batch failed');
      }
      if (processed === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idleMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
      }
    }
  }

  addDuty(duty: () => Promise<number>): void {
    this.duties.push(duty);
  }

  /** Claims one batch and executes it, then any other due work; returns how much it handled. */
  async runOnce(): Promise<number> {
    let handled = 0;
    for (const duty of this.duties) handled += await duty();
    return handled + (await this.runTargets());
  }

  private async runTargets(): Promise<number> {
    const claimed = await this.claim();
    if (claimed.length === 0) return this.settleStranded();
    this.inHand++;
    try {
      await this.executeBatch(claimed);
    } finally {
      this.inHand--;
    }
    return claimed.length;
  }

  private async executeBatch(claimed: DistributionTarget[]): Promise<void> {
    const distributions = new Map<string, Distribution>();
    for (const [index, target] of claimed.entries()) {
      if (this.stopping) {
        // Shutting down: the current target was finished; hand the rest back at once rather than after the lease.
        await this.release(claimed.slice(index));
        break;
      }
      let distribution = distributions.get(target.distributionId);
      if (!distribution) {
        distribution = await this.db.manager.findOneByOrFail(Distribution, { id: target.distributionId });
        distributions.set(distribution.id, distribution);
      }
      await this.execute(distribution, target);
      // SQLite answers synchronously: without a turn of the event loop here, requests
      // and progress events would wait for the whole batch.
      await nextTurn();
    }
    for (const distribution of distributions.values()) await this.settle(distribution.id);
  }

  /** Settles a distribution's status, waiting out a busy or lost database like a target does. */
  private settle(distributionId: string): Promise<void> {
    return retryTransient(
      () => this.finish(distributionId),
      (error, wait) =>
        logger.warn({ distributionId, err: describeError(error) }, `settling the distribution met a transient database error; trying again in ${Math.round(wait)} ms`),
    );
  }

  /**
   * Distributions still QUEUED or RUNNING with no target left to run: their
   * settling failed after the last target (the database was away longer than
   * the retries). An idle worker settles them, so none stays 'running' forever.
   */
  private async settleStranded(): Promise<number> {
    const stranded: { id: string }[] = await this.db.manager
      .createQueryBuilder(Distribution, 'd')
      .select('d.id', 'id')
      .where('d.status IN (:...open)', { open: ['QUEUED', 'RUNNING'] })
      .andWhere(
        (qb) =>
          'NOT EXISTS ' +
          qb
            .subQuery()
            .select('1')
            .from(DistributionTarget, 't')
            .where('t.distributionId = d.id')
            .andWhere('t.status IN (:...busy)', { busy: ['PENDING', 'RUNNING'] })
            .getQuery(),
      )
      .limit(20)
      .getRawMany();
    for (const { id } of stranded) await this.settle(id);
    return stranded.length;
  }

  /** Runs until nothing is left to claim (benchmarks and tests). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  private claim(): Promise<DistributionTarget[]> {
    const now = new Date();
    return claimLeased(this.db, TARGET_QUEUE, {
      owner: this.id,
      leaseMs: this.options.leaseMs,
      limit: this.options.batchSize,
      now,
      idle: this.inHand === 0,
      withClaimed: async (m, targets) => {
        await m
          .createQueryBuilder()
          .update(Distribution)
          .set({ status: 'RUNNING', startedAt: now })
          .where('id IN (:...ids) AND status = :queued', { ids: [...new Set(targets.map((t) => t.distributionId))], queued: 'QUEUED' })
          .execute();
      },
    });
  }

  private async execute(distribution: Distribution, target: DistributionTarget): Promise<void> {
    let outages = 0;
    for (let attempt = 1; attempt <= 20; attempt++) {
      try {
        const workspace = await this.db.manager.findOneBy(Workspace, { id: target.workspaceId });
        if (!workspace) throw notFound('the target workspace no longer exists');
        const session = this.store.trees.session();
        const change = await this.compute(distribution, target, workspace, session);
        const { notes, commit } = await this.db.transaction((m) => this.commit(m, distribution, target, workspace, session, change));
        session.committed();
        if (commit) this.store.announce(commit);
        if (change.memo) this.remember(distribution.id, change.memo.key, change.memo.result);
        this.events.publish('DISTRIBUTION_PROGRESS', distribution.id, { distributionId: distribution.id, targetId: target.id });
        distributionTargets.inc({ status: change.status });
        logger.debug({ distributionId: distribution.id, targetId: target.id, workspaceId: target.workspaceId, status: change.status }, 'target applied');
        this.notifications.announce(notes);
        if (notes.length && distribution.options.emailRecipients) await this.notifications.email(notes);
        return;
      } catch (error) {
        if (error instanceof StaleHead) continue;
        if (error instanceof LeaseLost) return;
        // A lost connection, deadlock or busy database says nothing about the target: try again after a pause.
        // If the commit did land before the connection dropped, the lease check turns the next attempt into LeaseLost.
        if (isTransientDbError(error) && outages < TRANSIENT_RETRIES) {
          const wait = backoffMs(outages++);
          logger.warn({ distributionId: distribution.id, targetId: target.id, err: describeError(error) }, `the target met a transient database error; trying again in ${Math.round(wait)} ms`);
          await pause(wait);
          attempt--;
          continue;
        }
        await this.fail(target, safeErrorMessage(error, 'target', { distributionId: distribution.id, targetId: target.id, workspaceId: target.workspaceId }));
        return;
      }
    }
    await this.fail(target, 'the workspace kept changing; retry the target');
  }

  private remember(distributionId: string, key: string, result: ApplyResult): void {
    let byKey = this.memo.get(distributionId);
    if (!byKey) this.memo.set(distributionId, (byKey = new Map()));
    byKey.set(key, result);
  }

  private async compute(distribution: Distribution, target: DistributionTarget, workspace: Workspace, session: TreeSession): Promise<Change> {
    const root = workspace.rootTreeId;
    if (distribution.kind === 'PUSH') {
      const rows = this.merger.usesDeliveries(distribution.policies)
        ? (await this.deliveries.loadFor([workspace], distribution.sourceWorkspaceId)).get(workspace.id)!
        : [];
      const key = this.merger.memoKey(root, distribution.policies, rows);
      const result =
        this.memo.get(distribution.id)?.get(key) ?? (await this.merger.merge(session, root, toIncoming(distribution.items), distribution.policies, rows));
      return {
        root: result.failed ? root : result.root,
        status: result.failed ? 'CONFLICT' : 'SUCCEEDED',
        counts: result.counts,
        outcomes: trimOutcomes(result.outcomes),
        kept: null,
        memo: result.failed ? undefined : { key, result },
      };
    }
    const origin =
      distribution.kind === 'UNDO'
        ? await this.db.manager.findOneBy(DistributionTarget, { distributionId: distribution.originId!, workspaceId: workspace.id })
        : null;
    const reversed = await reversalChange(session, distribution.kind, root, origin, distribution.items);
    return {
      root: reversed.root,
      status: 'SUCCEEDED',
      counts: { ...zeroCounts(), REMOVED: reversed.removed.length },
      outcomes: reversed.removed.map((path) => ({ path, outcome: 'REMOVED', files: 1 })),
      kept: reversed.kept,
    };
  }

  private async commit(
    m: EntityManager,
    distribution: Distribution,
    target: DistributionTarget,
    workspace: Workspace,
    session: TreeSession,
    change: Change,
  ): Promise<{ notes: Notification[]; commit: Commit | null }> {
    const now = new Date();
    // Holding the lease is re-checked (and the row locked) inside the transaction.
    const held = await m
      .createQueryBuilder()
      .update(DistributionTarget)
      .set({ leaseExpiresAt: new Date(now.getTime() + this.options.leaseMs) })
      .where('id = :id AND status = :running AND leaseOwner = :me', { id: target.id, running: 'RUNNING', me: this.id })
      .execute();
    if (held.affected !== 1) throw new LeaseLost();
    const current = await m.findOneByOrFail(Distribution, { id: distribution.id });
    if (current.status === 'CANCELLED') {
      await m.update(DistributionTarget, { id: target.id }, { status: 'CANCELLED', finishedAt: now, leaseOwner: null });
      return { notes: [], commit: null };
    }
    let commit: Commit | null = null;
    let snapshotId: string | null = null;
    const changed = change.root !== workspace.rootTreeId;
    if (changed) {
      const sender = await this.senderName(m, distribution);
      if (distribution.options.snapshotFirst) {
        snapshotId = (await this.snapshots.take(m, workspace, snapshotLabel(distribution, sender, workspace.id), '', distribution.createdById, true)).id;
      }
      const swapped = await this.store.swap(m, session, workspace, change.root, {
        authorId: distribution.createdById,
        message: commitMessage(distribution, sender, workspace.id),
        distributionId: distribution.id,
      });
      commit = swapped.commit;
    }
    if (change.status === 'SUCCEEDED') await this.recordDeliveries(m, distribution, workspace);
    await m.update(
      DistributionTarget,
      { id: target.id },
      {
        status: change.status,
        leaseOwner: null,
        leaseExpiresAt: null,
        beforeRootId: workspace.rootTreeId,
        afterRootId: change.root,
        commitId: commit?.id ?? null,
        snapshotId,
        counts: change.counts,
        outcomes: change.outcomes,
        kept: change.kept,
        error: null,
        finishedAt: now,
      } as never,
    );
    await this.audit.append(m, {
      spaceId: workspace.spaceId,
      actorId: distribution.createdById,
      action: `distribution.target.${change.status === 'CONFLICT' ? 'conflict' : 'applied'}`,
      subjectType: 'workspace',
      subjectId: workspace.id,
      studentId: workspace.ownerId,
      before: { rootTreeId: workspace.rootTreeId },
      after: { rootTreeId: change.root, distributionId: distribution.id, kind: distribution.kind, counts: change.counts, commitId: commit?.id ?? null },
    });
    if (!changed || !workspace.ownerId || workspace.ownerId === distribution.createdById) return { notes: [], commit };
    const sender = await this.senderName(m, distribution);
    const notes = await this.notifications.add(m, [
      {
        userId: workspace.ownerId,
        spaceId: workspace.spaceId,
        kind: distribution.kind === 'PUSH' ? 'DISTRIBUTION_RECEIVED' : 'DISTRIBUTION_TAKEN_BACK',
        title:
          distribution.kind === 'PUSH'
            ? `${sender} sent you ${summary(distribution)}`
            : `${sender} took back ${summary(distribution)}`,
        body: recipientNote(distribution, change),
        distributionId: distribution.id,
        link: dashboardLink.workspace(workspace.id),
        actorId: distribution.createdById,
      },
    ]);
    return { notes, commit };
  }

  private async senderName(m: EntityManager, distribution: Distribution): Promise<string> {
    let name = this.senders.get(distribution.id);
    if (name === undefined) {
      name = (await m.findOneBy(User, { id: distribution.createdById }))?.name ?? 'Someone';
      this.senders.set(distribution.id, name);
    }
    return name;
  }

  private async recordDeliveries(m: EntityManager, distribution: Distribution, workspace: Workspace): Promise<void> {
    if (distribution.kind === 'PUSH') {
      await this.deliveries.record(m, workspace.id, distribution.sourceWorkspaceId, distribution.items, distribution.id);
    } else if (distribution.kind === 'UNDO') {
      await m.delete(Delivery, { targetWorkspaceId: workspace.id, distributionId: distribution.originId! });
    } else {
      await this.deliveries.forget(m, workspace.id, distribution.sourceWorkspaceId, distribution.items.map((i) => i.path));
    }
  }

  private async fail(target: DistributionTarget, message: string): Promise<void> {
    await retryTransient(() => this.db.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .update(DistributionTarget)
        .set({ status: 'FAILED', error: message.slice(0, 2000), leaseOwner: null, leaseExpiresAt: null, finishedAt: new Date() })
        .where('id = :id AND leaseOwner = :me', { id: target.id, me: this.id })
        .execute();
    }));
    this.events.publish('DISTRIBUTION_PROGRESS', target.distributionId, { distributionId: target.distributionId, targetId: target.id });
    distributionTargets.inc({ status: 'FAILED' });
  }

  /** Settles a distribution's status once none of its targets is pending or running. */
  private async finish(distributionId: string): Promise<void> {
    const rows: { status: TargetStatus; n: string | number }[] = await this.db.manager
      .createQueryBuilder(DistributionTarget, 't')
      .select('t.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('t.distributionId = :distributionId', { distributionId })
      .groupBy('t.status')
      .getRawMany();
    const n = (s: TargetStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    if (n('PENDING') + n('RUNNING') > 0) return;
    const succeeded = n('SUCCEEDED');
    const bad = n('FAILED') + n('CONFLICT');
    const status: DistributionStatus = n('CANCELLED') > 0 ? 'CANCELLED' : bad === 0 ? 'SUCCEEDED' : succeeded === 0 ? 'FAILED' : 'PARTIAL';
    const result = await this.db.manager
      .createQueryBuilder()
      .update(Distribution)
      .set({ status, finishedAt: new Date() })
      .where('id = :id AND status IN (:...open)', { id: distributionId, open: ['QUEUED', 'RUNNING'] })
      .execute();
    this.memo.delete(distributionId);
    this.senders.delete(distributionId);
    if (!result.affected) return;
    logger.info({ distributionId, status, targets: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) }, 'distribution finished');
    this.events.publish('DISTRIBUTION_PROGRESS', distributionId, { distributionId, targetId: null });
  }

}

function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ').slice(0, 200);
}

/** The history line of a change a push made, in the same words as its snapshot ("received week2 from Ada Instructor"). */
function commitMessage(d: Distribution, sender: string, targetId: string): string {
  const what = readablePath(summary(d));
  if (d.kind === 'PUSH') return d.sourceWorkspaceId === targetId ? `restored ${what} from a snapshot` : `received ${what} from ${sender}`;
  return d.kind === 'UNDO' ? `${sender} undid the push of ${what}` : `${sender} took back ${what}`;
}

/**
 * Names the automatic snapshot after what happened, in the words a recipient
 * uses: "before week2 from Ada Instructor", "before Ada Instructor undid week2",
 * and "before restoring week2/notes.md" for a push from a workspace into itself.
 */
function snapshotLabel(d: Distribution, sender: string, targetId: string): string {
  const what = readablePath(summary(d));
  const restore = d.kind === 'PUSH' && d.sourceWorkspaceId === targetId;
  const label = restore ? `before restoring ${what}` : d.kind === 'PUSH' ? `before ${what} from ${sender}` : d.kind === 'UNDO' ? `before ${sender} undid ${what}` : `before ${sender} took back ${what}`;
  return label.length > 200 ? `${label.slice(0, 199)}…` : label;
}

/** A path as people name it: a file or folder of `files/` without the area. */
function readablePath(path: string): string {
  return path.startsWith('files/') ? path.slice('files/'.length) : path;
}

function summary(d: Distribution): string {
  // Name a file or folder first: that is what recipients recognise.
  const first = (d.items.find((i) => i.path.startsWith('files/')) ?? d.items[0])?.path ?? 'nothing';
  return d.items.length > 1 ? `${first} and ${d.items.length - 1} more` : first;
}

/** The sender's message, then what happened to the recipient's own versions. */
function recipientNote(d: Distribution, change: Change): string {
  const lines: string[] = d.options.message ? [d.options.message] : [];
  if (d.kind === 'PUSH') {
    const copies = (change.outcomes ?? []).filter((o) => o.outcome === 'COPIED' && o.copiedTo);
    for (const o of copies.slice(0, 10)) lines.push(`Your version of ${o.path} was kept; the new one is ${o.copiedTo}.`);
    if (copies.length > 10) lines.push(`${copies.length - 10} more of your files were kept beside the new versions.`);
  } else {
    const n = change.counts?.REMOVED ?? 0;
    const paths = `${n} ${n === 1 ? 'path' : 'paths'}`;
    lines.push(
      d.kind === 'UNDO'
        ? `Your workspace was put back as it was before that delivery: ${paths} changed back.`
        : `What was sent to you was taken back: ${paths} removed from your workspace.`,
    );
    const kept = change.kept ?? [];
    if (kept.length) lines.push(`You had changed ${kept.slice(0, 10).join(', ')}${kept.length > 10 ? ` and ${kept.length - 10} more` : ''}: kept as they are.`);
  }
  return lines.join('\n').slice(0, 5000);
}
