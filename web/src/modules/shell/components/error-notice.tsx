import type { CombinedError } from '@urql/core';
import { describeError, type ErrorKind, type ErrorWording } from '../../../core/errors/error-message';

/** Kinds where asking again can give a different answer. */
const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['NETWORK', 'UNEXPECTED', 'CONFLICT', 'UNAUTHENTICATED']);

interface ErrorNoticeProps {
  error: CombinedError;
  wording?: ErrorWording;
  onRetry?: () => void;
}

export function ErrorNotice({ error, wording, onRetry }: ErrorNoticeProps) {
  const { kind, message, detail } = describeError(error, wording);
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {detail ? <p className="notice__detail">{detail}</p> : null}
      {onRetry && RETRYABLE.has(kind) ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
