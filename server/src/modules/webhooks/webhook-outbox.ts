import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WebhookEventType } from './webhook-events';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** Attempts stop this long after the event (or a replay). */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;

/** The JSON body of a delivery: the Standard Webhooks envelope with the space it happened in. */
export function webhookBody(type: string, spaceId: string, data: Record<string, unknown>, at: Date): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), spaceId, data });
}

/** A delivery row waiting for its first attempt. */
export function pendingDelivery(endpoint: Pick<WebhookEndpoint, 'id' | 'spaceId'>, type: string, payload: string, now: Date): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: `msg_${randomUUID().replace(/-/g, '')}`.slice(0, 36),
    endpointId: endpoint.id,
    spaceId: endpoint.spaceId,
    eventType: type,
    payload,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
    leaseOwner: null,
    leaseExpiresAt: null,
    lastAttemptAt: null,
    lastResponseStatus: null,
    lastResponseBody: null,
    lastDurationMs: null,
    lastError: null,
    createdAt: now,
    deliveredAt: null,
  } satisfies Partial<WebhookDelivery>);
}

/**
 * Writes an event's deliveries, one per enabled endpoint of the space that
 * subscribes to it, in the caller's transaction: a rolled-back change sends
 * nothing, a committed one is never lost. A space without endpoints costs
 * one indexed lookup. Call `wake` after the commit to attempt them at once.
 */
export class WebhookOutbox {
  constructor(private readonly onWritten: () => void = () => undefined) {}

  emit(m: EntityManager, spaceId: string, type: WebhookEventType, data: Record<string, unknown>): Promise<number> {
    return this.emitEach(m, spaceId, type, [data]);
  }

  /** One event per item of `data` (members joining by roster import), with one lookup; returns the deliveries written. */
  async emitEach(m: EntityManager, spaceId: string, type: WebhookEventType, data: readonly Record<string, unknown>[]): Promise<number> {
    if (!data.length) return 0;
    const endpoints = await m.find(WebhookEndpoint, { where: { spaceId, enabled: true }, select: { id: true, spaceId: true, events: true } });
    const subscribed = endpoints.filter((e) => e.events.includes(type));
    if (!subscribed.length) return 0;
    const now = new Date();
    const rows = data.flatMap((item) => {
      const payload = webhookBody(type, spaceId, item, now);
      return subscribed.map((e) => pendingDelivery(e, type, payload, now));
    });
    // The rows are complete: reading back column defaults would cost a SELECT per row.
    for (let i = 0; i < rows.length; i += 200) {
      await m.createQueryBuilder().insert().into(WebhookDelivery).values(rows.slice(i, i + 200)).updateEntity(false).execute();
    }
    return rows.length;
  }

  /** Tells the worker deliveries are waiting (after the commit that wrote them). */
  wake(): void {
    this.onWritten();
  }
}
