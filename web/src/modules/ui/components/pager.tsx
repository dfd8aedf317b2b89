import type { PagerState } from '../../../core/paging/use-paged-query';

/**
 * Previous and next buttons with the page number; hidden when everything fits
 * on one page. `pages` is known for lists held in memory, not for cursor connections.
 */
export function Pager({ label, page, pages, hasPrevious, hasNext, loading, onPrevious, onNext }: PagerState & { label: string }) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button--secondary" onClick={onPrevious} disabled={!hasPrevious}>
        Previous
      </button>
      <span className="pager__page" aria-live="polite">
        {loading ? 'Loading…' : pages ? `Page ${page} of ${pages}` : `Page ${page}`}
      </span>
      <button type="button" className="button button--secondary" onClick={onNext} disabled={!hasNext}>
        Next
      </button>
    </nav>
  );
}
