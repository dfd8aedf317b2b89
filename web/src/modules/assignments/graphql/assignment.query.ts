import { graphql } from '../../../gql';

export const SpaceAssignmentsQuery = graphql(`
  query SpaceAssignments($spaceId: ID!) {
    assignments(spaceId: $spaceId) {
      ...AssignmentDetails
      myStatus {
        ...StatusRow
      }
    }
  }
`);

export const AssignmentQuery = graphql(`
  query Assignment($id: ID!) {
    assignment(id: $id) {
      ...AssignmentDetails
      extensions {
        ...ExtensionFields
      }
    }
  }
`);

export const MyHandInsQuery = graphql(`
  query MyHandIns($assignmentId: ID!) {
    handIns(assignmentId: $assignmentId) {
      ...HandInFields
    }
  }
`);

export const AssignmentChangedSubscription = graphql(`
  subscription AssignmentChanged($spaceId: ID!) {
    assignmentChanged(spaceId: $spaceId) {
      assignment {
        id
        updatedAt
        releasedAt
      }
    }
  }
`);
