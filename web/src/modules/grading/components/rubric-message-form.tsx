'use client';

import type { CombinedError } from '@urql/core';
import { useId, useState } from 'react';
import { ErrorNotice } from '../../shell/components/error-notice';

interface MessageFormProps {
  label: string;
  hint: string;
  /** Said when the text is empty; nothing is sent. */
  emptyProblem: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  error: CombinedError | undefined;
  /** Sends the text; true when it went through. */
  onSend: (text: string) => Promise<boolean>;
  onCancel?: () => void;
}

/** One text to send (a regrade request, an answer to one), refused when empty. */
export function MessageForm({ label, hint, emptyProblem, submitLabel, busyLabel, busy, error, onSend, onCancel }: MessageFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  return (
    <form
      className="form--plain"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return setProblem(emptyProblem);
        setProblem('');
        if (await onSend(text)) setText('');
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={`${id}-hint`} />
        {problem ? <span className="field__error">{problem}</span> : null}
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" aria-disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--ghost button--small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
