import type { CombinedError } from '@urql/core';
import { describeKind, type ErrorWording } from '../../../core/errors/error-message';
import { ErrorNotice } from '../../shell/components/error-notice';
import { MessageNotice } from '../../shell/components/message-notice';
import { LoadingLine } from './status-line';

interface PageFallbackProps {
  /** The page's heading while there is nothing else to show. */
  title: string;
  error: CombinedError | null | undefined;
  /**
   * Whether the page's query has answered. Lookups by id answer null (with a
   * NOT_FOUND error beside the rest of the response) for what does not exist
   * or is hidden; an answer without the object is shown as not found even when
   * no error came with it, never as loading forever.
   */
  answered?: boolean;
  wording?: ErrorWording;
  onRetry?: () => void;
  loadingText: string;
}

/** What a page shows while its object is not there: the error, that it is not found, or that it is loading. */
export function PageFallback({ title, error, answered = false, wording, onRetry, loadingText }: PageFallbackProps) {
  if (!error && !answered) return <LoadingLine>{loadingText}</LoadingLine>;
  return (
    <>
      <h1>{title}</h1>
      {error ? <ErrorNotice error={error} wording={wording} onRetry={onRetry} /> : <MessageNotice message={describeKind('NOT_FOUND', undefined, wording)} />}
    </>
  );
}
