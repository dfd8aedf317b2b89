import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../core/graphql/connection';
import { UserType } from '../users/users.types';

export enum WorkspaceKindEnum {
  MASTER = 'MASTER',
  DISTRIBUTED = 'DISTRIBUTED',
  PERSONAL = 'PERSONAL',
  SHARED = 'SHARED',
}
export enum EntryKindEnum {
  FILE = 'FILE',
  DIRECTORY = 'DIRECTORY',
  TABLE = 'TABLE',
  APPLICATION = 'APPLICATION',
}
export enum ColumnTypeEnum {
  STRING = 'STRING',
  INTEGER = 'INTEGER',
  FLOAT = 'FLOAT',
  BOOLEAN = 'BOOLEAN',
  DATE = 'DATE',
  DATETIME = 'DATETIME',
}
registerEnumType(WorkspaceKindEnum, { name: 'WorkspaceKind' });
registerEnumType(EntryKindEnum, { name: 'EntryKind' });
registerEnumType(ColumnTypeEnum, { name: 'ColumnType' });

@ObjectType('Workspace')
export class WorkspaceType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => WorkspaceKindEnum) kind: WorkspaceKindEnum;
  @Field(() => ID) spaceId: string;
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field(() => Int, { description: 'The version of the current state; pass it as expectedVersion to refuse edits on a state you have not seen.' })
  version: number;
  @Field({ description: 'Content hash of the current root.' }) rootTreeId: string;
  @Field() createdAt: Date;
}

@ObjectType('Entry')
export class EntryType {
  @Field() name: string;
  @Field({ description: "Workspace-relative, e.g. 'files/week1/data.csv'." }) path: string;
  @Field(() => EntryKindEnum) kind: EntryKindEnum;
  @Field({ description: 'SHA-256 content id.' }) hash: string;
  @Field(() => Number, { description: 'Bytes; for a folder, of everything inside it.' }) size: number;
}

@ObjectType('Commit')
export class CommitType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field() message: string;
  @Field() createdAt: Date;
  @Field() rootTreeId: string;
  @Field(() => ID, { nullable: true }) authorId: string | null;
  @Field(() => UserType, { nullable: true }) author?: UserType | null;
  @Field(() => ID, { nullable: true }) distributionId: string | null;
}

@ObjectType('ObjectDetails')
export class ObjectDetailsType extends EntryType {
  @Field(() => CommitType, { nullable: true, description: 'The version since which the object holds this content.' })
  lastChange: CommitType | null;
}

@ObjectType('Snapshot')
export class SnapshotType {
  @Field(() => ID) id: string;
  @Field(() => ID) workspaceId: string;
  @Field() label: string;
  @Field() description: string;
  @Field({ description: 'Taken by the system before a restore or a push.' }) automatic: boolean;
  @Field() createdAt: Date;
  @Field() rootTreeId: string;
  @Field(() => ID) commitId: string;
}

@ObjectType()
export class RestoreResult {
  @Field(() => WorkspaceType) workspace: WorkspaceType;
  @Field(() => SnapshotType, { nullable: true, description: 'The automatic snapshot of the state the restore replaced.' })
  backup: SnapshotType | null;
}

@ObjectType()
export class TableColumnType {
  @Field() name: string;
  @Field(() => ColumnTypeEnum) type: ColumnTypeEnum;
}

@ObjectType()
export class TablePage {
  @Field() path: string;
  @Field() hash: string;
  @Field(() => [TableColumnType]) columns: TableColumnType[];
  @Field(() => Int) rowCount: number;
  @Field(() => Int) offset: number;
  @Field(() => [GraphQLJSON], { description: 'Each row is an array of cell values in column order.' }) rows: unknown[];
}

@ObjectType('Application')
export class ApplicationType {
  @Field() path: string;
  @Field() hash: string;
  @Field(() => GraphQLJSONObject, { description: 'image, packages, environment, resources, startCommand, ports' })
  config: Record<string, unknown>;
}

@InputType()
export class ColumnTypeInput {
  @Field() name: string;
  @Field(() => ColumnTypeEnum) type: ColumnTypeEnum;
}

@ObjectType()
export class WorkspaceEvent {
  @Field(() => ID) workspaceId: string;
  @Field(() => Int) version: number;
  @Field(() => ID) commitId: string;
}

export const EntryConnection = Connection(EntryType, 'Entry');
export const CommitConnection = Connection(CommitType, 'Commit');
export const SnapshotConnection = Connection(SnapshotType, 'Snapshot');
