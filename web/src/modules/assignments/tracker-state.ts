/**
 * Live updates of the hand-in tracker from `handInStatus` events. A row for a
 * student replaces that student's row in place; an event without a row (the
 * deadline moved, everyone may be affected) asks for a reload.
 */
export interface TrackerLive<R> {
  /** The latest row per student id, with a counter so a changed row can be marked. */
  rows: ReadonlyMap<string, { row: R; version: number }>;
  /** Grows each time the whole list must be fetched again. */
  reloads: number;
  events: number;
  /** The student of the latest row event, for an announcement. */
  lastStudentId: string | null;
}

export interface StatusEvent<R> {
  studentId?: string | null;
  row?: R | null;
}

export function emptyTracker<R>(): TrackerLive<R> {
  return { rows: new Map(), reloads: 0, events: 0, lastStudentId: null };
}

export function applyStatusEvent<R extends { student: { id: string } }>(
  previous: TrackerLive<R> | undefined,
  event: StatusEvent<R>,
): TrackerLive<R> {
  const state = previous ?? emptyTracker<R>();
  if (!event.row) {
    // Rows held from before the reload would hide what the reload brings.
    return { rows: new Map(), reloads: state.reloads + 1, events: state.events + 1, lastStudentId: null };
  }
  const id = event.row.student.id;
  const rows = new Map(state.rows);
  rows.set(id, { row: event.row, version: (state.rows.get(id)?.version ?? 0) + 1 });
  return { rows, reloads: state.reloads, events: state.events + 1, lastStudentId: id };
}

/** The page's rows with live replacements, each with the version it carries (0 when not replaced). */
export function overlayRows<R extends { student: { id: string } }>(
  rows: readonly R[],
  live: TrackerLive<R> | undefined,
): { row: R; version: number }[] {
  return rows.map((row) => live?.rows.get(row.student.id) ?? { row, version: 0 });
}
