import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Shown instead of the label, e.g. a "select all" checkbox labelled on its own. */
  content?: ReactNode;
  /** Right-aligned, for numbers. */
  numeric?: boolean;
  /** Read by screen readers only (an actions column). */
  hidden?: boolean;
  className?: string;
  sort?: 'ascending' | 'descending';
}

/** A table's header row from its columns; a plain string is a column with that label. */
export function TableHead({ columns }: { columns: readonly (Column | string)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          const { label, content, numeric, hidden, className, sort } = typeof column === 'string' ? ({ label: column } as Column) : column;
          const classes = [numeric ? 'numeric' : '', className ?? ''].filter(Boolean).join(' ');
          return (
            <th key={`${index}:${label}`} scope="col" className={classes || undefined} aria-sort={sort}>
              {content ?? (hidden ? <span className="visually-hidden">{label}</span> : label)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** The last column of a table with row buttons. */
export const ACTIONS_COLUMN: Column = { label: 'Actions', hidden: true };

/** A header cell's checkbox that selects or clears every row shown. */
export function selectAllColumn(label: string, checked: boolean, onChange: (checked: boolean) => void): Column {
  return {
    label,
    className: 'table__check',
    content: <input type="checkbox" aria-label={label} checked={checked} onChange={(e) => onChange(e.target.checked)} />,
  };
}
