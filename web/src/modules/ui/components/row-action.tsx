interface RowActionProps {
  label: string;
  /** What the action applies to, heard after the label by screen readers ("Delete notes.md"). */
  subject: string;
  onClick: () => void;
  danger?: boolean;
}

/** A small button in a row of a list or table. */
export function RowAction({ label, subject, onClick, danger }: RowActionProps) {
  return (
    <button type="button" className={`button button--ghost button--small${danger ? ' text-danger' : ''}`} onClick={onClick}>
      {label}
      <span className="visually-hidden"> {subject}</span>
    </button>
  );
}
