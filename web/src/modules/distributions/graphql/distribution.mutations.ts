import { graphql } from '../../../gql';

export const CancelDistributionMutation = graphql(`
  mutation CancelDistribution($id: ID!) {
    cancelDistribution(id: $id) {
      ...DistributionState
    }
  }
`);

export const RetryDistributionMutation = graphql(`
  mutation RetryDistribution($id: ID!, $policies: PoliciesInput) {
    retryDistribution(id: $id, policies: $policies) {
      ...DistributionState
    }
  }
`);

export const UndoDistributionMutation = graphql(`
  mutation UndoDistribution($id: ID!, $workspaceIds: [ID!]) {
    undoDistribution(id: $id, workspaceIds: $workspaceIds) {
      id
    }
  }
`);

export const RetractDistributionMutation = graphql(`
  mutation RetractDistribution($id: ID!, $workspaceIds: [ID!]) {
    retractDistribution(id: $id, workspaceIds: $workspaceIds) {
      id
    }
  }
`);
