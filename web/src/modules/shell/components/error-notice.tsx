import type { CombinedError } from '@urql/core';
import { describeError, type ErrorWording } from '../../../core/errors/error-message';

interface ErrorNoticeProps {
  error: CombinedError;
  wording?: ErrorWording;
  onRetry?: () => void;
}

export function ErrorNotice({ error, wording, onRetry }: ErrorNoticeProps) {
  const { message, detail } = describeError(error, wording);
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {detail ? <p className="notice__detail">{detail}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
