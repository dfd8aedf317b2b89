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
  /**
   * 'refused': a save was refused (an alert). 'ahead': the other change arrived
   * while edits are pending here, before any save was tried (a status).
   */
  moment?: 'refused' | 'ahead';
}

/**
 * A save refused because someone else changed the same thing first: who and
 * when, and the two ways on, neither taken silently.
 */
export function StaleEditNotice({
  stale,
  subject,
  onReload,
  onOverwrite,
  reloadLabel,
  overwriteLabel,
  refusal = 'Not saved',
  moment = 'refused',
}: StaleEditNoticeProps) {
  const { data } = useSessionQuery({ query: MeQuery, requestPolicy: 'cache-first' });
  // The same person in another tab is told so: they may not remember having two open.
  const yourself = stale.byId !== null && stale.byId === data?.me?.id;
  return (
    <div className={moment === 'refused' ? 'notice notice--error' : 'notice notice--warn'} role={moment === 'refused' ? 'alert' : 'status'}>
      <p>
        {moment === 'refused' ? `${refusal}: ` : null}
        {yourself ? 'you ' : null}
        <strong>{yourself ? `(${stale.byName})` : (stale.byName ?? 'an automatic change')}</strong>
        {yourself ? ', in another tab or window,' : null} changed {subject} at <DateTime iso={stale.at} /> while you were editing here.
        {moment === 'refused' ? ' Going ahead would undo that change.' : ' Saving your edits as they are would undo that change.'}
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
