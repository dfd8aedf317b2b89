import { graphql } from '../../../gql';

export const PreviewReversalQuery = graphql(`
  query PreviewReversal($id: ID!, $kind: ReversalKind!, $workspaceIds: [ID!]) {
    previewReversal(id: $id, kind: $kind, workspaceIds: $workspaceIds) {
      kind
      targetCount
      removedTotal
      targetsWithKept
      targets {
        removedCount
        removed
        kept
        changes
        workspace {
          ...WorkspaceLabel
        }
      }
    }
  }
`);

export const PreviewRetryQuery = graphql(`
  query PreviewRetry($id: ID!, $policies: PoliciesInput) {
    previewRetry(id: $id, policies: $policies) {
      ...DistributionPreviewFields
    }
  }
`);
