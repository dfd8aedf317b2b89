import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import type { GraphQLContext } from '../../core/graphql/context';
import { itemNode } from './stage.types';
import { BundleConnection, BundleType, SourceInput, StageItemType, StageSourceType } from './stage.types';
import type { Bundle } from './bundle.entity';

const bundleNode = (b: Bundle) => ({ ...b, items: b.items.map(itemNode) });

@Resolver()
export class StageResolver {
  @Query(() => [StageItemType], { description: "The caller's stage for one source state." })
  stage(@Arg('source', () => SourceInput) source: SourceInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.list(ctx.actor, source);
  }

  @Query(() => [StageSourceType], { description: 'Every source state the caller has staged items from.' })
  stages(@Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.sources(ctx.actor);
  }

  @Mutation(() => [StageItemType], { description: "Stages paths of a source ('' stages the whole state); each must exist." })
  addToStage(@Arg('source', () => SourceInput) source: SourceInput, @Arg('paths', () => [String]) paths: string[], @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.add(ctx.actor, source, paths);
  }

  @Mutation(() => [StageItemType])
  removeFromStage(@Arg('source', () => SourceInput) source: SourceInput, @Arg('paths', () => [String]) paths: string[], @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.remove(ctx.actor, source, paths);
  }

  @Mutation(() => Boolean)
  clearStage(@Arg('source', () => SourceInput) source: SourceInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.clear(ctx.actor, source);
  }

  @Mutation(() => BundleType, { description: 'Saves the stage, frozen to its current content, to push again later.' })
  async saveBundle(
    @Arg('source', () => SourceInput) source: SourceInput,
    @Arg('name') name: string,
    @Arg('description', { defaultValue: '' }) description: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return bundleNode(await ctx.services.stage.saveBundle(ctx.actor, source, name, description));
  }

  @Query(() => BundleConnection, { description: "A space's bundles a page at a time, newest first (staff see all, others their own)." })
  async bundleList(@Arg('spaceId', () => ID) spaceId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.stage.bundlePage(ctx.actor, spaceId, page), bundleNode);
  }

  @Query(() => [BundleType], { description: "The newest 100 of a space's bundles (staff see all, others their own).", deprecationReason: 'Use bundleList' })
  async bundles(@Arg('spaceId', () => ID) spaceId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.stage.bundles(ctx.actor, spaceId)).map(bundleNode);
  }

  @Query(() => BundleType)
  async bundle(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return bundleNode(await ctx.services.stage.bundle(ctx.actor, id));
  }

  @Mutation(() => Boolean)
  deleteBundle(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.deleteBundle(ctx.actor, id);
  }
}
