import type { ErrorMessage } from '../../../core/errors/error-message';

/** An error already described (e.g. from an upload), shown like ErrorNotice. */
export function MessageNotice({ message, onRetry }: { message: ErrorMessage; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{message.message}</p>
      {message.detail ? <p className="notice__detail">{message.detail}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
