import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import type { GraphQLContext } from '../../core/graphql/context';
import { Public } from '../../core/graphql/guards';
import { setSessionCookie, clearSessionCookie } from './session-cookie';
import { PASSWORD_RULE } from './password-rule';
import type { User } from './user.entity';
import { ApiTokenConnection, ApiTokenType, AuthPayload, CreatedApiToken, DemoAccount, SignUpInput, SignUpSettings, UserType } from './users.types';
import { demoLogins } from './demo-accounts';

@Resolver()
export class UsersResolver {
  @Public()
  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: GraphQLContext) {
    return ctx.actor?.user ?? null;
  }

  @Public()
  @Query(() => [DemoAccount], { description: 'The demo logins, in demo mode only (SEED_DEMO=true); otherwise empty.' })
  demoAccounts(@Ctx() ctx: GraphQLContext) {
    return demoLogins(ctx.services.config);
  }

  @Public()
  @Query(() => SignUpSettings, { description: 'What the sign-up, invitation and password pages need to know before anyone signs in.' })
  signUpSettings(@Ctx() ctx: GraphQLContext): SignUpSettings {
    return { openSignUp: ctx.services.users.openSignUp, passwordRule: PASSWORD_RULE.description, passwordMinLength: PASSWORD_RULE.minLength };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Creates an account without an invitation and signs it in; refused unless open sign-up is on (ALLOW_SIGN_UP). The first account runs the instance.',
  })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext) {
    return signIn(ctx, await ctx.services.users.signUp(input));
  }

  @Mutation(() => UserType, { description: "Changes the caller's display name." })
  updateProfile(@Arg('name') name: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.users.rename(ctx.services.policy.requireActor(ctx.actor), name);
  }

  @Mutation(() => Boolean, { description: "Changes the caller's password (the current one is required); the account's other sessions end." })
  async changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.users.changePassword(ctx.services.policy.requireActor(ctx.actor), currentPassword, newPassword, ctx.ip ?? null);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a single-use link to set a new password (valid for an hour) if the address has an account; the answer is true either way.',
  })
  async requestPasswordReset(@Arg('email') email: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.passwordResets.request(email);
    return true;
  }

  @Public()
  @Mutation(() => AuthPayload, { description: "Sets a new password with a reset link's token, ends the account's sessions and signs in." })
  async resetPassword(@Arg('token') token: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: GraphQLContext) {
    return signIn(ctx, await ctx.services.passwordResets.reset(token, newPassword));
  }

  @Public()
  @Mutation(() => AuthPayload)
  async login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: GraphQLContext) {
    const session = await ctx.services.users.login(email, password, ctx.ip ?? null);
    setSessionCookie(ctx, session.token);
    return session;
  }

  @Mutation(() => Boolean, { description: 'Ends the session (or revokes the token) this request used.' })
  async logout(@Ctx() ctx: GraphQLContext) {
    await ctx.services.users.logout(ctx.services.policy.requireActor(ctx.actor));
    clearSessionCookie(ctx);
    return true;
  }

  @Query(() => ApiTokenConnection, { description: "The caller's personal API tokens, a page at a time, newest first." })
  async apiTokenList(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.users.personalTokenPage(ctx.services.policy.requireActor(ctx.actor), page), (t) => t);
  }

  @Query(() => [ApiTokenType], { deprecationReason: 'Use apiTokenList' })
  apiTokens(@Ctx() ctx: GraphQLContext) {
    return ctx.services.users.listPersonalTokens(ctx.services.policy.requireActor(ctx.actor));
  }

  @Mutation(() => CreatedApiToken)
  createApiToken(
    @Arg('name') name: string,
    @Arg('readOnly', { defaultValue: false }) readOnly: boolean,
    @Arg('expiresInDays', () => Int, { nullable: true }) expiresInDays: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.users.createPersonalToken(ctx.services.policy.requireActor(ctx.actor), name, readOnly, expiresInDays);
  }

  @Mutation(() => ApiTokenType)
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.users.revokePersonalToken(ctx.services.policy.requireActor(ctx.actor), id);
  }
}

/** Opens a session for someone who has just proved who they are, and sets its cookie. */
async function signIn(ctx: GraphQLContext, user: User) {
  const token = await ctx.services.users.startSession(user);
  setSessionCookie(ctx, token);
  return { token, user };
}
