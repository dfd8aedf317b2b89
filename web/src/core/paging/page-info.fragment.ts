import { graphql } from '../../gql';

/** What previous/next paging needs of a connection. */
export const PageInfoFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
