import type { ReactNode } from 'react';

interface FormActionsProps {
  onCancel: () => void;
  /** The submit button's words, and its words while the request runs. */
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  cancelLabel?: string;
  /** A dialog's row of buttons rather than a page form's. */
  dialog?: boolean;
  /** Further buttons between Cancel and the submit button. */
  children?: ReactNode;
}

/** Cancel and submit at the end of a form. */
export function FormActions({ onCancel, submitLabel, busyLabel, busy, cancelLabel = 'Cancel', dialog, children }: FormActionsProps) {
  return (
    <div className={dialog ? 'dialog__actions' : 'form__actions'}>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
      {children}
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
