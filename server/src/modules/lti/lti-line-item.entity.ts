import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * The platform's line item (gradebook column) of an assignment in a course:
 * the one the platform named in a launch of the assignment's resource link
 * (the `lineitem` of the AGS endpoint claim), or the one this tool created.
 * Scores go to it; no second line item is made for the assignment.
 */
@Entity('lti_line_item')
@Index('uq_lti_line_item', ['contextId', 'assignmentId'], { unique: true })
export class LtiLineItem {
  @IdColumn() id: string;
  @RefColumn() contextId: string;
  @RefColumn() assignmentId: string;
  /** The line item's URL at the platform. */
  @StringColumn(1000) url: string;
  /** The resource link whose launch named it; null for one this tool created. */
  @StringColumn(255, { nullable: true }) resourceLinkId: string | null;
  @DateTimeColumn() createdAt: Date;
}
