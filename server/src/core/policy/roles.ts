/** Every role in a space, most powerful first. */
export const ROLES = ['ADMIN', 'TA', 'MEMBER', 'VIEWER'] as const;

export type Role = (typeof ROLES)[number];

/** The course's staff: admins and teaching assistants. */
export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'TA'];

export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);

export const isAdmin = (role: Role): boolean => role === 'ADMIN';
