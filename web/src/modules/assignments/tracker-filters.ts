import type { StatusSort, StudentStatus } from '../../gql/graphql';
import { STUDENT_STATUSES } from './assignment-labels';

/**
 * The hand-in tracker's filter and order. They live in the address
 * (`?status=…&sort=…&desc=1&q=…`), so the grading page, opened from the
 * tracker, walks the students in the same order.
 */
export interface TrackerFilters {
  /** Sorted, without repeats; empty means every status. */
  statuses: StudentStatus[];
  sort: StatusSort;
  descending: boolean;
  search: string;
}

export const SORTS: readonly { value: StatusSort; label: string }[] = [
  { value: 'NAME', label: 'Name' },
  { value: 'STATUS', label: 'Status' },
  { value: 'HANDED_IN_AT', label: 'Hand-in time' },
  { value: 'GRADE', label: 'Grade' },
];

export const NO_TRACKER_FILTERS: TrackerFilters = { statuses: [], sort: 'NAME', descending: false, search: '' };

/** Reads the filters from query parameters; anything unknown is left out. */
export function trackerFiltersFrom(params: URLSearchParams): TrackerFilters {
  const statuses = [...new Set(params.getAll('status'))].filter((s): s is StudentStatus => (STUDENT_STATUSES as string[]).includes(s)).sort();
  const sort = SORTS.find((s) => s.value === params.get('sort'))?.value ?? 'NAME';
  return { statuses, sort, descending: params.get('desc') === '1', search: (params.get('q') ?? '').trim() };
}

/**
 * The query parameters for the filters given; a filter left out leaves its
 * parameter alone, and a default value removes it (null).
 */
export function trackerParams(filters: Partial<TrackerFilters>): Record<string, string | string[] | null> {
  const params: Record<string, string | string[] | null> = {};
  if (filters.statuses) params.status = filters.statuses.length ? [...filters.statuses].sort() : null;
  if (filters.sort) params.sort = filters.sort === 'NAME' ? null : filters.sort;
  if (filters.descending !== undefined) params.desc = filters.descending ? '1' : null;
  if (filters.search !== undefined) params.q = filters.search.trim() || null;
  return params;
}

/** `?status=…` for a link that carries the filters along, or '' when there are none. */
export function trackerQuery(filters: TrackerFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(trackerParams(filters))) {
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The handInStatuses arguments for the filters. */
export function trackerVariables(filters: TrackerFilters) {
  return {
    statuses: filters.statuses.length ? filters.statuses : null,
    sort: filters.sort,
    descending: filters.descending,
    search: filters.search || null,
  };
}

/** "handed in or late, by grade, highest first, matching “ana”" for a summary line. */
export function describeTrackerFilters(filters: TrackerFilters, statusLabel: (status: StudentStatus) => string): string {
  const parts = [
    filters.statuses.length ? filters.statuses.map((s) => statusLabel(s).toLowerCase()).join(' or ') : 'all students',
    `by ${(SORTS.find((s) => s.value === filters.sort)?.label ?? filters.sort).toLowerCase()}${filters.descending ? ', descending' : ''}`,
  ];
  if (filters.search) parts.push(`matching “${filters.search}”`);
  return parts.join(', ');
}
