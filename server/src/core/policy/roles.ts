import type { Role } from '../../modules/spaces/membership.entity';

/** Every role, most powerful first. */
export const ROLES: readonly Role[] = ['ADMIN', 'TA', 'MEMBER', 'VIEWER'];

/** The course's staff: admins and teaching assistants. */
export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'TA'];

export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);

export const isAdmin = (role: Role): boolean => role === 'ADMIN';
