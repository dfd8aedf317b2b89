/** The audit log's filters as the page holds them, and their forms for the query and the CSV export. */
export interface AuditFilters {
  /** An exact action or a prefix ending in '.'; '' for all. */
  action: string;
  actorId: string;
  studentId: string;
  /** `YYYY-MM-DD` in the viewer's zone; '' for open-ended. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { action: '', actorId: '', studentId: '', from: '', to: '' };

/** Action families the server writes, offered as filters. */
export const ACTION_FAMILIES: { value: string; label: string }[] = [
  { value: 'distribution.', label: 'Distributions' },
  { value: 'assignment.', label: 'Assignments' },
  { value: 'extension.', label: 'Extensions' },
  { value: 'hand-in.', label: 'Hand-ins' },
  { value: 'feedback.', label: 'Feedback' },
  { value: 'space.', label: 'Space settings (quota)' },
];

/**
 * A local calendar day's start (or, for `to`, the start of the next day, so
 * the day is included) as an ISO instant; null when empty or unreadable.
 */
export function dayBoundary(day: string, end: boolean): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (end ? 1 : 0));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function toQueryVariables(filters: AuditFilters) {
  return {
    action: filters.action || null,
    actorId: filters.actorId || null,
    studentId: filters.studentId || null,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
  };
}

/** The CSV export's address with the same filters. */
export function csvHref(spaceId: string, filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toQueryVariables(filters))) if (value) params.set(key, value);
  const query = params.toString();
  return `/api/spaces/${encodeURIComponent(spaceId)}/audit.csv${query ? `?${query}` : ''}`;
}

/** "distribution.target.applied" → "Distribution target applied". */
export function actionLabel(action: string): string {
  const words = action.replace(/[.-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : action;
}
