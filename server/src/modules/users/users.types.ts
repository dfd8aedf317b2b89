import { Connection } from '../../core/graphql/connection';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('User', { description: 'A person with an account. Others see only people they share a space with.' })
export class UserType {
  @Field(() => ID, { description: 'Identifier of this user.' }) id: string;
  @Field({ description: 'E-mail address.' }) email: string;
  @Field({ description: 'Display name.' }) name: string;
  @Field({ description: 'Runs this Stagecoach: may create spaces even when sign-up is closed.' }) instanceAdmin: boolean;
}

@ObjectType({ description: 'A signed-in session.' })
export class AuthPayload {
  @Field({ description: 'Session token: send as `Authorization: Bearer <token>`; also set as an httpOnly cookie.' })
  token: string;
  @Field(() => UserType, { description: 'The signed-in user.' }) user: UserType;
}

@ObjectType('ApiToken', { description: 'A personal API token (its secret is never shown again after creation).' })
export class ApiTokenType {
  @Field(() => ID, { description: 'Identifier of this token.' }) id: string;
  @Field({ description: 'The name given at creation.' }) name: string;
  @Field({ description: 'The first characters of the secret, to tell tokens apart.' }) prefix: string;
  @Field({ description: 'Whether it may only read (mutations other than logout are refused).' }) readOnly: boolean;
  @Field({ description: 'When it was created.' }) createdAt: Date;
  @Field(() => Date, { description: 'When it was last used; null when never.', nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { description: 'When it expires; null when never.', nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { description: 'When it was revoked; null unless revoked.', nullable: true }) revokedAt: Date | null;
}

export const ApiTokenConnection = Connection(ApiTokenType, 'ApiToken');

@ObjectType({ description: 'A new API token and its secret, shown this once.' })
export class CreatedApiToken {
  @Field({ description: 'The secret, shown this once; only its hash is stored.' }) secret: string;
  @Field(() => ApiTokenType, { description: "The token's details." }) token: ApiTokenType;
}

@InputType({ description: 'A new account.' })
export class SignUpInput {
  @Field({ description: 'E-mail address; must not belong to another account.' }) email: string;
  @Field({ description: 'Display name; must not be empty.' }) name: string;
  @Field({ description: 'Password; must satisfy signUpSettings.passwordRule.' }) password: string;
}

@ObjectType({ description: 'A ready-made account of a demo instance (only listed when demo accounts are enabled).' })
export class DemoAccount {
  @Field({ description: 'E-mail address to sign in with.' }) email: string;
  @Field({ description: 'Display name.' }) name: string;
  @Field({ description: 'The role it demonstrates, in words.' }) role: string;
  @Field({ description: 'Password to sign in with.' }) password: string;
}

@ObjectType({ description: 'How accounts are created on this instance.' })
export class SignUpSettings {
  @Field({ description: 'Whether anyone may create an account without an invitation (ALLOW_SIGN_UP).' }) openSignUp: boolean;
  @Field({ description: 'The password rule in words, as sign-up, reset and change enforce it.' }) passwordRule: string;
  @Field(() => Int, { description: 'Fewest characters a password may have.' }) passwordMinLength: number;
}
