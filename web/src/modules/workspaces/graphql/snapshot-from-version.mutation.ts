import { graphql } from '../../../gql';

export const SnapshotFromVersionMutation = graphql(`
  mutation SnapshotFromVersion($workspaceId: ID!, $commitId: ID!, $label: String!) {
    createSnapshot(workspaceId: $workspaceId, commitId: $commitId, label: $label) {
      ...SnapshotFields
    }
  }
`);
