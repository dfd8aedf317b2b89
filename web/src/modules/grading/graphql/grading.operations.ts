import { graphql } from '../../../gql';

export const FeedbackFieldsFragment = graphql(`
  fragment FeedbackFields on Feedback {
    assignmentId
    studentId
    returned
    visibleToStudent
    keptPercent
    finalPoints
    filesHash
    student {
      id
      name
      email
    }
    grade {
      points
      textGrade
      comment
      gradedAt
      returnedAt
      handInId
    }
    gradedHandIn {
      id
      seq
    }
  }
`);

export const StudentGradingQuery = graphql(`
  query StudentGrading($assignmentId: ID!, $studentId: ID!) {
    feedback(assignmentId: $assignmentId, studentId: $studentId) {
      ...FeedbackFields
    }
    handIns(assignmentId: $assignmentId, studentId: $studentId) {
      ...HandInFields
    }
  }
`);

export const FeedbackFilesQuery = graphql(`
  query FeedbackFiles($assignmentId: ID!, $studentId: ID!, $path: String!) {
    feedback(assignmentId: $assignmentId, studentId: $studentId) {
      assignmentId
      studentId
      filesHash
      files(path: $path, first: 100) {
        nodes {
          name
          path
          kind
          size
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const HandInEntriesQuery = graphql(`
  query HandInEntries($handInId: ID!, $path: String!, $first: Int!, $after: String) {
    handInEntries(handInId: $handInId, path: $path, first: $first, after: $after) {
      nodes {
        name
        path
        kind
        size
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const HandInChangesQuery = graphql(`
  query HandInChanges($handInId: ID!) {
    handInChanges(handInId: $handInId) {
      truncated
      counts {
        added
        deleted
        modified
      }
      files {
        path
        change
        kind
        oldSize
        newSize
        noLineDiff
        hunks {
          oldStart
          oldLines
          newStart
          newLines
          lines {
            kind
            oldNumber
            newNumber
            text
            noNewlineAtEnd
          }
        }
      }
    }
  }
`);

export const SetGradeMutation = graphql(`
  mutation SetGrade($assignmentId: ID!, $studentId: ID!, $input: SetGradeInput!) {
    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: $input) {
      ...FeedbackFields
    }
  }
`);

export const ReturnGradesMutation = graphql(`
  mutation ReturnGrades($assignmentId: ID!, $studentIds: [ID!]) {
    returnGrades(assignmentId: $assignmentId, studentIds: $studentIds) {
      returned
      alreadyReturned
      returnedCount
      returnedAt
    }
  }
`);

export const CopyHandInFileToFeedbackMutation = graphql(`
  mutation CopyHandInFileToFeedback($handInId: ID!, $path: String!, $to: String) {
    copyHandInFileToFeedback(handInId: $handInId, path: $path, to: $to) {
      assignmentId
      studentId
      filesHash
    }
  }
`);

export const DeleteFeedbackFileMutation = graphql(`
  mutation DeleteFeedbackFile($assignmentId: ID!, $studentId: ID!, $path: String!) {
    deleteFeedbackFile(assignmentId: $assignmentId, studentId: $studentId, path: $path) {
      assignmentId
      studentId
      filesHash
    }
  }
`);

export const MyFeedbackQuery = graphql(`
  query MyFeedback($assignmentId: ID!) {
    myFeedback(assignmentId: $assignmentId) {
      ...FeedbackFields
      files(first: 100) {
        nodes {
          name
          path
          kind
          size
        }
      }
    }
  }
`);

export const CopyFeedbackToWorkspaceMutation = graphql(`
  mutation CopyFeedbackToWorkspace($assignmentId: ID!) {
    copyFeedbackToWorkspace(assignmentId: $assignmentId) {
      changed
      path
      workspace {
        id
      }
      outcomes {
        path
        outcome
        copiedTo
      }
    }
  }
`);
