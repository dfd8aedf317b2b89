import { isAdmin, isStaff, ROLES, type Role } from './roles';

/** What the space rules look at. */
export interface SpaceFacts {
  id: string;
  name: string;
  tasGrantExtensions: boolean;
}

/**
 * Spaces and their members.
 *
 * - Every member reads the space; staff read the whole roster and the storage
 *   use; other members see the staff and themselves.
 * - ADMINs manage it (settings, members, invitations, quota) and import
 *   rosters; a space always keeps at least one ADMIN.
 * - A MEMBER (a student) has a personal workspace; other roles do not.
 * - Extensions are granted and revoked by ADMINs, and by TAs where the
 *   space's admins allow it (`Space.tasGrantExtensions`).
 */
export type SpaceAction = 'read' | 'readRoster' | 'readStorage' | 'manage' | 'importRoster' | 'setQuota';

export function canOnSpace(role: Role, action: SpaceAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'readRoster':
    case 'readStorage':
      return isStaff(role);
    case 'manage':
    case 'importRoster':
    case 'setQuota':
      return isAdmin(role);
  }
}

/** Staff see every member; the others see only the staff and themselves. */
export const seesWholeRoster = (role: Role): boolean => isStaff(role);

/** Whether a member with this role gets (and keeps being given) a personal workspace. */
export const hasPersonalWorkspace = (role: Role): boolean => role === 'MEMBER';

/** Whether taking this role from a member (a new role, or removal) could leave the space without an admin. */
export const keepsSpaceRunning = (role: Role): boolean => isAdmin(role);

export function canGrantExtensions(role: Role, space: Pick<SpaceFacts, 'tasGrantExtensions'>): boolean {
  return isAdmin(role) || (role === 'TA' && space.tasGrantExtensions);
}

/**
 * Which roles a member may offer others (by invitation or directly): only an
 * ADMIN offers roles, and none above their own. Checked when the offer is made
 * and again when an invitation is accepted, so a link does not outlive the
 * demotion or removal of whoever made it.
 */
export const canGrantRole = (granter: Role, offered: Role): boolean => isAdmin(granter) && ROLES.indexOf(offered) >= ROLES.indexOf(granter);
