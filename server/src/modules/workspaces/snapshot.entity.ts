import { Entity, Index } from 'typeorm';
import { BoolColumn, DateTimeColumn, HashColumn, IdColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/** A named pointer to a commit: O(1) whatever the size of the workspace. */
@Entity('snapshot')
@Index('ix_snapshot_workspace', ['workspaceId', 'createdAt'])
export class Snapshot {
  @IdColumn() id: string;
  @RefColumn() workspaceId: string;
  @RefColumn() commitId: string;
  @HashColumn() rootTreeId: string;
  @StringColumn(200) label: string;
  @TextColumn() description: string;
  /** Taken by the system (before a restore or a push) rather than by a person. */
  @BoolColumn() automatic: boolean;
  @RefColumn({ nullable: true }) createdById: string | null;
  @DateTimeColumn() createdAt: Date;
}
