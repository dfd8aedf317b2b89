import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * What was last delivered to a path of a workspace from a source workspace:
 * PRESERVE_EDITS compares the recipient's current content with it.
 * One row per delivered item (a folder item covers its whole subtree).
 */
@Entity('delivery')
@Index('uq_delivery', ['targetWorkspaceId', 'sourceWorkspaceId', 'pathHash'], { unique: true })
export class Delivery {
  @IdColumn() id: string;
  @RefColumn() targetWorkspaceId: string;
  @RefColumn() sourceWorkspaceId: string;
  @StringColumn(1024) path: string;
  /** SHA-256 of `path`: long paths do not fit a MySQL unique index. */
  @HashColumn() pathHash: string;
  @StringColumn(16) kind: string;
  @HashColumn() contentId: string;
  @RefColumn() distributionId: string;
  @DateTimeColumn() deliveredAt: Date;
}
