'use client';

import { useId } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with the value, shown beneath it and announced with it. */
  problem?: string | null;
  hint?: string;
  autoFocus?: boolean;
  spellCheck?: boolean;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
}

/** A labelled text box with an optional hint and the problem found with what was typed. */
export function TextField({ label, value, onChange, problem, hint, autoFocus, spellCheck, type, autoComplete, required, readOnly }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        autoFocus={autoFocus}
        type={type}
        autoComplete={autoComplete}
        required={required}
        readOnly={readOnly}
        value={value}
        spellCheck={spellCheck}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {problem ? (
        <span id={`${id}-problem`} className="field__error">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
