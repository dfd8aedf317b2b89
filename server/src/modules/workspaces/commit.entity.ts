import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns';

/** One change of a workspace head: the history, and what snapshots point at. */
@Entity('commit')
@Index('ix_commit_workspace', ['workspaceId', 'version'])
export class Commit {
  @IdColumn() id: string;
  @RefColumn() workspaceId: string;
  @RefColumn({ nullable: true }) parentId: string | null;
  @HashColumn() rootTreeId: string;
  /** The head version this commit produced. */
  @IntColumn() version: number;
  @RefColumn({ nullable: true }) authorId: string | null;
  @StringColumn(1000) message: string;
  @RefColumn({ nullable: true }) distributionId: string | null;
  @DateTimeColumn() createdAt: Date;
}
