import type { StudentStatus } from './deadlines';

/**
 * A status as people read it: the one source of these words. Exports use it
 * directly; the schema carries it as the `StudentStatus` value descriptions,
 * which the dashboard's generated `enumDescriptions` reads, so the tracker and
 * every export say the same thing.
 */
export const STATUS_WORDS: Record<StudentStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  HANDED_IN: 'Handed in',
  LATE: 'Late',
  MISSING: 'No submission',
  COLLECTED: 'Collected',
  GRADED: 'Graded',
  RETURNED: 'Returned',
};
