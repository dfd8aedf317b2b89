import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { GroupCommit } from '../../db/group-commit';
import { TransactionMemo } from '../../db/transaction-memo';
import type { AuditInput, AuditService } from '../audit/audit.service';
import type { Notification } from '../notifications/notification.entity';
import { dashboardLink } from '../notifications/dashboard-links';
import type { WebhookOutbox } from '../webhooks/webhook-outbox';
import type { NotificationsService } from '../notifications/notifications.service';
import { User } from '../users/user.entity';
import type { SnapshotsService } from '../workspaces/snapshots.service';
import type { TreeSession } from '../workspaces/db-tree-store';
import type { WorkspaceStore } from '../workspaces/workspace-store';
import type { Workspace } from '../workspaces/workspace.entity';
import type { Commit } from '../workspaces/commit.entity';
import { DistributionTarget } from './distribution-target.entity';
import { Distribution } from './distribution.entity';
import { holdLease } from './distribution-targets.repository';
import { commitMessage, recipientNote, snapshotLabel, summary } from './distribution-messages';
import type { TargetChange, TargetExecutor } from './target-executors';

/** The target's lease passed to another worker while this one worked: its result is dropped. */
export class LeaseLost extends Error {}

/** What writing a target left for after its transaction. */
export interface TargetWritten {
  notes: Notification[];
  commit: Commit | null;
}

/** What writing a target takes: the worker's lease, the target, its workspace as read, and the change computed in `session`. */
type TargetWriteArgs = [
  lease: { owner: string; leaseMs: number },
  distribution: Distribution,
  target: DistributionTarget,
  workspace: Workspace,
  session: TreeSession,
  executor: TargetExecutor,
  change: TargetChange,
];

/** Targets whose writes share one transaction at most (see {@link GroupCommit}). */
const TARGETS_PER_TRANSACTION = 25;
/** Transactions of target writes at once per process on MySQL/MariaDB. */
const TRANSACTIONS_AT_ONCE = 2;

/**
 * Writes one target's change: the lease re-checked, optional snapshot, head
 * compare-and-swap with its commit, delivery records, the target's outcome,
 * an audit event and the recipient's notification. Targets ready at the
 * same time share a transaction ({@link GroupCommit}): one that fails (its
 * head moved, its lease passed) is left out and the rest commit together,
 * their notifications and audit events written at the end in one go. So the
 * space's audit chain is locked once per transaction, not once per target,
 * and one COMMIT serves many targets.
 */
export class TargetCommit {
  /** The sender's name per running distribution, read once rather than per target. */
  private readonly senders = new Map<string, string>();
  private readonly group: GroupCommit<TargetWritten & { audit: AuditInput | null }>;
  private readonly statuses = new TransactionMemo<Distribution['status']>();

  constructor(
    db: Database,
    private readonly store: WorkspaceStore,
    private readonly snapshots: SnapshotsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhookOutbox,
  ) {
    this.group = new GroupCommit(db, {
      maxGroup: TARGETS_PER_TRANSACTION,
      // MySQL/MariaDB overlap transactions' round trips (they meet only at the audit chain, at the end); SQLite runs them one at a time anyway.
      lanes: db.dialect === 'mysql' ? TRANSACTIONS_AT_ONCE : 1,
      // Last: the spaces' audit chains are locked from here to the commit, once for the whole group.
      beforeCommit: async (m, written) => {
        await this.notifications.insert(m, written.flatMap((w) => w.notes));
        await this.audit.appendMany(m, written.flatMap((w) => (w.audit ? [w.audit] : [])));
      },
    });
  }

  /** Writes the target once it may (see the class); resolves when its change committed. */
  async write(...args: TargetWriteArgs): Promise<TargetWritten> {
    const { notes, commit } = await this.group.run((m) => this.writeIn(m, ...args));
    return { notes, commit };
  }

  private async writeIn(m: EntityManager, ...[lease, distribution, target, workspace, session, executor, change]: TargetWriteArgs): Promise<TargetWritten & { audit: AuditInput | null }> {
    const now = new Date();
    // Holding the lease is re-checked (and the row locked) inside the transaction.
    if (!(await holdLease(m, target.id, lease.owner, new Date(now.getTime() + lease.leaseMs)))) throw new LeaseLost();
    if ((await this.statusIn(m, distribution.id)) === 'CANCELLED') {
      await m.update(DistributionTarget, { id: target.id }, { status: 'CANCELLED', finishedAt: now, leaseOwner: null });
      return { notes: [], commit: null, audit: null };
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
    if (change.status === 'SUCCEEDED') await executor.record(m, distribution, workspace);
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
    if (change.status === 'CONFLICT') {
      await this.webhooks.emit(m, workspace.spaceId, 'distribution.target_failed', {
        distributionId: distribution.id,
        targetId: target.id,
        workspaceId: workspace.id,
        ownerId: workspace.ownerId,
        status: 'CONFLICT',
        error: 'the target has different content where the conflict policy is FAIL; it was left untouched',
      });
    }
    const notes = await this.notifyRecipient(m, distribution, workspace, change, changed);
    const audit: AuditInput = {
      spaceId: workspace.spaceId,
      actorId: distribution.createdById,
      action: `distribution.target.${change.status === 'CONFLICT' ? 'conflict' : 'applied'}`,
      subjectType: 'workspace',
      subjectId: workspace.id,
      studentId: workspace.ownerId,
      before: { rootTreeId: workspace.rootTreeId },
      after: { rootTreeId: change.root, distributionId: distribution.id, kind: distribution.kind, counts: change.counts, commitId: commit?.id ?? null },
    };
    return { notes, commit, audit };
  }

  /** The distribution's status, read once per transaction however many of its targets the transaction writes. */
  private statusIn(m: EntityManager, distributionId: string): Promise<Distribution['status']> {
    return this.statuses.get(m, distributionId, async () => (await m.findOneByOrFail(Distribution, { id: distributionId })).status);
  }

  /** The recipient's notification, written with the rest of the transaction's (see the constructor). */
  private async notifyRecipient(m: EntityManager, distribution: Distribution, workspace: Workspace, change: TargetChange, changed: boolean): Promise<Notification[]> {
    if (!changed || !workspace.ownerId || workspace.ownerId === distribution.createdById) return [];
    const sender = await this.senderName(m, distribution);
    return this.notifications.prepare([
      {
        userId: workspace.ownerId,
        spaceId: workspace.spaceId,
        kind: distribution.kind === 'PUSH' ? 'DISTRIBUTION_RECEIVED' : 'DISTRIBUTION_TAKEN_BACK',
        title: distribution.kind === 'PUSH' ? `${sender} sent you ${summary(distribution)}` : `${sender} took back ${summary(distribution)}`,
        body: recipientNote(distribution, change),
        distributionId: distribution.id,
        link: dashboardLink.workspace(workspace.id),
        actorId: distribution.createdById,
      },
    ]);
  }

  /** The distribution settled: its sender's name is not needed any more. */
  finished(distributionId: string): void {
    this.senders.delete(distributionId);
  }

  private async senderName(m: EntityManager, distribution: Distribution): Promise<string> {
    let name = this.senders.get(distribution.id);
    if (name === undefined) {
      name = (await m.findOneBy(User, { id: distribution.createdById }))?.name ?? 'Someone';
      this.senders.set(distribution.id, name);
    }
    return name;
  }
}
