import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

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
}
