import { graphql } from '../../../gql';

export const AssignmentGroupsQuery = graphql(`
  query AssignmentGroups($assignmentId: ID!) {
    assignmentGroups(assignmentId: $assignmentId) {
      ...GroupFields
    }
  }
`);

export const GroupFieldsFragment = graphql(`
  fragment GroupFields on AssignmentGroup {
    id
    name
    workspaceId
    handedIn
    members {
      id
      name
    }
  }
`);

export const GroupsFromRosterMutation = graphql(`
  mutation GroupsFromRoster($assignmentId: ID!) {
    groupsFromRoster(assignmentId: $assignmentId) {
      ...GroupFields
    }
  }
`);

export const CreateGroupMutation = graphql(`
  mutation CreateGroup($assignmentId: ID!, $name: String!) {
    createGroup(assignmentId: $assignmentId, name: $name) {
      ...GroupFields
    }
  }
`);

export const RenameGroupMutation = graphql(`
  mutation RenameGroup($groupId: ID!, $name: String!) {
    renameGroup(groupId: $groupId, name: $name) {
      ...GroupFields
    }
  }
`);

export const DeleteGroupMutation = graphql(`
  mutation DeleteGroup($groupId: ID!) {
    deleteGroup(groupId: $groupId)
  }
`);

export const SetGroupMemberMutation = graphql(`
  mutation SetGroupMember($assignmentId: ID!, $userId: ID!, $groupId: ID) {
    setGroupMember(assignmentId: $assignmentId, userId: $userId, groupId: $groupId) {
      notice
      groups {
        ...GroupFields
      }
    }
  }
`);

export const MyGroupQuery = graphql(`
  query MyGroup($assignmentId: ID!) {
    myGroup(assignmentId: $assignmentId) {
      id
      name
      workspaceId
      members {
        id
        name
      }
    }
  }
`);

export const GradeAdjustmentFieldsFragment = graphql(`
  fragment GradeAdjustmentFields on GradeAdjustment {
    studentId
    groupId
    points
    reason
    setAt
  }
`);

export const GradeAdjustmentsQuery = graphql(`
  query GradeAdjustments($assignmentId: ID!) {
    gradeAdjustments(assignmentId: $assignmentId) {
      ...GradeAdjustmentFields
    }
  }
`);

export const SetGradeAdjustmentMutation = graphql(`
  mutation SetGradeAdjustment($assignmentId: ID!, $studentId: ID!, $points: Float!, $reason: String!) {
    setGradeAdjustment(assignmentId: $assignmentId, studentId: $studentId, points: $points, reason: $reason) {
      ...GradeAdjustmentFields
    }
  }
`);
