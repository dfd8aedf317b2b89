'use client';

import { useId, type ReactNode } from 'react';

export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFilterProps<V extends string> {
  label: string;
  value: V;
  options: readonly FilterOption<V>[];
  onChange: (value: V) => void;
  /** Beside its label on one line (a toolbar), rather than above the control. */
  inline?: boolean;
}

/** A labelled drop-down that narrows or orders a list. */
export function SelectFilter<V extends string>({ label, value, options, onChange, inline = true }: SelectFilterProps<V>) {
  const id = useId();
  return (
    <div className={inline ? 'field field--inline' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface SearchFilterProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Shown after the box, e.g. how many match. */
  status?: ReactNode;
}

/** A labelled search box on one line, with an optional live status beside it. */
export function SearchFilter({ label, value, onChange, placeholder, status }: SearchFilterProps) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      {status !== undefined ? (
        <span className="muted" role="status">
          {status}
        </span>
      ) : null}
    </div>
  );
}
