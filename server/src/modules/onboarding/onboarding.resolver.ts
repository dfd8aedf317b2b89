import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { RoleEnum } from '../spaces/spaces.types';
import { WorkspaceType } from '../workspaces/workspaces.types';

@Resolver()
export class OnboardingResolver {
  @Mutation(() => WorkspaceType, {
    description: "Onboards a colleague with an account: joins them to the space (if needed) with a personal workspace that starts from a snapshot or a bundle.",
  })
  onboardColleague(
    @Arg('spaceId', () => ID) spaceId: string,
    @Arg('email') email: string,
    @Arg('role', () => RoleEnum, { defaultValue: RoleEnum.MEMBER }) role: RoleEnum,
    @Arg('fromSnapshotId', () => ID, { nullable: true }) fromSnapshotId: string | null,
    @Arg('fromBundleId', () => ID, { nullable: true }) fromBundleId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.onboarding.onboard(ctx.actor, { spaceId, email, role, fromSnapshotId, fromBundleId });
  }
}
