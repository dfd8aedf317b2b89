import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Resolver, Root } from 'type-graphql';
import { notFound } from '../../core/errors';
import type { GraphQLContext } from '../../core/graphql/context';
import { requestScoped } from '../../core/graphql/loaders';
import { SpaceType, spaceNode } from '../spaces/spaces.types';
import type { Workspace } from '../workspaces/workspace.entity';
import { WorkspaceType } from '../workspaces/workspaces.types';
import type { Holdings, StorageUse } from './storage-use.service';
import { StorageUseType } from './storage.types';

interface RequestStorage {
  holdings: () => Promise<Holdings>;
  workspaces: DataLoader<string, StorageUse | null>;
}

/** Per request: one walk over the store and one batch of workspaces, however many fields ask. */
function storageOf(ctx: GraphQLContext): RequestStorage {
  return requestScoped(ctx, 'storage', () => {
    let measured: Promise<Holdings> | null = null;
    const holdings = () => (measured ??= ctx.services.storageUse.holdings());
    return {
      holdings,
      workspaces: new DataLoader((ids: readonly string[]) => ctx.services.storageUse.ofWorkspaces(ctx.actor, ids, holdings)),
    };
  });
}

@Resolver(() => SpaceType)
export class SpaceStorageResolver {
  @Mutation(() => SpaceType, {
    description:
      "Sets the space's quota on the size of its current states, in bytes, or clears it with null; admins only, audited. A push or upload that would take the space beyond it is refused.",
  })
  async setSpaceQuota(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('bytes', () => Float, { description: 'Most bytes the space may hold; null removes the quota.', nullable: true }) bytes: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return spaceNode(await ctx.services.storageUse.setQuotaAs(ctx.actor, spaceId, bytes ?? null), 'ADMIN');
  }

  @FieldResolver(() => StorageUseType, { description: 'Bytes the space uses, and its quota; staff only.' })
  storageUse(@Root() space: SpaceType, @Ctx() ctx: GraphQLContext) {
    return ctx.services.storageUse.ofSpace(ctx.actor, space.id, storageOf(ctx).holdings);
  }
}

@Resolver(() => WorkspaceType)
export class WorkspaceStorageResolver {
  @FieldResolver(() => StorageUseType, { description: 'Bytes the workspace uses; whoever may read it.' })
  async storageUse(@Root() workspace: Workspace, @Ctx() ctx: GraphQLContext) {
    const use = await storageOf(ctx).workspaces.load(workspace.id);
    if (!use) throw notFound(`workspace ${workspace.id} does not exist`);
    return use;
  }
}
