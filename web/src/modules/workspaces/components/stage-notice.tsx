import Link from 'next/link';
import type { StageAction } from './use-stage';
import { ErrorNotice } from '../../shell/components/error-notice';

export function StageNotice({ action }: { action: StageAction }) {
  return (
    <>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <p role="status" className="success-text">
        {action.staged.length > 0 ? (
          <>
            Staged {action.staged.length === 1 ? <code>{action.staged[0] || 'the whole workspace'}</code> : `${action.staged.length} items`}.{' '}
            <Link href="/stage">Open your stage</Link> to push.
          </>
        ) : null}
      </p>
    </>
  );
}
