import type { EntityManager } from 'typeorm';
import { logger } from '../../core/logger';
import type { Database } from '../../db/database';
import { claimLeased, type LeaseQueue } from '../../db/lease-queue';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { attemptError, postWebhook, type WebhookResponse } from './webhook-http';
import type { Resolve } from './webhook-address';
import { webhookHeaders } from './webhook-signature';

/** Deliveries due, of endpoints still enabled (a disabled endpoint's deliveries wait for it to be enabled again). */
const DELIVERY_QUEUE: LeaseQueue<WebhookDelivery> = {
  entity: WebhookDelivery,
  table: 'webhook_delivery',
  due: "status = 'PENDING' AND nextAttemptAt <= ? AND endpointId IN (SELECT id FROM webhook_endpoint WHERE enabled = 1)",
  dueParams: (now) => [now],
  orderBy: 'nextAttemptAt',
};

export interface SenderOptions {
  /** Lease owner; distinct from other duties of the same worker. */
  owner: string;
  leaseMs: number;
  timeoutMs: number;
  allowPrivate: boolean;
  /** Consecutive failed attempts after which an endpoint is disabled. */
  disableAfter: number;
  /** An endpoint failing without a success for this long is disabled too. */
  disableAfterMs: number;
  /** Deliveries attempted at once. */
  batchSize: number;
  resolve?: Resolve;
}

/** Tells a space's admins that an endpoint was disabled: written in the caller's transaction; the returned function sends after commit. */
export type DisabledNotice = (m: EntityManager, endpoint: WebhookEndpoint, reason: string) => Promise<() => Promise<void>>;

/** Wait before attempt `n + 1` after `n` failed attempts: 30 s doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

type Outcome = { response: WebhookResponse; error: null } | { response: null; error: string };

/**
 * Attempts due webhook deliveries for the worker. Each is claimed under a
 * lease (the queue the distribution targets and scheduled jobs use), POSTed
 * signed, and its outcome written with the endpoint's failure count in one
 * transaction that re-checks the lease. A 2xx answer delivers; anything else
 * is tried again after `retryDelayMs` until its retry window closes. An
 * endpoint that fails `disableAfter` times in a row, or for a whole window,
 * is disabled and its space's admins told.
 */
export class WebhookSender {
  /** The run in progress: one at a time, since an idle claim takes back rows its owner still holds. */
  private current: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly notice: DisabledNotice,
    readonly options: SenderOptions,
  ) {}

  /**
   * For the worker's loop: claims what is due and attempts it in the
   * background, so a slow receiver never holds up pushes and scheduled jobs.
   * Returns how many deliveries were claimed (0 while a run is in progress).
   */
  startDue(): Promise<number> {
    if (this.current) return Promise.resolve(0);
    return new Promise<number>((claimed) => {
      this.current = this.run(new Date(), claimed)
        .catch((err: unknown) => {
          claimed(0);
          logger.error({ err }, 'webhook deliveries could not be attempted');
        })
        .finally(() => {
          this.current = null;
        });
    });
  }

  /** Attempts what is due at `now` and returns once every attempt is recorded (after any run in progress). */
  async runDue(now = new Date()): Promise<number> {
    await this.idle();
    let count = 0;
    const run = this.run(now, (n) => {
      count = n;
    });
    this.current = run.catch(() => undefined).finally(() => {
      this.current = null;
    });
    await run;
    return count;
  }

  /** Resolves when no run is in progress (shutdown). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  private async run(now: Date, claimed: (count: number) => void): Promise<void> {
    const deliveries = await claimLeased(this.db, DELIVERY_QUEUE, {
      owner: this.options.owner,
      leaseMs: this.options.leaseMs,
      limit: this.options.batchSize,
      now,
      idle: true,
    });
    claimed(deliveries.length);
    await Promise.all(deliveries.map((d) => this.attempt(d, now)));
  }

  private async attempt(delivery: WebhookDelivery, now: Date): Promise<void> {
    const endpoint = await this.db.manager.findOneBy(WebhookEndpoint, { id: delivery.endpointId });
    if (!endpoint) return;
    const started = performance.now();
    const outcome = await this.post(endpoint, delivery);
    const durationMs = Math.round(performance.now() - started);
    const ok = outcome.response !== null && outcome.response.status >= 200 && outcome.response.status < 300;
    try {
      const after = await this.db.transaction((m) => this.record(m, delivery, endpoint, outcome, ok, durationMs, now));
      await after?.();
    } catch (err) {
      logger.error({ err, deliveryId: delivery.id }, 'webhook attempt could not be recorded');
    }
  }

  private async post(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<Outcome> {
    try {
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await postWebhook(new URL(endpoint.url), webhookHeaders(endpoint.secret, delivery.id, timestamp, delivery.payload), delivery.payload, {
        timeoutMs: this.options.timeoutMs,
        allowPrivate: this.options.allowPrivate,
        resolve: this.options.resolve,
      });
      return { response, error: null };
    } catch (error) {
      return { response: null, error: attemptError(error) };
    }
  }

  private async record(
    m: EntityManager,
    delivery: WebhookDelivery,
    endpoint: WebhookEndpoint,
    outcome: Outcome,
    ok: boolean,
    durationMs: number,
    now: Date,
  ): Promise<(() => Promise<void>) | null> {
    const next = new Date(now.getTime() + retryDelayMs(delivery.attempts));
    const status = ok ? 'DELIVERED' : next > delivery.retryUntil ? 'FAILED' : 'PENDING';
    const held = await m
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({
        status,
        nextAttemptAt: ok ? delivery.nextAttemptAt : next,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastAttemptAt: now,
        lastResponseStatus: outcome.response?.status ?? null,
        lastResponseBody: outcome.response?.body ?? null,
        lastDurationMs: durationMs,
        lastError: outcome.error ?? (ok ? null : `answered ${outcome.response!.status}`),
        deliveredAt: ok ? now : null,
      })
      .where('id = :id AND status = :running AND leaseOwner = :me', { id: delivery.id, running: 'RUNNING', me: this.options.owner })
      .execute();
    if (held.affected !== 1) return null;
    if (ok) {
      if (endpoint.failureCount > 0) await m.update(WebhookEndpoint, { id: endpoint.id }, { failureCount: 0, failingSince: null });
      return null;
    }
    const current = await m.findOneByOrFail(WebhookEndpoint, { id: endpoint.id });
    const failures = current.failureCount + 1;
    const failingSince = current.failingSince ?? now;
    const changes: Partial<WebhookEndpoint> = { failureCount: failures, failingSince };
    const tooMany = failures >= this.options.disableAfter;
    const tooLong = now.getTime() - failingSince.getTime() >= this.options.disableAfterMs;
    if (!current.enabled || (!tooMany && !tooLong)) {
      await m.update(WebhookEndpoint, { id: endpoint.id }, changes);
      return null;
    }
    const last = outcome.error ?? `HTTP ${outcome.response!.status}`;
    const reason = tooMany
      ? `disabled after ${failures} failed attempts in a row (last: ${last})`
      : `disabled after failing for ${Math.round((now.getTime() - failingSince.getTime()) / 3_600_000)} hours (last: ${last})`;
    await m.update(WebhookEndpoint, { id: endpoint.id }, { ...changes, enabled: false, disabledReason: reason, updatedAt: now });
    logger.warn({ endpointId: endpoint.id, spaceId: endpoint.spaceId }, `webhook endpoint ${reason}`);
    return this.notice(m, { ...current, ...changes, enabled: false, disabledReason: reason }, reason);
  }
}
