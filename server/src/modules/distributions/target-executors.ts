import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import type { TreeSession } from '../workspaces/db-tree-store';
import type { Workspace } from '../workspaces/workspace.entity';
import { Delivery } from './delivery.entity';
import type { DeliveryStore } from './delivery-store';
import { DistributionTarget, type TargetStatus } from './distribution-target.entity';
import type { Distribution, DistributionKind } from './distribution.entity';
import { OUTCOMES, type ApplyResult, type Outcome, type PathOutcome } from './engine/policy';
import { toIncoming, trimOutcomes, type Merger } from './merger';
import { reversalChange } from './reversal';

/** What a distribution does to one target's workspace. */
export interface TargetChange {
  root: string;
  status: TargetStatus;
  counts: Record<Outcome, number> | null;
  outcomes: PathOutcome[] | null;
  kept: string[] | null;
}

/** Carries out one kind of distribution (PUSH, UNDO, RETRACT) on a target. */
export interface TargetExecutor {
  /** Before the targets of one batch are computed: what they all need, read in one go (optional). */
  prepare?(distribution: Distribution, workspaces: readonly Workspace[]): Promise<void>;
  /** The workspace's new tree, built in `session` outside the transaction. */
  compute(distribution: Distribution, workspace: Workspace, session: TreeSession): Promise<TargetChange>;
  /** In the target's transaction, once it succeeded: what the workspace now holds of the source. */
  record(m: EntityManager, distribution: Distribution, workspace: Workspace): Promise<void>;
  /** The change was committed. */
  committed(distributionId: string, change: TargetChange): void;
  /** The distribution settled: nothing kept for it is needed any more. */
  finished(distributionId: string): void;
}

const zeroCounts = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

interface PushChange extends TargetChange {
  /** A push result whose trees may be shared with later targets once committed. */
  memo?: { key: string; result: ApplyResult };
}

/** Merges the pushed items into the target; targets with the same tree and deliveries share one merge. */
class PushExecutor implements TargetExecutor {
  private readonly memo = new Map<string, Map<string, ApplyResult>>();
  /** Per distribution and target workspace, delivery rows read for the batch; each is taken by the target's first computation. */
  private readonly prepared = new Map<string, Map<string, Delivery[]>>();

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly merger: Merger,
  ) {}

  async prepare(distribution: Distribution, workspaces: readonly Workspace[]): Promise<void> {
    if (!this.merger.usesDeliveries(distribution.policies) || workspaces.length === 0) return;
    const rows = await this.deliveries.loadFor(workspaces, distribution.sourceWorkspaceId);
    const kept = this.prepared.get(distribution.id) ?? new Map<string, Delivery[]>();
    for (const [workspaceId, delivered] of rows) kept.set(workspaceId, delivered);
    this.prepared.set(distribution.id, kept);
  }

  /** The target's delivery rows: those read for its batch the first time, read afresh when computed again (its head moved). */
  private async deliveredTo(distribution: Distribution, workspace: Workspace): Promise<Delivery[]> {
    const kept = this.prepared.get(distribution.id);
    const rows = kept?.get(workspace.id);
    if (rows) {
      kept!.delete(workspace.id);
      return rows;
    }
    return (await this.deliveries.loadFor([workspace], distribution.sourceWorkspaceId)).get(workspace.id)!;
  }

  async compute(distribution: Distribution, workspace: Workspace, session: TreeSession): Promise<PushChange> {
    const root = workspace.rootTreeId;
    const rows = this.merger.usesDeliveries(distribution.policies) ? await this.deliveredTo(distribution, workspace) : [];
    const key = this.merger.memoKey(root, distribution.policies, rows);
    const result = this.memo.get(distribution.id)?.get(key) ?? (await this.merger.merge(session, root, toIncoming(distribution.items), distribution.policies, rows));
    return {
      root: result.failed ? root : result.root,
      status: result.failed ? 'CONFLICT' : 'SUCCEEDED',
      counts: result.counts,
      outcomes: trimOutcomes(result.outcomes),
      kept: null,
      memo: result.failed ? undefined : { key, result },
    };
  }

  record(m: EntityManager, distribution: Distribution, workspace: Workspace): Promise<void> {
    return this.deliveries.record(m, workspace.id, distribution.sourceWorkspaceId, distribution.items, distribution.id);
  }

  committed(distributionId: string, change: PushChange): void {
    if (!change.memo) return;
    let byKey = this.memo.get(distributionId);
    if (!byKey) this.memo.set(distributionId, (byKey = new Map()));
    byKey.set(change.memo.key, change.memo.result);
  }

  finished(distributionId: string): void {
    this.memo.delete(distributionId);
    this.prepared.delete(distributionId);
  }
}

/** Undo sets each path the push changed back to its value before the push; the recipient's later edits stay. */
class UndoExecutor implements TargetExecutor {
  constructor(private readonly db: Database) {}

  async compute(distribution: Distribution, workspace: Workspace, session: TreeSession): Promise<TargetChange> {
    const origin = await this.db.manager.findOneBy(DistributionTarget, { distributionId: distribution.originId!, workspaceId: workspace.id });
    return reversal(session, 'UNDO', workspace, origin, distribution);
  }

  async record(m: EntityManager, distribution: Distribution, workspace: Workspace): Promise<void> {
    await m.delete(Delivery, { targetWorkspaceId: workspace.id, distributionId: distribution.originId! });
  }

  committed(): void {}

  finished(): void {}
}

/** Retract deletes what a push delivered and restores nothing; the recipient's later edits stay. */
class RetractExecutor implements TargetExecutor {
  constructor(private readonly deliveries: DeliveryStore) {}

  compute(distribution: Distribution, workspace: Workspace, session: TreeSession): Promise<TargetChange> {
    return reversal(session, 'RETRACT', workspace, null, distribution);
  }

  record(m: EntityManager, distribution: Distribution, workspace: Workspace): Promise<void> {
    return this.deliveries.forget(m, workspace.id, distribution.sourceWorkspaceId, distribution.items.map((i) => i.path));
  }

  committed(): void {}

  finished(): void {}
}

async function reversal(
  session: TreeSession,
  kind: 'UNDO' | 'RETRACT',
  workspace: Workspace,
  origin: DistributionTarget | null,
  distribution: Distribution,
): Promise<TargetChange> {
  const reversed = await reversalChange(session, kind, workspace.rootTreeId, origin, distribution.items);
  return {
    root: reversed.root,
    status: 'SUCCEEDED',
    counts: { ...zeroCounts(), REMOVED: reversed.removed.length },
    outcomes: reversed.removed.map((path) => ({ path, outcome: 'REMOVED', files: 1 })),
    kept: reversed.kept,
  };
}

/** One executor per kind of distribution. */
export function targetExecutors(db: Database, deliveries: DeliveryStore, merger: Merger): Record<DistributionKind, TargetExecutor> {
  return {
    PUSH: new PushExecutor(deliveries, merger),
    UNDO: new UndoExecutor(db),
    RETRACT: new RetractExecutor(deliveries),
  };
}
