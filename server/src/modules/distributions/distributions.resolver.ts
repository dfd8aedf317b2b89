import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { toConnection } from '../../core/graphql/connection';
import { PageArgs } from '../spaces/spaces.resolver';
import type { Workspace } from '../workspaces/workspace.entity';
import type { DistributionTarget } from './distribution-target.entity';
import type { Distribution } from './distribution.entity';
import { distributionNode, previewNode, statusCounts, targetNode } from './distributions.mappers';
import {
  DistributionConnection,
  DistributionPreviewType,
  DistributionProgressType,
  DistributionTargetConnection,
  DistributionTargetType,
  DistributionType,
  PushInputType,
  TargetStatusCountsType,
  TargetStatusEnum,
} from './distributions.types';
import { progressStream, type ProgressEvent } from './progress';
import type { PushInput } from './distributions.service';
import { WorkspaceType } from '../workspaces/workspaces.types';

@Resolver(() => DistributionType)
export class DistributionsResolver {
  @Query(() => DistributionType)
  async distribution(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return distributionNode(await ctx.services.distributions.get(ctx.actor, id));
  }

  @Query(() => DistributionConnection, { description: "A space's distributions, newest first (staff see all, others their own)." })
  async distributions(@Arg('spaceId', () => ID) spaceId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.distributions.list(ctx.actor, spaceId, page.first, page.after), distributionNode);
  }

  @FieldResolver(() => TargetStatusCountsType)
  async counts(@Root() d: Distribution, @Ctx() ctx: GraphQLContext) {
    return statusCounts(await ctx.services.distributions.counts(d.id));
  }

  @FieldResolver(() => DistributionTargetConnection)
  async targets(
    @Root() d: Distribution,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => TargetStatusEnum, { nullable: true }) status: TargetStatusEnum | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await ctx.services.distributions.targets(ctx.actor, d.id, { ...page, status }), targetNode);
  }

  @Query(() => DistributionPreviewType, { description: 'What a push would do to each target, before confirming. Writes nothing.' })
  async previewDistribution(@Arg('input', () => PushInputType) input: PushInputType, @Ctx() ctx: GraphQLContext) {
    const preview = await ctx.services.distributions.preview(ctx.actor, input as PushInput);
    return previewNode(preview.items, preview.policies, preview.results);
  }

  @Mutation(() => DistributionType, { description: 'Creates a push; the worker executes it. Follow it with distributionProgress.' })
  async pushDistribution(@Arg('input', () => PushInputType) input: PushInputType, @Ctx() ctx: GraphQLContext) {
    return distributionNode(await ctx.services.distributions.push(ctx.actor, input as PushInput));
  }

  @Mutation(() => DistributionType, { description: 'Stops targets not yet applied.' })
  async cancelDistribution(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return distributionNode(await ctx.services.distributions.cancel(ctx.actor, id));
  }

  @Mutation(() => DistributionType, { description: 'Queues failed and conflicting targets again.' })
  async retryDistribution(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return distributionNode(await ctx.services.distributions.retry(ctx.actor, id));
  }

  @Mutation(() => DistributionType, { description: 'Reverts what the push changed, keeping what recipients changed since; runs as a new distribution.' })
  async undoDistribution(
    @Arg('id', () => ID) id: string,
    @Arg('workspaceIds', () => [ID], { nullable: true, description: 'Only these targets; all when omitted.' }) workspaceIds: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return distributionNode(await ctx.services.distributions.reverse(ctx.actor, id, 'UNDO', workspaceIds));
  }

  @Mutation(() => DistributionType, { description: 'Removes delivered entries that recipients have not changed; the rest stays.' })
  async retractDistribution(
    @Arg('id', () => ID) id: string,
    @Arg('workspaceIds', () => [ID], { nullable: true }) workspaceIds: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return distributionNode(await ctx.services.distributions.reverse(ctx.actor, id, 'RETRACT', workspaceIds));
  }

  @Subscription(() => DistributionProgressType, {
    description: 'Status, counts and each finished target, at most about ten events a second, ending with a final event.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      await ctx.services.distributions.get(ctx.actor, args.id);
      return progressStream(ctx.services, args.id);
    },
  })
  distributionProgress(@Arg('id', () => ID) _id: string, @Root() event: ProgressEvent) {
    return {
      distribution: distributionNode(event.distribution),
      counts: statusCounts(event.counts),
      finished: event.finished.map(targetNode),
      final: event.final,
    };
  }
}

@Resolver(() => DistributionTargetType)
export class DistributionTargetResolver {
  @FieldResolver(() => WorkspaceType, { nullable: true })
  async workspace(@Root() target: DistributionTarget, @Ctx() ctx: GraphQLContext): Promise<Workspace | null> {
    return ctx.services.workspaces.get(ctx.actor, target.workspaceId).catch(() => null);
  }
}
