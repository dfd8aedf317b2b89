/** "Showing 51–100 of 1,000": where the page shown sits in the whole list; nothing while the total is unknown or zero. */
export function PageRange({ page, pageSize, shown, total }: { page: number; pageSize: number; shown: number; total: number | null | undefined }) {
  if (!total || shown === 0) return null;
  const first = (page - 1) * pageSize + 1;
  return (
    <span className="muted" role="status">
      Showing {first.toLocaleString('en')}–{(first + shown - 1).toLocaleString('en')} of {total.toLocaleString('en')}
    </span>
  );
}
