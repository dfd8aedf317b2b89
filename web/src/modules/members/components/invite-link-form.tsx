'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { Role, SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { CopyField } from '../../ui/components/copy-field';
import { DateTime } from '../../ui/components/date-time';
import { CreateInviteLinkMutation } from '../graphql/member.mutations';
import { RoleField } from './role-select';

/** Makes a single-use invitation link; the link holds a secret and is shown once. */
export function InviteLinkForm({ spaceId, spaceKind }: { spaceId: string; spaceKind: SpaceKind }) {
  const id = useId();
  const [role, setRole] = useState<Role>('MEMBER');
  const [days, setDays] = useState(7);
  const [{ data, error, fetching }, create] = useMutation(CreateInviteLinkMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    await create({ spaceId, role, expiresInDays: days });
  }

  const link = data?.createInviteLink;
  const absolute = link ? new URL(link.url, window.location.origin).toString() : '';

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Invitation link</h3>
      <p className="hint">Anyone holding the link may use it once before it expires.</p>
      <RoleField value={role} onChange={setRole} spaceKind={spaceKind} />
      <div className="field">
        <label htmlFor={`${id}-days`}>Valid for (days)</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={365}
          required
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        />
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {link ? (
        <div className="notice notice--success">
          <CopyField label="The link (shown only now)" value={absolute} />
          <p className="hint">
            Expires <DateTime iso={link.invitation.expiresAt} />.
          </p>
        </div>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={fetching}>
          {fetching ? 'Creating…' : link ? 'Create another link' : 'Create link'}
        </button>
      </div>
    </form>
  );
}
