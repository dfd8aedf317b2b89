interface PagerProps {
  label: string;
  page: number;
  /** Known page count (lists held in memory); unknown for cursor connections. */
  pages?: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous and next buttons with the page number; hidden when everything fits on one page. */
export function Pager({ label, page, pages, hasPrevious, hasNext, loading, onPrevious, onNext }: PagerProps) {
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
