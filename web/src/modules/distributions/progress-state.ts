/**
 * What the live distribution page knows from `distributionProgress` events.
 * The first event carries the current counts; each later one the targets that
 * finished since, which are kept by id (a retried target finishes twice and
 * its last outcome wins), newest first for the live feed.
 */
export interface ProgressState<T extends { id: string }> {
  counts: Counts | null;
  status: string | null;
  final: boolean;
  events: number;
  /** Finished targets by id, the latest outcome of each. */
  byId: ReadonlyMap<string, T>;
  /** Ids in the order they finished, newest first, at most `RECENT_LIMIT`. */
  recent: readonly string[];
}

export interface Counts {
  total: number;
  done: number;
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  conflict: number;
  cancelled: number;
}

export interface ProgressEvent<T extends { id: string }> {
  final: boolean;
  counts: Counts;
  distribution: { status: string };
  finished: readonly T[];
}

export const RECENT_LIMIT = 50;

export function emptyProgress<T extends { id: string }>(): ProgressState<T> {
  return { counts: null, status: null, final: false, events: 0, byId: new Map(), recent: [] };
}

export function mergeProgress<T extends { id: string }>(
  previous: ProgressState<T> | undefined,
  event: ProgressEvent<T>,
): ProgressState<T> {
  const state = previous ?? emptyProgress<T>();
  let byId = state.byId;
  let recent = state.recent;
  if (event.finished.length > 0) {
    const next = new Map(byId);
    const fresh: string[] = [];
    for (const target of event.finished) {
      next.set(target.id, target);
      fresh.unshift(target.id);
    }
    byId = next;
    const freshSet = new Set(fresh);
    recent = [...fresh, ...recent.filter((id) => !freshSet.has(id))].slice(0, RECENT_LIMIT);
  }
  return {
    counts: event.counts,
    status: event.distribution.status,
    final: state.final || event.final,
    events: state.events + 1,
    byId,
    recent,
  };
}

/** Percent done, rounded down so 100 means every target has finished. */
export function percentDone(counts: Pick<Counts, 'done' | 'total'> | null): number {
  if (!counts || counts.total <= 0) return 0;
  return Math.floor((Math.min(counts.done, counts.total) / counts.total) * 100);
}
