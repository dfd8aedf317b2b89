import { graphql } from '../../../gql';

export const CreateInviteLinkMutation = graphql(`
  mutation CreateInviteLink($spaceId: ID!, $role: Role!, $expiresInDays: Int!) {
    createInviteLink(spaceId: $spaceId, role: $role, expiresInDays: $expiresInDays) {
      url
      invitation {
        ...InvitationFields
      }
    }
  }
`);

export const InviteByEmailMutation = graphql(`
  mutation InviteByEmail($spaceId: ID!, $email: String!, $role: Role!) {
    inviteByEmail(spaceId: $spaceId, email: $email, role: $role) {
      invitation {
        ...InvitationFields
      }
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddMember($spaceId: ID!, $email: String!, $role: Role!) {
    addMember(spaceId: $spaceId, email: $email, role: $role) {
      ...MemberFields
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($spaceId: ID!, $userId: ID!, $role: Role!) {
    changeMemberRole(spaceId: $spaceId, userId: $userId, role: $role) {
      ...MemberFields
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

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      ...InvitationFields
    }
  }
`);

export const ChangeMemberRolesMutation = graphql(`
  mutation ChangeMemberRoles($spaceId: ID!, $userIds: [ID!]!, $role: Role!) {
    changeMemberRoles(spaceId: $spaceId, userIds: $userIds, role: $role) {
      ...MemberFields
    }
  }
`);

export const RemoveMembersMutation = graphql(`
  mutation RemoveMembers($spaceId: ID!, $userIds: [ID!]!) {
    removeMembers(spaceId: $spaceId, userIds: $userIds)
  }
`);

export const UpdateMemberDetailsMutation = graphql(`
  mutation UpdateMemberDetails($spaceId: ID!, $userId: ID!, $input: MemberDetailsInput!) {
    updateMemberDetails(spaceId: $spaceId, userId: $userId, input: $input) {
      ...MemberFields
    }
  }
`);
