'use client';

import { useEffect, useMemo } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { useDebouncedCount } from '../../../core/use-debounced-count';
import type { AssignmentQuery, StatusRowFragment } from '../../../gql/graphql';
import { HandInsOverTimeChart } from '../../charts/components/hand-ins-over-time-chart';
import { HistogramChart } from '../../charts/components/histogram-chart';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { HandInSummaryQuery } from '../graphql/hand-in-summary.query';
import type { TrackerLive } from '../tracker-state';

interface HandInChartsProps {
  assignment: NonNullable<AssignmentQuery['assignment']>;
  /** The live status events: after a burst of them the summary is asked for again, once. */
  live: TrackerLive<StatusRowFragment> | undefined;
}

/**
 * Hand-ins over time against the deadline, and the distribution of grades,
 * from one small summary of the class (never every student's row).
 */
export function HandInCharts({ assignment, live }: HandInChartsProps) {
  const { data, error, reload } = useSessionQuery({ query: HandInSummaryQuery, variables: { assignmentId: assignment.id }, requestPolicy: 'network-only' });
  const changes = useDebouncedCount((live?.events ?? 0) + (live?.reloads ?? 0));
  useEffect(() => {
    if (changes > 0) reload();
  }, [changes, reload]);
  const summary = data?.handInSummary;
  const times = useMemo(
    () => (summary?.handInsOverTime ?? []).flatMap(({ at, count }) => Array.from({ length: count }, () => new Date(at).getTime())),
    [summary],
  );

  const format = (ms: number) =>
    new Intl.DateTimeFormat(undefined, { timeZone: assignment.timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);

  return (
    <section className="section" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Overview</h2>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {!summary && !error ? <LoadingLine>Drawing the charts…</LoadingLine> : null}
      {summary ? (
        <div className="chart-grid">
          <div>
            <h3>Hand-ins over time</h3>
            <HandInsOverTimeChart
              times={times}
              deadline={new Date(assignment.deadline).getTime()}
              from={new Date(assignment.releasedAt ?? assignment.releaseAt).getTime()}
              expected={summary.students}
              late={summary.late}
              collected={summary.collected}
              formatTime={format}
            />
            <p className="hint">Each student counts once, at their latest hand-in, in {assignment.timeZone} time.</p>
          </div>
          <div>
            <h3>Grades</h3>
            {assignment.gradingScheme !== 'POINTS' ? (
              <p className="muted">This assignment is graded with text, so there is no points distribution.</p>
            ) : summary.graded === 0 ? (
              <p className="muted">No grades yet.</p>
            ) : (
              <HistogramChart title={`Points after late penalties (${summary.graded} graded)`} bins={summary.points} unit="points" />
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
