import { graphql } from '../../../gql';

/** A person as lists and headers show them. */
export const UserSummaryFragment = graphql(`
  fragment UserSummary on User {
    id
    name
    email
  }
`);
