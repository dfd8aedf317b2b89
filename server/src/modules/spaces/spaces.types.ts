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
registerEnumType(SpaceKindEnum, {
  name: 'SpaceKind',
  description: 'What a space is for.',
  valuesConfig: {
    COURSE: { description: 'A course: staff hand out material and assignments to students.' },
    DATASET: { description: 'A dataset shared with its members.' },
    RESEARCH: { description: 'A research group sharing workspaces.' },
  },
});
registerEnumType(RoleEnum, {
  name: 'Role',
  description: "A person's role in a space; what each may do is decided by the server's access policy.",
  valuesConfig: {
    ADMIN: { description: 'Instructor or owner: changes material, members and settings.' },
    TA: { description: 'Reads every workspace and hand-in, grades; cannot change course material.' },
    MEMBER: { description: 'Student or researcher: edits their own workspace.' },
    VIEWER: { description: 'Reads shared material only.' },
  },
});

@ObjectType('Space', { description: 'A course, dataset or research group: its people, workspaces, assignments and distributions. Readable by its members.' })
export class SpaceType {
  @Field(() => ID, { description: 'Identifier of this space.' }) id: string;
  @Field({ description: 'Name of the space.' }) name: string;
  @Field(() => SpaceKindEnum, { description: 'What the space is for.' }) kind: SpaceKindEnum;
  @Field({ description: 'Description shown to members; empty when none.' }) description: string;
  @Field({ description: 'When the space was created.' }) createdAt: Date;
  @Field(() => RoleEnum, { description: "The caller's role in this space." }) myRole: RoleEnum;
  @Field({ description: "Whether the space's TAs may grant and revoke extensions (admins always may)." }) tasGrantExtensions: boolean;
  @Field({ description: 'Whether the caller may grant and revoke extensions here.' }) canGrantExtensions: boolean;
}

@ObjectType('Member', { description: 'A person in a space and their role.' })
export class MemberType {
  @Field(() => UserType, { description: 'The person.' }) user: UserType;
  @Field(() => RoleEnum, { description: 'Their role in the space.' }) role: RoleEnum;
  @Field({ description: 'When they joined.' }) joinedAt: Date;
  @Field(() => String, { nullable: true, description: "The student's number at the university (from the roster, or set by an admin)." }) studentNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Section or group in this space.' }) section: string | null;
  @Field(() => Date, { nullable: true, description: "When a roster sync found they had left the course at its learning management system: deactivated (no access), their work kept." })
  leftCourseAt: Date | null;
}

@ObjectType('Invitation', { description: 'An invitation to join a space, by e-mail or as a shareable link. Space admins only.' })
export class InvitationType {
  @Field(() => ID, { description: 'Identifier of this invitation.' }) id: string;
  @Field(() => String, { description: 'The address invited; null for a shareable link.', nullable: true }) email: string | null;
  @Field(() => RoleEnum, { description: 'Role the invitee gets.' }) role: RoleEnum;
  @Field({ description: 'When it was created.' }) createdAt: Date;
  @Field({ description: 'When it stops working.' }) expiresAt: Date;
  @Field(() => Date, { description: 'When it was accepted; null until then (links stay usable).', nullable: true }) acceptedAt: Date | null;
  @Field(() => Date, { description: 'When it was revoked; null unless revoked.', nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Carried onto the membership when accepted.' }) studentNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Carried onto the membership when accepted.' }) section: string | null;
}

@ObjectType({ description: 'A new invitation with its secret token (shown only once).' })
export class CreatedInvitation {
  @Field(() => InvitationType, { description: 'The invitation.' }) invitation: InvitationType;
  @Field({ description: 'The link to send; it holds the secret, shown this once.' }) url: string;
  @Field({ description: 'The secret token for the invitation link; not retrievable later.' }) token: string;
}

@ObjectType({ description: 'The result of accepting an invitation.' })
export class AcceptedInvitation {
  @Field(() => SpaceType, { description: 'The space joined.' }) space: SpaceType;
  @Field(() => UserType, { description: 'The account that joined.' }) user: UserType;
  @Field(() => String, { nullable: true, description: 'A session token when the invitation created the account.' })
  token: string | null;
}

@ObjectType('OutboxMessage', { description: 'An e-mail the server sent or, without SMTP, keeps for an admin to read.' })
export class OutboxMessageType {
  @Field(() => ID, { description: 'Identifier of this message.' }) id: string;
  @Field({ description: 'Address it is for.' }) recipient: string;
  @Field({ description: 'Subject line.' }) subject: string;
  @Field({ description: 'Plain-text body.' }) body: string;
  @Field({ description: 'When it was written.' }) createdAt: Date;
  @Field(() => Date, { description: 'When SMTP accepted it; null when not sent.', nullable: true }) sentAt: Date | null;
  @Field(() => String, { description: 'Why sending failed; null otherwise.', nullable: true }) error: string | null;
}

@InputType({ description: 'A new space.' })
export class CreateSpaceInput {
  @Field({ description: 'Name of the space; must not be empty.' }) name: string;
  @Field(() => SpaceKindEnum, { description: 'What the space is for.' }) kind: SpaceKindEnum;
  @Field(() => String, { description: 'Description shown to members; empty when omitted.', nullable: true }) description?: string | null;
}

@InputType({ description: 'Changes to a space; only the fields given change.' })
export class UpdateSpaceInput {
  @Field(() => String, { description: 'New name; must not be empty.', nullable: true }) name?: string | null;
  @Field(() => String, { description: 'New description.', nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Admins: let TAs grant and revoke extensions.' }) tasGrantExtensions?: boolean | null;
}

@InputType({ description: "A member's details; a field left out is kept, null or empty text clears it." })
export class MemberDetailsInput {
  @Field(() => String, { description: 'New student number; empty clears it.', nullable: true }) studentNumber?: string | null;
  @Field(() => String, { description: 'New section (tutorial group); empty clears it.', nullable: true }) section?: string | null;
}

@InputType({ description: "An account to create while accepting an invitation (the invitation's address is used)." })
export class AcceptSignUpInput {
  @Field(() => String, { nullable: true, description: 'Needed for link invitations; e-mail invitations carry it.' })
  email?: string | null;
  @Field({ description: 'Display name.' }) name: string;
  @Field({ description: 'Password; must satisfy signUpSettings.' }) password: string;
}

export enum InvitationStatusEnum {
  OPEN = 'OPEN',
  USED = 'USED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatusEnum, {
  name: 'InvitationStatus',
  description: 'Whether an invitation can still be accepted.',
  valuesConfig: {
    OPEN: { description: 'May be accepted.' },
    USED: { description: 'Accepted already; a link is used once.' },
    REVOKED: { description: 'Withdrawn by an admin of the space.' },
    EXPIRED: { description: 'Past its expiry.' },
  },
});

@ObjectType({ description: 'An invitation as its link shows it to whoever holds the link, signed in or not.' })
export class InvitationPreview {
  @Field({ description: 'Name of the space the invitation is for.' }) spaceName: string;
  @Field(() => SpaceKindEnum, { description: 'Kind of that space.' }) spaceKind: SpaceKindEnum;
  @Field(() => RoleEnum, { description: 'The role offered.' }) role: RoleEnum;
  @Field({ description: 'The name of who made the invitation.' }) invitedBy: string;
  @Field(() => String, { nullable: true, description: 'The address an e-mail invitation is bound to; null for a link anyone may use.' })
  email: string | null;
  @Field({ description: 'When the invitation stops working.' }) expiresAt: Date;
  @Field(() => InvitationStatusEnum, { description: 'Whether it can still be accepted.' }) status: InvitationStatusEnum;
  @Field(() => Date, { nullable: true, description: 'When it was used or withdrawn.' }) closedAt: Date | null;
}

export const SpaceConnection = Connection(SpaceType, 'Space');
export const MemberConnection = Connection(MemberType, 'Member');
export const InvitationConnection = Connection(InvitationType, 'Invitation');
export const OutboxMessageConnection = Connection(OutboxMessageType, 'OutboxMessage');
export const DEFAULT_INVITE_DAYS = { link: 7, email: 14 };
