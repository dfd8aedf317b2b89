import { graphql } from '../../../gql';

export const PreviewReversalQuery = graphql(`
  query PreviewReversal($id: ID!, $kind: ReversalKind!, $workspaceIds: [ID!], $first: Int!, $after: String) {
    previewReversal(id: $id, kind: $kind, workspaceIds: $workspaceIds) {
      kind
      targetCount
      removedTotal
      targetsWithKept
      targetList(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        nodes {
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
  }
`);

export const PreviewRetryQuery = graphql(`
  query PreviewRetry($id: ID!, $policies: PoliciesInput, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {
    previewRetry(id: $id, policies: $policies) {
      ...DistributionPreviewFields
    }
  }
`);
