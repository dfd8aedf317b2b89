import { parsePath } from '../../core/storage/paths';
import { Lru } from '../../core/util/lru';
import { sha256Hex } from '../../core/util/secrets';
import type { TreeStore } from '../../core/storage/types';
import type { DbTreeStore } from '../workspaces/db-tree-store';
import type { Workspace } from '../workspaces/workspace.entity';
import type { Delivery } from './delivery.entity';
import type { DeliveryStore } from './delivery-store';
import { applyItems } from './engine/apply';
import type { ApplyResult, IncomingItem, Policies, PathOutcome } from './engine/policy';
import type { FrozenItem } from '../stage/frozen-item';

export interface TargetPreview {
  workspace: Workspace;
  result: ApplyResult;
}

/** Outcomes kept per target: every conflict, then the rest up to this many. */
export const MAX_STORED_OUTCOMES = 200;

/** Outcomes the merges of recent previews may hold in all (a class of 1,000 distinct workspaces at 100 paths each). */
const RECENT_OUTCOMES = 100_000;
const POLICY_KEYS = ['default', 'files', 'tables', 'applications'] as const satisfies readonly (keyof Policies)[];

export function toIncoming(items: readonly FrozenItem[]): IncomingItem[] {
  return items.map((item) => {
    const path = parsePath(item.path);
    return { path, entry: { name: path.at(-1)!, kind: item.kind, id: item.id, size: item.size } };
  });
}

export function trimOutcomes(outcomes: readonly PathOutcome[]): PathOutcome[] {
  const conflicts = outcomes.filter((o) => o.outcome === 'CONFLICT');
  const rest = outcomes.filter((o) => o.outcome !== 'CONFLICT');
  return [...conflicts, ...rest.slice(0, Math.max(0, MAX_STORED_OUTCOMES - conflicts.length))];
}

/**
 * Runs the merge for targets. Targets in the same state (the common case:
 * every student's workspace started from the same material) share one merge:
 * the result depends only on the target root and, for PRESERVE_EDITS, on what
 * was delivered to it before.
 */
export class Merger {
  /**
   * Merges of recent previews, by everything a merge reads: the items, the policies, the target root and the delivery
   * rows, all content ids or their values. Asking the same preview again (its next page of targets) finds every target
   * here; a target that changed since has another root or other rows, so another key. Bounded by outcomes held.
   */
  private readonly recent = new Lru<string, ApplyResult>(RECENT_OUTCOMES, (result) => result.outcomes.length + 1);

  constructor(
    private readonly trees: DbTreeStore,
    private readonly deliveries: DeliveryStore,
  ) {}

  /**
   * Delivery records decide PRESERVE_EDITS, and tell a recipient's own work
   * from delivered content wherever a policy replaces or removes entries.
   */
  usesDeliveries(policies: Policies): boolean {
    return Object.values(policies).some((p) => p === 'PRESERVE_EDITS' || p === 'OVERWRITE' || p === 'MIRROR');
  }

  memoKey(root: string, policies: Policies, rows: readonly Delivery[]): string {
    return this.usesDeliveries(policies) ? `${root}\u0002${this.deliveries.fingerprint(rows)}` : root;
  }

  /** Everything a merge of `pushed` (the items and policies) into `root` reads, the delivery rows in the order the merge reads them. */
  private recentKey(pushed: string, root: string, policies: Policies, rows: readonly Delivery[]): string {
    const delivered = this.usesDeliveries(policies) ? rows.map((r) => [r.path, r.kind, r.contentId]) : null;
    return sha256Hex(JSON.stringify([pushed, root, delivered]));
  }

  merge(store: TreeStore, root: string, items: readonly IncomingItem[], policies: Policies, rows: readonly Delivery[]): Promise<ApplyResult> {
    return applyItems(store, root, items, {
      policies,
      lastDelivered: this.usesDeliveries(policies) ? this.deliveries.lookup(rows, store) : undefined,
    });
  }

  /**
   * Every target's result, writing nothing: new trees stay in an unflushed session. Without a `session` the
   * resulting roots are not for reading, and a recent preview's merges are reused.
   */
  async preview(
    sourceWorkspaceId: string,
    items: readonly FrozenItem[],
    policies: Policies,
    targets: readonly Workspace[],
    /** Holds the new trees; pass one to read the resulting roots afterwards. */
    session?: TreeStore,
  ): Promise<TargetPreview[]> {
    const store = session ?? this.trees.session();
    const incoming = toIncoming(items);
    const rowsByTarget = this.usesDeliveries(policies) ? await this.deliveries.loadFor(targets, sourceWorkspaceId) : new Map<string, Delivery[]>();
    const pushed = session ? null : sha256Hex(JSON.stringify([items.map((i) => [i.path, i.kind, i.id]), POLICY_KEYS.map((k) => policies[k] ?? null)]));
    const memo = new Map<string, Promise<ApplyResult>>();
    const results: TargetPreview[] = [];
    for (const workspace of targets) {
      const rows = rowsByTarget.get(workspace.id) ?? [];
      const key = this.memoKey(workspace.rootTreeId, policies, rows);
      let result = memo.get(key);
      if (!result) {
        const recentKey = pushed === null ? null : this.recentKey(pushed, workspace.rootTreeId, policies, rows);
        const known = recentKey === null ? undefined : this.recent.get(recentKey);
        result = known ? Promise.resolve(known) : this.merge(store, workspace.rootTreeId, incoming, policies, rows);
        if (recentKey !== null && !known) void result.then((merged) => this.recent.set(recentKey, merged), () => undefined);
        memo.set(key, result);
      }
      results.push({ workspace, result: await result });
    }
    return results;
  }
}
