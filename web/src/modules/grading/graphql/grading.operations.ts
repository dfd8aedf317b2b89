import { graphql } from '../../../gql';

export const GradeFieldsFragment = graphql(`
  fragment GradeFields on Grade {
    points
    textGrade
    comment
    gradedAt
    returnedAt
  }
`);

export const FeedbackFieldsFragment = graphql(`
  fragment FeedbackFields on Feedback {
    ...FeedbackFilesState
    version
    returned
    visibleToStudent
    keptPercent
    finalPoints
    student {
      ...UserSummary
    }
    grade {
      ...GradeFields
      handInId
      gradedBy {
        id
        name
      }
    }
    gradedHandIn {
      id
      seq
    }
  }
`);

/** Which feedback it is and the hash of its files, which changes with every file added or removed. */
export const FeedbackFilesStateFragment = graphql(`
  fragment FeedbackFilesState on Feedback {
    assignmentId
    studentId
    filesHash
    filesVersion
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
      ...FeedbackFilesState
      files(path: $path, first: 100) {
        nodes {
          ...EntryFields
        }
      }
    }
  }
`);

export const HandInEntriesQuery = graphql(`
  query HandInEntries($handInId: ID!, $path: String!, $first: Int!, $after: String) {
    handInEntries(handInId: $handInId, path: $path, first: $first, after: $after) {
      nodes {
        ...EntryFields
      }
      pageInfo {
        ...PageInfoFields
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
  mutation SetGrade($assignmentId: ID!, $studentId: ID!, $input: SetGradeInput!, $expectedVersion: Int) {
    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: $input, expectedVersion: $expectedVersion) {
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
      ...FeedbackFilesState
    }
  }
`);

export const DeleteFeedbackFileMutation = graphql(`
  mutation DeleteFeedbackFile($assignmentId: ID!, $studentId: ID!, $path: String!) {
    deleteFeedbackFile(assignmentId: $assignmentId, studentId: $studentId, path: $path) {
      ...FeedbackFilesState
    }
  }
`);

export const MyFeedbackQuery = graphql(`
  query MyFeedback($assignmentId: ID!) {
    myFeedback(assignmentId: $assignmentId) {
      ...FeedbackFields
      files(first: 100) {
        nodes {
          ...EntryFields
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

export const GradingNeighboursQuery = graphql(`
  query GradingNeighbours($assignmentId: ID!, $studentId: ID!, $statuses: [StudentStatus!], $sort: StatusSort, $descending: Boolean, $search: String) {
    gradingNeighbours(assignmentId: $assignmentId, studentId: $studentId, statuses: $statuses, sort: $sort, descending: $descending, search: $search) {
      previous {
        id
        name
      }
      next {
        id
        name
      }
      position
      total
    }
  }
`);
