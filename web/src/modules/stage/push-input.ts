import type { ConflictPolicy, PushInputType } from '../../gql/graphql';

export type PolicyArea = 'files' | 'tables' | 'applications';
export const POLICY_AREAS: readonly PolicyArea[] = ['files', 'tables', 'applications'];
export const CONFLICT_POLICIES: readonly ConflictPolicy[] = ['PRESERVE_EDITS', 'OVERWRITE', 'SKIP_EXISTING', 'KEEP_BOTH', 'MIRROR', 'FAIL'];

export interface StateSource {
  workspaceId: string;
  snapshotId: string | null;
}

/**
 * What a push sends: staged paths of one source state, sent explicitly so the
 * push is exactly what was previewed, or a saved bundle, frozen when it was saved.
 */
export type PushOrigin =
  | { kind: 'stage'; source: StateSource; paths: string[] }
  | { kind: 'bundle'; bundleId: string; name: string; paths: string[] };

export interface PushChoices {
  origin: PushOrigin;
  targetMode: 'students' | 'workspaces';
  spaceId: string;
  workspaceIds: string[];
  includeFutureMembers: boolean;
  policies: Record<PolicyArea, ConflictPolicy>;
  snapshotFirst: boolean;
  message: string;
}

export const DEFAULT_POLICIES: Record<PolicyArea, ConflictPolicy> = {
  files: 'PRESERVE_EDITS',
  tables: 'PRESERVE_EDITS',
  applications: 'PRESERVE_EDITS',
};

/** Why the choices cannot be previewed yet, or null. */
export function pushChoicesProblem(choices: PushChoices): string | null {
  if (choices.origin.paths.length === 0) {
    return choices.origin.kind === 'bundle' ? 'The bundle is empty: nothing to push.' : 'The stage is empty: nothing to push.';
  }
  if (choices.targetMode === 'workspaces' && choices.workspaceIds.length === 0) return 'Choose at least one workspace to push to.';
  return null;
}

/** The API input for preview and push; the same object for both. */
export function buildPushInput(choices: PushChoices, idempotencyKey?: string): PushInputType {
  const { origin } = choices;
  const message = choices.message.trim();
  return {
    ...(origin.kind === 'bundle'
      ? { bundleId: origin.bundleId }
      : { source: { workspaceId: origin.source.workspaceId, snapshotId: origin.source.snapshotId }, paths: origin.paths }),
    targets:
      choices.targetMode === 'students'
        ? { spaceId: choices.spaceId, roles: ['MEMBER'], includeFutureMembers: choices.includeFutureMembers }
        : { workspaceIds: [...new Set(choices.workspaceIds)] },
    policies: { ...choices.policies },
    snapshotFirst: choices.snapshotFirst,
    ...(message ? { message } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}
