import { useId } from 'react';
import { linearScale, niceTicks, type Bin } from '../chart-scale';
import { CountGrid } from './count-grid';

interface HistogramChartProps {
  title: string;
  /** Equal bins in order, counted by the server. */
  bins: readonly Bin[];
  unit: string;
}

const W = 640;
const H = 220;
const M = { top: 16, right: 16, bottom: 36, left: 44 };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Counts of values in equal bins, drawn as bars, with the same numbers in a table for screen readers. */
export function HistogramChart({ title, bins: data, unit }: HistogramChartProps) {
  const titleId = useId();
  const min = data[0]?.from ?? 0;
  const max = data.at(-1)?.to ?? 1;
  const top = Math.max(1, ...data.map((b) => b.count));
  const x = linearScale([min, max === min ? min + 1 : max], [M.left, W - M.right]);
  const y = linearScale([0, top], [H - M.bottom, M.top]);
  const yTicks = niceTicks(0, top, 4).filter((t) => Number.isInteger(t));

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="chart__svg">
        <title id={titleId}>{title}</title>
        <CountGrid ticks={yTicks} y={y} left={M.left} right={W - M.right} />
        {data.map((bin) => {
          const x0 = x(bin.from) + 1;
          const x1 = x(bin.to) - 1;
          return (
            <rect key={bin.from} x={x0} width={Math.max(0, x1 - x0)} y={y(bin.count)} height={y(0) - y(bin.count)} className="chart__bar">
              <title>
                {fmt(bin.from)}–{fmt(bin.to)} {unit}: {bin.count}
              </title>
            </rect>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="chart__axis" />
        {data.map((bin, i) =>
          i % Math.ceil(data.length / 5) === 0 ? (
            <text key={bin.from} x={x(bin.from)} y={H - M.bottom + 16} className="chart__label" textAnchor="middle">
              {fmt(bin.from)}
            </text>
          ) : null,
        )}
        <text x={x(max)} y={H - M.bottom + 16} className="chart__label" textAnchor="middle">
          {fmt(max)}
        </text>
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Range ({unit})</th>
            <th scope="col">Students</th>
          </tr>
        </thead>
        <tbody>
          {data.map((bin) => (
            <tr key={bin.from}>
              <td>
                {fmt(bin.from)} to {fmt(bin.to)}
              </td>
              <td>{bin.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
