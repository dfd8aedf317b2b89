import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { Public } from '../../core/graphql/guards';
import { SignInProvider } from './sso.types';

@Resolver()
export class SsoResolver {
  @Public()
  @Query(() => [SignInProvider], { description: 'The organisations whose own login may be used to sign in.' })
  signInProviders(@Ctx() ctx: GraphQLContext): SignInProvider[] {
    return ctx.services.sso.providers();
  }
}
