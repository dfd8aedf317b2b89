import { graphql } from '../../../gql';

/** Enough to name a workspace: a personal one by its owner. */
export const WorkspaceLabelFragment = graphql(`
  fragment WorkspaceLabel on Workspace {
    id
    name
    kind
    owner {
      id
      name
    }
  }
`);

/** A workspace in a space's directory and in a push's choice of targets. */
export const WorkspaceSummaryFragment = graphql(`
  fragment WorkspaceSummary on Workspace {
    ...WorkspaceLabel
    canWrite
    ownerId
    owner {
      email
    }
  }
`);

/** What a change to a workspace returns: its new version. */
export const WorkspaceVersionFragment = graphql(`
  fragment WorkspaceVersion on Workspace {
    id
    version
  }
`);

export const EntryFieldsFragment = graphql(`
  fragment EntryFields on Entry {
    name
    path
    kind
    size
  }
`);

export const CommitFieldsFragment = graphql(`
  fragment CommitFields on Commit {
    id
    version
    message
    createdAt
    distributionId
    author {
      id
      name
    }
  }
`);

export const SnapshotFieldsFragment = graphql(`
  fragment SnapshotFields on Snapshot {
    id
    label
    description
    automatic
    createdAt
  }
`);

export const StageItemFieldsFragment = graphql(`
  fragment StageItemFields on StageItem {
    id
    path
    createdAt
    sourceWorkspaceId
    sourceSnapshotId
  }
`);
