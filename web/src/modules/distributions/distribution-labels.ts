import type { ConflictPolicy, DistributionKind, DistributionStatus, TargetStatus } from '../../gql/graphql';

const STATUS: Record<DistributionStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  PARTIAL: 'Partly succeeded',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

const TARGET_STATUS: Record<TargetStatus, string> = {
  PENDING: 'Waiting',
  RUNNING: 'Running',
  SUCCEEDED: 'Delivered',
  CONFLICT: 'Conflict',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

const KIND: Record<DistributionKind, string> = {
  PUSH: 'Push',
  UNDO: 'Undo',
  RETRACT: 'Retraction',
};

export const distributionStatusLabel = (status: DistributionStatus | string): string =>
  STATUS[status as DistributionStatus] ?? status;
export const targetStatusLabel = (status: TargetStatus | string): string => TARGET_STATUS[status as TargetStatus] ?? status;
export const distributionKindLabel = (kind: DistributionKind | string): string => KIND[kind as DistributionKind] ?? kind;

/** A tone for a status badge: good, bad, busy or neutral. */
export function statusTone(status: DistributionStatus | TargetStatus | string): 'good' | 'bad' | 'busy' | 'neutral' | 'warn' {
  switch (status) {
    case 'SUCCEEDED':
      return 'good';
    case 'FAILED':
      return 'bad';
    case 'CONFLICT':
    case 'PARTIAL':
      return 'warn';
    case 'QUEUED':
    case 'RUNNING':
    case 'PENDING':
      return 'busy';
    default:
      return 'neutral';
  }
}

/** Still doing something: the live page keeps listening. */
export const isActiveStatus = (status: DistributionStatus | string): boolean => status === 'QUEUED' || status === 'RUNNING';

export interface OutcomeTotals {
  added: number;
  replaced: number;
  unchanged: number;
  skipped: number;
  copied: number;
  removed: number;
  conflict: number;
}

const OUTCOME_WORDS: [keyof OutcomeTotals, string][] = [
  ['added', 'added'],
  ['replaced', 'replaced'],
  ['copied', 'kept both'],
  ['removed', 'removed'],
  ['skipped', 'skipped'],
  ['conflict', 'in conflict'],
  ['unchanged', 'unchanged'],
];

/** "3 added · 1 replaced · 2 unchanged"; zero counts are left out; "nothing" when all are zero. */
export function outcomeSummary(counts: OutcomeTotals | null | undefined): string {
  if (!counts) return '—';
  const parts = OUTCOME_WORDS.filter(([key]) => counts[key] > 0).map(([key, words]) => `${counts[key]} ${words}`);
  return parts.length ? parts.join(' · ') : 'nothing';
}

const OUTCOME_LABEL: Record<string, string> = {
  ADDED: 'Added',
  REPLACED: 'Replaced',
  UNCHANGED: 'Unchanged',
  SKIPPED: 'Skipped (kept theirs)',
  COPIED: 'Kept both',
  REMOVED: 'Removed',
  CONFLICT: 'Conflict',
};

export const outcomeLabel = (outcome: string): string => OUTCOME_LABEL[outcome] ?? outcome;

/** "files/week1 and 2 more"; the empty path is the whole workspace. */
export function summariseItems(paths: readonly string[]): string {
  if (paths.length === 0) return '—';
  const first = paths[0] === '' ? 'the whole workspace' : paths[0];
  return paths.length === 1 ? first : `${first} and ${paths.length - 1} more`;
}

const POLICY: Record<ConflictPolicy, string> = {
  PRESERVE_EDITS: 'Preserve their edits',
  OVERWRITE: 'Overwrite',
  SKIP_EXISTING: 'Skip existing',
  KEEP_BOTH: 'Keep both',
  MIRROR: 'Mirror',
  FAIL: 'Fail on any difference',
};

export const policyLabel = (policy: ConflictPolicy | string): string => POLICY[policy as ConflictPolicy] ?? policy;
