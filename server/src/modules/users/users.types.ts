import { Connection } from '../../core/graphql/connection';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field({ description: 'Runs this Stagecoach: may create spaces even when sign-up is closed.' }) instanceAdmin: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Session token: send as `Authorization: Bearer <token>`; also set as an httpOnly cookie.' })
  token: string;
  @Field(() => UserType) user: UserType;
}

@ObjectType('ApiToken')
export class ApiTokenType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'The first characters of the secret, to tell tokens apart.' }) prefix: string;
  @Field() readOnly: boolean;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

export const ApiTokenConnection = Connection(ApiTokenType, 'ApiToken');

@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'The secret, shown this once; only its hash is stored.' }) secret: string;
  @Field(() => ApiTokenType) token: ApiTokenType;
}

@InputType()
export class SignUpInput {
  @Field() email: string;
  @Field() name: string;
  @Field() password: string;
}

@ObjectType()
export class DemoAccount {
  @Field() email: string;
  @Field() name: string;
  @Field() role: string;
  @Field() password: string;
}

@ObjectType()
export class SignUpSettings {
  @Field({ description: 'Whether anyone may create an account without an invitation (ALLOW_SIGN_UP).' }) openSignUp: boolean;
  @Field({ description: 'The password rule in words, as sign-up, reset and change enforce it.' }) passwordRule: string;
  @Field(() => Int) passwordMinLength: number;
}
