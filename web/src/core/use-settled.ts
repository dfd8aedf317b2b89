import { useEffect, useState } from 'react';

/** `text` trimmed, once typing has settled for `ms`: a search asks the server once per pause, not per key. */
export function useSettled(text: string, ms = 300): string {
  const [settled, setSettled] = useState(text.trim());
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text.trim()), ms);
    return () => window.clearTimeout(timer);
  }, [text, ms]);
  return settled;
}
