'use client';

import { useEffect, useState } from 'react';
import { highlightLines, type HighlightedLine } from '../highlight';

/** The code's coloured lines once the grammar has loaded; `null` until then, or for good when it cannot be highlighted. */
export function useHighlighted(code: string, language: string | null): HighlightedLine[] | null {
  const [done, setDone] = useState<{ code: string; language: string | null; lines: HighlightedLine[] | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    highlightLines(code, language)
      .catch(() => null)
      .then((lines) => {
        if (!cancelled) setDone({ code, language, lines });
      });
    return () => {
      cancelled = true;
    };
  }, [code, language]);
  return done && done.code === code && done.language === language ? done.lines : null;
}
