/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a push does where the target already holds a different version of an entry. */
export type ConflictPolicy =
  /** Leave the whole target untouched and report it if anything differs. */
  | 'FAIL'
  /** Keep the target's version and add the incoming one beside it, e.g. 'report (incoming).csv'. */
  | 'KEEP_BOTH'
  /** Make each pushed path equal to what is pushed: inside a pushed folder, entries the push lacks are removed. Nothing outside the pushed paths is touched; staging a whole area (or the whole state) mirrors the area. */
  | 'MIRROR'
  /** Replace what differs; keep what the target has beyond the push. */
  | 'OVERWRITE'
  /** Replace only what the recipient has not changed since it was last delivered; otherwise keep both. */
  | 'PRESERVE_EDITS'
  /** Only add what is missing; never touch the target's existing entries. */
  | 'SKIP_EXISTING';

/** Where a distribution as a whole stands. */
export type DistributionStatus =
  /** Cancelled: at least one target was stopped before it ran. */
  | 'CANCELLED'
  /** Finished; no target succeeded (each failed or conflicted). */
  | 'FAILED'
  /** Finished; some targets succeeded, others failed or conflicted. */
  | 'PARTIAL'
  /** Created; no worker started on it yet. */
  | 'QUEUED'
  /** Targets are being written. */
  | 'RUNNING'
  /** Every target succeeded. */
  | 'SUCCEEDED';

/** What an entry of a workspace is. */
export type EntryKind =
  /** An application configuration (validated JSON). */
  | 'APPLICATION'
  /** A folder. */
  | 'DIRECTORY'
  /** A file of bytes. */
  | 'FILE'
  /** A table: typed columns and rows. */
  | 'TABLE';

/** How a push treats entries the target already has, per kind of entry. */
export type PoliciesInput = {
  /** Policy for applications; default when omitted. */
  applications?: ConflictPolicy | null | undefined;
  /** Policy for every kind without its own; OVERWRITE when omitted. */
  default?: ConflictPolicy;
  /** Policy for files; default when omitted. */
  files?: ConflictPolicy | null | undefined;
  /** Policy for tables; default when omitted. */
  tables?: ConflictPolicy | null | undefined;
};

/** A push: what to send from a workspace of a space to other workspaces, and how conflicts are handled. */
export type PushInput = {
  /** Push a saved bundle instead of a source. */
  bundleId?: string | number | null | undefined;
  /** Once the push is created, remove the pushed items from the caller's stage; items not pushed stay (default false). */
  clearStage?: boolean | null | undefined;
  /** Also e-mail recipients (SMTP, or the outbox). */
  emailRecipients?: boolean | null | undefined;
  /** Repeating a push with the same key and input returns the first one. */
  idempotencyKey?: string | null | undefined;
  /** Shown to recipients with the notification. */
  message?: string | null | undefined;
  /** Paths to push; the caller's stage for the source when omitted. */
  paths?: Array<string> | null | undefined;
  /** Conflict policies; OVERWRITE for everything when omitted. */
  policies?: PoliciesInput | null | undefined;
  /** Snapshot each target before changing it (default true). */
  snapshotFirst?: boolean | null | undefined;
  /** The workspace (and optionally snapshot) to push from. */
  source?: SourceInput | null | undefined;
  /** Exactly these items of the caller's stage (all from one source state), instead of `source` and `paths`; nothing else staged is pushed. */
  stageItemIds?: Array<string | number> | null | undefined;
  /** Which workspaces receive the push. */
  targets: TargetsInput;
};

/** A person's role in a space; what each may do is decided by the server's access policy. */
export type Role =
  /** Instructor or owner: changes material, members and settings. */
  | 'ADMIN'
  /** Student or researcher: edits their own workspace. */
  | 'MEMBER'
  /** Reads every workspace and hand-in, grades; cannot change course material. */
  | 'TA'
  /** Reads shared material only. */
  | 'VIEWER';

/** A state of a workspace to take material from: its current state, or a snapshot of it. */
export type SourceInput = {
  /** A snapshot of the workspace; its current state when omitted. */
  snapshotId?: string | number | null | undefined;
  /** The workspace. */
  workspaceId: string | number;
};

/** What a space is for. */
export type SpaceKind =
  /** A course: staff hand out material and assignments to students. */
  | 'COURSE'
  /** A dataset shared with its members. */
  | 'DATASET'
  /** A research group sharing workspaces. */
  | 'RESEARCH';

/** Where a student (or, for group work, a group) stands on an assignment, in the order the overview sorts them. Each value is described by the words the dashboard and the exports show. */
export type StudentStatus =
  /** Collected */
  | 'COLLECTED'
  /** Graded */
  | 'GRADED'
  /** Handed in */
  | 'HANDED_IN'
  /** In progress */
  | 'IN_PROGRESS'
  /** Late */
  | 'LATE'
  /** No submission */
  | 'MISSING'
  /** Not started */
  | 'NOT_STARTED'
  /** Returned */
  | 'RETURNED';

/** Which workspaces a push writes to. */
export type TargetsInput = {
  /** Also push to the space's DISTRIBUTED workspace, so members who join later get it too. */
  includeFutureMembers?: boolean | null | undefined;
  /** Default: MEMBER. */
  roles?: Array<Role> | null | undefined;
  /** Every personal workspace of this space whose owner has one of `roles`. */
  spaceId?: string | number | null | undefined;
  /** These workspaces (of the push's space). */
  workspaceIds?: Array<string | number> | null | undefined;
};

/** What a workspace is for. */
export type WorkspaceKind =
  /** Everything pushed to all members; members who join later start from it. */
  | 'DISTRIBUTED'
  /** The staff's source material of a space. */
  | 'MASTER'
  /** One member's own workspace. */
  | 'PERSONAL'
  /** A workspace for group work. */
  | 'SHARED';

export type CliMeQueryVariables = Exact<{ [key: string]: never; }>;


export type CliMeQuery = { me: { id: string, name: string, email: string } | null };

export type CliLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type CliLoginMutation = { login: { token: string, user: { id: string, name: string, email: string } } };

export type CliCreateTokenMutationVariables = Exact<{
  name: string;
}>;


export type CliCreateTokenMutation = { createApiToken: { secret: string, token: { id: string, name: string } } };

export type CliSpacesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CliSpacesQuery = { spaces: { nodes: Array<{ id: string, name: string, kind: SpaceKind, myRole: Role }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CliSpaceWorkspacesQueryVariables = Exact<{
  id: string | number;
}>;


export type CliSpaceWorkspacesQuery = { space: { id: string, name: string, workspaces: Array<{ id: string, name: string, kind: WorkspaceKind, version: number, owner: { name: string, email: string } | null }> } | null };

export type CliWorkspaceQueryVariables = Exact<{
  id: string | number;
}>;


export type CliWorkspaceQuery = { workspace: { id: string, name: string, kind: WorkspaceKind, spaceId: string, version: number, canWrite: boolean } | null };

export type CliObjectQueryVariables = Exact<{
  id: string | number;
  path: string;
}>;


export type CliObjectQuery = { workspace: { id: string, version: number, object: { hash: string, kind: EntryKind, size: number } } | null };

export type CliEntriesQueryVariables = Exact<{
  id: string | number;
  path: string;
  after?: string | null | undefined;
}>;


export type CliEntriesQuery = { workspace: { id: string, version: number, entries: { nodes: Array<{ path: string, name: string, kind: EntryKind, hash: string, size: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type CliAddToStageMutationVariables = Exact<{
  source: SourceInput;
  paths: Array<string> | string;
}>;


export type CliAddToStageMutation = { addToStage: Array<{ id: string, path: string }> };

export type CliStageQueryVariables = Exact<{
  source: SourceInput;
}>;


export type CliStageQuery = { stage: Array<{ id: string, path: string }> };

export type CliPreviewQueryVariables = Exact<{
  input: PushInput;
}>;


export type CliPreviewQuery = { distributionPreview: { targetCount: number, targetsChanging: number, targetsUpToDate: number, targetsWithConflicts: number, targetsFailing: number, targetsLosingEdits: number, totals: { added: number, replaced: number, removed: number, skipped: number, copied: number, conflict: number, unchanged: number }, targets: Array<{ upToDate: boolean, fails: boolean, lostEditCount: number, conflicts: Array<string>, workspace: { id: string, name: string }, counts: { added: number, replaced: number, removed: number, skipped: number, copied: number, conflict: number, unchanged: number } }> } };

export type CliPushMutationVariables = Exact<{
  input: PushInput;
}>;


export type CliPushMutation = { createDistribution: { distribution: { id: string, status: DistributionStatus, targetCount: number, createdAt: string } } };

export type CliDistributionQueryVariables = Exact<{
  id: string | number;
}>;


export type CliDistributionQuery = { distribution: { id: string, status: DistributionStatus, targetCount: number, finishedAt: string | null, counts: { total: number, done: number, succeeded: number, failed: number, conflict: number, cancelled: number } } | null };

export type CliHandInMutationVariables = Exact<{
  assignmentId: string | number;
  message?: string | null | undefined;
  allowMissing: boolean;
}>;


export type CliHandInMutation = { handInAssignment: { contentHash: string, handedInAt: string, deadline: string, late: boolean, handIn: { id: string, seq: number, sizeBytes: number, missingPaths: Array<string>, files: Array<{ path: string, sizeBytes: number }> } } };

export type CliStatusesQueryVariables = Exact<{
  assignmentId: string | number;
  after?: string | null | undefined;
}>;


export type CliStatusesQuery = { handInStatuses: { nodes: Array<{ status: StudentStatus, late: boolean, handInCount: number, finalPoints: number | null, deadline: string, studentNumber: string | null, pseudonym: string | null, lastActivityAt: string | null, student: { id: string, name: string, email: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CliMeDocument = new TypedDocumentString(`
    query CliMe {
  me {
    id
    name
    email
  }
}
    `) as unknown as TypedDocumentString<CliMeQuery, CliMeQueryVariables>;
export const CliLoginDocument = new TypedDocumentString(`
    mutation CliLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    user {
      id
      name
      email
    }
  }
}
    `) as unknown as TypedDocumentString<CliLoginMutation, CliLoginMutationVariables>;
export const CliCreateTokenDocument = new TypedDocumentString(`
    mutation CliCreateToken($name: String!) {
  createApiToken(name: $name) {
    secret
    token {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CliCreateTokenMutation, CliCreateTokenMutationVariables>;
export const CliSpacesDocument = new TypedDocumentString(`
    query CliSpaces($after: String) {
  spaces(first: 100, after: $after) {
    nodes {
      id
      name
      kind
      myRole
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<CliSpacesQuery, CliSpacesQueryVariables>;
export const CliSpaceWorkspacesDocument = new TypedDocumentString(`
    query CliSpaceWorkspaces($id: ID!) {
  space(id: $id) {
    id
    name
    workspaces {
      id
      name
      kind
      version
      owner {
        name
        email
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliSpaceWorkspacesQuery, CliSpaceWorkspacesQueryVariables>;
export const CliWorkspaceDocument = new TypedDocumentString(`
    query CliWorkspace($id: ID!) {
  workspace(id: $id) {
    id
    name
    kind
    spaceId
    version
    canWrite
  }
}
    `) as unknown as TypedDocumentString<CliWorkspaceQuery, CliWorkspaceQueryVariables>;
export const CliObjectDocument = new TypedDocumentString(`
    query CliObject($id: ID!, $path: String!) {
  workspace(id: $id) {
    id
    version
    object(path: $path) {
      hash
      kind
      size
    }
  }
}
    `) as unknown as TypedDocumentString<CliObjectQuery, CliObjectQueryVariables>;
export const CliEntriesDocument = new TypedDocumentString(`
    query CliEntries($id: ID!, $path: String!, $after: String) {
  workspace(id: $id) {
    id
    version
    entries(path: $path, first: 100, after: $after) {
      nodes {
        path
        name
        kind
        hash
        size
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliEntriesQuery, CliEntriesQueryVariables>;
export const CliAddToStageDocument = new TypedDocumentString(`
    mutation CliAddToStage($source: SourceInput!, $paths: [String!]!) {
  addToStage(source: $source, paths: $paths) {
    id
    path
  }
}
    `) as unknown as TypedDocumentString<CliAddToStageMutation, CliAddToStageMutationVariables>;
export const CliStageDocument = new TypedDocumentString(`
    query CliStage($source: SourceInput!) {
  stage(source: $source) {
    id
    path
  }
}
    `) as unknown as TypedDocumentString<CliStageQuery, CliStageQueryVariables>;
export const CliPreviewDocument = new TypedDocumentString(`
    query CliPreview($input: PushInput!) {
  distributionPreview(input: $input) {
    targetCount
    targetsChanging
    targetsUpToDate
    targetsWithConflicts
    targetsFailing
    targetsLosingEdits
    totals {
      added
      replaced
      removed
      skipped
      copied
      conflict
      unchanged
    }
    targets {
      workspace {
        id
        name
      }
      upToDate
      fails
      lostEditCount
      conflicts
      counts {
        added
        replaced
        removed
        skipped
        copied
        conflict
        unchanged
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliPreviewQuery, CliPreviewQueryVariables>;
export const CliPushDocument = new TypedDocumentString(`
    mutation CliPush($input: PushInput!) {
  createDistribution(input: $input) {
    distribution {
      id
      status
      targetCount
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<CliPushMutation, CliPushMutationVariables>;
export const CliDistributionDocument = new TypedDocumentString(`
    query CliDistribution($id: ID!) {
  distribution(id: $id) {
    id
    status
    targetCount
    finishedAt
    counts {
      total
      done
      succeeded
      failed
      conflict
      cancelled
    }
  }
}
    `) as unknown as TypedDocumentString<CliDistributionQuery, CliDistributionQueryVariables>;
export const CliHandInDocument = new TypedDocumentString(`
    mutation CliHandIn($assignmentId: ID!, $message: String, $allowMissing: Boolean!) {
  handInAssignment(
    assignmentId: $assignmentId
    message: $message
    allowMissing: $allowMissing
  ) {
    contentHash
    handedInAt
    deadline
    late
    handIn {
      id
      seq
      sizeBytes
      missingPaths
      files {
        path
        sizeBytes
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliHandInMutation, CliHandInMutationVariables>;
export const CliStatusesDocument = new TypedDocumentString(`
    query CliStatuses($assignmentId: ID!, $after: String) {
  handInStatuses(assignmentId: $assignmentId, first: 100, after: $after) {
    nodes {
      status
      late
      handInCount
      finalPoints
      deadline
      studentNumber
      pseudonym
      lastActivityAt
      student {
        id
        name
        email
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<CliStatusesQuery, CliStatusesQueryVariables>;