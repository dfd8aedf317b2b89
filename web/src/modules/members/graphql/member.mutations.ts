import { graphql } from '../../../gql';

export const CreateInviteLinkMutation = graphql(`
  mutation CreateInviteLink($spaceId: ID!, $role: Role!, $expiresInDays: Int!) {
    createInviteLink(spaceId: $spaceId, role: $role, expiresInDays: $expiresInDays) {
      url
      invitation {
        id
        role
        expiresAt
        createdAt
        email
        acceptedAt
        revokedAt
      }
    }
  }
`);

export const InviteByEmailMutation = graphql(`
  mutation InviteByEmail($spaceId: ID!, $email: String!, $role: Role!) {
    inviteByEmail(spaceId: $spaceId, email: $email, role: $role) {
      invitation {
        id
        email
        role
        expiresAt
        createdAt
        acceptedAt
        revokedAt
      }
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddMember($spaceId: ID!, $email: String!, $role: Role!) {
    addMember(spaceId: $spaceId, email: $email, role: $role) {
      joinedAt
      role
      user {
        id
        name
        email
      }
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($spaceId: ID!, $userId: ID!, $role: Role!) {
    changeMemberRole(spaceId: $spaceId, userId: $userId, role: $role) {
      joinedAt
      role
      user {
        id
        name
        email
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      revokedAt
    }
  }
`);
