'use client';

import type { CombinedError } from '@urql/core';
import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import type { AssignmentQuery, StatusRowFragment } from '../../../gql/graphql';
import { HandInsOverTimeChart } from '../../charts/components/hand-ins-over-time-chart';
import { HistogramChart } from '../../charts/components/histogram-chart';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { readAllStatuses } from '../read-all-statuses';
import { overlayRows, type TrackerLive } from '../tracker-state';

interface HandInChartsProps {
  assignment: AssignmentQuery['assignment'];
  /** The live status rows: each redraws the charts at once; an event without a row reloads them. */
  live: TrackerLive<StatusRowFragment> | undefined;
}

/** Hand-ins over time against the deadline, and the distribution of grades. */
export function HandInCharts({ assignment, live }: HandInChartsProps) {
  const client = useClient();
  const [fetched, setFetched] = useState<StatusRowFragment[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<CombinedError | null>(null);
  // Only an event that changed more than one row (a deadline collection) reads every row again.
  const reloads = live?.reloads ?? 0;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const result = await readAllStatuses(client, { assignmentId: assignment.id, sort: 'HANDED_IN_AT' }, () => cancelled);
      if (!result) return;
      setError(result.error ?? null);
      if (!result.error) {
        setFetched(result.rows);
        setTotal(result.total);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, assignment.id, reloads]);
  // A live row replaces the fetched one at once: every change to a row comes with its event.
  const rows = useMemo(() => (fetched ? overlayRows(fetched, live).map((r) => r.row) : null), [fetched, live]);

  const format = (ms: number) =>
    new Intl.DateTimeFormat(undefined, { timeZone: assignment.timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
  const times = (rows ?? []).flatMap((r) => (r.latestHandIn ? [new Date(r.latestHandIn.handedInAt).getTime()] : []));
  const points = (rows ?? []).flatMap((r) => (r.finalPoints != null ? [r.finalPoints] : []));
  const maxPoints = assignment.maxPoints ?? Math.max(1, ...points);

  return (
    <section className="section" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Overview</h2>
      {error ? <ErrorNotice error={error} /> : null}
      {!rows && !error ? <LoadingLine>Drawing the charts…</LoadingLine> : null}
      {rows ? (
        <div className="chart-grid">
          <div>
            <h3>Hand-ins over time</h3>
            <HandInsOverTimeChart times={times} deadline={new Date(assignment.deadline).getTime()}
              from={new Date(assignment.releasedAt ?? assignment.releaseAt).getTime()}
              expected={total} late={(rows ?? []).filter((r) => r.late).length}
              collected={(rows ?? []).filter((r) => r.latestHandIn?.collected).length} formatTime={format} />
            <p className="hint">Each student counts once, at their latest hand-in, in {assignment.timeZone} time.</p>
          </div>
          <div>
            <h3>Grades</h3>
            {assignment.gradingScheme !== 'POINTS' ? (
              <p className="muted">This assignment is graded with text, so there is no points distribution.</p>
            ) : points.length === 0 ? (
              <p className="muted">No grades yet.</p>
            ) : (
              <HistogramChart title={`Points after late penalties (${points.length} graded)`} values={points} min={0} max={maxPoints} unit="points" />
            )}
          </div>
        </div>
      ) : null}
      {rows && total > rows.length ? <p className="hint">Showing the first {rows.length} of {total} students.</p> : null}
    </section>
  );
}
