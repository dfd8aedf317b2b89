import { graphql } from '../../../gql';

export const StatusCountsFragment = graphql(`
  fragment StatusCounts on TargetStatusCounts {
    total
    done
    pending
    running
    succeeded
    failed
    conflict
    cancelled
  }
`);

export const OutcomeCountsFragment = graphql(`
  fragment OutcomeTotals on OutcomeCounts {
    added
    replaced
    unchanged
    skipped
    copied
    removed
    conflict
  }
`);

/**
 * What a progress event carries per finished target: no per-path outcomes,
 * because the first event of a finished distribution lists every target.
 */
export const TargetProgressFragment = graphql(`
  fragment TargetProgress on DistributionTarget {
    id
    workspaceId
    status
    attempts
    error
    finishedAt
    snapshotId
    workspace {
      id
      name
      kind
      owner {
        id
        name
      }
    }
    counts {
      ...OutcomeTotals
    }
  }
`);

/** A row of the targets table: the progress fields and the per-path outcomes. */
export const TargetRowFragment = graphql(`
  fragment TargetRow on DistributionTarget {
    ...TargetProgress
    kept
    outcomes {
      path
      outcome
      files
      copiedTo
    }
  }
`);
