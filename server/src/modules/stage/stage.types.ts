import { Connection } from '../../core/graphql/connection';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { EntryKindEnum } from '../workspaces/workspaces.types';
import type { FrozenItem } from './frozen-item';

@InputType()
export class SourceInput {
  @Field(() => ID) workspaceId: string;
  @Field(() => ID, { nullable: true, description: 'A snapshot of the workspace; its current state when omitted.' }) snapshotId?: string | null;
}

@ObjectType('FrozenItem')
export class FrozenItemType {
  @Field() path: string;
  @Field(() => EntryKindEnum) kind: EntryKindEnum;
  @Field() hash: string;
  @Field(() => Number) size: number;
}

@ObjectType('StageItem')
export class StageItemType {
  @Field(() => ID) id: string;
  @Field() path: string;
  @Field(() => ID) sourceWorkspaceId: string;
  @Field(() => ID, { nullable: true }) sourceSnapshotId: string | null;
  @Field() createdAt: Date;
}

@ObjectType('StageSource')
export class StageSourceType {
  @Field(() => ID) workspaceId: string;
  @Field(() => ID, { nullable: true }) snapshotId: string | null;
  @Field(() => Int) count: number;
}

@ObjectType('Bundle')
export class BundleType {
  @Field(() => ID) id: string;
  @Field(() => ID) spaceId: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => ID) sourceWorkspaceId: string;
  @Field(() => ID, { nullable: true }) sourceSnapshotId: string | null;
  @Field(() => [FrozenItemType]) items: FrozenItemType[];
  @Field() createdAt: Date;
}

/** A frozen item as the API shows it: its content id is its hash. */
export const BundleConnection = Connection(BundleType, 'Bundle');

export const itemNode = (i: FrozenItem) => ({ ...i, hash: i.id });
