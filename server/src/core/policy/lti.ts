import type { Role } from './roles';

/**
 * Learning management systems (LTI 1.3).
 *
 * - Only an instance admin registers, lists and changes platforms: a
 *   platform's launches create accounts and spaces on this instance.
 * - A launch's LIS roles give the role in the space: Instructor or
 *   Administrator of the context → ADMIN; the Instructor sub-role
 *   TeachingAssistant (Canvas sends it together with Instructor) → TA;
 *   Learner or Member → MEMBER. Institution and system roles give nothing in
 *   a course. No recognised role, no access.
 * - Only someone who would be ADMIN opens a course for the first time (its
 *   space is created then); everyone else waits until an instructor has.
 */
export const mayManageLtiPlatforms = (user: { instanceAdmin: boolean }): boolean => user.instanceAdmin;

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

/** Context roles by their full URI; LTI 1.3 also allows the short names of the core context roles. */
const CONTEXT_ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  [`${MEMBERSHIP}/Instructor#TeachingAssistant`, 'TA'],
  [`${MEMBERSHIP}#Administrator`, 'ADMIN'],
  [`${MEMBERSHIP}#Instructor`, 'ADMIN'],
  [`${MEMBERSHIP}#Learner`, 'MEMBER'],
  [`${MEMBERSHIP}#Member`, 'MEMBER'],
  ['Administrator', 'ADMIN'],
  ['Instructor', 'ADMIN'],
  ['Learner', 'MEMBER'],
  ['Member', 'MEMBER'],
]);

/** The role LIS `roles` give in a space; the teaching-assistant sub-role wins over the Instructor role it comes with. */
export function roleFromLis(roles: readonly string[]): Role | null {
  const mapped = roles.map((uri) => CONTEXT_ROLES.get(uri)).filter((role): role is Role => role !== undefined);
  if (mapped.includes('TA')) return 'TA';
  if (mapped.includes('ADMIN')) return 'ADMIN';
  if (mapped.includes('MEMBER')) return 'MEMBER';
  return null;
}

/** Whether a launch with this role may open a course not yet linked to a space (creating it). */
export const mayOpenCourse = (role: Role): boolean => role === 'ADMIN';
