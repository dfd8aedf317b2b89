import { graphql } from '../../../gql';

export const WorkspaceHistoryQuery = graphql(`
  query WorkspaceHistory($id: ID!, $first: Int!, $after: String) {
    workspace(id: $id) {
      id
      history(first: $first, after: $after) {
        nodes {
          id
          version
          message
          createdAt
          distributionId
          author {
            id
            name
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
