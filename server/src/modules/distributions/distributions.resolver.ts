import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { byIdWithin, loaderOf } from '../../core/graphql/loaders';
import { throughQuery, type NodeLookups } from '../../core/graphql/node.resolver';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import { pageRequest, slicePage } from '../../core/pagination';
import type { Workspace } from '../workspaces/workspace.entity';
import type { DistributionTarget } from './distribution-target.entity';
import type { Distribution } from './distribution.entity';
import { reversalsOf } from './distribution-loaders';
import { userById } from '../users/user-loader';
import { distributionNode, previewNode, reversalPreviewNode, statusCounts, targetNode, withAnyFlag } from './distributions.mappers';
import {
  CreateDistributionPayload,
  DistributionConnection,
  DistributionPreviewType,
  DistributionProgressType,
  DistributionTargetConnection,
  DistributionTargetType,
  DistributionType,
  LegacyPushInputType,
  PoliciesInput,
  PushInputType,
  ReversalKindEnum,
  ReversalPreviewType,
  ReversalTargetPreviewConnection,
  type ReversalTargetPreviewType,
  TargetPreviewConnection,
  TargetPreviewFlagEnum,
  type TargetPreviewType,
  TargetStatusCountsType,
  TargetStatusEnum,
} from './distributions.types';
import type { ProgressEvent } from './progress';
import type { PushInput, ReversalKind } from './distributions.service';
import { UserType } from '../users/users.types';
import { WorkspaceType } from '../workspaces/workspaces.types';

/** node(id:): a distribution as its own lookup reads it; a target to whoever may see its distribution (staff of the space, and its creator). */
const loadTargets = byIdWithin(
  (ids, ctx) => ctx.services.distributions.targetsByIds(ids),
  (t) => t.distributionId,
  (distributionId, ctx) => ctx.services.distributions.get(ctx.actor, distributionId),
);

export const distributionNodes: NodeLookups = {
  Distribution: throughQuery('distribution'),
  DistributionTarget: async (raw, ctx) => {
    const target = await loaderOf(ctx, 'node:DistributionTarget', loadTargets).load(raw);
    return target && targetNode(target);
  },
};

@Resolver(() => DistributionType)
export class DistributionsResolver {
  @Query(() => DistributionType, { nullable: true, description: 'One distribution (push, undo or retraction) by id; course staff of its space. Null with a NOT_FOUND error when it does not exist or is hidden from the caller; the rest of the response stands.' })
  async distribution(@Arg('id', () => ID, { description: 'The distribution.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return distributionNode(await ctx.services.distributions.get(ctx.actor, id));
  }

  @Query(() => DistributionConnection, { description: "A space's distributions, newest first (staff see all, others their own)." })
  async distributions(@Arg('spaceId', () => ID, { description: 'The space whose pushes to list, newest first.' }) spaceId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.distributions.list(ctx.actor, spaceId, page), distributionNode);
  }

  @FieldResolver(() => TargetStatusCountsType, { description: 'How many targets are in each state.' })
  async counts(@Root() d: Distribution, @Ctx() ctx: GraphQLContext) {
    return statusCounts(await ctx.services.distributions.counts(d.id));
  }

  @FieldResolver(() => DistributionTargetConnection, { description: 'The workspaces the distribution writes to, one row each.' })
  async targets(
    @Root() d: Distribution,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => TargetStatusEnum, { description: 'Only targets in this state.', nullable: true }) status: TargetStatusEnum | null,
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: "Only targets whose workspace name, or whose owner's name, e-mail address or student number, contains this text (any case)." })
    search: string | null,
  ) {
    return toConnection(await ctx.services.distributions.targets(ctx.actor, d.id, { ...page, status, search }), targetNode);
  }

  @Query(() => DistributionPreviewType, {
    description: 'What a push would do to each target, before confirming. Writes nothing. Whoever may push from the source to every target (staff from MASTER; a member within their own workspace).',
  })
  async distributionPreview(@Arg('input', () => PushInputType, { description: 'The push as it would be made; nothing is written.' }) input: PushInputType, @Ctx() ctx: GraphQLContext) {
    return previewNode(await ctx.services.distributions.preview(ctx.actor, input as PushInput));
  }

  @Query(() => DistributionPreviewType, {
    description: 'What a push would do to each target, before confirming. Writes nothing.',
    deprecationReason: 'Use distributionPreview: the same, with the input type named PushInput.',
  })
  previewDistribution(@Arg('input', () => LegacyPushInputType, { description: 'The push as it would be made; nothing is written.' }) input: LegacyPushInputType, @Ctx() ctx: GraphQLContext) {
    return this.distributionPreview(input, ctx);
  }

  @Query(() => DistributionPreviewType, {
    description: 'What retrying the failed and conflicting targets would do, under other policies if given (the same ones otherwise). Writes nothing.',
  })
  async previewRetry(
    @Arg('id', () => ID, { description: 'The distribution whose failed or conflicting targets would be retried.' }) id: string,
    @Arg('policies', () => PoliciesInput, { description: 'Other conflict policies for the retry; the original ones when omitted.', nullable: true }) policies: PoliciesInput | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return previewNode(await ctx.services.distributions.previewRetry(ctx.actor, id, policies as PushInput['policies']));
  }

  @Query(() => ReversalPreviewType, {
    description: 'What undoing or retracting a push would take back from each target, and what the recipient changed that stays. Writes nothing.',
  })
  async previewReversal(
    @Arg('id', () => ID, { description: 'The push to reverse.' }) id: string,
    @Arg('kind', () => ReversalKindEnum, { description: 'Undo or retract.' }) kind: ReversalKindEnum,
    @Arg('workspaceIds', () => [ID], { nullable: true, description: 'Only these targets; all when omitted.' }) workspaceIds: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return reversalPreviewNode(await ctx.services.distributions.previewReversal(ctx.actor, id, kind as ReversalKind, workspaceIds));
  }

  @FieldResolver(() => UserType, { nullable: true })
  createdBy(@Root() d: Distribution, @Ctx() ctx: GraphQLContext) {
    return userById(ctx, d.createdById);
  }

  @FieldResolver(() => [DistributionType])
  async reversals(@Root() d: Distribution, @Ctx() ctx: GraphQLContext) {
    return d.kind === 'PUSH' ? (await reversalsOf(ctx, d.id)).map(distributionNode) : [];
  }

  @FieldResolver(() => Date, { nullable: true })
  async undoneAt(@Root() d: Distribution, @Ctx() ctx: GraphQLContext) {
    return d.kind === 'PUSH' ? ((await reversalsOf(ctx, d.id))[0]?.createdAt ?? null) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  async undoneBy(@Root() d: Distribution, @Ctx() ctx: GraphQLContext) {
    const first = d.kind === 'PUSH' ? (await reversalsOf(ctx, d.id))[0] : undefined;
    return first ? userById(ctx, first.createdById) : null;
  }

  @Mutation(() => CreateDistributionPayload, {
    description:
      'Creates a push; the worker executes it. Follow it with distributionProgress. Whoever may push from the source to every target (staff from MASTER; a member within their own workspace).',
  })
  async createDistribution(
    @Arg('input', () => PushInputType, { description: 'What to push, where, and how conflicts are handled.' }) input: PushInputType,
    @Ctx() ctx: GraphQLContext,
  ) {
    return { distribution: distributionNode(await ctx.services.distributions.push(ctx.actor, input as PushInput)) };
  }

  @Mutation(() => DistributionType, {
    description: 'Creates a push; the worker executes it. Follow it with distributionProgress.',
    deprecationReason: 'Use createDistribution: input type PushInput, answer CreateDistributionPayload.',
  })
  async pushDistribution(@Arg('input', () => LegacyPushInputType, { description: 'What to push, where, and how conflicts are handled.' }) input: LegacyPushInputType, @Ctx() ctx: GraphQLContext) {
    return (await this.createDistribution(input, ctx)).distribution;
  }

  @Mutation(() => DistributionType, { description: 'Stops targets not yet applied.' })
  async cancelDistribution(@Arg('id', () => ID, { description: 'The distribution to cancel.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return distributionNode(await ctx.services.distributions.cancel(ctx.actor, id));
  }

  @Mutation(() => DistributionType, { description: 'Queues failed and conflicting targets again, under other policies if given (see previewRetry).' })
  async retryDistribution(
    @Arg('id', () => ID, { description: 'The distribution whose failed or conflicting targets to retry.' }) id: string,
    @Arg('policies', () => PoliciesInput, { nullable: true, description: 'A push only: the policies for this and later runs.' }) policies: PoliciesInput | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return distributionNode(await ctx.services.distributions.retry(ctx.actor, id, policies as PushInput['policies']));
  }

  @Mutation(() => DistributionType, {
    description:
      'Undo: puts each target back as it was before the push (what it replaced or removed comes back), keeping what recipients changed since; runs as a new distribution. A target already undone or retracted is refused (CONFLICT).',
  })
  async undoDistribution(
    @Arg('id', () => ID, { description: 'The push to undo.' }) id: string,
    @Arg('workspaceIds', () => [ID], { nullable: true, description: 'Only these targets; all when omitted.' }) workspaceIds: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return distributionNode(await ctx.services.distributions.reverse(ctx.actor, id, 'UNDO', workspaceIds));
  }

  @Mutation(() => DistributionType, {
    description:
      'Retract: deletes what the push delivered where recipients have not changed it; nothing it replaced comes back. A target already undone or retracted is refused (CONFLICT).',
  })
  async retractDistribution(
    @Arg('id', () => ID, { description: 'The push to retract.' }) id: string,
    @Arg('workspaceIds', () => [ID], { description: 'Only these targets; every target when omitted.', nullable: true }) workspaceIds: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return distributionNode(await ctx.services.distributions.reverse(ctx.actor, id, 'RETRACT', workspaceIds));
  }

  @Subscription(() => DistributionProgressType, {
    description: 'Status, counts and each finished target, at most about ten events a second, ending with a final event.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      await ctx.services.distributions.get(ctx.actor, args.id);
      return ctx.services.progress.stream(args.id);
    },
  })
  distributionProgress(@Arg('id', () => ID, { description: 'The distribution to follow.' }) _id: string, @Root() event: ProgressEvent) {
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
  @FieldResolver(() => WorkspaceType, { description: 'The target workspace; null when it was deleted since.', nullable: true })
  async workspace(@Root() target: DistributionTarget, @Ctx() ctx: GraphQLContext): Promise<Workspace | null> {
    return loaderOf(ctx, 'readableWorkspaces', (ids: readonly string[]) => ctx.services.policy.readableWorkspaces(ctx.actor, ids)).load(target.workspaceId);
  }
}

/**
 * A preview's targets a page at a time, in the preview's order (every target is computed for the totals either way).
 * A cursor names a target by its place in the whole list, whichever targets are listed.
 */
function targetPage<T>(targets: readonly T[], connection: string, page: PageArgs, keep: (t: T) => boolean = () => true) {
  const listed = targets.flatMap((target, at) => (keep(target) ? [{ target, at }] : []));
  const slice = slicePage(listed, pageRequest(connection, page, 1, 50), (row) => [row.at]);
  return toConnection({ ...slice, nodes: slice.nodes.map((row) => row.target) }, (t) => t);
}

@Resolver(() => DistributionPreviewType)
export class DistributionPreviewResolver {
  @FieldResolver(() => TargetPreviewConnection, { description: "Each target's outcome, a page at a time (50 unless asked)." })
  targetList(
    @Root() preview: { targets: readonly TargetPreviewType[] },
    @Args(() => PageArgs) page: PageArgs,
    @Arg('only', () => [TargetPreviewFlagEnum], {
      nullable: true,
      description: 'Only targets with at least one of these flags (totalCount counts them); every target when left out. [LOSES_EDITS, CONFLICTS, FAILS] lists those to look at before pushing.',
    })
    only: TargetPreviewFlagEnum[] | null,
  ) {
    return targetPage(preview.targets, 'TargetPreview', page, only ? withAnyFlag(only) : undefined);
  }
}

@Resolver(() => ReversalPreviewType)
export class ReversalPreviewResolver {
  @FieldResolver(() => ReversalTargetPreviewConnection, { description: "Each target's outcome, a page at a time (50 unless asked)." })
  targetList(@Root() preview: { targets: readonly ReversalTargetPreviewType[] }, @Args(() => PageArgs) page: PageArgs) {
    return targetPage(preview.targets, 'ReversalTargetPreview', page);
  }
}
