'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useResetSession } from '../../../core/graphql/graphql-provider';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { InvitationPreviewQuery as Preview } from '../../../gql/graphql';
import { MeQuery } from '../../auth/graphql/me.query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { SignOutButton } from '../../shell/components/sign-out-button';
import { roleLabel, spaceKindLabel } from '../../spaces/space-labels';
import { DateTime } from '../../ui/components/date-time';
import { AcceptInvitationMutation } from '../graphql/account.mutations';
import { InvitationPreviewQuery } from '../graphql/invitation.query';
import { NewAccountFields, type NewAccount } from './account-fields';
import { PublicPage } from './public-page';

type Invitation = NonNullable<Preview['invitation']>;

/** Why a link can no longer be used, in plain words, with whom to ask. */
function ClosedInvitation({ invitation }: { invitation: Invitation }) {
  const ask = `ask ${invitation.invitedBy} for a new one.`;
  switch (invitation.status) {
    case 'EXPIRED':
      return (
        <p>
          This invitation expired on <DateTime iso={invitation.expiresAt} />; {ask}
        </p>
      );
    case 'USED':
      return (
        <p>
          This invitation was used already (<DateTime iso={invitation.closedAt} />): each link lets one person in; {ask}
        </p>
      );
    default:
      return (
        <p>
          This invitation was withdrawn on <DateTime iso={invitation.closedAt} />; {ask}
        </p>
      );
  }
}

/** `/invite/<token>`: what the invitation offers, and joining with one click or a new account. */
export function InvitationView({ token }: { token: string }) {
  const router = useRouter();
  const resetSession = useResetSession();
  const preview = useSessionQuery({ query: InvitationPreviewQuery, variables: { token }, requestPolicy: 'network-only' });
  const me = useSessionQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const [account, setAccount] = useState<NewAccount>({ name: '', email: '', password: '' });
  const [joining, setJoining] = useState(false);
  const [accept, runAccept] = useMutation(AcceptInvitationMutation);
  const busy = accept.fetching || joining;

  async function join(signUp: NewAccount | null) {
    if (busy) return;
    const result = await runAccept({
      token,
      signUp: signUp ? { name: signUp.name, email: invitation?.email ?? signUp.email.trim(), password: signUp.password } : null,
    });
    if (!result.data) return;
    setJoining(true);
    if (signUp) resetSession();
    router.replace(`/spaces/${result.data.acceptInvitation.space.id}`);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void join(account);
  }

  if (preview.error) {
    return (
      <PublicPage title="Invitation">
        <ErrorNotice error={preview.error} onRetry={preview.reload} />
      </PublicPage>
    );
  }
  if (!preview.data || (!me.data && !me.error)) {
    return (
      <p className="page-status" role="status">
        Loading…
      </p>
    );
  }
  const invitation = preview.data.invitation;
  if (!invitation) {
    return (
      <PublicPage title="Invitation">
        <p>This invitation link is not valid. Check that you copied all of it, or ask whoever sent it for a new one.</p>
      </PublicPage>
    );
  }
  const role = roleLabel(invitation.role, invitation.spaceKind).toLowerCase();
  const title = `Join ${invitation.spaceName}`;
  if (invitation.status !== 'OPEN') {
    return (
      <PublicPage title={title}>
        <ClosedInvitation invitation={invitation} />
      </PublicPage>
    );
  }
  const user = me.data?.me ?? null;
  const refusal = accept.error && !joining ? <ErrorNotice error={accept.error} /> : null;
  const otherAddress = user && invitation.email && invitation.email !== user.email;
  return (
    <PublicPage title={title}>
      <p className="lead">
        {invitation.invitedBy} invites you to the {spaceKindLabel(invitation.spaceKind).toLowerCase()} <strong>{invitation.spaceName}</strong> as{' '}
        <strong>{role}</strong>.
      </p>
      <p className="hint">
        The invitation expires on <DateTime iso={invitation.expiresAt} />
        {invitation.email ? ` and is for ${invitation.email}` : ''}.
      </p>
      {user ? (
        otherAddress ? (
          <div className="notice notice--info">
            <p>
              This invitation is for {invitation.email}, but you are signed in as {user.email}. Sign out, then open the link again.
            </p>
            <SignOutButton />
          </div>
        ) : (
          <div className="form">
            <p>
              You are signed in as {user.name} ({user.email}).
            </p>
            {refusal}
            <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void join(null)}>
              {busy ? 'Joining…' : `Join ${invitation.spaceName}`}
            </button>
          </div>
        )
      ) : (
        <>
          <form className="form" onSubmit={onSubmit} aria-labelledby="new-account-heading">
            <h2 id="new-account-heading">Create your account and join</h2>
            <NewAccountFields
              value={account}
              onChange={setAccount}
              passwordRule={preview.data.signUpSettings.passwordRule}
              fixedEmail={invitation.email}
            />
            {refusal}
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {busy ? 'Joining…' : 'Create account and join'}
            </button>
          </form>
          <p>
            Have an account already? <Link href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>Sign in</Link>, then join with one
            click.
          </p>
        </>
      )}
    </PublicPage>
  );
}
