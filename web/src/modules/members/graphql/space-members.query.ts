import { graphql } from '../../../gql';

export const SpaceMembersQuery = graphql(`
  query SpaceMembers($spaceId: ID!, $first: Int!, $after: String, $role: Role) {
    space(id: $spaceId) {
      id
      members(first: $first, after: $after, role: $role) {
        totalCount
        nodes {
          ...MemberFields
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);
