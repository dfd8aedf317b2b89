import type { CombinedError } from '@urql/core';
import { ErrorNotice } from '../../shell/components/error-notice';

interface FormEndProps {
  error: CombinedError | undefined;
  /** What the last submission did, announced politely. */
  done?: string;
  busy: boolean;
  label: string;
  busyLabel: string;
}

/** The end of an account form: what went wrong or what was done, and the submit button. */
export function FormEnd({ error, done, busy, label, busyLabel }: FormEndProps) {
  return (
    <>
      {error && !busy ? <ErrorNotice error={error} /> : null}
      {done !== undefined ? (
        <p role="status" className="success-text">
          {done}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </>
  );
}
