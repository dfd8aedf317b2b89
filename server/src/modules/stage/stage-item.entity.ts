import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * One path on a user's stage for one source state (a workspace's current
 * state, or one of its snapshots). Paths, not content: content is resolved
 * when a push is created, so what is delivered is what the source held then.
 */
@Entity('stage_item')
@Index('uq_stage_item', ['userId', 'sourceWorkspaceId', 'sourceKey', 'pathHash'], { unique: true })
export class StageItem {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() sourceWorkspaceId: string;
  @RefColumn({ nullable: true }) sourceSnapshotId: string | null;
  /** `sourceSnapshotId` or '' for the current state: a non-null key for the unique index. */
  @StringColumn(36) sourceKey: string;
  /** Workspace-relative; '' stages the whole state. */
  @StringColumn(1024) path: string;
  /** SHA-256 of `path`: long paths do not fit a MySQL unique index. */
  @HashColumn() pathHash: string;
  @DateTimeColumn() createdAt: Date;
}
