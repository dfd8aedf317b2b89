import { graphql } from '../../../gql';

export const HandInStatusesQuery = graphql(`
  query HandInStatuses(
    $assignmentId: ID!
    $statuses: [StudentStatus!]
    $sort: StatusSort
    $descending: Boolean
    $search: String
    $first: Int!
    $after: String
  ) {
    handInStatuses(
      assignmentId: $assignmentId
      statuses: $statuses
      sort: $sort
      descending: $descending
      search: $search
      first: $first
      after: $after
    ) {
      totalCount
      counts {
        status
        count
      }
      nodes {
        ...StatusRow
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const HandInStatusSubscription = graphql(`
  subscription HandInStatus($assignmentId: ID!) {
    handInStatus(assignmentId: $assignmentId) {
      assignmentId
      studentId
      row {
        ...StatusRow
      }
      counts {
        status
        count
      }
    }
  }
`);
