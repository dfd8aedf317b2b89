import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
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
