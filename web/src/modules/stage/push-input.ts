import type { ConflictPolicy, PushInput } from '../../gql/graphql';

export type PolicyArea = 'files' | 'tables' | 'applications';
export const POLICY_AREAS: readonly PolicyArea[] = ['files', 'tables', 'applications'];
export const CONFLICT_POLICIES: readonly ConflictPolicy[] = ['PRESERVE_EDITS', 'OVERWRITE', 'SKIP_EXISTING', 'KEEP_BOTH', 'MIRROR', 'FAIL'];

export interface StateSource {
  workspaceId: string;
  snapshotId: string | null;
}

/** One item of the stage, as the push dialog names it. */
export interface StagedItem {
  id: string;
  path: string;
  /** When it was put on the stage (ISO). */
  stagedAt: string;
}

/**
 * What a push sends: chosen items of the stage of one source state, sent by
 * id so the push is exactly what was previewed and nothing else staged goes,
 * or a saved bundle, frozen when it was saved. `paths` names what is pushed.
 */
export type PushOrigin =
  | { kind: 'stage'; source: StateSource; sourceName: string; items: StagedItem[]; paths: string[] }
  | { kind: 'bundle'; bundleId: string; name: string; paths: string[] };

/** The origin for chosen stage items. */
export function stageOrigin(source: StateSource, sourceName: string, items: readonly StagedItem[]): PushOrigin {
  return { kind: 'stage', source, sourceName, items: [...items], paths: items.map((i) => i.path) };
}

export interface PushChoices {
  origin: PushOrigin;
  targetMode: 'students' | 'workspaces';
  spaceId: string;
  workspaceIds: string[];
  includeFutureMembers: boolean;
  policies: Record<PolicyArea, ConflictPolicy>;
  snapshotFirst: boolean;
  message: string;
  /** For stage items: take the pushed items off the stage once the push is created. */
  clearStage: boolean;
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
export function buildPushInput(choices: PushChoices, idempotencyKey?: string): PushInput {
  const { origin } = choices;
  const message = choices.message.trim();
  return {
    ...(origin.kind === 'bundle'
      ? { bundleId: origin.bundleId }
      : { stageItemIds: origin.items.map((i) => i.id), ...(choices.clearStage ? { clearStage: true } : {}) }),
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

/** The parts of a preview that decide whether and how a push may be confirmed. */
export interface PreviewVerdictInput {
  targetCount: number;
  targetsChanging: number;
  targetsFailing: number;
  targetsLosingEdits: number;
}

/** Who receives a push: a course's students, or the members of a dataset or research space. */
export type Recipients = 'students' | 'recipients';

/** How the recipients of a push in a space of this kind are named (the generic word until the kind is known). */
export const recipientsIn = (spaceKind: string | null | undefined): Recipients => (spaceKind === 'COURSE' ? 'students' : 'recipients');

export interface PreviewVerdict {
  /** Why there is nothing to push (the push button says so and is disabled), or null. */
  nothingToPush: string | null;
  /** "3 students have edited files that this push would replace or remove." (or "recipients"), or null when nobody loses own work. */
  lostEditsLine: string | null;
}

/** What a preview means for the push button: nothing to push, or a confirmation needed because own work would be lost. */
export function previewVerdict(preview: PreviewVerdictInput, recipients: Recipients = 'students'): PreviewVerdict {
  let nothingToPush: string | null = null;
  if (preview.targetCount === 0) nothingToPush = 'Nothing to push: no workspace matches these targets';
  else if (preview.targetsChanging === 0) {
    nothingToPush =
      preview.targetsFailing === 0
        ? 'Nothing to push: every target is already up to date'
        : preview.targetsFailing === preview.targetCount
          ? 'Nothing to push: every target would fail'
          : 'Nothing to push: every target would fail or is already up to date';
  }
  const n = preview.targetsLosingEdits;
  const one = recipients === 'students' ? 'student' : 'recipient';
  const lostEditsLine = n === 0 ? null : `${n} ${n === 1 ? `${one} has` : `${one}s have`} edited files that this push would replace or remove.`;
  return { nothingToPush, lostEditsLine };
}
