import { useEffect, useState } from 'react';

/**
 * `count` once it has stopped changing for `ms`: a burst of live events
 * becomes one reload after it, not one per event.
 */
export function useDebouncedCount(count: number, ms = 1000): number {
  const [settled, setSettled] = useState(count);
  useEffect(() => {
    if (count === settled) return;
    const timer = window.setTimeout(() => setSettled(count), ms);
    return () => window.clearTimeout(timer);
  }, [count, settled, ms]);
  return settled;
}
