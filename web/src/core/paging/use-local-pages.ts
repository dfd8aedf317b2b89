import { useState } from 'react';
import { pageSlice } from './cursor-pager';
import type { PagerState } from './use-paged-query';

/**
 * A list held in memory shown a page at a time. A new `resetKey` (the search
 * text, a filter) starts again at the first page.
 */
export function useLocalPages<T>(items: readonly T[], size: number, resetKey = ''): { items: T[]; pager: PagerState } {
  const [state, setState] = useState({ key: resetKey, page: 1 });
  const shown = pageSlice(items, state.key === resetKey ? state.page : 1, size);
  const go = (page: number) => setState({ key: resetKey, page });
  return {
    items: shown.items,
    pager: {
      page: shown.page,
      pages: shown.pages,
      hasPrevious: shown.page > 1,
      hasNext: shown.page < shown.pages,
      onPrevious: () => go(shown.page - 1),
      onNext: () => go(shown.page + 1),
    },
  };
}
