import { isAdmin, isStaff, type Role } from './roles';

export type WorkspaceKind = 'MASTER' | 'DISTRIBUTED' | 'SHARED' | 'PERSONAL';

/** What the workspace rules look at. */
export interface WorkspaceFacts {
  id: string;
  spaceId: string;
  kind: WorkspaceKind;
  name: string;
  ownerId: string | null;
  /** A SHARED workspace open only to the people listed for it (a group's workspace) and staff. */
  membersOnly: boolean;
}

/**
 * Workspaces, by kind:
 *
 * | workspace kind | read                                | write                  |
 * |----------------|-------------------------------------|------------------------|
 * | MASTER         | ADMIN, TA                           | ADMIN                  |
 * | DISTRIBUTED    | every member                        | ADMIN                  |
 * | SHARED         | every member                        | ADMIN, TA, MEMBER      |
 * | SHARED, members only (a group's) | ADMIN, TA, the listed members | ADMIN, TA, the listed members |
 * | PERSONAL       | its owner, ADMIN, TA                | its owner, ADMIN       |
 *
 * A VIEWER never writes. `listed` says whether the user is among a
 * members-only workspace's members (the caller looks it up only for those).
 */
export type WorkspaceAction = 'read' | 'write';

export function canReadWorkspace(role: Role, workspace: WorkspaceFacts, userId: string, listed = false): boolean {
  switch (workspace.kind) {
    case 'MASTER':
      return isStaff(role);
    case 'DISTRIBUTED':
      return true;
    case 'SHARED':
      return !workspace.membersOnly || isStaff(role) || listed;
    case 'PERSONAL':
      return workspace.ownerId === userId || isStaff(role);
  }
}

export function canWriteWorkspace(role: Role, workspace: WorkspaceFacts, userId: string, listed = false): boolean {
  if (role === 'VIEWER') return false;
  switch (workspace.kind) {
    case 'MASTER':
    case 'DISTRIBUTED':
      return isAdmin(role);
    case 'SHARED':
      return !workspace.membersOnly || isStaff(role) || listed;
    case 'PERSONAL':
      return isAdmin(role) || workspace.ownerId === userId;
  }
}

/**
 * The same read rule as `canReadWorkspace`, for filtering a list in a query:
 * a role reads every workspace of the kinds in `every`, and of the kinds in
 * `own` only those it owns; with `listedOnly`, a members-only workspace only
 * where the user is listed.
 */
export function readableWorkspaceKinds(role: Role): { every: WorkspaceKind[]; own: WorkspaceKind[]; listedOnly: boolean } {
  return isStaff(role)
    ? { every: ['MASTER', 'DISTRIBUTED', 'SHARED', 'PERSONAL'], own: [], listedOnly: false }
    : { every: ['DISTRIBUTED', 'SHARED'], own: ['PERSONAL'], listedOnly: true };
}

/** The same write rule as `canWriteWorkspace`, for filtering a list in a query (see `readableWorkspaceKinds`). */
export function writableWorkspaceKinds(role: Role): { every: WorkspaceKind[]; own: WorkspaceKind[]; listedOnly: boolean } {
  if (role === 'VIEWER') return { every: [], own: [], listedOnly: false };
  if (isAdmin(role)) return { every: ['MASTER', 'DISTRIBUTED', 'SHARED', 'PERSONAL'], own: [], listedOnly: false };
  return { every: ['SHARED'], own: ['PERSONAL'], listedOnly: !isStaff(role) };
}

/** Whether reading or writing this workspace depends on the user being listed (so the list must be looked up). */
export const dependsOnListing = (role: Role, workspace: WorkspaceFacts): boolean => workspace.kind === 'SHARED' && workspace.membersOnly && !isStaff(role);
