/** One figure of a summary grid (`.summary-grid`); `warn` marks it when it is not zero. */
export function Summary({ value, label, warn = false }: { value: number; label: string; warn?: boolean }) {
  return (
    <div className={`summary${warn && value > 0 ? ' summary--warn' : ''}`}>
      <span className="summary__value">{value}</span>
      <span className="summary__label">{label}</span>
    </div>
  );
}
