import { graphql } from '../../../gql';

export const LtiCourseQuery = graphql(`
  query LtiCourse($spaceId: ID!) {
    ltiCourse(spaceId: $spaceId) {
      platformName
      title
      rosterAvailable
      rosterCheckedAt
      rosterDifferences
      rosterCheckError
    }
  }
`);

export const LtiRosterLineFieldsFragment = graphql(`
  fragment LtiRosterLineFields on LtiRosterLine {
    platformUserId
    name
    studentNumber
    role
    outcome
    detail
  }
`);

export const PreviewLtiRosterSyncQuery = graphql(`
  query PreviewLtiRosterSync($spaceId: ID!) {
    previewLtiRosterSync(spaceId: $spaceId) {
      previewHash
      applied
      lines {
        ...LtiRosterLineFields
      }
    }
  }
`);

export const ApplyLtiRosterSyncMutation = graphql(`
  mutation ApplyLtiRosterSync($spaceId: ID!, $previewHash: String!) {
    applyLtiRosterSync(spaceId: $spaceId, previewHash: $previewHash) {
      previewHash
      applied
      lines {
        ...LtiRosterLineFields
      }
    }
  }
`);

export const RespondLtiDeepLinkMutation = graphql(`
  mutation RespondLtiDeepLink($request: String!, $assignmentId: ID!) {
    respondLtiDeepLink(request: $request, assignmentId: $assignmentId) {
      returnUrl
      jwt
    }
  }
`);
