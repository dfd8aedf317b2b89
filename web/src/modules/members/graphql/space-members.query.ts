import { graphql } from '../../../gql';

export const SpaceMembersQuery = graphql(`
  query SpaceMembers($spaceId: ID!, $first: Int!, $after: String, $role: Role, $search: String) {
    space(id: $spaceId) {
      id
      members(first: $first, after: $after, role: $role, search: $search) {
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
