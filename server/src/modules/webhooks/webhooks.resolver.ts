import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import { byIdWithin, loaderOf } from '../../core/graphql/loaders';
import type { NodeLookups } from '../../core/graphql/node.resolver';
import type { WebhookDelivery } from './webhook-delivery.entity';
import type { WebhookEndpoint } from './webhook-endpoint.entity';
import { CreateWebhookInput, UpdateWebhookInput, WebhookDeliveryConnection, WebhookDeliveryType, WebhookEndpointType, WebhookEndpointWithSecretType } from './webhooks.types';

/** The secret never leaves through an endpoint's fields; only creation and rotation return it. */
const endpointNode = (e: WebhookEndpoint): WebhookEndpointType => ({
  id: e.id,
  spaceId: e.spaceId,
  url: e.url,
  description: e.description,
  events: e.events,
  enabled: e.enabled,
  failureCount: e.failureCount,
  failingSince: e.failingSince,
  disabledReason: e.disabledReason,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

const deliveryNode = (d: WebhookDelivery): WebhookDeliveryType => d;

/** node(id:): endpoints and their deliveries only to whoever may manage the space's webhooks (its admins), as webhooks and webhookDeliveries list them. */
const loadEndpoints = byIdWithin(
  (ids, ctx) => ctx.services.webhooks.endpointsById(ids),
  (e) => e.spaceId,
  (spaceId, ctx) => ctx.services.webhooks.manager(ctx.actor, spaceId),
);
const loadDeliveries = byIdWithin(
  (ids, ctx) => ctx.services.webhooks.deliveriesById(ids),
  (d) => d.endpointId,
  (endpointId, ctx) => ctx.services.webhooks.get(ctx.actor, endpointId),
);

export const webhookNodes: NodeLookups = {
  WebhookEndpoint: async (raw, ctx) => {
    const endpoint = await loaderOf(ctx, 'node:WebhookEndpoint', loadEndpoints).load(raw);
    return endpoint && endpointNode(endpoint);
  },
  WebhookDelivery: async (raw, ctx) => {
    const delivery = await loaderOf(ctx, 'node:WebhookDelivery', loadDeliveries).load(raw);
    return delivery && deliveryNode(delivery);
  },
};

@Resolver()
export class WebhooksResolver {
  @Query(() => [WebhookEndpointType], { description: "A space's webhook endpoints, oldest first (admins)." })
  async webhooks(@Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.webhooks.list(ctx.actor, spaceId)).map(endpointNode);
  }

  @Query(() => WebhookDeliveryConnection, { description: "An endpoint's deliveries, newest first (admins)." })
  async webhookDeliveries(@Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.webhooks.deliveries(ctx.actor, endpointId, args), deliveryNode);
  }

  @Mutation(() => WebhookEndpointWithSecretType, { description: 'Registers an endpoint; the answer holds its signing secret, shown this once (admins).' })
  async createWebhook(@Arg('input', () => CreateWebhookInput, { description: 'The endpoint.' }) input: CreateWebhookInput, @Ctx() ctx: GraphQLContext) {
    const { endpoint, secret } = await ctx.services.webhooks.create(ctx.actor, input.spaceId, input);
    return { endpoint: endpointNode(endpoint), secret };
  }

  @Mutation(() => WebhookEndpointType, { description: "Changes an endpoint's URL, events, note, or enables/disables it (admins)." })
  async updateWebhook(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Arg('input', () => UpdateWebhookInput, { description: 'The changes.' }) input: UpdateWebhookInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return endpointNode(await ctx.services.webhooks.update(ctx.actor, id, input));
  }

  @Mutation(() => Boolean, { description: 'Removes an endpoint and its delivery records; waiting deliveries are dropped (admins).' })
  async deleteWebhook(@Arg('id', () => ID, { description: 'The endpoint.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.webhooks.delete(ctx.actor, id);
  }

  @Mutation(() => WebhookEndpointWithSecretType, { description: 'Replaces the signing secret at once; the new one is shown this once (admins).' })
  async rotateWebhookSecret(@Arg('id', () => ID, { description: 'The endpoint.' }) id: string, @Ctx() ctx: GraphQLContext) {
    const { endpoint, secret } = await ctx.services.webhooks.rotateSecret(ctx.actor, id);
    return { endpoint: endpointNode(endpoint), secret };
  }

  @Mutation(() => WebhookDeliveryType, { description: 'Sends a delivery again with the same webhook-id and body, retrying for another day if it fails (admins).' })
  async replayWebhookDelivery(@Arg('id', () => ID, { description: 'The delivery.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return deliveryNode(await ctx.services.webhooks.replay(ctx.actor, id));
  }

  @Mutation(() => WebhookDeliveryType, { description: "Queues a 'webhook.test' event for this endpoint alone (admins)." })
  async sendTestWebhook(@Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string, @Ctx() ctx: GraphQLContext) {
    return deliveryNode(await ctx.services.webhooks.sendTest(ctx.actor, endpointId));
  }
}
