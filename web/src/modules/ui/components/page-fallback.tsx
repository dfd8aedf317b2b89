import type { CombinedError } from '@urql/core';
import type { ErrorWording } from '../../../core/errors/error-message';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from './status-line';

interface PageFallbackProps {
  /** The page's heading while there is nothing else to show. */
  title: string;
  error: CombinedError | null | undefined;
  wording?: ErrorWording;
  onRetry?: () => void;
  loadingText: string;
}

/** What a page shows before its main query has answered: the error, or that it is loading. */
export function PageFallback({ title, error, wording, onRetry, loadingText }: PageFallbackProps) {
  if (!error) return <LoadingLine>{loadingText}</LoadingLine>;
  return (
    <>
      <h1>{title}</h1>
      <ErrorNotice error={error} wording={wording} onRetry={onRetry} />
    </>
  );
}
