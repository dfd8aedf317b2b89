import { isStaff, type Role } from './roles';

/** The audit trail: staff read every event of their space; others only events about themselves. */
export const seesWholeAuditTrail = (role: Role): boolean => isStaff(role);
