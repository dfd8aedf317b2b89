export interface Countdown {
  /** The moment has passed (or is now). */
  past: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** The distance in words, coarse when far and to the second when under an hour: "3 days 4 h", "12 min 05 s". */
  text: string;
}

const SECOND = 1000;

/**
 * The time from `nowMs` to `targetMs`. Seconds round up before the moment, so
 * the count reaches zero exactly at it, and down after it.
 */
export function countdown(targetMs: number, nowMs: number): Countdown {
  const diff = targetMs - nowMs;
  const past = diff <= 0;
  const totalSeconds = past ? Math.floor(-diff / SECOND) : Math.ceil(diff / SECOND);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  let text: string;
  if (days > 0) text = `${days} ${days === 1 ? 'day' : 'days'}${hours > 0 ? ` ${hours} h` : ''}`;
  else if (hours > 0) text = `${hours} h ${minutes} min`;
  else text = `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return { past, days, hours, minutes, seconds, text };
}

/** "Due in 3 days 4 h" or "Deadline passed 2 h 3 min ago". */
export function countdownSentence(value: Countdown): string {
  return value.past ? `Deadline passed ${value.text} ago` : `Due in ${value.text}`;
}

/**
 * How often a countdown needs redrawing: every second in the last hour, every
 * minute in the last two days, else every ten minutes.
 */
export function countdownTick(targetMs: number, nowMs: number): number {
  const distance = Math.abs(targetMs - nowMs);
  if (distance < 3_600 * SECOND) return SECOND;
  if (distance < 2 * 86_400 * SECOND) return 60 * SECOND;
  return 600 * SECOND;
}
