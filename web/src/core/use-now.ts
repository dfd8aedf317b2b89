import { useEffect, useState } from 'react';

/**
 * The current time in milliseconds, redrawn every `intervalMs` (or at the
 * interval `intervalFor(now)` picks, so a distant deadline ticks rarely).
 */
export function useNow(intervalFor: number | ((now: number) => number)): number {
  const [now, setNow] = useState(() => Date.now());
  const interval = typeof intervalFor === 'number' ? intervalFor : intervalFor(now);
  useEffect(() => {
    const id = window.setTimeout(() => setNow(Date.now()), interval);
    return () => window.clearTimeout(id);
  }, [now, interval]);
  return now;
}
