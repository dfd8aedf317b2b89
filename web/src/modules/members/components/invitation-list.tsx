'use client';

import { useMutation, useQuery } from 'urql';
import type { SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { DateTime } from '../../ui/components/date-time';
import { RevokeInvitationMutation } from '../graphql/member.mutations';
import { SpaceInvitationsQuery } from '../graphql/space-invitations.query';

/** Invitations still open: not accepted, not revoked, not expired. */
export function InvitationList({ spaceId, spaceKind }: { spaceId: string; spaceKind: SpaceKind }) {
  const [{ data, error }, refetch] = useQuery({
    query: SpaceInvitationsQuery,
    variables: { spaceId },
    requestPolicy: 'cache-and-network',
  });
  const [revoke, runRevoke] = useMutation(RevokeInvitationMutation);
  const now = Date.now();
  const open = (data?.space.invitations ?? []).filter(
    (i) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt).getTime() > now,
  );
  if (error) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (open.length === 0) return null;

  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Open invitations</h2>
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Sent to</th>
            <th scope="col">Role</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {open.map((invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email ?? <span className="muted">Link</span>}</td>
              <td>{roleLabel(invitation.role, spaceKind)}</td>
              <td>
                <DateTime iso={invitation.expiresAt} />
              </td>
              <td className="table__actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => void runRevoke({ id: invitation.id }).then(() => refetch({ requestPolicy: 'network-only' }))}
                >
                  Revoke<span className="visually-hidden"> invitation {invitation.email ?? 'link'}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
