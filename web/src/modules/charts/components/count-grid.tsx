interface CountGridProps {
  /** Whole counts to mark on the vertical axis. */
  ticks: readonly number[];
  y: (value: number) => number;
  left: number;
  right: number;
}

/** Horizontal grid lines with their counts beside the vertical axis. */
export function CountGrid({ ticks, y, left, right }: CountGridProps) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} className="chart__grid" />
          <text x={left - 6} y={y(t)} className="chart__label" textAnchor="end" dominantBaseline="middle">
            {t}
          </text>
        </g>
      ))}
    </>
  );
}
