import { useId } from 'react';
import { cumulativeSeries, linearScale, niceTicks, stepPath } from '../chart-scale';
import { CountGrid } from './count-grid';

interface HandInsOverTimeChartProps {
  /** Hand-in times in milliseconds. */
  times: readonly number[];
  deadline: number;
  /** Where the time axis starts at the latest (the release). */
  from?: number;
  /** Students expected to hand in, for the top of the scale. */
  expected: number;
  /** Hand-ins late against each student's deadline in force (a collection at the deadline never is). */
  late: number;
  /** Of `times`, those collected at the deadline rather than handed in by the student. */
  collected: number;
  formatTime: (ms: number) => string;
}

const W = 640;
const H = 240;
const M = { top: 16, right: 16, bottom: 40, left: 44 };
/** Room a time label needs beside another, in chart units. */
const LABEL_ROOM = 110;

/** Hand-ins accumulating over time, with the deadline as a vertical line. */
export function HandInsOverTimeChart({ times, deadline, from, expected, late, collected, formatTime }: HandInsOverTimeChartProps) {
  const titleId = useId();
  const descId = useId();
  const series = cumulativeSeries(times);
  const first = Math.min(series[0]?.t ?? deadline, from ?? deadline);
  const last = series[series.length - 1]?.t ?? deadline;
  const span = Math.max(last, deadline) - Math.min(first, deadline) || 86_400_000;
  const start = Math.min(first, deadline) - span * 0.05;
  const end = Math.max(last, deadline) + span * 0.05;
  const top = Math.max(expected, series.length, 1);
  const x = linearScale([start, end], [M.left, W - M.right]);
  const y = linearScale([0, top], [H - M.bottom, M.top]);
  const yTicks = niceTicks(0, top, 4).filter((t) => Number.isInteger(t));
  const dx = x(deadline);
  const nearRight = dx > W - M.right - 70;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="chart__svg">
        <title id={titleId}>Hand-ins over time</title>
        <desc id={descId}>
          {summary(series.length, expected, late, collected)} The deadline is {formatTime(deadline)}.
        </desc>
        <CountGrid ticks={yTicks} y={y} left={M.left} right={W - M.right} />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="chart__axis" />
        <path d={stepPath(series, x, y, start, end)} className="chart__line" />
        <line x1={dx} x2={dx} y1={M.top} y2={H - M.bottom} className="chart__deadline" />
        <text
          x={nearRight ? dx - 4 : dx + 4}
          y={M.top + 10}
          className="chart__label chart__label--deadline"
          textAnchor={nearRight ? 'end' : 'start'}
        >
          Deadline
        </text>
        {Math.abs(dx - M.left) > LABEL_ROOM ? (
          <text x={M.left} y={H - M.bottom + 18} className="chart__label">
            {formatTime(start)}
          </text>
        ) : null}
        {Math.abs(W - M.right - dx) > LABEL_ROOM ? (
          <text x={W - M.right} y={H - M.bottom + 18} className="chart__label" textAnchor="end">
            {formatTime(end)}
          </text>
        ) : null}
        <text
          x={Math.min(Math.max(dx, M.left + LABEL_ROOM / 2), W - M.right - LABEL_ROOM / 2)}
          y={H - M.bottom + 32}
          className="chart__label chart__label--deadline"
          textAnchor="middle"
        >
          {formatTime(deadline)}
        </text>
      </svg>
      <figcaption className="muted">
        {summary(series.length, expected, late, collected)}
      </figcaption>
    </figure>
  );
}

function summary(count: number, expected: number, late: number, collected: number): string {
  const handedIn = count - collected;
  const parts = [`${handedIn} of ${expected} handed in`];
  if (collected) parts.push(`${collected} collected at the deadline`);
  parts.push(`${late} late`);
  return `${parts.join('; ')}.`;
}
