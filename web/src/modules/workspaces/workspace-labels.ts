import type { EntryKind, WorkspaceKind } from '../../gql/graphql';

const KIND: Record<WorkspaceKind, string> = {
  MASTER: 'Master',
  DISTRIBUTED: 'Distributed',
  PERSONAL: 'Personal',
  SHARED: 'Shared',
};

const KIND_HINT: Record<WorkspaceKind, string> = {
  MASTER: 'The source of truth for course material.',
  DISTRIBUTED: 'Everything pushed to all members; new members start from it.',
  PERSONAL: 'One member’s own work.',
  SHARED: 'Group work.',
};

const ENTRY_KIND: Record<EntryKind, string> = {
  DIRECTORY: 'Folder',
  FILE: 'File',
  TABLE: 'Table',
  APPLICATION: 'Application',
};

export const workspaceKindLabel = (kind: WorkspaceKind | string): string => KIND[kind as WorkspaceKind] ?? kind;
export const workspaceKindHint = (kind: WorkspaceKind | string): string => KIND_HINT[kind as WorkspaceKind] ?? '';
export const entryKindLabel = (kind: EntryKind | string): string => ENTRY_KIND[kind as EntryKind] ?? kind;
