'use client';

import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { useSettled } from '../../../core/use-settled';
import { useSelection, type Selection } from '../../../core/use-selection';
import { enumDescriptions } from '../../../gql/enum-descriptions';
import type { MemberFieldsFragment, Role, SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { BusyButton } from '../../ui/components/busy-button';
import { DateTime } from '../../ui/components/date-time';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { SearchFilter, SelectFilter } from '../../ui/components/filters';
import { PageRange } from '../../ui/components/page-range';
import { PagedTable } from '../../ui/components/result-view';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN, selectAllColumn } from '../../ui/components/table-head';
import { MemberDetailsDialog } from './member-details-dialog';
import { ChangeMemberRoleMutation, ChangeMemberRolesMutation, RemoveMembersMutation } from '../graphql/member.mutations';
import { SpaceMembersQuery } from '../graphql/space-members.query';
import { ROLES, RoleSelect } from './role-select';

const PAGE_SIZE = 25;

interface MemberListProps {
  spaceId: string;
  spaceKind: SpaceKind;
  admin: boolean;
}

export function MemberList({ spaceId, spaceKind, admin }: MemberListProps) {
  const [role, setRole] = useState<Role | ''>('');
  const [searchText, setSearchText] = useState('');
  const chosen = useSelection<string>();
  const [editing, setEditing] = useState<MemberFieldsFragment | null>(null);
  const search = useSettled(searchText);
  const members = usePagedQuery({
    query: SpaceMembersQuery,
    variables: { spaceId, role: role || null, search: search || null },
    pageSize: PAGE_SIZE,
    select: (data) => data.space?.members,
  });
  const total = members.connection?.totalCount;
  const rows = members.nodes;
  const columns = ['Name', 'E-mail', 'Student number', 'Section', 'Joined', 'Role'];
  const adminColumns = [...columns, ACTIONS_COLUMN];

  return (
    <section className="section" aria-labelledby="members-heading">
      <h2 id="members-heading">Members {total != null ? <span className="muted">({total})</span> : null}</h2>
      <div className="toolbar">
        <SearchFilter label="Search" value={searchText} onChange={setSearchText} placeholder="Name, e-mail or student number" />
        <SelectFilter
          label="Show"
          value={role}
          options={[{ value: '', label: 'Everyone' }, ...ROLES.map((r) => ({ value: r, label: `${roleLabel(r, spaceKind)}s` }))]}
          onChange={setRole}
        />
        <PageRange page={members.pager.page} pageSize={PAGE_SIZE} shown={rows.length} total={total} />
      </div>
      {admin ? <BulkMemberActions spaceId={spaceId} spaceKind={spaceKind} chosen={chosen} onDone={members.reload} /> : null}
      <PagedTable
        state={members}
        label="Member pages"
        loadingText="Loading members…"
        emptyText={<p>{search ? `Nobody matches “${search}”.` : role ? `No ${roleLabel(role, spaceKind).toLowerCase()}s in this space.` : 'Nobody has joined yet.'}</p>}
        columns={
          admin
            ? [
                selectAllColumn(
                  'Select every member on this page',
                  rows.length > 0 && rows.every((m) => chosen.has(m.user.id)),
                  (all) => chosen.set(all ? [...chosen.selected, ...rows.map((m) => m.user.id)] : []),
                ),
                ...adminColumns,
              ]
            : columns
        }
        rowKey={(member) => member.user.id}
      >
        {(member) => (
          <>
            {admin ? (
              <td className="table__check">
                <input type="checkbox" aria-label={`Select ${member.user.name}`} checked={chosen.has(member.user.id)} onChange={() => chosen.toggle(member.user.id)} />
              </td>
            ) : null}
            <td>
              {member.user.name}
              {member.leftCourseAt ? (
                <>
                  {' '}
                  <span className="badge badge--warn" title="Deactivated by a roster sync; their work is kept">
                    left the course in the LMS
                  </span>
                </>
              ) : null}
            </td>
            <td className="muted">{member.user.email}</td>
            <td>{member.studentNumber ?? <span className="muted">—</span>}</td>
            <td>{member.section ?? <span className="muted">—</span>}</td>
            <td>
              <DateTime iso={member.joinedAt} />
            </td>
            <td>
              {admin ? <RoleEditor key={member.role} spaceId={spaceId} spaceKind={spaceKind} member={member} /> : roleLabel(member.role, spaceKind)}
            </td>
            {admin ? (
              <td className="table__actions">
                <RowAction label="Edit details" subject={`of ${member.user.name}`} onClick={() => setEditing(member)} />
              </td>
            ) : null}
          </>
        )}
      </PagedTable>
      {editing ? <MemberDetailsDialog spaceId={spaceId} member={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}

/** Changing the role of, or removing, every ticked member at once, after a confirmation naming how many and what follows. */
function BulkMemberActions({ spaceId, spaceKind, chosen, onDone }: { spaceId: string; spaceKind: SpaceKind; chosen: Selection<string>; onDone: () => void }) {
  const id = useId();
  const [role, setRole] = useState<Role>('TA');
  const [confirm, setConfirm] = useState<'role' | 'remove' | null>(null);
  const [note, setNote] = useState('');
  const [changing, runChange] = useMutation(ChangeMemberRolesMutation);
  const [removing, runRemove] = useMutation(RemoveMembersMutation);
  const count = chosen.selected.size;
  const people = `${count} ${count === 1 ? 'member' : 'members'}`;
  const roleName = roleLabel(role, spaceKind).toLowerCase();

  async function run() {
    const userIds = [...chosen.selected];
    const answer = confirm === 'role' ? await runChange({ spaceId, userIds, role }) : await runRemove({ spaceId, userIds });
    if (answer.error) return;
    setNote(confirm === 'role' ? `${people} now ${count === 1 ? 'has' : 'have'} the role ${roleName}.` : `${people} removed; their workspaces and hand-ins are kept.`);
    setConfirm(null);
    chosen.clear();
    onDone();
  }

  return (
    <>
      <div className="toolbar bulk-bar" role="group" aria-label="Change the selected members">
        <span>{count ? `${people} selected` : 'Tick members to change several at once'}</span>
        <label htmlFor={`${id}-role`}>New role</label>
        <RoleSelect id={`${id}-role`} value={role} onChange={setRole} spaceKind={spaceKind} />
        <button type="button" className="button button--secondary" disabled={count === 0} onClick={() => setConfirm('role')}>
          Change role{count ? ` (${count})` : ''}
        </button>
        <button type="button" className="button button--danger" disabled={count === 0} onClick={() => setConfirm('remove')}>
          Remove{count ? ` (${count})` : ''}
        </button>
      </div>
      <p role="status" className="success-text">
        {note}
      </p>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'remove' ? `Remove ${people}?` : `Make ${people} ${roleName}?`}
        confirmLabel={confirm === 'remove' ? `Remove ${people}` : `Change ${count === 1 ? 'role' : 'roles'}`}
        busyLabel={confirm === 'remove' ? 'Removing…' : 'Changing…'}
        busy={changing.fetching || removing.fetching}
        danger={confirm === 'remove'}
        error={confirm === 'remove' ? removing.error : changing.error}
        onConfirm={() => void run()}
        onClose={() => setConfirm(null)}
      >
        {confirm === 'remove' ? (
          <p>
            {people} lose access to this space at once. Their personal workspaces and hand-ins are kept (staff can still read them, and they find their work
            again if added back). The space keeps at least one admin.
          </p>
        ) : (
          <p>
            {people} get the role {roleName}: {enumDescriptions.Role[role]} The space keeps at least one admin; if one of them cannot be changed, nobody is.
          </p>
        )}
      </ConfirmDialog>
    </>
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
