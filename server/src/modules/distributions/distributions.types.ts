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
registerEnumType(DistributionStatusEnum, { name: 'DistributionStatus' });
registerEnumType(DistributionKindEnum, { name: 'DistributionKind' });
export enum ReversalKindEnum {
  UNDO = 'UNDO',
  RETRACT = 'RETRACT',
}
registerEnumType(ReversalKindEnum, {
  name: 'ReversalKind',
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
registerEnumType(TargetStatusEnum, { name: 'TargetStatus' });
registerEnumType(OutcomeEnum, { name: 'Outcome' });

@InputType()
export class TargetsInput {
  @Field(() => [ID], { nullable: true }) workspaceIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Every personal workspace of this space whose owner has one of `roles`.' })
  spaceId?: string | null;
  @Field(() => [RoleEnum], { nullable: true, description: 'Default: MEMBER.' }) roles?: RoleEnum[] | null;
  @Field(() => Boolean, { nullable: true, description: "Also push to the space's DISTRIBUTED workspace, so members who join later get it too." })
  includeFutureMembers?: boolean | null;
}

@InputType()
export class PoliciesInput {
  @Field(() => PolicyEnum, { defaultValue: PolicyEnum.OVERWRITE }) default: PolicyEnum;
  @Field(() => PolicyEnum, { nullable: true }) files?: PolicyEnum | null;
  @Field(() => PolicyEnum, { nullable: true }) tables?: PolicyEnum | null;
  @Field(() => PolicyEnum, { nullable: true }) applications?: PolicyEnum | null;
}

@InputType()
export class PushInputType {
  @Field(() => SourceInput, { nullable: true }) source?: SourceInput | null;
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
  @Field(() => TargetsInput) targets: TargetsInput;
  @Field(() => PoliciesInput, { nullable: true }) policies?: PoliciesInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Snapshot each target before changing it (default true).' }) snapshotFirst?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Shown to recipients with the notification.' }) message?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also e-mail recipients (SMTP, or the outbox).' }) emailRecipients?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Repeating a push with the same key and input returns the first one.' })
  idempotencyKey?: string | null;
}

@ObjectType('Policies')
export class PoliciesType {
  @Field(() => PolicyEnum) default: PolicyEnum;
  @Field(() => PolicyEnum, { nullable: true }) files?: PolicyEnum | null;
  @Field(() => PolicyEnum, { nullable: true }) tables?: PolicyEnum | null;
  @Field(() => PolicyEnum, { nullable: true }) applications?: PolicyEnum | null;
}

@ObjectType('PathOutcome')
export class PathOutcomeType {
  @Field() path: string;
  @Field(() => OutcomeEnum) outcome: OutcomeEnum;
  @Field(() => Int, { description: 'Files, tables or applications this row stands for (a whole added folder is one row).' }) files: number;
  @Field(() => String, { nullable: true }) copiedTo?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "For REPLACED and REMOVED: true when what goes is the recipient's own work (it differs from what this source last delivered there, or nothing was), false when it is still the delivered content. Null when not known.",
  })
  edited?: boolean | null;
}

@ObjectType('OutcomeCounts')
export class OutcomeCountsType {
  @Field(() => Int) added: number;
  @Field(() => Int) replaced: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) skipped: number;
  @Field(() => Int) copied: number;
  @Field(() => Int) removed: number;
  @Field(() => Int) conflict: number;
}

@ObjectType('TargetStatusCounts')
export class TargetStatusCountsType {
  @Field(() => Int) total: number;
  @Field(() => Int) pending: number;
  @Field(() => Int) running: number;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) conflict: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Int, { description: 'Targets that reached an end state.' }) done: number;
}

@ObjectType('DistributionTarget')
export class DistributionTargetType {
  @Field(() => ID) id: string;
  @Field(() => ID) workspaceId: string;
  @Field(() => WorkspaceType, { nullable: true }) workspace?: WorkspaceType | null;
  @Field(() => TargetStatusEnum) status: TargetStatusEnum;
  @Field(() => OutcomeCountsType, { nullable: true }) counts?: OutcomeCountsType | null;
  @Field(() => [PathOutcomeType], { description: 'Coarse outcomes (conflicts first), at most 200.' }) outcomes: PathOutcomeType[];
  @Field(() => [String], { description: 'Undo or retract: paths left alone because the recipient changed them.' }) kept: string[];
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => ID, { nullable: true }) commitId: string | null;
  @Field(() => ID, { nullable: true, description: 'The automatic snapshot taken before the change.' }) snapshotId: string | null;
  @Field(() => Int) attempts: number;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('Distribution')
export class DistributionType {
  @Field(() => ID) id: string;
  @Field(() => DistributionKindEnum) kind: DistributionKindEnum;
  @Field(() => DistributionStatusEnum) status: DistributionStatusEnum;
  @Field(() => ID) spaceId: string;
  @Field(() => ID) sourceWorkspaceId: string;
  @Field(() => ID, { nullable: true }) sourceSnapshotId: string | null;
  @Field(() => ID, { nullable: true, description: 'For an undo or retraction: the push it reverses.' }) originId: string | null;
  @Field(() => ID) createdById: string;
  @Field(() => UserType, { nullable: true, description: 'Who started it.' }) createdBy?: UserType | null;
  @Field(() => [DistributionType], { description: 'Undos and retractions of this push that did not fail or get cancelled, oldest first.' })
  reversals?: DistributionType[];
  @Field(() => Date, { nullable: true, description: 'When this push was first undone or retracted (see reversals for which and for whom).' })
  undoneAt?: Date | null;
  @Field(() => UserType, { nullable: true, description: 'Who first undid or retracted this push.' }) undoneBy?: UserType | null;
  @Field(() => [FrozenItemType]) items: FrozenItemType[];
  @Field(() => PoliciesType) policies: PoliciesType;
  @Field() snapshotFirst: boolean;
  @Field() includeFutureMembers: boolean;
  @Field() message: string;
  @Field(() => Int) targetCount: number;
  @Field(() => String, { nullable: true }) idempotencyKey: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('TargetPreview')
export class TargetPreviewType {
  @Field(() => WorkspaceType) workspace: WorkspaceType;
  @Field(() => OutcomeCountsType) counts: OutcomeCountsType;
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

@ObjectType('DistributionPreview')
export class DistributionPreviewType {
  @Field(() => [FrozenItemType]) items: FrozenItemType[];
  @Field(() => PoliciesType) policies: PoliciesType;
  @Field(() => OutcomeCountsType) totals: OutcomeCountsType;
  @Field(() => Int) targetCount: number;
  @Field(() => Int) targetsWithConflicts: number;
  @Field(() => Int, { description: "Targets where the push would replace or remove the recipient's own work." }) targetsLosingEdits: number;
  @Field(() => Int, { description: 'Targets the push would change.' }) targetsChanging: number;
  @Field(() => Int, { description: 'Targets a FAIL policy would leave untouched.' }) targetsFailing: number;
  @Field(() => Int, { description: 'Targets that already hold everything pushed.' }) targetsUpToDate: number;
  @Field(() => [TargetPreviewType]) targets: TargetPreviewType[];
}

@ObjectType('ReversalTargetPreview')
export class ReversalTargetPreviewType {
  @Field(() => WorkspaceType) workspace: WorkspaceType;
  @Field(() => Int, { description: 'Paths that would be set back (undo) or deleted (retract).' }) removedCount: number;
  @Field(() => [String], { description: 'Those paths, at most 200.' }) removed: string[];
  @Field(() => [String], { description: "Paths the recipient changed since the push: they stay as the recipient left them (at most 200)." }) kept: string[];
  @Field({ description: 'Whether this target would change at all.' }) changes: boolean;
}

@ObjectType('ReversalPreview')
export class ReversalPreviewType {
  @Field(() => ReversalKindEnum) kind: ReversalKindEnum;
  @Field(() => Int) targetCount: number;
  @Field(() => Int, { description: 'Paths taken back over every target.' }) removedTotal: number;
  @Field(() => Int, { description: 'Targets where something the recipient changed is kept.' }) targetsWithKept: number;
  @Field(() => [ReversalTargetPreviewType]) targets: ReversalTargetPreviewType[];
}

@ObjectType('DistributionProgress')
export class DistributionProgressType {
  @Field(() => DistributionType) distribution: DistributionType;
  @Field(() => TargetStatusCountsType) counts: TargetStatusCountsType;
  @Field(() => [DistributionTargetType], { description: 'Targets that finished since the previous event.' }) finished: DistributionTargetType[];
  @Field({ description: 'The last event: the distribution reached an end state.' }) final: boolean;
}

export const DistributionConnection = Connection(DistributionType, 'Distribution');
export const DistributionTargetConnection = Connection(DistributionTargetType, 'DistributionTarget');
