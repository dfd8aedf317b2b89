import { graphql } from '../../../gql';

export const WorkspaceApplicationQuery = graphql(`
  query WorkspaceApplication($id: ID!, $path: String!, $snapshotId: ID) {
    workspace(id: $id) {
      id
      version
      application(path: $path, snapshotId: $snapshotId) {
        path
        hash
        config
      }
    }
  }
`);
