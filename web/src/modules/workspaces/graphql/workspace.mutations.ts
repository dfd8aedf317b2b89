import { graphql } from '../../../gql';

export const CreateFolderMutation = graphql(`
  mutation CreateFolder($workspaceId: ID!, $path: String!, $expectedVersion: Int) {
    createFolder(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {
      ...WorkspaceVersion
    }
  }
`);

export const MovePathMutation = graphql(`
  mutation MovePath($workspaceId: ID!, $from: String!, $to: String!, $expectedVersion: Int) {
    movePath(workspaceId: $workspaceId, from: $from, to: $to, expectedVersion: $expectedVersion) {
      ...WorkspaceVersion
    }
  }
`);

export const DeletePathMutation = graphql(`
  mutation DeletePath($workspaceId: ID!, $path: String!, $expectedVersion: Int) {
    deletePath(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {
      ...WorkspaceVersion
    }
  }
`);

export const SaveApplicationMutation = graphql(`
  mutation SaveApplication($workspaceId: ID!, $name: String!, $config: JSONObject!, $expectedVersion: Int) {
    saveApplication(workspaceId: $workspaceId, name: $name, config: $config, expectedVersion: $expectedVersion) {
      path
      hash
      config
    }
  }
`);

export const CreateSnapshotMutation = graphql(`
  mutation CreateSnapshot($workspaceId: ID!, $label: String!, $description: String!) {
    createSnapshot(workspaceId: $workspaceId, label: $label, description: $description) {
      ...SnapshotFields
    }
  }
`);

export const RestoreSnapshotMutation = graphql(`
  mutation RestoreSnapshot($id: ID!) {
    restoreSnapshot(id: $id) {
      backup {
        id
        label
      }
      workspace {
        ...WorkspaceVersion
      }
    }
  }
`);

export const DeleteSnapshotMutation = graphql(`
  mutation DeleteSnapshot($id: ID!) {
    deleteSnapshot(id: $id)
  }
`);

export const AddToStageMutation = graphql(`
  mutation AddToStage($source: SourceInput!, $paths: [String!]!) {
    addToStage(source: $source, paths: $paths) {
      ...StageItemFields
    }
  }
`);
