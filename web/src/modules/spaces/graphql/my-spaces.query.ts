import { graphql } from '../../../gql';

export const MySpacesQuery = graphql(`
  query MySpaces($first: Int!, $after: String) {
    spaces(first: $first, after: $after) {
      nodes {
        id
        name
        kind
        myRole
        description
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);
