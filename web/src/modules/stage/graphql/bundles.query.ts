import { graphql } from '../../../gql';

export const BundleFieldsFragment = graphql(`
  fragment BundleFields on Bundle {
    id
    name
    description
    createdAt
    spaceId
    sourceWorkspaceId
    sourceSnapshotId
    items {
      ...FrozenItemFields
    }
  }
`);

export const BundlesQuery = graphql(`
  query Bundles($spaceId: ID!) {
    bundles(spaceId: $spaceId) {
      ...BundleFields
    }
  }
`);
