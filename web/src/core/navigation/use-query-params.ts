'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** A value for a query parameter: text, several values, or null (or '') to drop it. */
export type ParamValue = string | readonly string[] | null;

/** The query string with `changes` applied; parameters not named stay as they are. */
export function withParams(current: string, changes: Record<string, ParamValue>): string {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    next.delete(name);
    if (typeof value === 'string') {
      if (value) next.set(name, value);
    } else if (value) {
      for (const item of value) next.append(name, item);
    }
  }
  return next.toString();
}

/**
 * The page's query parameters and a way to change some of them in place, for
 * state worth linking to and keeping on "back" (a tab, a list's filters).
 * The address changes through the History API, which Next.js follows without
 * asking the server for the page again.
 */
export function useQueryParams(): [URLSearchParams, (changes: Record<string, ParamValue>) => void] {
  const pathname = usePathname();
  const params = useSearchParams();
  const replace = useCallback(
    (changes: Record<string, ParamValue>) => {
      // The address as it is now, not as it was at the last render: two quick changes both count.
      const query = withParams(window.location.search, changes);
      window.history.replaceState(null, '', `${pathname}${query ? `?${query}` : ''}`);
    },
    [pathname],
  );
  return [new URLSearchParams(params.toString()), replace];
}
