import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import { byId, loaderOf } from '../../core/graphql/loaders';
import type { NodeLookups } from '../../core/graphql/node.resolver';
import { NotificationConnection, NotificationType } from './notifications.types';

const loadOwnNotifications = byId((ids, ctx) => ctx.services.notifications.getMany(ctx.actor, ids));

/** node(id:): a notification only to its recipient, as notifications lists them. */
export const notificationNodes: NodeLookups = {
  Notification: (raw, ctx) => loaderOf(ctx, 'node:Notification', loadOwnNotifications).load(raw),
};

@Resolver()
export class NotificationsResolver {
  @Query(() => NotificationConnection, { description: "The caller's notifications, newest first; totalCount is the number unread." })
  async notifications(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', { description: 'Only notifications not yet marked read.', defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await ctx.services.notifications.list(ctx.actor, { ...page, unreadOnly }), (n) => n);
  }

  @Mutation(() => Int, { description: 'Marks the given notifications read, or every unread one when ids is left out (an empty list marks nothing); returns how many changed.' })
  markNotificationsRead(@Arg('ids', () => [ID], { description: "These notifications (the caller's own); all of the caller's when omitted.", nullable: true }) ids: string[] | null, @Ctx() ctx: GraphQLContext) {
    return ctx.services.notifications.markRead(ctx.actor, ids);
  }

  @Subscription(() => NotificationType, {
    description: "Each new notification of the caller's.",
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      const actor = ctx.services.policy.requireActor(ctx.actor);
      return ctx.services.events.subscribe('NOTIFICATION_ADDED', actor.user.id);
    },
  })
  async notificationAdded(@Root() event: { notificationId: string }, @Ctx() ctx: GraphQLContext) {
    return ctx.services.notifications.get(ctx.actor, event.notificationId);
  }
}
