import { Entity, Index } from 'typeorm';
import { BoolColumn, DateTimeColumn, IdColumn, IntColumn, JsonColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';
import type { WebhookEventType } from './webhook-events';

/**
 * An address a space's admins asked to be told of events at. The secret
 * signs every delivery; it is shown once, when created or rotated. An
 * endpoint that keeps failing is disabled (with the reason) until an admin
 * enables it again.
 */
@Entity('webhook_endpoint')
@Index('ix_webhook_endpoint_space', ['spaceId', 'enabled'])
export class WebhookEndpoint {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @StringColumn(2000) url: string;
  @StringColumn(300, { default: '' }) description: string;
  @JsonColumn() events: WebhookEventType[];
  /** `whsec_` and the base64 of the signing key. */
  @StringColumn(100) secret: string;
  @BoolColumn({ default: true }) enabled: boolean;
  /** Failed attempts since the last delivered one. */
  @IntColumn({ default: 0 }) failureCount: number;
  /** When the current run of failures began; null after a delivered attempt. */
  @DateTimeColumn({ nullable: true }) failingSince: Date | null;
  @TextColumn({ nullable: true }) disabledReason: string | null;
  @RefColumn() createdById: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}
