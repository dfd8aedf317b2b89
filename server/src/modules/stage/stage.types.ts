import { Connection } from '../../core/graphql/connection';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { EntryKindEnum } from '../workspaces/workspaces.types';
import type { FrozenItem } from './frozen-item';

@InputType({ description: 'A state of a workspace to take material from: its current state, or a snapshot of it.' })
export class SourceInput {
  @Field(() => ID, { description: 'The workspace.' }) workspaceId: string;
  @Field(() => ID, { nullable: true, description: 'A snapshot of the workspace; its current state when omitted.' }) snapshotId?: string | null;
}

@ObjectType('FrozenItem', { description: 'A file, folder, table or application as it was when frozen into a bundle, distribution or assignment.' })
export class FrozenItemType {
  @Field({ description: 'Workspace-relative path.' }) path: string;
  @Field(() => EntryKindEnum, { description: 'What the entry is.' }) kind: EntryKindEnum;
  @Field({ description: 'SHA-256 content id of the frozen content.' }) hash: string;
  @Field(() => Number, { description: 'Size in bytes; for a folder, of everything inside it.' }) size: number;
}

@ObjectType('StageItem', { description: 'A path the caller staged for the next push.' })
export class StageItemType {
  @Field(() => ID, { description: 'Identifier of this stage item.' }) id: string;
  @Field({ description: 'Workspace-relative path staged.' }) path: string;
  @Field(() => ID, { description: 'The workspace it comes from.' }) sourceWorkspaceId: string;
  @Field(() => ID, { description: "The snapshot it comes from; null for the workspace's current state.", nullable: true }) sourceSnapshotId: string | null;
  @Field({ description: 'When it was staged.' }) createdAt: Date;
}

@ObjectType('StageSource', { description: 'A source the caller has items staged from.' })
export class StageSourceType {
  @Field(() => ID, { description: 'The workspace.' }) workspaceId: string;
  @Field(() => ID, { description: 'The snapshot; null for the current state.', nullable: true }) snapshotId: string | null;
  @Field(() => Int, { description: 'How many items are staged from it.' }) count: number;
}

@ObjectType('Bundle', { description: 'A saved, frozen set of items that can be pushed or handed out again later. Course staff of its space.' })
export class BundleType {
  @Field(() => ID, { description: 'Identifier of this bundle.' }) id: string;
  @Field(() => ID, { description: 'The space it belongs to.' }) spaceId: string;
  @Field({ description: 'Name of the bundle.' }) name: string;
  @Field({ description: 'What it holds; empty when none.' }) description: string;
  @Field(() => ID, { description: 'The workspace its items came from.' }) sourceWorkspaceId: string;
  @Field(() => ID, { description: 'The snapshot its items came from; null for the state at the time.', nullable: true }) sourceSnapshotId: string | null;
  @Field(() => [FrozenItemType], { description: 'The frozen items.' }) items: FrozenItemType[];
  @Field({ description: 'When it was saved.' }) createdAt: Date;
}

/** A frozen item as the API shows it: its content id is its hash. */
export const BundleConnection = Connection(BundleType, 'Bundle');

export const itemNode = (i: FrozenItem) => ({ ...i, hash: i.id });
