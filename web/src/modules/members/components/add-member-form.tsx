'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorKindOf } from '../../../core/errors/error-message';
import type { Role, SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { AddMemberMutation, InviteByEmailMutation } from '../graphql/member.mutations';
import { RoleField } from './role-select';

/**
 * Adds someone by e-mail address: at once when they have an account,
 * otherwise (the API answers NOT_FOUND) by sending them an invitation.
 */
export function AddMemberForm({ spaceId, spaceKind }: { spaceId: string; spaceKind: SpaceKind }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [done, setDone] = useState('');
  const [add, runAdd] = useMutation(AddMemberMutation);
  const [invite, runInvite] = useMutation(InviteByEmailMutation);
  const noAccount = add.error && errorKindOf(add.error) === 'NOT_FOUND';
  const busy = add.fetching || invite.fetching;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone('');
    const result = await runAdd({ spaceId, email: email.trim(), role });
    if (result.data) {
      setDone(`${result.data.addMember.user.name} joined as ${roleLabel(role, spaceKind).toLowerCase()}.`);
      setEmail('');
    }
  }

  async function sendInvitation() {
    if (busy) return;
    const result = await runInvite({ spaceId, email: email.trim(), role });
    if (result.data) {
      setDone(`An invitation was sent to ${email.trim()}.`);
      setEmail('');
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add by e-mail address</h3>
      <div className="field">
        <label htmlFor={`${id}-email`}>E-mail address</label>
        <input
          id={`${id}-email`}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setDone('');
          }}
        />
      </div>
      <RoleField value={role} onChange={setRole} spaceKind={spaceKind} />
      {noAccount ? (
        <div className="notice notice--info" role="alert">
          <p>No account uses this address yet. Send an invitation e-mail instead? They join when they sign up.</p>
          <button type="button" className="button button--primary" onClick={() => void sendInvitation()} aria-disabled={busy}>
            {invite.fetching ? 'Sending…' : 'Send an invitation'}
          </button>
        </div>
      ) : add.error ? (
        <ErrorNotice error={add.error} />
      ) : null}
      {invite.error ? <ErrorNotice error={invite.error} /> : null}
      <p role="status" className="success-text">
        {done}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {add.fetching ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
