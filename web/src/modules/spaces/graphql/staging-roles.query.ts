import { graphql } from '../../../gql';

/** The caller's roles, to decide whether the header offers the stage at all. */
export const StagingRolesQuery = graphql(`
  query StagingRoles {
    spaces(first: 100) {
      nodes {
        id
        kind
        myRole
      }
    }
  }
`);
