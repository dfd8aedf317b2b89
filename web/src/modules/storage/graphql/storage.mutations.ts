import { graphql } from '../../../gql';

export const SetSpaceQuotaMutation = graphql(`
  mutation SetSpaceQuota($spaceId: ID!, $bytes: Float) {
    setSpaceQuota(spaceId: $spaceId, bytes: $bytes) {
      id
      storageUse {
        ...StorageUseFields
        quotaBytes
      }
    }
  }
`);
