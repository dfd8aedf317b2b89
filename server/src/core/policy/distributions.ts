import { isStaff, type Role } from './roles';

/**
 * Distributions (pushes, undos, retractions) and bundles: staff see every
 * one of their space; anyone else only those they made. Pushing needs write
 * access to every target workspace (see workspaces.ts).
 */
export const seesEveryDistribution = (role: Role): boolean => isStaff(role);

export const seesEveryBundle = (role: Role): boolean => isStaff(role);
