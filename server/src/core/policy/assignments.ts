import { isAdmin, isStaff, type Role } from './roles';

/**
 * Assignments, hand-ins and grades.
 *
 * - ADMINs create, edit and release assignments (space 'manage').
 * - Staff see assignments before their release; students only released ones.
 * - Staff see every student's status, hand-ins, extensions and feedback; a
 *   student only their own, and their grade only once returned and visible.
 * - Staff grade, return and export; only students (MEMBERs) hand in and are graded.
 * - Staff comment on lines and notebook cells of hand-ins as part of grading
 *   (`canGrade`); the student reads the comments with the feedback, never
 *   before it is returned and visible (`studentSeesFeedback`).
 */
export const seesUnreleasedAssignments = (role: Role): boolean => isStaff(role);

export const seesEveryStudent = (role: Role): boolean => isStaff(role);

export const canGrade = (role: Role): boolean => isStaff(role);

export const canExportGrades = (role: Role): boolean => isStaff(role);

/** Only a space's students hand in, get extensions and are graded. */
export const isStudent = (role: Role): boolean => role === 'MEMBER';

/** A student sees their grade, comment and feedback files once the grade is returned and the assignment hands feedback back. */
export function studentSeesFeedback<G extends { returnedAt: Date | null }>(
  assignment: { handBackVisible: boolean },
  grade: G | null | undefined,
): grade is G & { returnedAt: Date } {
  return !!grade?.returnedAt && assignment.handBackVisible;
}

/**
 * Rubrics and regrade requests.
 *
 * - Only ADMINs write a rubric (space 'manage', like the assignment); anyone
 *   who sees the assignment reads it.
 * - Staff grade with it and answer regrade requests.
 * - A regrade request comes only from the student whose grade it is, once
 *   that grade is returned and visible to them.
 */
export const canAnswerRegrade = (role: Role): boolean => canGrade(role);

/** Asked by the student for their own grade only (the service looks up the caller's grade). */
export const canRequestRegrade = (role: Role, gradeVisible: boolean): boolean => isStudent(role) && gradeVisible;

/**
 * Anonymous grading.
 *
 * - While an assignment grades anonymously, staff see a student under a
 *   pseudonym ("Student 17") until that student's feedback is returned: no
 *   name, e-mail address, student number, section or workspace.
 * - The student always sees themself; students never see anyone else.
 * - The audit trail records the real people whatever the setting.
 * - Admins turn it on only while no feedback has been returned (names staff
 *   have already seen cannot be hidden again); turning it off is always
 *   allowed, and the edit is audited like any other.
 */
export function staffSeePseudonym(assignment: { anonymousGrading: boolean }, grade: { returnedAt: Date | null } | null | undefined): boolean {
  return assignment.anonymousGrading && !grade?.returnedAt;
}

export const canTurnOnAnonymousGrading = (feedbackReturned: boolean): boolean => !feedbackReturned;

/**
 * Group assignments.
 *
 * - ADMINs form the groups (from the roster's section/group column or by
 *   hand) and move students between them.
 * - Staff see every group; a student sees only the group they are in.
 * - Only a student in a group hands in for it; one hand-in serves the group.
 * - The group's SHARED workspace is open to its members and staff only (see
 *   workspaces.ts, members-only workspaces).
 */
export const canManageGroups = (role: Role): boolean => isAdmin(role);

export const seesGroup = (role: Role, inGroup: boolean): boolean => isStaff(role) || inGroup;

export const handsInForGroup = (role: Role, inGroup: boolean): boolean => isStudent(role) && inGroup;
