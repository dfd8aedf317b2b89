import { isAdmin, type Role } from './roles';

/**
 * Webhooks: only a space's ADMINs register, change, rotate, delete, replay
 * and test its endpoints and read their deliveries (an endpoint's secret and
 * the payloads it receives are the admins' business); staff and students are
 * refused.
 */
export const canManageWebhooks = (role: Role): boolean => isAdmin(role);
