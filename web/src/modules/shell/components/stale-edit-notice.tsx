import type { StaleEdit } from '../../../core/errors/stale-edit';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { MeQuery } from '../../auth/graphql/me.query';
import { DateTime } from '../../ui/components/date-time';

interface StaleEditNoticeProps {
  stale: StaleEdit;
  /** What was being saved, e.g. 'this configuration'. */
  subject: string;
  /** Drops the edits made here and shows the current version; without it, only overwriting is offered. */
  onReload?: () => void;
  /** Saves again from the current version, replacing the other change. */
  onOverwrite: () => void;
  reloadLabel?: string;
  overwriteLabel?: string;
  /** How the refusal starts ('Not saved'; 'Not done' for an action such as a delete). */
  refusal?: string;
}

/**
 * A save refused because someone else changed the same thing first: who and
 * when, and the two ways on, neither taken silently.
 */
export function StaleEditNotice({ stale, subject, onReload, onOverwrite, reloadLabel, overwriteLabel, refusal = 'Not saved' }: StaleEditNoticeProps) {
  const { data } = useSessionQuery({ query: MeQuery, requestPolicy: 'cache-first' });
  // The same person in another tab is told so: they may not remember having two open.
  const yourself = stale.byId !== null && stale.byId === data?.me?.id;
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {refusal}: {yourself ? 'you ' : null}
        <strong>{yourself ? `(${stale.byName})` : (stale.byName ?? 'an automatic change')}</strong>
        {yourself ? ', in another tab or window,' : null} changed {subject} at <DateTime iso={stale.at} /> while you were editing here.
        Going ahead would undo that change.
      </p>
      <div className="notice__actions">
        {onReload ? (
          <button type="button" className="button button--secondary" onClick={onReload}>
            {reloadLabel ?? 'Reload the saved version (drop my edits)'}
          </button>
        ) : null}
        <button type="button" className="button button--danger" onClick={onOverwrite}>
          {overwriteLabel ?? 'Overwrite with my version'}
        </button>
      </div>
    </div>
  );
}
