/**
 * Previous/next paging over a cursor connection: the cursors that start each
 * page seen so far. A connection only pages forward, so going back replays the
 * cursor of the page before.
 */
export interface CursorPages {
  /** `after` for each page up to the current one; the first is null. */
  readonly starts: readonly (string | null)[];
}

export const firstPage = (): CursorPages => ({ starts: [null] });

/** The `after` argument for the current page. */
export const currentAfter = (pages: CursorPages): string | null => pages.starts[pages.starts.length - 1] ?? null;

/** 1-based number of the current page. */
export const pageNumber = (pages: CursorPages): number => pages.starts.length;

/** Moves to the page after `endCursor` (the current page's end); a null cursor stays put. */
export function nextPage(pages: CursorPages, endCursor: string | null | undefined): CursorPages {
  if (!endCursor) return pages;
  return { starts: [...pages.starts, endCursor] };
}

export function previousPage(pages: CursorPages): CursorPages {
  if (pages.starts.length <= 1) return pages;
  return { starts: pages.starts.slice(0, -1) };
}

/** The slice of a list held entirely in memory shown on `page` (1-based, clamped). */
export function pageSlice<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}
