import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "An organisation's own login (OpenID Connect) that people may sign in with." })
export class SignInProvider {
  @Field({ description: 'Identifier of the provider, used in its sign-in URL.' }) id: string;
  @Field({ description: 'Shown as "Sign in with <name>".' }) name: string;
  @Field({ description: 'Where the browser goes to sign in; add `?invite=<secret>` to accept an invitation and `&next=/path` to land on a page of the dashboard.' })
  startUrl: string;
}
