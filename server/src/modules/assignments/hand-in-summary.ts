import type { StudentStatus } from './deadlines';

/** Equal bins of a range of values; the last one includes its upper end. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** What the tracker's charts draw, for the whole class: a few hundred bytes whatever its size. */
export interface HandInSummary {
  students: number;
  counts: Record<StudentStatus, number>;
  /** Students whose latest hand-in is late against their deadline in force. */
  late: number;
  /** Students whose latest hand-in was collected at the deadline. */
  collected: number;
  /** Latest hand-ins per minute (each student counts once), oldest first. */
  handInsOverTime: { at: Date; count: number }[];
  /** Students with points after late penalties. */
  graded: number;
  /** Points after late penalties, in equal bins over 0 to the maximum. */
  points: Bin[];
}

/** What the summary reads of a student's row (see StatusService.rows). */
export interface SummaryRow {
  late: boolean;
  latestHandIn: { handedInAt: Date; collected: boolean } | null;
  finalPoints: number | null;
}

export const GRADE_BINS = 10;
const MINUTE = 60_000;

/**
 * Counts `values` into `bins` equal bins over [min, max]; the last bin
 * includes `max`. Values outside the range are left out.
 */
export function histogram(values: readonly number[], min: number, max: number, bins: number): Bin[] {
  const n = Math.max(1, Math.floor(bins));
  const width = (max - min) / n;
  const result: Bin[] = Array.from({ length: n }, (_, i) => ({ from: min + i * width, to: i === n - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const value of values) {
    if (!Number.isFinite(value) || value < min || value > max) continue;
    result[width === 0 ? 0 : Math.min(n - 1, Math.floor((value - min) / width))].count += 1;
  }
  return result;
}

/** The class's rows reduced to what the charts draw; `maxPoints` tops the grade scale (else the best grade does). */
export function summarise(rows: readonly SummaryRow[], counts: Record<StudentStatus, number>, maxPoints: number | null): HandInSummary {
  const minutes = new Map<number, number>();
  for (const row of rows) {
    if (!row.latestHandIn) continue;
    const minute = Math.floor(row.latestHandIn.handedInAt.getTime() / MINUTE) * MINUTE;
    minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
  }
  const points = rows.flatMap((r) => (r.finalPoints != null ? [r.finalPoints] : []));
  return {
    students: rows.length,
    counts,
    late: rows.filter((r) => r.late).length,
    collected: rows.filter((r) => r.latestHandIn?.collected).length,
    handInsOverTime: [...minutes].sort(([a], [b]) => a - b).map(([at, count]) => ({ at: new Date(at), count })),
    graded: points.length,
    points: histogram(points, 0, maxPoints ?? Math.max(1, ...points), GRADE_BINS),
  };
}
