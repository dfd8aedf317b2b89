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
      ...WorkspaceLabel
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

/** A distribution's state as its actions (cancel, retry) change it. */
export const DistributionStateFragment = graphql(`
  fragment DistributionState on Distribution {
    id
    status
    counts {
      ...StatusCounts
    }
  }
`);

/** What every progress event says: whether it is the last, the counts and the status. */
export const ProgressHeadFragment = graphql(`
  fragment ProgressHead on DistributionProgress {
    final
    counts {
      ...StatusCounts
    }
    distribution {
      id
      status
    }
  }
`);

/** An item frozen into a push, a bundle or an assignment. */
export const FrozenItemFragment = graphql(`
  fragment FrozenItemFields on FrozenItem {
    path
    kind
    size
  }
`);

/** One target of a push preview, as a row of the preview's table. */
export const TargetPreviewRowFragment = graphql(`
  fragment TargetPreviewRow on TargetPreview {
    changes
    fails
    upToDate
    conflicts
    lostEditCount
    lostEdits {
      path
      outcome
    }
    replacedDelivered {
      path
      outcome
    }
    counts {
      ...OutcomeTotals
    }
    workspace {
      ...WorkspaceLabel
    }
  }
`);

/**
 * What a push preview shows (a release's or a retry's too), for the shared preview view: the totals, how many
 * targets need a look before pushing, and one page of targets. An operation spreading it declares `$first`,
 * `$after` and `$only` (see PREVIEW_FIRST_PAGE); the view asks the same operation for further pages.
 */
export const DistributionPreviewFragment = graphql(`
  fragment DistributionPreviewFields on DistributionPreview {
    targetCount
    targetsWithConflicts
    targetsLosingEdits
    targetsChanging
    targetsFailing
    targetsUpToDate
    totals {
      ...OutcomeTotals
    }
    items {
      ...FrozenItemFields
    }
    needingLook: targetList(first: 1, only: [LOSES_EDITS, CONFLICTS, FAILS]) {
      totalCount
    }
    targetList(first: $first, after: $after, only: $only) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...TargetPreviewRow
      }
    }
  }
`);
