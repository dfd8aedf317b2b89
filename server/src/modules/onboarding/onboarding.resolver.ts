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
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('email', { description: "The colleague's e-mail address." }) email: string,
    @Arg('role', () => RoleEnum, { description: 'Their role in the space.', defaultValue: RoleEnum.MEMBER }) role: RoleEnum,
    @Arg('fromSnapshotId', () => ID, { description: 'Start their workspace from this snapshot; give exactly one of fromSnapshotId and fromBundleId.', nullable: true }) fromSnapshotId: string | null,
    @Arg('fromBundleId', () => ID, { description: 'Start their workspace from this saved bundle; give exactly one of fromSnapshotId and fromBundleId.', nullable: true }) fromBundleId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.onboarding.onboard(ctx.actor, { spaceId, email, role, fromSnapshotId, fromBundleId });
  }
}
