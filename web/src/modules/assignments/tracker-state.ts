/**
 * Live updates of the hand-in tracker from `handInStatus` events. A row for a
 * student replaces that student's row in place; an event without a row (the
 * deadline moved, everyone may be affected) asks for a reload. Each event
 * carries the course-wide counts as of that change, so counts and rows move
 * together.
 */
export interface StatusCount {
  status: string;
  count: number;
}

export interface TrackerLive<R> {
  /** The latest row per student id, with a counter so a changed row can be marked. */
  rows: ReadonlyMap<string, { row: R; version: number }>;
  /** Grows each time the whole list must be fetched again. */
  reloads: number;
  events: number;
  /** The student of the latest row event, for an announcement. */
  lastStudentId: string | null;
  /** Counts from the latest event that had them, and the value of `events` then. */
  counts: readonly StatusCount[] | null;
  countsAt: number;
}

export interface StatusEvent<R> {
  studentId?: string | null;
  row?: R | null;
  counts?: readonly StatusCount[] | null;
}

export function emptyTracker<R>(): TrackerLive<R> {
  return { rows: new Map(), reloads: 0, events: 0, lastStudentId: null, counts: null, countsAt: 0 };
}

export function applyStatusEvent<R extends { student: { id: string } }>(
  previous: TrackerLive<R> | undefined,
  event: StatusEvent<R>,
): TrackerLive<R> {
  const state = previous ?? emptyTracker<R>();
  const events = state.events + 1;
  const counts = event.counts ? { counts: event.counts, countsAt: events } : { counts: state.counts, countsAt: state.countsAt };
  if (!event.row) {
    // Rows held from before the reload would hide what the reload brings.
    return { rows: new Map(), reloads: state.reloads + 1, events, lastStudentId: null, ...counts };
  }
  const id = event.row.student.id;
  const rows = new Map(state.rows);
  rows.set(id, { row: event.row, version: (state.rows.get(id)?.version ?? 0) + 1 });
  return { rows, reloads: state.reloads, events, lastStudentId: id, ...counts };
}

/**
 * The counts to show: those of the latest event, unless the list was fetched
 * after it (`fetchedAtEvent`: the value of `events` when the list arrived).
 */
export function currentCounts<R>(fetched: readonly StatusCount[] | undefined, fetchedAtEvent: number, live: TrackerLive<R> | undefined): readonly StatusCount[] {
  if (live?.counts && live.countsAt > fetchedAtEvent) return live.counts;
  return fetched ?? [];
}

/** The page's rows with live replacements, each with the version it carries (0 when not replaced). */
export function overlayRows<R extends { student: { id: string } }>(
  rows: readonly R[],
  live: TrackerLive<R> | undefined,
): { row: R; version: number }[] {
  return rows.map((row) => live?.rows.get(row.student.id) ?? { row, version: 0 });
}

