import { graphql } from '../../../gql';

export const SpaceDistributionsQuery = graphql(`
  query SpaceDistributions($spaceId: ID!, $first: Int!, $after: String) {
    distributions(spaceId: $spaceId, first: $first, after: $after) {
      totalCount
      nodes {
        ...DistributionState
        kind
        createdAt
        finishedAt
        message
        originId
        targetCount
        includeFutureMembers
        items {
          path
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);
