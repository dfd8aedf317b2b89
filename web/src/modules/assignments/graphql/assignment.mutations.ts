import { graphql } from '../../../gql';

export const CreateAssignmentMutation = graphql(`
  mutation CreateAssignment($input: CreateAssignmentInput!) {
    createAssignment(input: $input) {
      id
    }
  }
`);

export const UpdateAssignmentMutation = graphql(`
  mutation UpdateAssignment($id: ID!, $input: UpdateAssignmentInput!, $expectedVersion: Int) {
    updateAssignment(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...AssignmentDetails
    }
  }
`);

export const GrantExtensionMutation = graphql(`
  mutation GrantExtension($assignmentId: ID!, $studentId: ID!, $deadline: DateTimeISO!, $reason: String!) {
    grantExtension(assignmentId: $assignmentId, studentId: $studentId, deadline: $deadline, reason: $reason) {
      ...ExtensionFields
    }
  }
`);

export const RevokeExtensionMutation = graphql(`
  mutation RevokeExtension($id: ID!, $reason: String!) {
    revokeExtension(id: $id, reason: $reason) {
      ...ExtensionFields
    }
  }
`);

export const HandInAssignmentMutation = graphql(`
  mutation HandInAssignment($assignmentId: ID!, $identifier: String, $message: String, $allowMissing: Boolean!) {
    handInAssignment(assignmentId: $assignmentId, identifier: $identifier, message: $message, allowMissing: $allowMissing) {
      contentHash
      handedInAt
      deadline
      late
      handIn {
        ...HandInFields
      }
    }
  }
`);

export const SetTaExtensionsMutation = graphql(`
  mutation SetTaExtensions($spaceId: ID!, $allowed: Boolean!) {
    updateSpace(id: $spaceId, input: { tasGrantExtensions: $allowed }) {
      id
      tasGrantExtensions
      canGrantExtensions
    }
  }
`);
