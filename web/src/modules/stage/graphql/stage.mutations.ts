import { graphql } from '../../../gql';

export const RemoveFromStageMutation = graphql(`
  mutation RemoveFromStage($source: SourceInput!, $paths: [String!]!) {
    removeFromStage(source: $source, paths: $paths) {
      ...StageItemFields
    }
  }
`);

export const ClearStageMutation = graphql(`
  mutation ClearStage($source: SourceInput!) {
    clearStage(source: $source)
  }
`);

export const SaveBundleMutation = graphql(`
  mutation SaveBundle($source: SourceInput!, $name: String!, $description: String!) {
    saveBundle(source: $source, name: $name, description: $description) {
      ...BundleFields
    }
  }
`);

export const DeleteBundleMutation = graphql(`
  mutation DeleteBundle($id: ID!) {
    deleteBundle(id: $id)
  }
`);
