import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import { Public } from '../../core/graphql/guards';
import { byIdWithin, loaderOf } from '../../core/graphql/loaders';
import { throughQuery, type NodeLookups } from '../../core/graphql/node.resolver';
import { setSessionCookie } from '../users/session-cookie';
import { INVITATIONS_LISTED, type MemberRow } from './spaces.service';
import {
  AcceptedInvitation,
  AcceptSignUpInput,
  CreatedInvitation,
  CreateSpaceInput,
  DEFAULT_INVITE_DAYS,
  InvitationPreview,
  InvitationConnection,
  InvitationType,
  MemberConnection,
  MemberDetailsInput,
  MemberType,
  OutboxMessageConnection,
  OutboxMessageType,
  RoleEnum,
  SpaceConnection,
  SpaceType,
  spaceNode,
  UpdateSpaceInput,
} from './spaces.types';

@ArgsType()
class MembersArgs extends PageArgs {
  @Field(() => RoleEnum, { description: 'Only members with this role.', nullable: true }) role?: RoleEnum | null;
  @Field(() => String, { nullable: true, description: 'Only members whose name, e-mail address or student number contains this text (any case).' })
  search?: string | null;
}

const memberNode = (row: MemberRow) => ({
  user: row.user,
  role: row.membership.role,
  joinedAt: row.membership.createdAt,
  studentNumber: row.membership.studentNumber,
  section: row.membership.section,
  leftCourseAt: row.membership.deactivatedAt,
});

/**
 * node(id:): a space as its own lookup reads it; an invitation, and an e-mail of a space's
 * outbox, only to admins of that space, as its invitationList and outboxList (an e-mail of no
 * space, such as a password reset, to no one).
 */
const adminOf = (spaceId: string, ctx: GraphQLContext) => ctx.services.policy.space(ctx.actor, spaceId, 'manage');
const loadInvitations = byIdWithin((ids, ctx) => ctx.services.spaces.invitationsById(ids), (i) => i.spaceId, adminOf);
const loadOutbox = byIdWithin((ids, ctx) => ctx.services.mail.messagesById(ids), (m) => m.spaceId, adminOf);

export const spaceNodes: NodeLookups = {
  Space: throughQuery('space'),
  Invitation: (raw, ctx) => loaderOf(ctx, 'node:Invitation', loadInvitations).load(raw),
  OutboxMessage: (raw, ctx) => loaderOf(ctx, 'node:OutboxMessage', loadOutbox).load(raw),
};

@Resolver(() => SpaceType)
export class SpacesResolver {
  @Query(() => SpaceConnection, { description: "The caller's spaces, by name." })
  async spaces(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = await ctx.services.spaces.mine(ctx.actor, args);
    return toConnection(page, (r) => spaceNode(r.space, r.role));
  }

  @Query(() => SpaceType, { nullable: true, description: 'One space by id; its members only. Null with a NOT_FOUND error when it does not exist or the caller is not a member; the rest of the response stands.' })
  async space(@Arg('id', () => ID, { description: 'The space.' }) id: string, @Ctx() ctx: GraphQLContext) {
    const { space, role } = await ctx.services.spaces.get(ctx.actor, id);
    return spaceNode(space, role);
  }

  @FieldResolver(() => MemberConnection, { description: 'Staff see everyone; others see the staff and themselves.' })
  async members(@Root() space: SpaceType, @Args(() => MembersArgs) args: MembersArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.spaces.members(ctx.actor, space.id, args), memberNode);
  }

  @FieldResolver(() => InvitationConnection, { description: 'Invitations a page at a time, newest first, with how many there are; admins only.' })
  async invitationList(
    @Root() space: SpaceType,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('open', { defaultValue: false, description: 'Only those still usable: not accepted, revoked or expired.' }) open: boolean,
  ) {
    return toConnection(await ctx.services.spaces.invitationPage(ctx.actor, space.id, open, page), (i) => i);
  }

  @FieldResolver(() => [InvitationType], {
    description: `The newest ${INVITATIONS_LISTED} invitations, newest first; admins only. invitationCount says how many there are.`,
    deprecationReason: 'Use invitationList',
  })
  invitations(
    @Root() space: SpaceType,
    @Ctx() ctx: GraphQLContext,
    @Arg('open', { defaultValue: false, description: 'Only those still usable: not accepted, revoked or expired.' }) open: boolean,
  ) {
    return ctx.services.spaces.invitations(ctx.actor, space.id, open);
  }

  @FieldResolver(() => Int, { description: 'How many invitations the space has (with open, how many are still usable); admins only.' })
  invitationCount(
    @Root() space: SpaceType,
    @Ctx() ctx: GraphQLContext,
    @Arg('open', { defaultValue: false, description: 'Count only those still usable.' }) open: boolean,
  ) {
    return ctx.services.spaces.invitationCount(ctx.actor, space.id, open);
  }

  @FieldResolver(() => OutboxMessageConnection, { description: 'E-mail sent (or waiting without SMTP) for this space, a page at a time, newest first; admins only.' })
  async outboxList(@Root() space: SpaceType, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    await ctx.services.policy.space(ctx.actor, space.id, 'manage');
    return toConnection(await ctx.services.mail.outboxPage(space.id, page), (m) => m);
  }

  @FieldResolver(() => [OutboxMessageType], { description: 'The newest 100 e-mails sent (or waiting without SMTP) for this space; admins only.', deprecationReason: 'Use outboxList' })
  async outbox(@Root() space: SpaceType, @Ctx() ctx: GraphQLContext) {
    await ctx.services.policy.space(ctx.actor, space.id, 'manage');
    return ctx.services.mail.outbox(space.id, 100);
  }

  @Mutation(() => SpaceType, { description: 'Creates a space with its MASTER and DISTRIBUTED workspaces; the caller is its admin.' })
  async createSpace(@Arg('input', () => CreateSpaceInput, { description: 'Name, kind and description of the new space.' }) input: CreateSpaceInput, @Ctx() ctx: GraphQLContext) {
    return spaceNode(await ctx.services.spaces.create(ctx.actor, input), 'ADMIN');
  }

  @Mutation(() => SpaceType, { description: 'Renames a space or changes its description; space admins only.' })
  async updateSpace(
    @Arg('id', () => ID, { description: 'The space.' }) id: string,
    @Arg('input', () => UpdateSpaceInput, { description: 'Only the fields given change.' }) input: UpdateSpaceInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return spaceNode(await ctx.services.spaces.update(ctx.actor, id, input), 'ADMIN');
  }

  @Mutation(() => MemberType, { description: 'Adds someone who has an account; a MEMBER gets a personal workspace.' })
  async addMember(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('email', { description: 'E-mail address of an existing account.' }) email: string,
    @Arg('role', () => RoleEnum, { description: 'The role they get.' }) role: RoleEnum,
    @Ctx() ctx: GraphQLContext,
  ) {
    return memberNode(await ctx.services.spaces.addMember(ctx.actor, spaceId, email, role));
  }

  @Mutation(() => MemberType, { description: 'Gives one member another role; space admins only.' })
  async changeMemberRole(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('userId', () => ID, { description: 'The member.' }) userId: string,
    @Arg('role', () => RoleEnum, { description: 'Their new role.' }) role: RoleEnum,
    @Ctx() ctx: GraphQLContext,
  ) {
    return memberNode(await ctx.services.spaces.changeRole(ctx.actor, spaceId, userId, role));
  }

  @Mutation(() => [MemberType], { description: 'Gives these members one role, all or none (refused when no admin would be left).' })
  async changeMemberRoles(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('userIds', () => [ID], { description: 'The members.' }) userIds: string[],
    @Arg('role', () => RoleEnum, { description: 'Their new role.' }) role: RoleEnum,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await ctx.services.spaces.changeRoles(ctx.actor, spaceId, userIds, role)).map(memberNode);
  }

  @Mutation(() => Int, { description: 'Removes these members, all or none; their personal workspaces and hand-ins are kept. Returns how many were removed.' })
  removeMembers(@Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string, @Arg('userIds', () => [ID], { description: 'The members to remove.' }) userIds: string[], @Ctx() ctx: GraphQLContext) {
    return ctx.services.spaces.removeMembers(ctx.actor, spaceId, userIds);
  }

  @Mutation(() => MemberType, { description: "Sets a member's student number and section." })
  async updateMemberDetails(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('userId', () => ID, { description: 'The member.' }) userId: string,
    @Arg('input', () => MemberDetailsInput, { description: 'Only the fields given change.' }) input: MemberDetailsInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return memberNode(await ctx.services.spaces.updateMemberDetails(ctx.actor, spaceId, userId, input));
  }

  @Mutation(() => Boolean, { description: "Removes a member; their personal workspace and its content are kept." })
  removeMember(@Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string, @Arg('userId', () => ID, { description: 'The member to remove.' }) userId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.spaces.removeMember(ctx.actor, spaceId, userId);
  }

  @Mutation(() => CreatedInvitation, { description: 'A link anyone holding it may use once before it expires.' })
  createInviteLink(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('role', () => RoleEnum, { description: 'Role of everyone who joins through the link.' }) role: RoleEnum,
    @Arg('expiresInDays', () => Int, { description: 'Days until the link stops working.', defaultValue: DEFAULT_INVITE_DAYS.link }) days: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.spaces.createInviteLink(ctx.actor, spaceId, role, days);
  }

  @Mutation(() => CreatedInvitation, { description: 'Sends the link by e-mail (or keeps it in the outbox without SMTP).' })
  inviteByEmail(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('email', { description: 'Address the invitation is sent to.' }) email: string,
    @Arg('role', () => RoleEnum, { description: 'Role the invitee gets.' }) role: RoleEnum,
    @Arg('expiresInDays', () => Int, { description: 'Days until the invitation expires.', defaultValue: DEFAULT_INVITE_DAYS.email }) days: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.spaces.inviteByEmail(ctx.actor, spaceId, email, role, days);
  }

  @Mutation(() => InvitationType, { description: 'Sends an e-mail invitation again with a fresh link; the old link stops working.' })
  resendInvitation(@Arg('id', () => ID, { description: 'The invitation to send again.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.spaces.resendInvitation(ctx.actor, id);
  }

  @Public()
  @Query(() => InvitationPreview, { nullable: true, description: "What an invitation link offers (space, role, who invited, expiry, whether it can still be used); null for an unknown link." })
  invitation(@Arg('token', { description: 'The secret token from the invitation link.' }) token: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.spaces.describeInvitation(token);
  }

  @Mutation(() => InvitationType, { description: 'Revokes an invitation so its link no longer works; space admins only. It is kept, marked revoked.' })
  revokeInvitation(@Arg('id', () => ID, { description: 'The invitation.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.spaces.revokeInvitation(ctx.actor, id);
  }

  @Public()
  @Mutation(() => AcceptedInvitation, { description: 'Signed in: joins with this account. Otherwise give signUp to create one.' })
  async acceptInvitation(
    @Arg('token', { description: 'The secret token from the invitation link.' }) token: string,
    @Arg('signUp', () => AcceptSignUpInput, { description: 'Creates an account first, for a caller who is not signed in.', nullable: true }) signUp: AcceptSignUpInput | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const result = await ctx.services.spaces.accept(ctx.actor, token, signUp);
    if (result.session) setSessionCookie(ctx, result.session);
    const role = (await ctx.services.policy.role(result.user.id, result.space.id))!;
    return { space: spaceNode(result.space, role), user: result.user, token: result.session };
  }
}
