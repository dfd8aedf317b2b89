/** Scales and bins for the small inline SVG charts; no chart library. */

export type Scale = (value: number) => number;

/**
 * Maps [d0, d1] linearly onto [r0, r1]. A domain of one value maps everything
 * to the middle of the range rather than dividing by zero.
 */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  if (d1 === d0) {
    const middle = (r0 + r1) / 2;
    return () => middle;
  }
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/**
 * About `count` round tick values (steps of 1, 2 or 5 times a power of ten)
 * within [min, max]. The step is the round one nearest (max - min) / count,
 * on a logarithmic scale, as d3's ticks choose it.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  const start = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}


export interface StepPoint {
  t: number;
  count: number;
}

/** A running total over time: one point per event, in time order. */
export function cumulativeSeries(times: readonly number[]): StepPoint[] {
  return [...times]
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => a - b)
    .map((t, index) => ({ t, count: index + 1 }));
}

/**
 * An SVG path for a step line through `points` (horizontal, then vertical),
 * starting at zero at `startT` and held to `endT`.
 */
export function stepPath(points: readonly StepPoint[], x: Scale, y: Scale, startT: number, endT: number): string {
  const parts = [`M${fmt(x(startT))},${fmt(y(0))}`];
  for (const point of points) parts.push(`H${fmt(x(point.t))}`, `V${fmt(y(point.count))}`);
  parts.push(`H${fmt(x(endT))}`);
  return parts.join('');
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);
