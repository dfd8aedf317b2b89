import type { Outcome } from './engine/policy';
import type { DistributionTarget } from './distribution-target.entity';
import type { Distribution } from './distribution.entity';
import type { TargetCounts } from './distributions.service';
import type { FrozenItem } from './frozen-item';

/** Entity-to-GraphQL shapes for distributions, shared by queries, mutations and subscriptions. */
export const itemNode = (i: FrozenItem) => ({ ...i, hash: i.id });

export const outcomeCounts = (c: Partial<Record<Outcome, number>> | null | undefined) => ({
  added: c?.ADDED ?? 0,
  replaced: c?.REPLACED ?? 0,
  unchanged: c?.UNCHANGED ?? 0,
  skipped: c?.SKIPPED ?? 0,
  copied: c?.COPIED ?? 0,
  removed: c?.REMOVED ?? 0,
  conflict: c?.CONFLICT ?? 0,
});

export const distributionNode = (d: Distribution) => ({
  ...d,
  items: d.items.map(itemNode),
  snapshotFirst: d.options.snapshotFirst,
  includeFutureMembers: d.options.includeFutureMembers,
  message: d.options.message,
});

export const targetNode = (t: DistributionTarget) => ({
  ...t,
  counts: t.counts ? outcomeCounts(t.counts) : null,
  outcomes: t.outcomes ?? [],
  kept: t.kept ?? [],
});

export const statusCounts = (c: TargetCounts) => ({
  total: c.total,
  pending: c.byStatus.PENDING,
  running: c.byStatus.RUNNING,
  succeeded: c.byStatus.SUCCEEDED,
  conflict: c.byStatus.CONFLICT,
  failed: c.byStatus.FAILED,
  cancelled: c.byStatus.CANCELLED,
  done: c.byStatus.SUCCEEDED + c.byStatus.CONFLICT + c.byStatus.FAILED + c.byStatus.CANCELLED,
});
