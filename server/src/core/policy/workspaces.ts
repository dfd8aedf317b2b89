import { isAdmin, isStaff, type Role } from './roles';

export type WorkspaceKind = 'MASTER' | 'DISTRIBUTED' | 'SHARED' | 'PERSONAL';

/** What the workspace rules look at. */
export interface WorkspaceFacts {
  id: string;
  spaceId: string;
  kind: WorkspaceKind;
  name: string;
  ownerId: string | null;
}

/**
 * Workspaces, by kind:
 *
 * | workspace kind | read                                | write                  |
 * |----------------|-------------------------------------|------------------------|
 * | MASTER         | ADMIN, TA                           | ADMIN                  |
 * | DISTRIBUTED    | every member                        | ADMIN                  |
 * | SHARED         | every member                        | ADMIN, TA, MEMBER      |
 * | PERSONAL       | its owner, ADMIN, TA                | its owner, ADMIN       |
 *
 * A VIEWER never writes.
 */
export type WorkspaceAction = 'read' | 'write';

export function canReadWorkspace(role: Role, workspace: WorkspaceFacts, userId: string): boolean {
  switch (workspace.kind) {
    case 'MASTER':
      return isStaff(role);
    case 'DISTRIBUTED':
    case 'SHARED':
      return true;
    case 'PERSONAL':
      return workspace.ownerId === userId || isStaff(role);
  }
}

export function canWriteWorkspace(role: Role, workspace: WorkspaceFacts, userId: string): boolean {
  if (role === 'VIEWER') return false;
  switch (workspace.kind) {
    case 'MASTER':
    case 'DISTRIBUTED':
      return isAdmin(role);
    case 'SHARED':
      return true;
    case 'PERSONAL':
      return isAdmin(role) || workspace.ownerId === userId;
  }
}

/**
 * The same read rule as `canReadWorkspace`, for filtering a list in a query:
 * a role reads every workspace of the kinds in `every`, and of the kinds in
 * `own` only those it owns.
 */
export function readableWorkspaceKinds(role: Role): { every: WorkspaceKind[]; own: WorkspaceKind[] } {
  return isStaff(role) ? { every: ['MASTER', 'DISTRIBUTED', 'SHARED', 'PERSONAL'], own: [] } : { every: ['DISTRIBUTED', 'SHARED'], own: ['PERSONAL'] };
}

/** The same write rule as `canWriteWorkspace`, for filtering a list in a query (see `readableWorkspaceKinds`). */
export function writableWorkspaceKinds(role: Role): { every: WorkspaceKind[]; own: WorkspaceKind[] } {
  if (role === 'VIEWER') return { every: [], own: [] };
  return isAdmin(role) ? { every: ['MASTER', 'DISTRIBUTED', 'SHARED', 'PERSONAL'], own: [] } : { every: ['SHARED'], own: ['PERSONAL'] };
}
