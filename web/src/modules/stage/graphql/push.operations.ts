import { graphql } from '../../../gql';

export const PreviewDistributionQuery = graphql(`
  query PreviewDistribution($input: PushInputType!) {
    previewDistribution(input: $input) {
      targetCount
      targetsWithConflicts
      targetsLosingEdits
      targetsChanging
      targetsFailing
      targetsUpToDate
      totals {
        ...OutcomeTotals
      }
      items {
        ...FrozenItemFields
      }
      targets {
        changes
        fails
        upToDate
        conflicts
        lostEditCount
        lostEdits {
          path
          outcome
        }
        replacedDelivered {
          path
          outcome
        }
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
