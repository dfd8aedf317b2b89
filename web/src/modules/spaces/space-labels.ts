import type { Role, SpaceKind } from '../../gql/graphql';

const KIND_LABELS: Record<SpaceKind, string> = {
  COURSE: 'Course',
  RESEARCH: 'Research project',
  DATASET: 'Dataset',
};

/** A space kind in words. */
export function spaceKindLabel(kind: SpaceKind): string {
  return KIND_LABELS[kind];
}

/**
 * A role in words. In a course the roles read as instructor, teaching
 * assistant and student; elsewhere as owner and member. Without a kind (a demo
 * account spans no particular space) the course words are used, and a role
 * this build does not know is shown as sent.
 */
export function roleLabel(role: Role | string, kind: SpaceKind = 'COURSE'): string {
  const course = kind === 'COURSE';
  switch (role) {
    case 'ADMIN':
      return course ? 'Instructor' : 'Owner';
    case 'TA':
      return 'Teaching assistant';
    case 'MEMBER':
      return course ? 'Student' : 'Member';
    case 'VIEWER':
      return 'Viewer';
    default:
      return role;
  }
}
