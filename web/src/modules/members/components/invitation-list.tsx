'use client';

import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { DateTime } from '../../ui/components/date-time';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN, TableHead } from '../../ui/components/table-head';
import { ResendInvitationMutation, RevokeInvitationMutation } from '../graphql/member.mutations';
import { SpaceInvitationsQuery } from '../graphql/space-invitations.query';

/** An empty list names no Invitation, yet a new invitation must still refresh it. */
const INVITATIONS_CONTEXT = { additionalTypenames: ['Invitation'] };

/** Invitations still open: not accepted, not revoked, not expired. */
export function InvitationList({ spaceId, spaceKind }: { spaceId: string; spaceKind: SpaceKind }) {
  const { data, error, reload } = useSessionQuery({ query: SpaceInvitationsQuery, variables: { spaceId }, context: INVITATIONS_CONTEXT });
  const [revoke, runRevoke] = useMutation(RevokeInvitationMutation);
  const [resend, runResend] = useMutation(ResendInvitationMutation);
  // The server lists only invitations still usable, the newest first; the count says how many there are.
  const open = data?.space?.invitations ?? [];
  const total = data?.space?.invitationCount ?? 0;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (open.length === 0) return null;

  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Open invitations</h2>
      <p className="muted">
        {open.length < total
          ? `Showing the newest ${open.length.toLocaleString('en')} of ${total.toLocaleString('en')} open invitations.`
          : `${total.toLocaleString('en')} open ${total === 1 ? 'invitation' : 'invitations'}.`}
      </p>
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      {resend.error ? <ErrorNotice error={resend.error} /> : null}
      <p role="status" className="success-text">
        {resend.data && !resend.fetching ? `The invitation was sent again to ${resend.data.resendInvitation.email}, with a new link; the old link no longer works.` : ''}
      </p>
      <table className="table">
        <TableHead columns={['Sent to', 'Role', 'Student number', 'Section', 'Expires', ACTIONS_COLUMN]} />
        <tbody>
          {open.map((invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email ?? <span className="muted">Link</span>}</td>
              <td>{roleLabel(invitation.role, spaceKind)}</td>
              <td>{invitation.studentNumber ?? <span className="muted">—</span>}</td>
              <td>{invitation.section ?? <span className="muted">—</span>}</td>
              <td>
                <DateTime iso={invitation.expiresAt} />
              </td>
              <td className="table__actions">
                {invitation.email ? (
                  <RowAction label="Resend" subject={`invitation to ${invitation.email}`} onClick={() => void runResend({ id: invitation.id }).then(reload)} />
                ) : null}
                <RowAction
                  label="Revoke"
                  subject={`invitation ${invitation.email ?? 'link'}`}
                  onClick={() => void runRevoke({ id: invitation.id }).then(reload)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
