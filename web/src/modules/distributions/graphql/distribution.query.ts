import type { DistributionQuery as DistributionQueryResult } from '../../../gql/graphql';
import { graphql } from '../../../gql';

export const DistributionQuery = graphql(`
  query Distribution($id: ID!) {
    distribution(id: $id) {
      ...DistributionState
      kind
      spaceId
      createdAt
      startedAt
      finishedAt
      message
      originId
      createdBy {
        id
        name
      }
      reversals {
        id
        kind
        status
        createdAt
        createdBy {
          id
          name
        }
      }
      snapshotFirst
      includeFutureMembers
      sourceWorkspaceId
      sourceSnapshotId
      targetCount
      policies {
        default
        files
        tables
        applications
      }
      items {
        ...FrozenItemFields
      }
    }
  }
`);

export const DistributionTargetsQuery = graphql(`
  query DistributionTargets($id: ID!, $first: Int!, $after: String, $status: TargetStatus, $search: String) {
    distribution(id: $id) {
      id
      targets(first: $first, after: $after, status: $status, search: $search) {
        totalCount
        nodes {
          ...TargetRow
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);

/** A distribution as its page shows it. */
export type DistributionDetails = NonNullable<DistributionQueryResult['distribution']>;
