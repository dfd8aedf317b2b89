import { graphql } from '../../../gql';

export const WorkspaceSnapshotsQuery = graphql(`
  query WorkspaceSnapshots($id: ID!, $first: Int!, $after: String) {
    workspace(id: $id) {
      id
      snapshots(first: $first, after: $after) {
        totalCount
        nodes {
          ...SnapshotFields
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);
