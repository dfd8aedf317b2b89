import { graphql } from '../../../gql';

export const RubricFieldsFragment = graphql(`
  fragment RubricFields on Rubric {
    id
    version
    maxPoints
    comments
    criteria {
      id
      title
      description
      maxPoints
      levels {
        id
        title
        points
        description
      }
    }
  }
`);

export const RegradeRequestFieldsFragment = graphql(`
  fragment RegradeRequestFields on RegradeRequest {
    id
    studentId
    criterionId
    criterionTitle
    message
    createdAt
    open
    pointsBefore
    pointsAfter
    reply
    resolvedAt
  }
`);

/** What was picked per criterion of one student's grade. */
export const CriterionScoresFragment = graphql(`
  fragment CriterionScores on Feedback {
    assignmentId
    studentId
    criteria {
      criterionId
      levelId
      points
      comment
    }
  }
`);

export const AssignmentRubricQuery = graphql(`
  query AssignmentRubric($id: ID!) {
    assignment(id: $id) {
      id
      gradingScheme
      maxPoints
      rubric {
        ...RubricFields
      }
    }
  }
`);

export const RubricPreviewQuery = graphql(`
  query RubricPreview($assignmentId: ID!, $input: RubricInput!) {
    rubricPreview(assignmentId: $assignmentId, input: $input) {
      changedCount
      returnedCount
      needsConfirm
      summary
      removedPickedLevels {
        criterion
        level
        students
      }
      changes {
        studentId
        student {
          id
          name
        }
        pointsBefore
        pointsAfter
        returned
      }
    }
  }
`);

export const SaveRubricMutation = graphql(`
  mutation SaveRubric($assignmentId: ID!, $input: RubricInput!, $expectedVersion: Int, $confirm: Boolean!) {
    saveRubric(assignmentId: $assignmentId, input: $input, expectedVersion: $expectedVersion, confirm: $confirm) {
      rubric {
        ...RubricFields
      }
      impact {
        changedCount
        returnedCount
      }
    }
  }
`);

export const GradeCriteriaQuery = graphql(`
  query GradeCriteria($assignmentId: ID!, $studentId: ID!) {
    feedback(assignmentId: $assignmentId, studentId: $studentId) {
      ...CriterionScores
      version
      regradeRequests {
        ...RegradeRequestFields
      }
    }
  }
`);

export const GradeByRubricMutation = graphql(`
  mutation GradeByRubric($assignmentId: ID!, $studentId: ID!, $criteria: [CriterionGradeInput!]!, $expectedVersion: Int) {
    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: { criteria: $criteria }, expectedVersion: $expectedVersion) {
      ...CriterionScores
      version
      finalPoints
      keptPercent
      grade {
        points
      }
    }
  }
`);

export const OpenRegradeRequestsQuery = graphql(`
  query OpenRegradeRequests($assignmentId: ID!) {
    regradeRequests(assignmentId: $assignmentId, openOnly: true) {
      ...RegradeRequestFields
    }
  }
`);

export const RequestRegradeMutation = graphql(`
  mutation RequestRegrade($assignmentId: ID!, $criterionId: ID, $message: String!) {
    requestRegrade(assignmentId: $assignmentId, criterionId: $criterionId, message: $message) {
      ...RegradeRequestFields
    }
  }
`);

export const ResolveRegradeMutation = graphql(`
  mutation ResolveRegrade($id: ID!, $reply: String!) {
    resolveRegrade(id: $id, reply: $reply) {
      ...RegradeRequestFields
    }
  }
`);

export const MyRubricFeedbackQuery = graphql(`
  query MyRubricFeedback($assignmentId: ID!) {
    assignment(id: $assignmentId) {
      id
      rubric {
        ...RubricFields
      }
    }
    myFeedback(assignmentId: $assignmentId) {
      ...CriterionScores
      visibleToStudent
      regradeRequests {
        ...RegradeRequestFields
      }
    }
  }
`);
