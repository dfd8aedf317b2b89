import { graphql } from '../../../gql';

export const StorageUseFragment = graphql(`
  fragment StorageUseFields on StorageUse {
    logicalBytes
    exclusiveBytes
  }
`);

export const SpaceStorageQuery = graphql(`
  query SpaceStorage($id: ID!) {
    space(id: $id) {
      id
      storageUse {
        ...StorageUseFields
        quotaBytes
      }
      workspaces {
        ...WorkspaceLabel
        owner {
          email
        }
        storageUse {
          ...StorageUseFields
        }
      }
    }
  }
`);

export const WorkspaceStorageQuery = graphql(`
  query WorkspaceStorage($id: ID!) {
    workspace(id: $id) {
      id
      storageUse {
        ...StorageUseFields
      }
    }
  }
`);
