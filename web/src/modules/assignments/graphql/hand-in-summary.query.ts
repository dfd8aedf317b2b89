import { graphql } from '../../../gql';

/** What the tracker's charts draw, over the whole class, without a row per student. */
export const HandInSummaryQuery = graphql(`
  query HandInSummary($assignmentId: ID!) {
    handInSummary(assignmentId: $assignmentId) {
      students
      late
      collected
      graded
      counts {
        status
        count
      }
      handInsOverTime {
        at
        count
      }
      points {
        from
        to
        count
      }
    }
  }
`);
