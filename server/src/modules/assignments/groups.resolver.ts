import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import type { NodeLookups } from '../../core/graphql/node.resolver';
import { userById } from '../users/user-loader';
import { UserType } from '../users/users.types';
import type { GroupView } from './groups.service';
import type { GradeAdjustment } from './assignment-group.entity';
import { AssignmentGroupType, GradeAdjustmentType, GroupMemberMoveType } from './groups.types';

const adjustmentNode = (a: GradeAdjustment): GradeAdjustmentType => ({ studentId: a.studentId, groupId: a.groupId, points: a.pointsHundredths / 100, reason: a.reason, setAt: a.setAt });

const groupNode = (v: GroupView): AssignmentGroupType => ({ id: v.group.id, name: v.group.name, workspaceId: v.group.workspaceId, handedIn: v.handedIn, memberIds: v.memberIds });

/** node(id:): a group to whoever assignmentGroups lists it for: staff every group, a student their own. */
export const groupNodes: NodeLookups = {
  AssignmentGroup: async (raw, ctx) => {
    const view = await ctx.services.groups.get(ctx.actor, raw);
    return view && groupNode(view);
  },
};

@Resolver(() => AssignmentGroupType)
export class GroupsResolver {
  @Query(() => [AssignmentGroupType], { description: 'The groups of a group assignment: staff every group, a student their own.' })
  async assignmentGroups(@Arg('assignmentId', () => ID, { description: 'The group assignment.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.groups.list(ctx.actor, assignmentId)).map(groupNode);
  }

  @Query(() => AssignmentGroupType, { nullable: true, description: 'Students: your group for this assignment; null while you are in none.' })
  async myGroup(@Arg('assignmentId', () => ID, { description: 'The group assignment.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    const view = await ctx.services.groups.mine(ctx.actor, assignmentId);
    return view && groupNode(view);
  }

  @Mutation(() => [AssignmentGroupType], {
    description: "Admins: one group per value of the roster's section/group column (students already in a group stay); each group gets its workspace and, once released, the material.",
  })
  async groupsFromRoster(@Arg('assignmentId', () => ID, { description: 'The group assignment.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.groups.fromRoster(ctx.actor, assignmentId)).map(groupNode);
  }

  @Mutation(() => AssignmentGroupType, { description: 'Admins: a group made by hand, with its workspace; a student already in a group is refused (move them instead).' })
  async createGroup(
    @Arg('assignmentId', () => ID, { description: 'The group assignment.' }) assignmentId: string,
    @Arg('name', { description: 'The group\'s name, unique within the assignment.' }) name: string,
    @Arg('memberIds', () => [ID], { defaultValue: [], description: 'Students to put in the group (each in at most one group).' }) memberIds: string[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return groupNode(await ctx.services.groups.create(ctx.actor, assignmentId, name, memberIds));
  }

  @Mutation(() => AssignmentGroupType, { description: 'Admins: renames a group.' })
  async renameGroup(@Arg('groupId', () => ID, { description: 'The group.' }) groupId: string, @Arg('name', { description: 'The group\'s name, unique within the assignment.' }) name: string, @Ctx() ctx: GraphQLContext) {
    return groupNode(await ctx.services.groups.rename(ctx.actor, groupId, name));
  }

  @Mutation(() => Boolean, { description: 'Admins: deletes a group that has not handed in; its workspace stays, open to staff only.' })
  async deleteGroup(@Arg('groupId', () => ID, { description: 'The group.' }) groupId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.remove(ctx.actor, groupId);
  }

  @Mutation(() => GroupMemberMoveType, { description: 'Admins: puts a student in a group (adding or moving them), or out of every group with groupId null.' })
  async setGroupMember(
    @Arg('assignmentId', () => ID, { description: 'The group assignment.' }) assignmentId: string,
    @Arg('userId', () => ID, { description: 'The student to move.' }) userId: string,
    @Arg('groupId', () => ID, { nullable: true, description: 'The group to move them into; null takes them out of any group.' }) groupId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const move = await ctx.services.groups.setMember(ctx.actor, assignmentId, userId, groupId ?? null);
    return { groups: move.groups.map(groupNode), notice: move.notice };
  }

  @Mutation(() => GradeAdjustmentType, {
    nullable: true,
    description: "Staff: adds points to (or, negative, takes them from) one member's share of their group's grade, with the reason they read; 0 removes it (null).",
  })
  async setGradeAdjustment(
    @Arg('assignmentId', () => ID, { description: 'The group assignment.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: 'The member whose share to adjust.' }) studentId: string,
    @Arg('points', () => Float, { description: 'Points added to the group grade for this member (negative takes away; 0 removes the adjustment).' }) points: number,
    @Arg('reason', { defaultValue: '', description: 'Why; required unless points is 0.' }) reason: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const row = await ctx.services.adjustments.set(ctx.actor, assignmentId, studentId, points, reason);
    return row && adjustmentNode(row);
  }

  @Query(() => [GradeAdjustmentType], { description: 'Per-member adjustments of group grades: staff every one, a student their own once returned.' })
  async gradeAdjustments(@Arg('assignmentId', () => ID, { description: 'The group assignment.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.adjustments.list(ctx.actor, assignmentId)).map(adjustmentNode);
  }

  @FieldResolver(() => [UserType], { description: 'The students in the group now, by name.' })
  async members(@Root() group: AssignmentGroupType, @Ctx() ctx: GraphQLContext) {
    const users = await Promise.all(group.memberIds.map((id) => userById(ctx, id)));
    return users.filter((u) => !!u);
  }
}
