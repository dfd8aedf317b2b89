import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/**
 * A student's request to look again at a returned grade: on one criterion of
 * the rubric, or on the whole grade when there is no rubric. One per
 * criterion and student (`criterionKey` is '' for the whole grade).
 */
@Entity('regrade_request')
@Index('uq_regrade_request', ['assignmentId', 'studentId', 'criterionKey'], { unique: true })
@Index('ix_regrade_request_open', ['assignmentId', 'resolvedAt'])
export class RegradeRequest {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() studentId: string;
  @StringColumn(36) criterionKey: string;
  /** The criterion's title when asked, so the request reads the same if the rubric changes. */
  @StringColumn(200) criterionTitle: string;
  @TextColumn() message: string;
  @DateTimeColumn() createdAt: Date;
  /** The grade's points when asked and when answered (hundredths). */
  @IntColumn({ nullable: true }) pointsBeforeHundredths: number | null;
  @IntColumn({ nullable: true }) pointsAfterHundredths: number | null;
  @TextColumn({ nullable: true }) reply: string | null;
  @RefColumn({ nullable: true }) resolvedById: string | null;
  @DateTimeColumn({ nullable: true }) resolvedAt: Date | null;
}
