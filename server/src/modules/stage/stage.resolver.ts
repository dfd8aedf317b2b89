import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import type { GraphQLContext } from '../../core/graphql/context';
import { throughQuery, type NodeLookups } from '../../core/graphql/node.resolver';
import { itemNode } from './stage.types';
import { BundleConnection, BundleType, SourceInput, StageItemType, StageSourceType } from './stage.types';
import type { Bundle } from './bundle.entity';

const bundleNode = (b: Bundle) => ({ ...b, items: b.items.map(itemNode) });

/** node(id:): a bundle as its own lookup reads it; a stage item only to whoever staged it, while they may read its source. */
export const stageNodes: NodeLookups = {
  Bundle: throughQuery('bundle'),
  StageItem: (raw, ctx) => ctx.services.stage.item(ctx.actor, raw),
};

@Resolver()
export class StageResolver {
  @Query(() => [StageItemType], { description: "The caller's stage for one source state." })
  stage(@Arg('source', () => SourceInput, { description: 'The workspace (and optionally snapshot) whose stage to read.' }) source: SourceInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.list(ctx.actor, source);
  }

  @Query(() => [StageSourceType], { description: 'Every source state the caller has staged items from.' })
  stages(@Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.sources(ctx.actor);
  }

  @Mutation(() => [StageItemType], { description: "Stages paths of a source ('' stages the whole state); each must exist." })
  addToStage(@Arg('source', () => SourceInput, { description: 'The workspace (and optionally snapshot) the paths come from.' }) source: SourceInput, @Arg('paths', () => [String], { description: 'Workspace-relative paths of files, folders, tables or applications to stage.' }) paths: string[], @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.add(ctx.actor, source, paths);
  }

  @Mutation(() => [StageItemType], { description: "Takes paths off the caller's stage for a source; returns what stays staged. Whoever may read the source." })
  removeFromStage(@Arg('source', () => SourceInput, { description: 'The source the paths were staged from.' }) source: SourceInput, @Arg('paths', () => [String], { description: 'The staged paths to remove; paths not staged are ignored.' }) paths: string[], @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.remove(ctx.actor, source, paths);
  }

  @Mutation(() => Boolean, { description: "Empties the caller's stage for a source; true when done. Whoever may read the source." })
  clearStage(@Arg('source', () => SourceInput, { description: 'The source whose stage to empty.' }) source: SourceInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.clear(ctx.actor, source);
  }

  @Mutation(() => BundleType, { description: 'Saves the stage, frozen to its current content, to push again later.' })
  async saveBundle(
    @Arg('source', () => SourceInput, { description: 'The source whose stage to save.' }) source: SourceInput,
    @Arg('name', { description: 'Name of the bundle; must not be empty.' }) name: string,
    @Arg('description', { description: 'What the bundle holds; empty when omitted.', defaultValue: '' }) description: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return bundleNode(await ctx.services.stage.saveBundle(ctx.actor, source, name, description));
  }

  @Query(() => BundleConnection, { description: "A space's bundles a page at a time, newest first (staff see all, others their own)." })
  async bundleList(@Arg('spaceId', () => ID, { description: 'The space whose saved bundles to list.' }) spaceId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.stage.bundlePage(ctx.actor, spaceId, page), bundleNode);
  }

  @Query(() => [BundleType], { description: "The newest 100 of a space's bundles (staff see all, others their own).", deprecationReason: 'Use bundleList' })
  async bundles(@Arg('spaceId', () => ID, { description: 'The space whose saved bundles to list.' }) spaceId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.stage.bundles(ctx.actor, spaceId)).map(bundleNode);
  }

  @Query(() => BundleType, { nullable: true, description: 'One saved bundle by id; course staff of its space. Null with a NOT_FOUND error when it does not exist or is hidden from the caller; the rest of the response stands.' })
  async bundle(@Arg('id', () => ID, { description: 'The bundle.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return bundleNode(await ctx.services.stage.bundle(ctx.actor, id));
  }

  @Mutation(() => Boolean, { description: 'Deletes a saved bundle; true when deleted. Space admins only. Distributions and assignments made from it keep their frozen items.' })
  deleteBundle(@Arg('id', () => ID, { description: 'The bundle to delete.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stage.deleteBundle(ctx.actor, id);
  }
}
