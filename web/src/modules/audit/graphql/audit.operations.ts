import { graphql } from '../../../gql';

export const AuditEventsQuery = graphql(`
  query AuditEvents(
    $spaceId: ID!
    $action: String
    $actorId: ID
    $studentId: ID
    $from: DateTimeISO
    $to: DateTimeISO
    $first: Int!
    $after: String
  ) {
    auditEvents(
      spaceId: $spaceId
      action: $action
      actorId: $actorId
      studentId: $studentId
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      totalCount
      nodes {
        id
        seq
        action
        createdAt
        actorId
        studentId
        actor {
          id
          name
        }
        student {
          id
          name
        }
        subjectType
        subjectId
        before
        after
        hash
        prevHash
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const AuditPeopleQuery = graphql(`
  query AuditPeople($spaceId: ID!) {
    space(id: $spaceId) {
      id
      staff: members(first: 100, role: TA) {
        nodes {
          user {
            id
            name
          }
        }
      }
      admins: members(first: 100, role: ADMIN) {
        nodes {
          user {
            id
            name
          }
        }
      }
    }
  }
`);

export const VerifyAuditChainQuery = graphql(`
  query VerifyAuditChain($spaceId: ID!) {
    verifyAuditChain(spaceId: $spaceId) {
      ok
      events
      brokenAt
      problem
    }
  }
`);
