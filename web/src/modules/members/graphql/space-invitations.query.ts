import { graphql } from '../../../gql';

export const SpaceInvitationsQuery = graphql(`
  query SpaceInvitations($spaceId: ID!) {
    space(id: $spaceId) {
      id
      invitations(open: true) {
        ...InvitationFields
      }
      invitationCount(open: true)
    }
  }
`);
