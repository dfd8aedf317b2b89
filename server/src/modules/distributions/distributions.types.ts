import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../core/graphql/connection';
import { RoleEnum } from '../spaces/spaces.types';
import { UserType } from '../users/users.types';
import { FrozenItemType, SourceInput } from '../stage/stage.types';
import { WorkspaceType } from '../workspaces/workspaces.types';

export enum PolicyEnum {
  OVERWRITE = 'OVERWRITE',
  SKIP_EXISTING = 'SKIP_EXISTING',
  KEEP_BOTH = 'KEEP_BOTH',
  PRESERVE_EDITS = 'PRESERVE_EDITS',
  MIRROR = 'MIRROR',
  FAIL = 'FAIL',
}
export enum DistributionStatusEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  PARTIAL = 'PARTIAL',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
export enum DistributionKindEnum {
  PUSH = 'PUSH',
  UNDO = 'UNDO',
  RETRACT = 'RETRACT',
}
export enum TargetStatusEnum {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  CONFLICT = 'CONFLICT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
export enum TargetPreviewFlagEnum {
  LOSES_EDITS = 'LOSES_EDITS',
  CONFLICTS = 'CONFLICTS',
  FAILS = 'FAILS',
  CHANGES = 'CHANGES',
  UP_TO_DATE = 'UP_TO_DATE',
}
export enum OutcomeEnum {
  ADDED = 'ADDED',
  REPLACED = 'REPLACED',
  UNCHANGED = 'UNCHANGED',
  SKIPPED = 'SKIPPED',
  COPIED = 'COPIED',
  REMOVED = 'REMOVED',
  CONFLICT = 'CONFLICT',
}
registerEnumType(PolicyEnum, {
  name: 'ConflictPolicy',
  description: 'What a push does where the target already holds a different version of an entry.',
  valuesConfig: {
    OVERWRITE: { description: 'Replace what differs; keep what the target has beyond the push.' },
    SKIP_EXISTING: { description: "Only add what is missing; never touch the target's existing entries." },
    KEEP_BOTH: { description: "Keep the target's version and add the incoming one beside it, e.g. 'report (incoming).csv'." },
    PRESERVE_EDITS: { description: 'Replace only what the recipient has not changed since it was last delivered; otherwise keep both.' },
    MIRROR: {
      description:
        'Make each pushed path equal to what is pushed: inside a pushed folder, entries the push lacks are removed. Nothing outside the pushed paths is touched; staging a whole area (or the whole state) mirrors the area.',
    },
    FAIL: { description: 'Leave the whole target untouched and report it if anything differs.' },
  },
});
registerEnumType(DistributionStatusEnum, {
  name: 'DistributionStatus',
  description: 'Where a distribution as a whole stands.',
  valuesConfig: {
    QUEUED: { description: 'Created; no worker started on it yet.' },
    RUNNING: { description: 'Targets are being written.' },
    SUCCEEDED: { description: 'Every target succeeded.' },
    PARTIAL: { description: 'Finished; some targets succeeded, others failed or conflicted.' },
    FAILED: { description: 'Finished; no target succeeded (each failed or conflicted).' },
    CANCELLED: { description: 'Cancelled: at least one target was stopped before it ran.' },
  },
});
registerEnumType(DistributionKindEnum, {
  name: 'DistributionKind',
  description: 'What a distribution does.',
  valuesConfig: {
    PUSH: { description: 'Sends material to the targets.' },
    UNDO: { description: "Reverses a push: every target back to its state before, keeping the recipient's later edits." },
    RETRACT: { description: 'Removes delivered entries the recipient has not changed.' },
  },
});
export enum ReversalKindEnum {
  UNDO = 'UNDO',
  RETRACT = 'RETRACT',
}
registerEnumType(ReversalKindEnum, {
  name: 'ReversalKind',
  description: 'How a push is reversed.',
  valuesConfig: {
    UNDO: {
      description:
        'Put each target back as it was before the push: what the push added goes, what it replaced or removed comes back. Paths the recipient changed since stay as they are.',
    },
    RETRACT: {
      description:
        'Take back what the push delivered: delivered entries the recipient has not changed are deleted; nothing the push replaced comes back. Changed entries stay.',
    },
  },
});
registerEnumType(TargetStatusEnum, {
  name: 'TargetStatus',
  description: 'Where one target of a distribution stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being written now.' },
    SUCCEEDED: { description: 'Written.' },
    CONFLICT: { description: 'Left untouched because a FAIL policy met a difference.' },
    FAILED: { description: 'Failed after its retries; can be retried.' },
    CANCELLED: { description: 'Cancelled before it ran.' },
  },
});
registerEnumType(TargetPreviewFlagEnum, {
  name: 'TargetPreviewFlag',
  description: "What a push preview says of one target, to list only such targets (DistributionPreview.targetList's only); each is counted by the summary field named beside it.",
  valuesConfig: {
    LOSES_EDITS: { description: "The push would replace or remove the recipient's own work (lostEditCount > 0; targetsLosingEdits)." },
    CONFLICTS: { description: 'Something differs from what is pushed (conflicts not empty; targetsWithConflicts).' },
    FAILS: { description: 'A FAIL policy would leave the target untouched (fails; targetsFailing).' },
    CHANGES: { description: 'The push would change the target (changes; targetsChanging).' },
    UP_TO_DATE: { description: 'The target already holds everything pushed (upToDate; targetsUpToDate).' },
  },
});
registerEnumType(OutcomeEnum, {
  name: 'Outcome',
  description: 'What a distribution did (or would do) at a path of a target.',
  valuesConfig: {
    ADDED: { description: 'The target did not have it; added.' },
    REPLACED: { description: "The target's version was replaced." },
    UNCHANGED: { description: 'Already identical; nothing done.' },
    SKIPPED: { description: 'Left alone by the policy.' },
    COPIED: { description: "Added beside the target's own version (KEEP_BOTH)." },
    REMOVED: { description: 'Removed (MIRROR, undo or retract).' },
    CONFLICT: { description: 'Differs under a FAIL policy; the target is left untouched.' },
  },
});

@InputType({ description: 'Which workspaces a push writes to.' })
export class TargetsInput {
  @Field(() => [ID], { description: "These workspaces (of the push's space).", nullable: true }) workspaceIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Every personal workspace of this space whose owner has one of `roles`.' })
  spaceId?: string | null;
  @Field(() => [RoleEnum], { nullable: true, description: 'Default: MEMBER.' }) roles?: RoleEnum[] | null;
  @Field(() => Boolean, { nullable: true, description: "Also push to the space's DISTRIBUTED workspace, so members who join later get it too." })
  includeFutureMembers?: boolean | null;
}

@InputType({ description: 'How a push treats entries the target already has, per kind of entry.' })
export class PoliciesInput {
  @Field(() => PolicyEnum, { description: 'Policy for every kind without its own; OVERWRITE when omitted.', defaultValue: PolicyEnum.OVERWRITE }) default: PolicyEnum;
  @Field(() => PolicyEnum, { description: 'Policy for files; default when omitted.', nullable: true }) files?: PolicyEnum | null;
  @Field(() => PolicyEnum, { description: 'Policy for tables; default when omitted.', nullable: true }) tables?: PolicyEnum | null;
  @Field(() => PolicyEnum, { description: 'Policy for applications; default when omitted.', nullable: true }) applications?: PolicyEnum | null;
}

@InputType('PushInput', { description: 'A push: what to send from a workspace of a space to other workspaces, and how conflicts are handled.' })
export class PushInputType {
  @Field(() => SourceInput, { description: 'The workspace (and optionally snapshot) to push from.', nullable: true }) source?: SourceInput | null;
  @Field(() => [String], { nullable: true, description: "Paths to push; the caller's stage for the source when omitted." })
  paths?: string[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: "Exactly these items of the caller's stage (all from one source state), instead of `source` and `paths`; nothing else staged is pushed.",
  })
  stageItemIds?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Once the push is created, remove the pushed items from the caller's stage; items not pushed stay (default false).",
  })
  clearStage?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Push a saved bundle instead of a source.' }) bundleId?: string | null;
  @Field(() => TargetsInput, { description: 'Which workspaces receive the push.' }) targets: TargetsInput;
  @Field(() => PoliciesInput, { description: 'Conflict policies; OVERWRITE for everything when omitted.', nullable: true }) policies?: PoliciesInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Snapshot each target before changing it (default true).' }) snapshotFirst?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Shown to recipients with the notification.' }) message?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also e-mail recipients (SMTP, or the outbox).' }) emailRecipients?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Repeating a push with the same key and input returns the first one.' })
  idempotencyKey?: string | null;
}

@ObjectType('Policies', { description: 'The conflict policies a distribution used, per kind of entry.' })
export class PoliciesType {
  @Field(() => PolicyEnum, { description: 'Policy for every kind without its own.' }) default: PolicyEnum;
  @Field(() => PolicyEnum, { description: 'Policy for files; null when default applies.', nullable: true }) files?: PolicyEnum | null;
  @Field(() => PolicyEnum, { description: 'Policy for tables; null when default applies.', nullable: true }) tables?: PolicyEnum | null;
  @Field(() => PolicyEnum, { description: 'Policy for applications; null when default applies.', nullable: true }) applications?: PolicyEnum | null;
}

@ObjectType('PathOutcome', { description: 'What a distribution did (or would do) at one path of a target.' })
export class PathOutcomeType {
  @Field({ description: 'The path in the target workspace.' }) path: string;
  @Field(() => OutcomeEnum, { description: 'What happened there.' }) outcome: OutcomeEnum;
  @Field(() => Int, { description: 'Files, tables or applications this row stands for (a whole added folder is one row).' }) files: number;
  @Field(() => String, { description: "Where the incoming version was put beside the target's (KEEP_BOTH); null otherwise.", nullable: true }) copiedTo?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "For REPLACED and REMOVED: true when what goes is the recipient's own work (it differs from what this source last delivered there, or nothing was), false when it is still the delivered content. Null when not known.",
  })
  edited?: boolean | null;
}

@ObjectType('OutcomeCounts', { description: 'How many entries met each outcome.' })
export class OutcomeCountsType {
  @Field(() => Int, { description: 'Entries the target did not have.' }) added: number;
  @Field(() => Int, { description: 'Entries replaced by the incoming version.' }) replaced: number;
  @Field(() => Int, { description: 'Entries already identical.' }) unchanged: number;
  @Field(() => Int, { description: 'Entries left alone by the policy.' }) skipped: number;
  @Field(() => Int, { description: "Incoming versions put beside the target's own (KEEP_BOTH)." }) copied: number;
  @Field(() => Int, { description: 'Entries removed (MIRROR, undo or retract).' }) removed: number;
  @Field(() => Int, { description: 'Entries that stopped the target (FAIL).' }) conflict: number;
}

@ObjectType('TargetStatusCounts', { description: 'How many targets of a distribution are in each state.' })
export class TargetStatusCountsType {
  @Field(() => Int, { description: 'All targets.' }) total: number;
  @Field(() => Int, { description: 'Waiting for a worker.' }) pending: number;
  @Field(() => Int, { description: 'Being written now.' }) running: number;
  @Field(() => Int, { description: 'Written.' }) succeeded: number;
  @Field(() => Int, { description: 'Left untouched by a FAIL policy.' }) conflict: number;
  @Field(() => Int, { description: 'Failed after retries; retryable.' }) failed: number;
  @Field(() => Int, { description: 'Cancelled before they ran.' }) cancelled: number;
  @Field(() => Int, { description: 'Targets that reached an end state.' }) done: number;
}

@ObjectType('DistributionTarget', { description: 'One workspace a distribution writes to, and how that went.' })
export class DistributionTargetType {
  @Field(() => ID, { description: 'Identifier of this target row.' }) id: string;
  @Field(() => ID, { description: 'The target workspace.' }) workspaceId: string;
  @Field(() => WorkspaceType, { description: 'The target workspace; null when it was deleted since.', nullable: true }) workspace?: WorkspaceType | null;
  @Field(() => TargetStatusEnum, { description: 'Where this target stands.' }) status: TargetStatusEnum;
  @Field(() => OutcomeCountsType, { description: 'Outcome totals; null until the target finished.', nullable: true }) counts?: OutcomeCountsType | null;
  @Field(() => [PathOutcomeType], { description: 'Coarse outcomes (conflicts first), at most 200.' }) outcomes: PathOutcomeType[];
  @Field(() => [String], { description: 'Undo or retract: paths left alone because the recipient changed them.' }) kept: string[];
  @Field(() => String, { description: 'Why the target failed or conflicted; null otherwise.', nullable: true }) error: string | null;
  @Field(() => ID, { description: 'The version the distribution wrote; null when nothing was written.', nullable: true }) commitId: string | null;
  @Field(() => ID, { nullable: true, description: 'The automatic snapshot taken before the change.' }) snapshotId: string | null;
  @Field(() => Int, { description: 'How many times a worker tried this target.' }) attempts: number;
  @Field(() => Date, { description: 'When it reached an end state; null before.', nullable: true }) finishedAt: Date | null;
}

@ObjectType('Distribution', { description: 'A push of material to many workspaces, or the undo or retraction of one. Targets are written in the background; follow them with distributionProgress. Course staff of the space.' })
export class DistributionType {
  @Field(() => ID, { description: 'Identifier of this distribution.' }) id: string;
  @Field(() => DistributionKindEnum, { description: 'Push, undo or retraction.' }) kind: DistributionKindEnum;
  @Field(() => DistributionStatusEnum, { description: 'Where the distribution as a whole stands.' }) status: DistributionStatusEnum;
  @Field(() => ID, { description: 'The space it belongs to.' }) spaceId: string;
  @Field(() => ID, { description: 'The workspace the material came from.' }) sourceWorkspaceId: string;
  @Field(() => ID, { description: "The snapshot the material came from; null for the workspace's state at the time.", nullable: true }) sourceSnapshotId: string | null;
  @Field(() => ID, { nullable: true, description: 'For an undo or retraction: the push it reverses.' }) originId: string | null;
  @Field(() => ID, { description: 'The user who started it.' }) createdById: string;
  @Field(() => UserType, { nullable: true, description: 'Who started it.' }) createdBy?: UserType | null;
  @Field(() => [DistributionType], { description: 'Undos and retractions of this push that did not fail or get cancelled, oldest first.' })
  reversals?: DistributionType[];
  @Field(() => Date, { nullable: true, description: 'When this push was first undone or retracted (see reversals for which and for whom).' })
  undoneAt?: Date | null;
  @Field(() => UserType, { nullable: true, description: 'Who first undid or retracted this push.' }) undoneBy?: UserType | null;
  @Field(() => [FrozenItemType], { description: 'The files, tables and applications sent, frozen when it was created.' }) items: FrozenItemType[];
  @Field(() => PoliciesType, { description: 'The conflict policies used.' }) policies: PoliciesType;
  @Field({ description: 'Whether each target was snapshotted before it changed.' }) snapshotFirst: boolean;
  @Field({ description: 'Whether members who join later receive it too.' }) includeFutureMembers: boolean;
  @Field({ description: 'Message shown to recipients; empty when none.' }) message: string;
  @Field(() => Int, { description: 'Number of target workspaces.' }) targetCount: number;
  @Field(() => String, { description: 'The key it was created with; null when none.', nullable: true }) idempotencyKey: string | null;
  @Field({ description: 'When it was created.' }) createdAt: Date;
  @Field(() => Date, { description: 'When a worker started on it; null while queued.', nullable: true }) startedAt: Date | null;
  @Field(() => Date, { description: 'When every target reached an end state; null before.', nullable: true }) finishedAt: Date | null;
}

@ObjectType('TargetPreview', { description: 'What a push would do to one target.' })
export class TargetPreviewType {
  @Field(() => WorkspaceType, { description: 'The target workspace.' }) workspace: WorkspaceType;
  @Field(() => OutcomeCountsType, { description: 'Outcome totals.' }) counts: OutcomeCountsType;
  @Field(() => [String], {
    description: 'Paths where the target holds something that differs and is not simply what this source delivered there before (at most 100).',
  })
  conflicts: string[];
  @Field(() => [PathOutcomeType], { description: 'Coarse outcomes, at most 200.' }) outcomes: PathOutcomeType[];
  @Field({ description: 'Whether the push would change this target.' }) changes: boolean;
  @Field({ description: 'A FAIL policy would leave this target untouched.' }) fails: boolean;
  @Field({ description: 'The target already holds everything pushed: nothing would change and nothing conflicts.' }) upToDate: boolean;
  @Field(() => [PathOutcomeType], {
    description:
      "The recipient's own work the push would replace or remove (OVERWRITE, MIRROR): entries that differ from what this source last delivered (at most 100).",
  })
  lostEdits: PathOutcomeType[];
  @Field(() => Int, { description: "Files, tables or applications of the recipient's own work the push would replace or remove." })
  lostEditCount: number;
  @Field(() => [PathOutcomeType], {
    description: 'Entries the push would replace or remove that are unchanged since this source delivered them (at most 100).',
  })
  replacedDelivered: PathOutcomeType[];
}

@ObjectType('DistributionPreview', { description: 'What a push would do, computed without writing anything.' })
export class DistributionPreviewType {
  @Field(() => [FrozenItemType], { description: 'The entries that would be sent.' }) items: FrozenItemType[];
  @Field(() => PoliciesType, { description: 'The conflict policies that would apply.' }) policies: PoliciesType;
  @Field(() => OutcomeCountsType, { description: 'Outcome totals over all targets.' }) totals: OutcomeCountsType;
  @Field(() => Int, { description: 'Number of targets.' }) targetCount: number;
  @Field(() => Int, { description: 'Targets where something differs from what is pushed.' }) targetsWithConflicts: number;
  @Field(() => Int, { description: "Targets where the push would replace or remove the recipient's own work." }) targetsLosingEdits: number;
  @Field(() => Int, { description: 'Targets the push would change.' }) targetsChanging: number;
  @Field(() => Int, { description: 'Targets a FAIL policy would leave untouched.' }) targetsFailing: number;
  @Field(() => Int, { description: 'Targets that already hold everything pushed.' }) targetsUpToDate: number;
  @Field(() => [TargetPreviewType], { description: "Each target's outcome.", deprecationReason: 'Use targetList, which pages the targets (a whole class at once is large).' })
  targets: TargetPreviewType[];
}

@ObjectType('ReversalTargetPreview', { description: 'What an undo or retraction would do to one target.' })
export class ReversalTargetPreviewType {
  @Field(() => WorkspaceType, { description: 'The target workspace.' }) workspace: WorkspaceType;
  @Field(() => Int, { description: 'Paths that would be set back (undo) or deleted (retract).' }) removedCount: number;
  @Field(() => [String], { description: 'Those paths, at most 200.' }) removed: string[];
  @Field(() => [String], { description: "Paths the recipient changed since the push: they stay as the recipient left them (at most 200)." }) kept: string[];
  @Field({ description: 'Whether this target would change at all.' }) changes: boolean;
}

@ObjectType('ReversalPreview', { description: 'What an undo or retraction would do, computed without writing anything.' })
export class ReversalPreviewType {
  @Field(() => ReversalKindEnum, { description: 'Undo or retract.' }) kind: ReversalKindEnum;
  @Field(() => Int, { description: 'Number of targets affected.' }) targetCount: number;
  @Field(() => Int, { description: 'Paths taken back over every target.' }) removedTotal: number;
  @Field(() => Int, { description: 'Targets where something the recipient changed is kept.' }) targetsWithKept: number;
  @Field(() => [ReversalTargetPreviewType], { description: "Each target's outcome.", deprecationReason: 'Use targetList, which pages the targets (a whole class at once is large).' })
  targets: ReversalTargetPreviewType[];
}

@ObjectType('DistributionProgress', { description: 'A progress event of a distribution.' })
export class DistributionProgressType {
  @Field(() => DistributionType, { description: 'The distribution, as it stands now.' }) distribution: DistributionType;
  @Field(() => TargetStatusCountsType, { description: 'How many targets are in each state.' }) counts: TargetStatusCountsType;
  @Field(() => [DistributionTargetType], { description: 'Targets that finished since the previous event.' }) finished: DistributionTargetType[];
  @Field({ description: 'The last event: the distribution reached an end state.' }) final: boolean;
}

export const DistributionConnection = Connection(DistributionType, 'Distribution');
export const TargetPreviewConnection = Connection(TargetPreviewType, 'TargetPreview');
export const ReversalTargetPreviewConnection = Connection(ReversalTargetPreviewType, 'ReversalTargetPreview');
export const DistributionTargetConnection = Connection(DistributionTargetType, 'DistributionTarget');

/**
 * The input type's first name. A client's operation names the type of its
 * variables ($input: PushInputType!), so the old operations keep taking it;
 * GraphQL has no aliases for types and no deprecation of input types.
 */
@InputType('PushInputType', {
  description: 'The former name of PushInput, with the same fields, taken by the deprecated pushDistribution and previewDistribution. New operations take PushInput.',
})
export class LegacyPushInputType extends PushInputType {}

@ObjectType('CreateDistributionPayload', { description: 'What createDistribution made.' })
export class CreateDistributionPayload {
  @Field(() => DistributionType, { description: 'The new push (for a repeated idempotency key, the first one); its targets are written in the background.' })
  distribution: DistributionType;
}
