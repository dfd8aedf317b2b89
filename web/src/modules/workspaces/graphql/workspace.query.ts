import { graphql } from '../../../gql';

export const WorkspaceQuery = graphql(`
  query Workspace($id: ID!) {
    workspace(id: $id) {
      ...WorkspaceLabel
      spaceId
      canWrite
      version
    }
  }
`);

/** The caller's role in the workspace's space: what the page offers depends on it. */
export const WorkspaceSpaceRoleQuery = graphql(`
  query WorkspaceSpaceRole($id: ID!) {
    space(id: $id) {
      id
      kind
      myRole
    }
  }
`);

export const WorkspaceObjectQuery = graphql(`
  query WorkspaceObject($id: ID!, $path: String!, $snapshotId: ID) {
    workspace(id: $id) {
      id
      object(path: $path, snapshotId: $snapshotId) {
        name
        path
        kind
        size
        hash
        lastChange {
          ...CommitFields
        }
      }
    }
  }
`);

export const SnapshotQuery = graphql(`
  query Snapshot($id: ID!) {
    snapshot(id: $id) {
      ...SnapshotFields
      workspaceId
    }
  }
`);
