import { graphql } from '../../../gql';

export const WorkspaceTableQuery = graphql(`
  query WorkspaceTable($id: ID!, $path: String!, $snapshotId: ID, $offset: Int!, $limit: Int!) {
    workspace(id: $id) {
      id
      table(path: $path, snapshotId: $snapshotId, offset: $offset, limit: $limit) {
        path
        hash
        offset
        rowCount
        columns {
          name
          type
        }
        rows
      }
    }
  }
`);
