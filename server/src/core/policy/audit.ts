import type { Role } from '../../modules/spaces/membership.entity';
import { isStaff } from './roles';

/** The audit trail: staff read every event of their space; others only events about themselves. */
export const seesWholeAuditTrail = (role: Role): boolean => isStaff(role);
