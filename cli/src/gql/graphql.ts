/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type DistributionStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PARTIAL'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type EntryKind =
  | 'APPLICATION'
  | 'DIRECTORY'
  | 'FILE'
  | 'TABLE';

export type PoliciesInput = {
  applications?: ConflictPolicy | null | undefined;
  default?: ConflictPolicy;
  files?: ConflictPolicy | null | undefined;
  tables?: ConflictPolicy | null | undefined;
};

export type PushInputType = {
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
  policies?: PoliciesInput | null | undefined;
  /** Snapshot each target before changing it (default true). */
  snapshotFirst?: boolean | null | undefined;
  source?: SourceInput | null | undefined;
  /** Exactly these items of the caller's stage (all from one source state), instead of `source` and `paths`; nothing else staged is pushed. */
  stageItemIds?: Array<string | number> | null | undefined;
  targets: TargetsInput;
};

export type Role =
  /** Instructor or owner: changes material, members and settings. */
  | 'ADMIN'
  /** Student or researcher: edits their own workspace. */
  | 'MEMBER'
  /** Reads every workspace and hand-in, grades; cannot change course material. */
  | 'TA'
  /** Reads shared material only. */
  | 'VIEWER';

export type SourceInput = {
  /** A snapshot of the workspace; its current state when omitted. */
  snapshotId?: string | number | null | undefined;
  workspaceId: string | number;
};

export type SpaceKind =
  | 'COURSE'
  | 'DATASET'
  | 'RESEARCH';

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

export type TargetsInput = {
  /** Also push to the space's DISTRIBUTED workspace, so members who join later get it too. */
  includeFutureMembers?: boolean | null | undefined;
  /** Default: MEMBER. */
  roles?: Array<Role> | null | undefined;
  /** Every personal workspace of this space whose owner has one of `roles`. */
  spaceId?: string | number | null | undefined;
  workspaceIds?: Array<string | number> | null | undefined;
};

export type WorkspaceKind =
  | 'DISTRIBUTED'
  | 'MASTER'
  | 'PERSONAL'
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


export type CliSpaceWorkspacesQuery = { space: { id: string, name: string, workspaces: Array<{ id: string, name: string, kind: WorkspaceKind, version: number, owner: { name: string, email: string } | null }> } };

export type CliWorkspaceQueryVariables = Exact<{
  id: string | number;
}>;


export type CliWorkspaceQuery = { workspace: { id: string, name: string, kind: WorkspaceKind, spaceId: string, version: number, canWrite: boolean } };

export type CliObjectQueryVariables = Exact<{
  id: string | number;
  path: string;
}>;


export type CliObjectQuery = { workspace: { id: string, version: number, object: { hash: string, kind: EntryKind, size: number } } };

export type CliEntriesQueryVariables = Exact<{
  id: string | number;
  path: string;
  after?: string | null | undefined;
}>;


export type CliEntriesQuery = { workspace: { id: string, version: number, entries: { nodes: Array<{ path: string, name: string, kind: EntryKind, hash: string, size: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

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
  input: PushInputType;
}>;


export type CliPreviewQuery = { previewDistribution: { targetCount: number, targetsChanging: number, targetsUpToDate: number, targetsWithConflicts: number, targetsFailing: number, targetsLosingEdits: number, totals: { added: number, replaced: number, removed: number, skipped: number, copied: number, conflict: number, unchanged: number }, targets: Array<{ upToDate: boolean, fails: boolean, lostEditCount: number, conflicts: Array<string>, workspace: { id: string, name: string }, counts: { added: number, replaced: number, removed: number, skipped: number, copied: number, conflict: number, unchanged: number } }> } };

export type CliPushMutationVariables = Exact<{
  input: PushInputType;
}>;


export type CliPushMutation = { pushDistribution: { id: string, status: DistributionStatus, targetCount: number, createdAt: string } };

export type CliDistributionQueryVariables = Exact<{
  id: string | number;
}>;


export type CliDistributionQuery = { distribution: { id: string, status: DistributionStatus, targetCount: number, finishedAt: string | null, counts: { total: number, done: number, succeeded: number, failed: number, conflict: number, cancelled: number } } };

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
    query CliPreview($input: PushInputType!) {
  previewDistribution(input: $input) {
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
    mutation CliPush($input: PushInputType!) {
  pushDistribution(input: $input) {
    id
    status
    targetCount
    createdAt
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