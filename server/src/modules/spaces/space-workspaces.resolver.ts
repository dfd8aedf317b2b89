import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { Connection, PageArgs, toConnection } from '../../core/graphql/connection';
import { WorkspaceKindEnum, WorkspaceType } from '../workspaces/workspaces.types';
import { SpaceType } from './spaces.types';

const WorkspaceConnection = Connection(WorkspaceType, 'Workspace');

@ArgsType()
class WorkspaceListArgs extends PageArgs {
  @Field(() => WorkspaceKindEnum, { description: 'Only workspaces of this kind.', nullable: true }) kind?: WorkspaceKindEnum | null;
  @Field(() => String, { nullable: true, description: "Only workspaces whose name, or whose owner's name, e-mail address or student number, contains this text (any case)." })
  search?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only workspaces the caller may change: the targets a push of theirs could reach.' })
  writable?: boolean | null;
  @Field(() => ID, { nullable: true, description: "Leave this workspace out (a push's source)." })
  excluding?: string | null;
}

@Resolver(() => SpaceType)
export class SpaceWorkspacesResolver {
  @FieldResolver(() => [WorkspaceType], {
    description: 'Every workspace of this space the caller may read, unpaged; at class size prefer workspaceList, which pages, searches and counts.',
    deprecationReason: 'Use workspaceList',
  })
  workspaces(
    @Root() space: SpaceType,
    @Arg('kind', () => WorkspaceKindEnum, { description: 'Only workspaces of this kind.', nullable: true }) kind: WorkspaceKindEnum | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.workspaces.listInSpace(ctx.actor, space.id, kind);
  }

  @FieldResolver(() => WorkspaceConnection, {
    description: "The workspaces of this space the caller may read, a page at a time: the course's own first, then personal ones by owner name; totalCount counts every match.",
  })
  async workspaceList(@Root() space: SpaceType, @Args(() => WorkspaceListArgs) args: WorkspaceListArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.spaces.workspaceList(ctx.actor, space.id, args), (w) => w);
  }
}
