import { useCallback, useState } from 'react';
import { currentAfter, firstPage, nextPage, pageNumber, previousPage, type CursorPages } from './cursor-pager';

export interface CursorPaging {
  after: string | null;
  page: number;
  next(endCursor: string | null | undefined): void;
  previous(): void;
  reset(): void;
}

/**
 * Previous/next paging state for a connection. Pass a `key` that changes with
 * the query's filters: a new key starts again at the first page.
 */
export function useCursorPages(key: string): CursorPaging {
  const [state, setState] = useState<{ key: string; pages: CursorPages }>({ key, pages: firstPage() });
  const pages = state.key === key ? state.pages : firstPage();
  const next = useCallback((end: string | null | undefined) => setState((s) => ({ key, pages: nextPage(s.key === key ? s.pages : firstPage(), end) })), [key]);
  const previous = useCallback(() => setState((s) => ({ key, pages: previousPage(s.key === key ? s.pages : firstPage()) })), [key]);
  const reset = useCallback(() => setState({ key, pages: firstPage() }), [key]);
  return { after: currentAfter(pages), page: pageNumber(pages), next, previous, reset };
}
