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
registerEnumType(WorkspaceKindEnum, {
  name: 'WorkspaceKind',
  description: 'What a workspace is for.',
  valuesConfig: {
    MASTER: { description: "The staff's source material of a space." },
    DISTRIBUTED: { description: 'Everything pushed to all members; members who join later start from it.' },
    PERSONAL: { description: "One member's own workspace." },
    SHARED: { description: 'A workspace for group work.' },
  },
});
registerEnumType(EntryKindEnum, {
  name: 'EntryKind',
  description: 'What an entry of a workspace is.',
  valuesConfig: {
    FILE: { description: 'A file of bytes.' },
    DIRECTORY: { description: 'A folder.' },
    TABLE: { description: 'A table: typed columns and rows.' },
    APPLICATION: { description: 'An application configuration (validated JSON).' },
  },
});
registerEnumType(ColumnTypeEnum, {
  name: 'ColumnType',
  description: 'The type of the values in a table column.',
  valuesConfig: {
    STRING: { description: 'Text.' },
    INTEGER: { description: 'Whole numbers.' },
    FLOAT: { description: 'Decimal numbers.' },
    BOOLEAN: { description: 'Yes or no: true or false.' },
    DATE: { description: 'Calendar dates (YYYY-MM-DD).' },
    DATETIME: { description: 'Date-times (ISO 8601).' },
  },
});

@ObjectType('Workspace', { description: 'A versioned tree of files, tables and applications. Staff of its space read every workspace; others their own, the DISTRIBUTED one and SHARED ones they belong to.' })
export class WorkspaceType {
  @Field(() => ID, { description: 'Identifier of this workspace.' }) id: string;
  @Field({ description: 'Name of the workspace.' }) name: string;
  @Field(() => WorkspaceKindEnum, { description: 'What the workspace is for.' }) kind: WorkspaceKindEnum;
  @Field(() => ID, { description: 'The space it belongs to.' }) spaceId: string;
  @Field(() => ID, { description: 'The owner of a PERSONAL workspace; null for other kinds.', nullable: true }) ownerId: string | null;
  @Field(() => Int, { description: 'The version of the current state; pass it as expectedVersion to refuse edits on a state you have not seen.' })
  version: number;
  @Field({ description: 'Content hash of the current root.' }) rootTreeId: string;
  @Field({ description: 'When it was created.' }) createdAt: Date;
}

@ObjectType('Entry', { description: 'One entry of a folder.' })
export class EntryType {
  @Field({ description: 'Name of the entry inside its folder.' }) name: string;
  @Field({ description: "Workspace-relative, e.g. 'files/week1/data.csv'." }) path: string;
  @Field(() => EntryKindEnum, { description: 'What the entry is.' }) kind: EntryKindEnum;
  @Field({ description: 'SHA-256 content id.' }) hash: string;
  @Field(() => Number, { description: 'Bytes; for a folder, of everything inside it.' }) size: number;
}

@ObjectType('Commit', { description: 'One version of a workspace: its whole state after a change.' })
export class CommitType {
  @Field(() => ID, { description: 'Identifier of this version.' }) id: string;
  @Field(() => Int, { description: 'Version number, from 1, one higher per change.' }) version: number;
  @Field({ description: 'What changed, in words.' }) message: string;
  @Field({ description: 'When the version was made.' }) createdAt: Date;
  @Field({ description: 'Content hash of the whole state.' }) rootTreeId: string;
  @Field(() => ID, { description: 'Who made it; null for the system.', nullable: true }) authorId: string | null;
  @Field(() => UserType, { description: 'Who made it; null for the system.', nullable: true }) author?: UserType | null;
  @Field(() => ID, { description: 'The distribution that made it; null otherwise.', nullable: true }) distributionId: string | null;
}

@ObjectType('ObjectDetails', { description: 'An object at a path of a workspace.' })
export class ObjectDetailsType extends EntryType {
  @Field(() => CommitType, { nullable: true, description: 'The version since which the object holds this content.' })
  lastChange: CommitType | null;
}

@ObjectType('Snapshot', { description: 'A named state of a workspace that can be read, pushed from or restored.' })
export class SnapshotType {
  @Field(() => ID, { description: 'Identifier of this snapshot.' }) id: string;
  @Field(() => ID, { description: 'The workspace.' }) workspaceId: string;
  @Field({ description: 'Short name.' }) label: string;
  @Field({ description: 'What it is for; empty when none.' }) description: string;
  @Field({ description: 'Taken by the system before a restore or a push.' }) automatic: boolean;
  @Field({ description: 'When it was taken.' }) createdAt: Date;
  @Field({ description: 'Content hash of the saved state.' }) rootTreeId: string;
  @Field(() => ID, { description: 'The version it names.' }) commitId: string;
}

@ObjectType({ description: 'The outcome of a full restore.' })
export class RestoreResult {
  @Field(() => WorkspaceType, { description: 'The workspace at its new version.' }) workspace: WorkspaceType;
  @Field(() => SnapshotType, { nullable: true, description: 'The automatic snapshot of the state the restore replaced.' })
  backup: SnapshotType | null;
}

@ObjectType({ description: 'A column of a table.' })
export class TableColumnType {
  @Field({ description: 'Column name.' }) name: string;
  @Field(() => ColumnTypeEnum, { description: 'Type of the values in the column.' }) type: ColumnTypeEnum;
}

@ObjectType({ description: "A page of a table's rows." })
export class TablePage {
  @Field({ description: 'Workspace-relative path of the table.' }) path: string;
  @Field({ description: 'SHA-256 content id of the whole table.' }) hash: string;
  @Field(() => [TableColumnType], { description: 'The columns, in order.' }) columns: TableColumnType[];
  @Field(() => Int, { description: 'Rows in the whole table.' }) rowCount: number;
  @Field(() => Int, { description: 'Index of the first row on this page (0-based).' }) offset: number;
  @Field(() => [GraphQLJSON], { description: 'Each row is an array of cell values in column order.' }) rows: unknown[];
}

@ObjectType('Application', { description: 'An application configuration stored in a workspace.' })
export class ApplicationType {
  @Field({ description: 'Workspace-relative path.' }) path: string;
  @Field({ description: 'SHA-256 content id.' }) hash: string;
  @Field(() => GraphQLJSONObject, { description: 'image, packages, environment, resources, startCommand, ports' })
  config: Record<string, unknown>;
}

@InputType({ description: 'A new type for one column of a table.' })
export class ColumnTypeInput {
  @Field({ description: 'The column.' }) name: string;
  @Field(() => ColumnTypeEnum, { description: 'Its new type; refused when a value does not fit.' }) type: ColumnTypeEnum;
}

@ObjectType({ description: 'A new version of a workspace.' })
export class WorkspaceEvent {
  @Field(() => ID, { description: 'The workspace.' }) workspaceId: string;
  @Field(() => Int, { description: 'Its new version number.' }) version: number;
  @Field(() => ID, { description: "The new version's id." }) commitId: string;
}

export const EntryConnection = Connection(EntryType, 'Entry');
export const CommitConnection = Connection(CommitType, 'Commit');
export const SnapshotConnection = Connection(SnapshotType, 'Snapshot');
