import { graphql } from '../../../gql';

export const PreviewDistributionQuery = graphql(`
  query PreviewDistribution($input: PushInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {
    distributionPreview(input: $input) {
      ...DistributionPreviewFields
    }
  }
`);

export const PushDistributionMutation = graphql(`
  mutation PushDistribution($input: PushInput!) {
    createDistribution(input: $input) {
      distribution {
        id
        status
      }
    }
  }
`);
