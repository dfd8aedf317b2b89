import { graphql } from '../../../gql';

/** The release's preview: the same fields as a push preview, so the same view shows it (and asks it for further pages). */
export const PreviewAssignmentReleaseQuery = graphql(`
  query PreviewAssignmentRelease($input: CreateAssignmentInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {
    previewAssignmentRelease(input: $input) {
      ...DistributionPreviewFields
    }
  }
`);

export const AssignmentReleaseQuery = graphql(`
  query AssignmentRelease($id: ID!) {
    assignment(id: $id) {
      id
      releaseAt
      releasedAt
      release {
        id
        status
        createdAt
        undoneAt
        policies {
          default
          files
          tables
          applications
        }
        counts {
          ...StatusCounts
        }
      }
    }
  }
`);

export const PreviewScheduledReleaseQuery = graphql(`
  query PreviewScheduledRelease($assignmentId: ID!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {
    previewScheduledRelease(assignmentId: $assignmentId) {
      ...DistributionPreviewFields
    }
  }
`);
