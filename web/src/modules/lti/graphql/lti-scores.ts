import { graphql } from '../../../gql';

export const LtiScoreFieldsFragment = graphql(`
  fragment LtiScoreFields on LtiScore {
    id
    kind
    status
    score
    attempts
    nextAttemptAt
    lastAttemptAt
    lastResponseStatus
    lastResponseBody
    lastError
    sentAt
    createdAt
  }
`);

export const LtiScoresQuery = graphql(`
  query LtiScores($assignmentId: ID!, $studentId: ID!) {
    ltiScores(assignmentId: $assignmentId, studentId: $studentId) {
      ...LtiScoreFields
    }
  }
`);

export const ResendLtiScoreMutation = graphql(`
  mutation ResendLtiScore($id: ID!) {
    resendLtiScore(id: $id) {
      ...LtiScoreFields
    }
  }
`);
