import { graphql } from '../../../gql';

export const StagesQuery = graphql(`
  query Stages {
    stages {
      workspaceId
      snapshotId
      count
    }
  }
`);

export const StageQuery = graphql(`
  query Stage($source: SourceInput!, $workspaceId: ID!) {
    stage(source: $source) {
      ...StageItemFields
    }
    workspace(id: $workspaceId) {
      id
      name
      kind
      spaceId
    }
  }
`);

export const StageSnapshotQuery = graphql(`
  query StageSnapshot($id: ID!) {
    snapshot(id: $id) {
      id
      label
    }
  }
`);
