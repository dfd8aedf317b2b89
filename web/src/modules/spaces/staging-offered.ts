import type { Role, SpaceKind } from '../../gql/graphql';

/**
 * Whether staging and pushing are offered to someone with `role` in a space
 * of `kind`. Instructors and teaching assistants push; so do members of a
 * research project or dataset. A student of a course and a viewer never see
 * the stage: what they can do with course material is read it, copy it and
 * restore their own work.
 */
export function stagingOffered(role: Role | null | undefined, kind: SpaceKind | null | undefined): boolean {
  if (role === 'ADMIN' || role === 'TA') return true;
  return role === 'MEMBER' && kind !== undefined && kind !== null && kind !== 'COURSE';
}

/** Staff of a space: they see instructor tools and pages (distributions, trackers). */
export function isStaff(role: Role | null | undefined): boolean {
  return role === 'ADMIN' || role === 'TA';
}
