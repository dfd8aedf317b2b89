import { graphql } from '../../../gql';

export const SpaceQuery = graphql(`
  query Space($id: ID!) {
    space(id: $id) {
      id
      name
      kind
      description
      myRole
      tasGrantExtensions
      canGrantExtensions
      workspaces {
        ...WorkspaceSummary
      }
    }
  }
`);
