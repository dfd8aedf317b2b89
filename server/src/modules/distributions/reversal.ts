import type { TreeStore } from '../../core/storage/types';
import type { DistributionTarget } from './distribution-target.entity';
import type { FrozenItem } from '../stage/frozen-item';
import { retractItems } from './engine/retract';
import { revertChange } from './engine/revert';
import { toIncoming } from './merger';
import { conflict } from '../../core/errors';

/** What an undo or a retraction does to one target: the new root, what goes, what stays. */
export interface ReversalChange {
  root: string;
  /** Paths set back (undo) or deleted (retract). */
  removed: string[];
  /** Paths left alone because the recipient changed them since. */
  kept: string[];
}

/**
 * Undo returns each path the push changed to its value before the push
 * (restoring what it replaced); retract deletes what the push delivered and
 * restores nothing. Both leave the recipient's later edits alone. The same
 * computation serves the worker and the preview (whose trees are never flushed).
 */
export async function reversalChange(
  store: TreeStore,
  kind: 'UNDO' | 'RETRACT',
  currentRoot: string,
  origin: Pick<DistributionTarget, 'beforeRootId' | 'afterRootId'> | null,
  items: readonly FrozenItem[],
): Promise<ReversalChange> {
  if (kind === 'UNDO') {
    if (!origin?.beforeRootId || !origin.afterRootId) throw conflict('the push changed nothing here to undo');
    const undone = await revertChange(store, currentRoot, origin.beforeRootId, origin.afterRootId);
    return { root: undone.root, removed: undone.reverted, kept: undone.kept };
  }
  const retracted = await retractItems(store, currentRoot, toIncoming(items));
  return { root: retracted.root, removed: retracted.removed, kept: retracted.kept };
}
