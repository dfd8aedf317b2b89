import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/**
 * A course of a platform (its LTI context) and the Stagecoach space it opens.
 * Keyed by the platform's registration, so the same context id sent by
 * another platform never reaches this space.
 */
@Entity('lti_context')
@Index('uq_lti_context', ['platformId', 'contextId'], { unique: true })
@Index('ix_lti_context_space', ['spaceId'])
export class LtiContext {
  @IdColumn() id: string;
  @RefColumn() platformId: string;
  @StringColumn(255) contextId: string;
  @RefColumn() spaceId: string;
  @StringColumn(255) title: string;
  /** The Names and Role Provisioning Services endpoint of this context, from the latest launch. */
  @StringColumn(1000, { nullable: true }) membershipsUrl: string | null;
  /** The Assignment and Grade Services line items endpoint of this context, from the latest launch. */
  @StringColumn(1000, { nullable: true }) lineItemsUrl: string | null;
  @DateTimeColumn() createdAt: Date;
  /** When an instructor's launch last compared the platform's roster with the space (nothing is applied then). */
  @DateTimeColumn({ nullable: true }) rosterCheckedAt: Date | null;
  /** How many people that comparison would add, change, reactivate or deactivate. */
  @IntColumn({ nullable: true }) rosterDifferences: number | null;
  /** Why that comparison could not be made, when it could not. */
  @TextColumn({ nullable: true }) rosterCheckError: string | null;
}
