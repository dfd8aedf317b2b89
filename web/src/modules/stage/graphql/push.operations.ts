import { graphql } from '../../../gql';

export const PreviewDistributionQuery = graphql(`
  query PreviewDistribution($input: PushInputType!) {
    previewDistribution(input: $input) {
      ...DistributionPreviewFields
    }
  }
`);

export const PushDistributionMutation = graphql(`
  mutation PushDistribution($input: PushInputType!) {
    pushDistribution(input: $input) {
      id
      status
    }
  }
`);
