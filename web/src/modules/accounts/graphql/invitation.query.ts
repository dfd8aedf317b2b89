import { graphql } from '../../../gql';

export const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      spaceName
      spaceKind
      role
      invitedBy
      email
      expiresAt
      status
      closedAt
    }
    signUpSettings {
      passwordRule
      passwordMinLength
    }
  }
`);
