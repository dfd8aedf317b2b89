import { badInput } from '../../core/errors';
import type { Outcome, PathOutcome, Policies } from './engine/policy';
import type { TargetPreview } from './merger';
import type { DistributionTarget } from './distribution-target.entity';
import type { Distribution } from './distribution.entity';
import type { TargetCounts } from './distributions.service';
import type { FrozenItem } from '../stage/frozen-item';
import { itemNode } from '../stage/stage.types';
import type { ReversalChange } from './reversal';
import type { Workspace } from '../workspaces/workspace.entity';
import type { TargetPreviewFlagEnum as TargetPreviewFlag } from './distributions.types';

const MAX_PREVIEW_PATHS = 100;
const MAX_REVERSAL_PATHS = 200;

/** Entity-to-GraphQL shapes for distributions, shared by queries, mutations and subscriptions. */
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

/** The target holds something that differs and is not simply what this source delivered there before. */
const isConflicting = (o: PathOutcome) =>
  o.outcome === 'CONFLICT' || o.outcome === 'COPIED' || o.outcome === 'SKIPPED' || (o.outcome === 'REPLACED' && o.edited !== false);
const isLoss = (o: PathOutcome) => o.outcome === 'REPLACED' || o.outcome === 'REMOVED';

/** A previewed target as previewNode gives it, as far as its flags read it. */
interface FlaggedTarget {
  lostEditCount: number;
  conflicts: readonly string[];
  fails: boolean;
  changes: boolean;
  upToDate: boolean;
}

/** What each flag of a previewed target means: the preview's summary counts and targetList's `only` read the same test. */
export const TARGET_PREVIEW_FLAGS: Record<TargetPreviewFlag, (t: FlaggedTarget) => boolean> = {
  LOSES_EDITS: (t) => t.lostEditCount > 0,
  CONFLICTS: (t) => t.conflicts.length > 0,
  FAILS: (t) => t.fails,
  CHANGES: (t) => t.changes,
  UP_TO_DATE: (t) => t.upToDate,
};

/** Whether a target has at least one of `flags`; an empty list, which would list nothing, is refused. */
export function withAnyFlag(flags: readonly TargetPreviewFlag[]): (t: FlaggedTarget) => boolean {
  if (flags.length === 0) throw badInput('only: name at least one flag, or leave it out to list every target');
  return (t) => flags.some((flag) => TARGET_PREVIEW_FLAGS[flag](t));
}

/**
 * A push preview (a new push, an assignment's release or a retry) as the API returns it: per target what
 * would happen, and whose own work a choice would replace or remove.
 */
export function previewNode({ items, policies, results }: { items: readonly FrozenItem[]; policies: Policies; results: readonly TargetPreview[] }) {
  const totals: Record<string, number> = {};
  for (const { result } of results) for (const [k, v] of Object.entries(result.counts)) totals[k] = (totals[k] ?? 0) + v;
  const targets = results.map(({ workspace, result }) => {
    const lostEdits = result.failed ? [] : result.outcomes.filter((o) => isLoss(o) && o.edited === true);
    return {
      workspace,
      counts: outcomeCounts(result.counts),
      conflicts: result.outcomes.filter(isConflicting).slice(0, MAX_PREVIEW_PATHS).map((o) => o.path),
      outcomes: result.outcomes.slice(0, 200),
      changes: result.changed,
      fails: result.failed,
      upToDate: !result.changed && !result.failed,
      lostEdits: lostEdits.slice(0, MAX_PREVIEW_PATHS),
      lostEditCount: lostEdits.reduce((n, o) => n + o.files, 0),
      replacedDelivered: result.failed ? [] : result.outcomes.filter((o) => isLoss(o) && o.edited === false).slice(0, MAX_PREVIEW_PATHS),
    };
  });
  return {
    items: items.map(itemNode),
    policies,
    totals: outcomeCounts(totals),
    targetCount: targets.length,
    targetsWithConflicts: targets.filter(TARGET_PREVIEW_FLAGS.CONFLICTS).length,
    targetsLosingEdits: targets.filter(TARGET_PREVIEW_FLAGS.LOSES_EDITS).length,
    targetsChanging: targets.filter(TARGET_PREVIEW_FLAGS.CHANGES).length,
    targetsFailing: targets.filter(TARGET_PREVIEW_FLAGS.FAILS).length,
    targetsUpToDate: targets.filter(TARGET_PREVIEW_FLAGS.UP_TO_DATE).length,
    targets,
  };
}

export function reversalPreviewNode(preview: { kind: 'UNDO' | 'RETRACT'; results: readonly { workspace: Workspace; change: ReversalChange; changes: boolean }[] }) {
  return {
    kind: preview.kind,
    targetCount: preview.results.length,
    removedTotal: preview.results.reduce((n, r) => n + r.change.removed.length, 0),
    targetsWithKept: preview.results.filter((r) => r.change.kept.length > 0).length,
    targets: preview.results.map(({ workspace, change, changes }) => ({
      workspace,
      removedCount: change.removed.length,
      removed: change.removed.slice(0, MAX_REVERSAL_PATHS),
      kept: change.kept.slice(0, MAX_REVERSAL_PATHS),
      changes,
    })),
  };
}
