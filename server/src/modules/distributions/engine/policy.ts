/**
 * The vocabulary of the distribution engine: conflict policies, per-path
 * outcomes, and the shapes `applyItems` takes and returns.
 */
import type { Area, TreeEntry } from '../../../core/storage/types';

/**
 * What happens where the target already holds something at an incoming path
 * (see the policy table in the design):
 * - `OVERWRITE`: the incoming content replaces the target's.
 * - `SKIP_EXISTING`: the target's content stays.
 * - `KEEP_BOTH`: the target's content stays and the incoming one is added
 *   beside it as `stem (incoming N).ext`.
 * - `PRESERVE_EDITS`: `OVERWRITE` where the recipient has not edited the entry
 *   since it was last delivered, `KEEP_BOTH` elsewhere.
 * - `MIRROR`: each pushed path becomes exactly its incoming content; what the
 *   target has inside a pushed folder and the incoming one lacks goes. Paths
 *   outside the pushed ones are untouched; an item at an area root mirrors the area.
 * - `FAIL`: any difference leaves the whole target untouched.
 */
export type Policy = 'OVERWRITE' | 'SKIP_EXISTING' | 'KEEP_BOTH' | 'PRESERVE_EDITS' | 'MIRROR' | 'FAIL';

export const POLICIES: readonly Policy[] = [
  'OVERWRITE',
  'SKIP_EXISTING',
  'KEEP_BOTH',
  'PRESERVE_EDITS',
  'MIRROR',
  'FAIL',
];

/** One policy per area; an area without its own policy uses `default`. */
export interface Policies {
  default: Policy;
  files?: Policy;
  tables?: Policy;
  applications?: Policy;
}

/** What a push did (or, when it failed, would have done) at one path. */
export type Outcome = 'ADDED' | 'REPLACED' | 'UNCHANGED' | 'SKIPPED' | 'COPIED' | 'REMOVED' | 'CONFLICT';

export const OUTCOMES: readonly Outcome[] = [
  'ADDED',
  'REPLACED',
  'UNCHANGED',
  'SKIPPED',
  'COPIED',
  'REMOVED',
  'CONFLICT',
];

/**
 * The outcome at one path. A folder path stands for its whole subtree when the
 * subtree was added, removed or left unchanged as a whole; `files` is then the
 * number of leaves (files, tables, applications) in it.
 *
 * An `UNCHANGED` folder outcome that has other outcomes below it counts the
 * leaves directly or indirectly in that folder that were equal and are not
 * listed individually.
 */
export interface PathOutcome {
  /** Workspace path such as `files/week1/report.csv`. */
  path: string;
  outcome: Outcome;
  /**
   * Leaves concerned: the leaf count of the incoming (for `REMOVED`: the
   * removed) entry, 1 for a leaf, 0 for an empty folder. `REPLACED`,
   * `SKIPPED`, `COPIED` and `CONFLICT` count at least 1, as a difference
   * always has a leaf on one side.
   */
  files: number;
  /** For `COPIED`: where the incoming content was put beside the target's. */
  copiedTo?: string;
  /**
   * For `REPLACED` and `REMOVED`, when `lastDelivered` was given: true when
   * what goes is the recipient's own (it differs from what was last delivered
   * at this path, or nothing was), false when it was still the delivered content.
   */
  edited?: boolean;
}

/**
 * One entry to deliver. `path[0]` is the area, the entry's name is the last
 * segment, and a DIRECTORY entry stands for its whole subtree; the path
 * `['files']` with a DIRECTORY entry is the whole `files` area.
 */
export interface IncomingItem {
  path: readonly string[];
  entry: TreeEntry;
}

export interface ApplyOptions {
  policies: Policies;
  /**
   * Content id last delivered to this target at `path` from the same source
   * (for PRESERVE_EDITS, and to mark replaced and removed entries as the
   * recipient's own or not); undefined when never delivered. Asked only where
   * the target's content differs from the incoming one.
   */
  lastDelivered?: (path: readonly string[]) => Promise<string | undefined>;
}

export interface ApplyResult {
  /** The new root; equals the target root when nothing changed or when the push failed. */
  root: string;
  changed: boolean;
  /** A difference in a `FAIL` area left the whole target untouched. */
  failed: boolean;
  /** Sorted by path (segment by segment, so a folder comes before its contents). */
  outcomes: PathOutcome[];
  /** Sum of `files` over the outcomes of each kind. */
  counts: Record<Outcome, number>;
}

/** The policy that governs `area`. */
export function policyFor(policies: Policies, area: Area): Policy {
  return policies[area] ?? policies.default;
}
