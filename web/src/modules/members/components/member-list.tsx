'use client';

import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import type { MemberFieldsFragment, Role, SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { BusyButton } from '../../ui/components/busy-button';
import { DateTime } from '../../ui/components/date-time';
import { SelectFilter } from '../../ui/components/filters';
import { PagedTable } from '../../ui/components/result-view';
import { ChangeMemberRoleMutation } from '../graphql/member.mutations';
import { SpaceMembersQuery } from '../graphql/space-members.query';
import { ROLES } from './role-select';

const PAGE_SIZE = 25;

interface MemberListProps {
  spaceId: string;
  spaceKind: SpaceKind;
  admin: boolean;
}

export function MemberList({ spaceId, spaceKind, admin }: MemberListProps) {
  const [role, setRole] = useState<Role | ''>('');
  const members = usePagedQuery({
    query: SpaceMembersQuery,
    variables: { spaceId, role: role || null },
    pageSize: PAGE_SIZE,
    select: (data) => data.space.members,
  });
  const total = members.connection?.totalCount;

  return (
    <section className="section" aria-labelledby="members-heading">
      <h2 id="members-heading">Members {total != null ? <span className="muted">({total})</span> : null}</h2>
      <div className="toolbar">
        <SelectFilter
          label="Show"
          value={role}
          options={[{ value: '', label: 'Everyone' }, ...ROLES.map((r) => ({ value: r, label: `${roleLabel(r, spaceKind)}s` }))]}
          onChange={setRole}
        />
      </div>
      <PagedTable
        state={members}
        label="Member pages"
        loadingText="Loading members…"
        emptyText={<p>{role ? `No ${roleLabel(role, spaceKind).toLowerCase()}s in this space.` : 'Nobody has joined yet.'}</p>}
        columns={['Name', 'E-mail', 'Joined', 'Role']}
        rowKey={(member) => member.user.id}
      >
        {(member) => (
          <>
            <td>{member.user.name}</td>
            <td className="muted">{member.user.email}</td>
            <td>
              <DateTime iso={member.joinedAt} />
            </td>
            <td>
              {admin ? <RoleEditor spaceId={spaceId} spaceKind={spaceKind} member={member} /> : roleLabel(member.role, spaceKind)}
            </td>
          </>
        )}
      </PagedTable>
    </section>
  );
}

function RoleEditor({ spaceId, spaceKind, member }: { spaceId: string; spaceKind: SpaceKind; member: MemberFieldsFragment }) {
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
        <BusyButton
          className="button button--secondary button--small"
          busy={fetching}
          busyLabel="Saving…"
          onClick={() => void change({ spaceId, userId: member.user.id, role })}
        >
          Save<span className="visually-hidden"> role of {member.user.name}</span>
        </BusyButton>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
