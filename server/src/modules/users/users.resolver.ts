import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { Public } from '../../core/graphql/guards';
import { setSessionCookie, clearSessionCookie } from './session-cookie';
import { ApiTokenType, AuthPayload, CreatedApiToken, DemoAccount, SignUpInput, UserType } from './users.types';
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
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in.' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext) {
    const user = await ctx.services.users.createUser(input);
    const session = { token: await ctx.services.users.startSession(user), user };
    setSessionCookie(ctx, session.token);
    return session;
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

  @Query(() => [ApiTokenType])
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
