import { graphql } from '../../../gql';

export const WorkspaceHistoryQuery = graphql(`
  query WorkspaceHistory($id: ID!, $first: Int!, $after: String) {
    workspace(id: $id) {
      id
      history(first: $first, after: $after) {
        nodes {
          ...CommitFields
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);
