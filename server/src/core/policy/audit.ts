import { staffSeePseudonym } from './assignments';
import { isAdmin, isStaff, type Role } from './roles';

/** The audit trail: staff read every event of their space; others only events about themselves. */
export const seesWholeAuditTrail = (role: Role): boolean => isStaff(role);

/**
 * The audit trail under anonymous grading: events always record the real
 * people. A TA (staff, not an admin) reading an event about an anonymous
 * assignment whose student is still hidden (see `staffSeePseudonym`) sees that
 * student by pseudonym and handle, also where they are the actor (a hand-in
 * they submitted): no name, e-mail address or user id. Admins see the real
 * people; a student reads only events about themself.
 */
export function auditReaderSeesPseudonym(role: Role, assignment: { anonymousGrading: boolean }, grade: { returnedAt: Date | null } | null | undefined): boolean {
  return isStaff(role) && !isAdmin(role) && staffSeePseudonym(assignment, grade);
}
