import { graphql } from '../../../gql';

export const DistributionProgressSubscription = graphql(`
  subscription DistributionProgress($id: ID!) {
    distributionProgress(id: $id) {
      ...ProgressHead
      distribution {
        startedAt
        finishedAt
      }
      finished {
        ...TargetProgress
      }
    }
  }
`);

/** Counts and status only, for a distribution shown as one row of a list. */
export const DistributionStatusSubscription = graphql(`
  subscription DistributionStatus($id: ID!) {
    distributionProgress(id: $id) {
      ...ProgressHead
    }
  }
`);
