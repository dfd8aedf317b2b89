import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import type { GraphQLContext } from '../../core/graphql/context';
import { Public } from '../../core/graphql/guards';
import { byId, loaderOf } from '../../core/graphql/loaders';
import type { NodeLookups } from '../../core/graphql/node.resolver';
import { setSessionCookie, clearSessionCookie } from './session-cookie';
import { PASSWORD_RULE } from './password-rule';
import type { User } from './user.entity';
import { ApiTokenConnection, ApiTokenType, AuthPayload, CreatedApiToken, DemoAccount, SignUpInput, SignUpSettings, UserType } from './users.types';
import { demoLogins } from './demo-accounts';

const loadOwnTokens = byId((ids, ctx) => ctx.services.users.personalTokensById(ctx.services.policy.requireActor(ctx.actor), ids));

/** node(id:): a User only as the caller (who else may be read depends on the spaces shared); an API token only to its owner, as apiTokenList lists it. */
export const userNodes: NodeLookups = {
  User: async (raw, ctx) => (ctx.actor?.user.id === raw ? ctx.actor.user : null),
  ApiToken: (raw, ctx) => loaderOf(ctx, 'node:ApiToken', loadOwnTokens).load(raw),
};

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
  async signUp(@Arg('input', () => SignUpInput, { description: 'The new account.' }) input: SignUpInput, @Ctx() ctx: GraphQLContext) {
    return signIn(ctx, await ctx.services.users.signUp(input));
  }

  @Mutation(() => UserType, { description: "Changes the caller's display name." })
  updateProfile(@Arg('name', { description: 'New display name; must not be empty.' }) name: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.users.rename(ctx.services.policy.requireActor(ctx.actor), name);
  }

  @Mutation(() => Boolean, { description: "Changes the caller's password (the current one is required); the account's other sessions end." })
  async changePassword(@Arg('currentPassword', { description: "The caller's current password." }) currentPassword: string, @Arg('newPassword', { description: 'The new password; must satisfy signUpSettings.passwordRule.' }) newPassword: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.users.changePassword(ctx.services.policy.requireActor(ctx.actor), currentPassword, newPassword, ctx.ip ?? null);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a single-use link to set a new password (valid for an hour) if the address has an account; the answer is true either way.',
  })
  async requestPasswordReset(@Arg('email', { description: "The account's e-mail address; the answer is the same whether or not it exists." }) email: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.passwordResets.request(email);
    return true;
  }

  @Public()
  @Mutation(() => AuthPayload, { description: "Sets a new password with a reset link's token, ends the account's sessions and signs in." })
  async resetPassword(@Arg('token', { description: 'The token from the reset e-mail.' }) token: string, @Arg('newPassword', { description: 'The new password; must satisfy signUpSettings.passwordRule.' }) newPassword: string, @Ctx() ctx: GraphQLContext) {
    return signIn(ctx, await ctx.services.passwordResets.reset(token, newPassword));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in with e-mail and password; returns a session token and sets the session cookie. Anyone may call it; a wrong address or password is refused with UNAUTHENTICATED.' })
  async login(@Arg('email', { description: "The account's e-mail address." }) email: string, @Arg('password', { description: "The account's password." }) password: string, @Ctx() ctx: GraphQLContext) {
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

  @Query(() => [ApiTokenType], { description: "The caller's personal API tokens, including revoked and expired ones. Signed-in users.", deprecationReason: 'Use apiTokenList' })
  apiTokens(@Ctx() ctx: GraphQLContext) {
    return ctx.services.users.listPersonalTokens(ctx.services.policy.requireActor(ctx.actor));
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates a personal API token acting as the caller; the secret is in the answer only. Signed-in users.' })
  createApiToken(
    @Arg('name', { description: 'A name to recognise the token by; must not be empty.' }) name: string,
    @Arg('readOnly', { description: 'Whether the token may only read: its mutations (other than logout) are refused with FORBIDDEN.', defaultValue: false }) readOnly: boolean,
    @Arg('expiresInDays', () => Int, { description: 'Days until the token expires, 1 to 3650; it does not expire when omitted.', nullable: true }) expiresInDays: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.users.createPersonalToken(ctx.services.policy.requireActor(ctx.actor), name, readOnly, expiresInDays);
  }

  @Mutation(() => ApiTokenType, { description: "Revokes one of the caller's own API tokens; requests with it are refused from then on." })
  revokeApiToken(@Arg('id', () => ID, { description: 'The token to revoke.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.users.revokePersonalToken(ctx.services.policy.requireActor(ctx.actor), id);
  }
}

/** Opens a session for someone who has just proved who they are, and sets its cookie. */
async function signIn(ctx: GraphQLContext, user: User) {
  const token = await ctx.services.users.startSession(user);
  setSessionCookie(ctx, token);
  return { token, user };
}
