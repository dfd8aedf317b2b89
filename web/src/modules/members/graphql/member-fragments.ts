import { graphql } from '../../../gql';

export const MemberFieldsFragment = graphql(`
  fragment MemberFields on Member {
    joinedAt
    role
    studentNumber
    section
    leftCourseAt
    user {
      ...UserSummary
    }
  }
`);

export const InvitationFieldsFragment = graphql(`
  fragment InvitationFields on Invitation {
    id
    email
    role
    createdAt
    expiresAt
    acceptedAt
    revokedAt
    studentNumber
    section
  }
`);
