import { Entity, Index } from 'typeorm';
import { BoolColumn, DateTimeColumn, HashColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns';
import type { WorkspaceKind } from '../../core/policy/workspaces';

export type { WorkspaceKind };

/**
 * A workspace and its head. `(rootTreeId, version, headCommitId)` changes only
 * by compare-and-swap on `version` (see WorkspaceStore.commit).
 */
@Entity('workspace')
@Index('ix_workspace_space', ['spaceId', 'kind'])
@Index('ix_workspace_owner', ['ownerId'])
export class Workspace {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @StringColumn(16) kind: WorkspaceKind;
  @StringColumn(200) name: string;
  @RefColumn({ nullable: true }) ownerId: string | null;
  /** A SHARED workspace open only to the people listed in `workspace_member` (and staff): a group's workspace. */
  @BoolColumn() membersOnly: boolean;
  @HashColumn() rootTreeId: string;
  @IntColumn() version: number;
  @RefColumn({ nullable: true }) headCommitId: string | null;
  @DateTimeColumn() createdAt: Date;
}
