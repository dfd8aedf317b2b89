import { graphql } from '../../../gql';

export const WorkspaceChangedSubscription = graphql(`
  subscription WorkspaceChanged($workspaceId: ID!) {
    workspaceChanged(workspaceId: $workspaceId) {
      workspaceId
      version
      commitId
    }
  }
`);
