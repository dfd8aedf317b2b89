import { graphql } from '../../../gql';

export const PushTargetsQuery = graphql(`
  query PushTargets($spaceId: ID!) {
    space(id: $spaceId) {
      id
      name
      kind
      myRole
      workspaces {
        id
        kind
        name
        canWrite
        owner {
          id
          name
        }
      }
    }
  }
`);

export const PreviewDistributionQuery = graphql(`
  query PreviewDistribution($input: PushInputType!) {
    previewDistribution(input: $input) {
      targetCount
      targetsWithConflicts
      totals {
        ...OutcomeTotals
      }
      items {
        path
        kind
        size
      }
      targets {
        changes
        fails
        conflicts
        counts {
          ...OutcomeTotals
        }
        workspace {
          id
          name
          kind
          owner {
            id
            name
          }
        }
      }
    }
  }
`);

export const PushDistributionMutation = graphql(`
  mutation PushDistribution($input: PushInputType!) {
    pushDistribution(input: $input) {
      id
      status
    }
  }
`);
