import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { conflict, forbidden, notFound } from '../../core/errors';
import { canManageWebhooks } from '../../core/policy';
import { createdKey, keyset, newestFirst, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import type { Database } from '../../db/database';
import type { AuditService } from '../audit/audit.service';
import type { Access } from '../spaces/access';
import type { Actor } from '../users/users.service';
import { checkedAddresses, parseWebhookUrl, type Resolve } from './webhook-address';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { parseWebhookEvents, TEST_EVENT } from './webhook-events';
import { pendingDelivery, RETRY_WINDOW_MS, webhookBody, type WebhookOutbox } from './webhook-outbox';
import { newWebhookSecret } from './webhook-signature';

export interface WebhookInput {
  url?: string | null;
  events?: readonly string[] | null;
  description?: string | null;
  /** Enabling a disabled endpoint clears its failures; its waiting deliveries are attempted again. */
  enabled?: boolean | null;
}

/** An endpoint with its secret, returned only when the secret is made (creation, rotation). */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/**
 * Registering and managing a space's webhook endpoints, reading their
 * deliveries, replaying and testing. Space admins only (policy `webhook`).
 * Bad input (a non-http(s) URL, a private address without the instance's
 * permission, an unknown event) is refused before anything is written.
 */
export class WebhooksService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly audit: AuditService,
    private readonly outbox: WebhookOutbox,
    private readonly options: { allowPrivate: boolean; resolve?: Resolve },
  ) {}

  async list(actor: Actor | null, spaceId: string): Promise<WebhookEndpoint[]> {
    await this.admin(actor, spaceId, false);
    return this.db.manager.find(WebhookEndpoint, { where: { spaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(actor: Actor | null, endpointId: string): Promise<WebhookEndpoint> {
    return (await this.endpoint(actor, endpointId, false)).endpoint;
  }

  async create(actor: Actor | null, spaceId: string, input: WebhookInput & { url: string; events: readonly string[] }): Promise<EndpointWithSecret> {
    const a = await this.admin(actor, spaceId, true);
    const url = await this.checkedUrl(input.url);
    const events = parseWebhookEvents(input.events);
    const now = new Date();
    const endpoint = Object.assign(new WebhookEndpoint(), {
      id: randomUUID(),
      spaceId,
      url,
      description: (input.description ?? '').trim().slice(0, 300),
      events,
      secret: newWebhookSecret(),
      enabled: input.enabled ?? true,
      failureCount: 0,
      failingSince: null,
      disabledReason: null,
      createdById: a.user.id,
      createdAt: now,
      updatedAt: now,
    } satisfies WebhookEndpoint);
    await this.db.transaction(async (m) => {
      await m.insert(WebhookEndpoint, endpoint);
      await this.audit.append(m, { spaceId, actorId: a.user.id, action: 'webhook.created', subjectType: 'webhook', subjectId: endpoint.id, after: { url, events } });
    });
    return { endpoint, secret: endpoint.secret };
  }

  async update(actor: Actor | null, endpointId: string, input: WebhookInput): Promise<WebhookEndpoint> {
    const { endpoint, actor: a } = await this.endpoint(actor, endpointId, true);
    const changes: Partial<WebhookEndpoint> = { updatedAt: new Date() };
    if (input.url != null) changes.url = await this.checkedUrl(input.url);
    if (input.events != null) changes.events = parseWebhookEvents(input.events);
    if (input.description != null) changes.description = input.description.trim().slice(0, 300);
    if (input.enabled != null && input.enabled !== endpoint.enabled) {
      changes.enabled = input.enabled;
      if (input.enabled) Object.assign(changes, { failureCount: 0, failingSince: null, disabledReason: null });
      else changes.disabledReason = `disabled by ${a.user.name}`;
    }
    await this.db.transaction(async (m) => {
      await m.update(WebhookEndpoint, { id: endpoint.id }, changes);
      await this.audit.append(m, {
        spaceId: endpoint.spaceId,
        actorId: a.user.id,
        action: 'webhook.updated',
        subjectType: 'webhook',
        subjectId: endpoint.id,
        before: { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled },
        after: { url: changes.url ?? endpoint.url, events: changes.events ?? endpoint.events, enabled: changes.enabled ?? endpoint.enabled },
      });
    });
    if (changes.enabled) this.outbox.wake();
    return { ...endpoint, ...changes };
  }

  /** Removes the endpoint with its delivery records; waiting deliveries are dropped. */
  async delete(actor: Actor | null, endpointId: string): Promise<boolean> {
    const { endpoint, actor: a } = await this.endpoint(actor, endpointId, true);
    await this.db.transaction(async (m) => {
      await m.delete(WebhookDelivery, { endpointId: endpoint.id });
      await m.delete(WebhookEndpoint, { id: endpoint.id });
      await this.audit.append(m, { spaceId: endpoint.spaceId, actorId: a.user.id, action: 'webhook.deleted', subjectType: 'webhook', subjectId: endpoint.id, before: { url: endpoint.url, events: endpoint.events } });
    });
    return true;
  }

  /** A new secret at once: deliveries from now on are signed with it only. */
  async rotateSecret(actor: Actor | null, endpointId: string): Promise<EndpointWithSecret> {
    const { endpoint, actor: a } = await this.endpoint(actor, endpointId, true);
    const secret = newWebhookSecret();
    const updatedAt = new Date();
    await this.db.transaction(async (m) => {
      await m.update(WebhookEndpoint, { id: endpoint.id }, { secret, updatedAt });
      await this.audit.append(m, { spaceId: endpoint.spaceId, actorId: a.user.id, action: 'webhook.secret_rotated', subjectType: 'webhook', subjectId: endpoint.id });
    });
    return { endpoint: { ...endpoint, secret, updatedAt }, secret };
  }

  /** An endpoint's deliveries, newest first. */
  async deliveries(actor: Actor | null, endpointId: string, args: PageArgs): Promise<Page<WebhookDelivery>> {
    const { endpoint } = await this.endpoint(actor, endpointId, false);
    const request = pageRequest('WebhookDelivery', args, 2);
    const query = this.db.manager.createQueryBuilder(WebhookDelivery, 'd').where('d.endpointId = :e', { e: endpoint.id });
    const total = await this.db.manager.count(WebhookDelivery, { where: { endpointId: endpoint.id } });
    return toPage(await keyset(query, newestFirst('d'), request).getMany(), request, createdKey, total);
  }

  /**
   * Sends a delivery again, with the same `webhook-id` and body (a receiver
   * that saw it already can tell), as soon as a worker is free, retrying for
   * another day if it fails.
   */
  async replay(actor: Actor | null, deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.db.manager.findOneBy(WebhookDelivery, { id: deliveryId });
    if (!delivery) throw notFound(`webhook delivery ${deliveryId} does not exist`);
    const { endpoint } = await this.endpoint(actor, delivery.endpointId, true).catch((error: unknown) => {
      throw error instanceof Error && (error as { code?: string }).code === 'NOT_FOUND' ? notFound(`webhook delivery ${deliveryId} does not exist`) : error;
    });
    if (!endpoint.enabled) throw conflict('this endpoint is disabled; enable it first, then replay');
    const now = new Date();
    const changes = { status: 'PENDING' as const, nextAttemptAt: now, retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS), leaseOwner: null, leaseExpiresAt: null };
    const result = await this.db.manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set(changes)
      .where('id = :id AND status <> :running', { id: delivery.id, running: 'RUNNING' })
      .execute();
    if (result.affected !== 1) throw conflict('this delivery is being attempted right now; replay it once the attempt is recorded');
    this.outbox.wake();
    return { ...delivery, ...changes };
  }

  /** The endpoints and deliveries among `ids`; who may read them is the caller's to check (see `manager`). */
  async endpointsById(ids: readonly string[]): Promise<WebhookEndpoint[]> {
    return ids.length ? this.db.manager.find(WebhookEndpoint, { where: { id: In([...ids]) } }) : [];
  }

  async deliveriesById(ids: readonly string[]): Promise<WebhookDelivery[]> {
    return ids.length ? this.db.manager.find(WebhookDelivery, { where: { id: In([...ids]) } }) : [];
  }

  /** The caller, if they may manage the space's webhooks, as every read and change here requires. */
  manager(actor: Actor | null, spaceId: string): Promise<Actor> {
    return this.admin(actor, spaceId, false);
  }

  /** Queues a `webhook.test` event for this endpoint alone. */
  async sendTest(actor: Actor | null, endpointId: string): Promise<WebhookDelivery> {
    const { endpoint, actor: a } = await this.endpoint(actor, endpointId, true);
    if (!endpoint.enabled) throw conflict('this endpoint is disabled; enable it first, then send a test');
    const now = new Date();
    const delivery = pendingDelivery(endpoint, TEST_EVENT, webhookBody(TEST_EVENT, endpoint.spaceId, { endpointId: endpoint.id, sentBy: a.user.id }, now), now);
    await this.db.manager.insert(WebhookDelivery, delivery);
    this.outbox.wake();
    return delivery;
  }

  private async checkedUrl(raw: string): Promise<string> {
    const url = parseWebhookUrl(raw);
    await checkedAddresses(url, this.options.allowPrivate, this.options.resolve);
    return url.toString();
  }

  /** The caller, if they may manage the space's webhooks. */
  private async admin(actor: Actor | null, spaceId: string, write: boolean): Promise<Actor> {
    if (write) this.policy.requireWritable(actor);
    const { role, space, actor: a } = await this.policy.space(actor, spaceId, 'read');
    if (!canManageWebhooks(role)) throw forbidden(`only an admin of '${space.name}' can manage its webhooks; your role is ${role}`);
    return a;
  }

  private async endpoint(actor: Actor | null, endpointId: string, write: boolean): Promise<{ endpoint: WebhookEndpoint; actor: Actor }> {
    this.policy.requireActor(actor);
    const endpoint = await this.db.manager.findOneBy(WebhookEndpoint, { id: endpointId });
    if (!endpoint) throw notFound(`webhook endpoint ${endpointId} does not exist`);
    return { endpoint, actor: await this.admin(actor, endpoint.spaceId, write) };
  }
}
