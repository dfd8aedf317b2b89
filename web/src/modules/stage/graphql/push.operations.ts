import { graphql } from '../../../gql';

export const PreviewDistributionQuery = graphql(`
  query PreviewDistribution($input: PushInputType!) {
    previewDistribution(input: $input) {
      targetCount
      targetsWithConflicts
      totals {
        ...OutcomeTotals
      }
      items {
        ...FrozenItemFields
      }
      targets {
        changes
        fails
        conflicts
        counts {
          ...OutcomeTotals
        }
        workspace {
          ...WorkspaceLabel
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
