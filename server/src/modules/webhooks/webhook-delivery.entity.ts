import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/** PENDING: waiting for its next attempt; RUNNING: leased to a worker; DELIVERED: answered 2xx; FAILED: retries ran out. */
export type WebhookDeliveryStatus = 'PENDING' | 'RUNNING' | 'DELIVERED' | 'FAILED';

/**
 * One event for one endpoint: the outbox row written in the transaction of
 * the event, then claimed under a lease by workers and attempted until the
 * endpoint answers 2xx or `retryUntil` passes. Its id is the `webhook-id`
 * header, the same on every attempt and replay, so receivers can ignore
 * repeats. Only the last attempt's response is kept.
 */
@Entity('webhook_delivery')
@Index('ix_webhook_delivery_due', ['status', 'nextAttemptAt'])
@Index('ix_webhook_delivery_endpoint', ['endpointId', 'createdAt'])
export class WebhookDelivery {
  @IdColumn() id: string;
  @RefColumn() endpointId: string;
  @RefColumn() spaceId: string;
  @StringColumn(64) eventType: string;
  /** The exact JSON body sent (and signed) on every attempt. */
  @TextColumn() payload: string;
  @StringColumn(16) status: WebhookDeliveryStatus;
  @IntColumn({ default: 0 }) attempts: number;
  @DateTimeColumn() nextAttemptAt: Date;
  /** No attempt is made after this (a day after the event, or after a replay). */
  @DateTimeColumn() retryUntil: Date;
  @StringColumn(64, { nullable: true }) leaseOwner: string | null;
  @DateTimeColumn({ nullable: true }) leaseExpiresAt: Date | null;
  @DateTimeColumn({ nullable: true }) lastAttemptAt: Date | null;
  @IntColumn({ nullable: true }) lastResponseStatus: number | null;
  /** The first 2,000 characters of the last response's body. */
  @TextColumn({ nullable: true }) lastResponseBody: string | null;
  @IntColumn({ nullable: true }) lastDurationMs: number | null;
  /** Why the last attempt got no HTTP answer (refused address, timeout, connection error). */
  @TextColumn({ nullable: true }) lastError: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) deliveredAt: Date | null;
}
