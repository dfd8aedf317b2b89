import { graphql } from '../../../gql';

export const HandInFieldsFragment = graphql(`
  fragment HandInFields on HandIn {
    id
    seq
    handedInAt
    contentHash
    collected
    identifier
    message
    missingPaths
    sizeBytes
  }
`);

export const StatusRowFragment = graphql(`
  fragment StatusRow on StudentAssignmentStatus {
    studentNumber
    section
    members {
      name
      studentNumber
    }
    status
    deadline
    late
    lateByMinutes
    keptPercent
    finalPoints
    handInCount
    lastActivityAt
    workspaceId
    student {
      ...UserSummary
    }
    extension {
      id
      deadline
      reason
    }
    latestHandIn {
      ...HandInFields
    }
    grade {
      ...GradeFields
    }
    criterionPoints
    openRegradeRequests
  }
`);

export const AssignmentDetailsFragment = graphql(`
  fragment AssignmentDetails on Assignment {
    id
    version
    spaceId
    title
    instructions
    deadline
    timeZone
    releaseAt
    releasedAt
    createdAt
    updatedAt
    distributionId
    collectAtDeadline
    anonymousGrading
    groupWork
    handBackVisible
    handInPaths
    maxPoints
    gradingScheme
    sizeLimitBytes
    latePolicy {
      mode
      penaltyPercent
      unit
      floorPercent
    }
    items {
      ...FrozenItemFields
    }
  }
`);

export const ExtensionFieldsFragment = graphql(`
  fragment ExtensionFields on Extension {
    id
    studentId
    deadline
    reason
    createdAt
    revokedAt
    revokeReason
  }
`);
