import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../core/graphql/connection';
import { canGrantExtensions } from '../../core/policy';
import { UserType } from '../users/users.types';
import type { Role } from './membership.entity';
import type { Space } from './space.entity';

/** A space as the API shows it to someone with `role` in it. */
export const spaceNode = (space: Space, role: Role) => ({ ...space, myRole: role, canGrantExtensions: canGrantExtensions(role, space) });

export enum SpaceKindEnum {
  COURSE = 'COURSE',
  RESEARCH = 'RESEARCH',
  DATASET = 'DATASET',
}
export enum RoleEnum {
  ADMIN = 'ADMIN',
  TA = 'TA',
  MEMBER = 'MEMBER',
  VIEWER = 'VIEWER',
}
registerEnumType(SpaceKindEnum, { name: 'SpaceKind' });
registerEnumType(RoleEnum, {
  name: 'Role',
  valuesConfig: {
    ADMIN: { description: 'Instructor or owner: changes material, members and settings.' },
    TA: { description: 'Reads every workspace and hand-in, grades; cannot change course material.' },
    MEMBER: { description: 'Student or researcher: edits their own workspace.' },
    VIEWER: { description: 'Reads shared material only.' },
  },
});

@ObjectType('Space')
export class SpaceType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => SpaceKindEnum) kind: SpaceKindEnum;
  @Field() description: string;
  @Field() createdAt: Date;
  @Field(() => RoleEnum, { description: "The caller's role in this space." }) myRole: RoleEnum;
  @Field({ description: "Whether the space's TAs may grant and revoke extensions (admins always may)." }) tasGrantExtensions: boolean;
  @Field({ description: 'Whether the caller may grant and revoke extensions here.' }) canGrantExtensions: boolean;
}

@ObjectType('Member')
export class MemberType {
  @Field(() => UserType) user: UserType;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field() joinedAt: Date;
  @Field(() => String, { nullable: true, description: "The student's number at the university (from the roster, or set by an admin)." }) studentNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Section or group in this space.' }) section: string | null;
}

@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field() createdAt: Date;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Carried onto the membership when accepted.' }) studentNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Carried onto the membership when accepted.' }) section: string | null;
}

@ObjectType()
export class CreatedInvitation {
  @Field(() => InvitationType) invitation: InvitationType;
  @Field({ description: 'The link to send; it holds the secret, shown this once.' }) url: string;
  @Field() token: string;
}

@ObjectType()
export class AcceptedInvitation {
  @Field(() => SpaceType) space: SpaceType;
  @Field(() => UserType) user: UserType;
  @Field(() => String, { nullable: true, description: 'A session token when the invitation created the account.' })
  token: string | null;
}

@ObjectType('OutboxMessage')
export class OutboxMessageType {
  @Field(() => ID) id: string;
  @Field() recipient: string;
  @Field() subject: string;
  @Field() body: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => String, { nullable: true }) error: string | null;
}

@InputType()
export class CreateSpaceInput {
  @Field() name: string;
  @Field(() => SpaceKindEnum) kind: SpaceKindEnum;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class UpdateSpaceInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Admins: let TAs grant and revoke extensions.' }) tasGrantExtensions?: boolean | null;
}

@InputType({ description: "A member's details; a field left out is kept, null or empty text clears it." })
export class MemberDetailsInput {
  @Field(() => String, { nullable: true }) studentNumber?: string | null;
  @Field(() => String, { nullable: true }) section?: string | null;
}

@InputType()
export class AcceptSignUpInput {
  @Field(() => String, { nullable: true, description: 'Needed for link invitations; e-mail invitations carry it.' })
  email?: string | null;
  @Field() name: string;
  @Field() password: string;
}

export enum InvitationStatusEnum {
  OPEN = 'OPEN',
  USED = 'USED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatusEnum, {
  name: 'InvitationStatus',
  valuesConfig: {
    OPEN: { description: 'May be accepted.' },
    USED: { description: 'Accepted already; a link is used once.' },
    REVOKED: { description: 'Withdrawn by an admin of the space.' },
    EXPIRED: { description: 'Past its expiry.' },
  },
});

@ObjectType({ description: 'An invitation as its link shows it to whoever holds the link, signed in or not.' })
export class InvitationPreview {
  @Field() spaceName: string;
  @Field(() => SpaceKindEnum) spaceKind: SpaceKindEnum;
  @Field(() => RoleEnum, { description: 'The role offered.' }) role: RoleEnum;
  @Field({ description: 'The name of who made the invitation.' }) invitedBy: string;
  @Field(() => String, { nullable: true, description: 'The address an e-mail invitation is bound to; null for a link anyone may use.' })
  email: string | null;
  @Field() expiresAt: Date;
  @Field(() => InvitationStatusEnum) status: InvitationStatusEnum;
  @Field(() => Date, { nullable: true, description: 'When it was used or withdrawn.' }) closedAt: Date | null;
}

export const SpaceConnection = Connection(SpaceType, 'Space');
export const MemberConnection = Connection(MemberType, 'Member');
export const InvitationConnection = Connection(InvitationType, 'Invitation');
export const OutboxMessageConnection = Connection(OutboxMessageType, 'OutboxMessage');
export const DEFAULT_INVITE_DAYS = { link: 7, email: 14 };
