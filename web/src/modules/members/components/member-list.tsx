'use client';

import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import type { Role, SpaceKind, SpaceMembersQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { DateTime } from '../../ui/components/date-time';
import { Pager } from '../../ui/components/pager';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { ChangeMemberRoleMutation } from '../graphql/member.mutations';
import { SpaceMembersQuery as SpaceMembersDocument } from '../graphql/space-members.query';
import { ROLES } from './role-select';

type MemberRow = SpaceMembersQuery['space']['members']['nodes'][number];

const PAGE_SIZE = 25;

interface MemberListProps {
  spaceId: string;
  spaceKind: SpaceKind;
  admin: boolean;
}

export function MemberList({ spaceId, spaceKind, admin }: MemberListProps) {
  const filterId = useId();
  const [role, setRole] = useState<Role | ''>('');
  const paging = useCursorPages(`${spaceId}:${role}`);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SpaceMembersDocument,
    variables: { spaceId, first: PAGE_SIZE, after: paging.after, role: role || null },
    requestPolicy: 'cache-and-network',
  });
  const members = data?.space.members;

  return (
    <section className="section" aria-labelledby="members-heading">
      <h2 id="members-heading">
        Members {members?.totalCount != null ? <span className="muted">({members.totalCount})</span> : null}
      </h2>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={filterId}>Show</label>
          <select id={filterId} value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
            <option value="">Everyone</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, spaceKind)}s
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!members && fetching ? <LoadingLine>Loading members…</LoadingLine> : null}
      {members && members.nodes.length === 0 ? (
        <EmptyState>
          <p>{role ? `No ${roleLabel(role, spaceKind).toLowerCase()}s in this space.` : 'Nobody has joined yet.'}</p>
        </EmptyState>
      ) : null}
      {members && members.nodes.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Joined</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {members.nodes.map((member) => (
              <tr key={member.user.id}>
                <td>{member.user.name}</td>
                <td className="muted">{member.user.email}</td>
                <td>
                  <DateTime iso={member.joinedAt} />
                </td>
                <td>
                  {admin ? (
                    <RoleEditor spaceId={spaceId} spaceKind={spaceKind} member={member} />
                  ) : (
                    roleLabel(member.role, spaceKind)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Member pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={members?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(members?.pageInfo.endCursor)}
      />
    </section>
  );
}

function RoleEditor({ spaceId, spaceKind, member }: { spaceId: string; spaceKind: SpaceKind; member: MemberRow }) {
  const id = useId();
  const [role, setRole] = useState<Role>(member.role);
  const [{ error, fetching }, change] = useMutation(ChangeMemberRoleMutation);
  const changed = role !== member.role;
  return (
    <div className="inline-form">
      <label htmlFor={id} className="visually-hidden">
        Role of {member.user.name}
      </label>
      <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r, spaceKind)}
          </option>
        ))}
      </select>
      {changed ? (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={fetching}
          onClick={() => {
            if (!fetching) void change({ spaceId, userId: member.user.id, role });
          }}
        >
          {fetching ? 'Saving…' : 'Save'}
          <span className="visually-hidden"> role of {member.user.name}</span>
        </button>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
