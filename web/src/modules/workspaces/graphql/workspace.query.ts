import { graphql } from '../../../gql';

export const WorkspaceQuery = graphql(`
  query Workspace($id: ID!) {
    workspace(id: $id) {
      id
      name
      kind
      spaceId
      canWrite
      version
      owner {
        id
        name
      }
    }
  }
`);

export const WorkspaceObjectQuery = graphql(`
  query WorkspaceObject($id: ID!, $path: String!, $snapshotId: ID) {
    workspace(id: $id) {
      id
      object(path: $path, snapshotId: $snapshotId) {
        path
        name
        kind
        size
        hash
        lastChange {
          id
          version
          message
          createdAt
          author {
            id
            name
          }
        }
      }
    }
  }
`);

export const SnapshotQuery = graphql(`
  query Snapshot($id: ID!) {
    snapshot(id: $id) {
      id
      label
      description
      createdAt
      automatic
      workspaceId
    }
  }
`);
