import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { WorkspaceKindEnum, WorkspaceType } from '../workspaces/workspaces.types';
import { SpaceType } from './spaces.types';

@Resolver(() => SpaceType)
export class SpaceWorkspacesResolver {
  @FieldResolver(() => [WorkspaceType], { description: 'The workspaces of this space the caller may read.' })
  workspaces(
    @Root() space: SpaceType,
    @Arg('kind', () => WorkspaceKindEnum, { nullable: true }) kind: WorkspaceKindEnum | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.workspaces.listInSpace(ctx.actor, space.id, kind);
  }
}

