'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { GroupFieldsFragment } from '../../../gql/graphql';
import { SpaceMembersQuery } from '../../members/graphql/space-members.query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { browserHref } from '../../workspaces/workspace-paths';
import {
  AssignmentGroupsQuery,
  CreateGroupMutation,
  DeleteGroupMutation,
  GroupsFromRosterMutation,
  RenameGroupMutation,
  SetGroupMemberMutation,
} from '../graphql/groups.operations';

const NO_GROUP = '';

/**
 * The groups of a group assignment. Admins form them from the roster's
 * group column or by hand and move students; staff see who is in which
 * group and open each group's workspace.
 */
export function GroupPanel({ assignmentId, spaceId, admin, onChanged }: { assignmentId: string; spaceId: string; admin: boolean; onChanged: () => void }) {
  const id = useId();
  const { data, error, reload: reloadGroups } = useSessionQuery({ query: AssignmentGroupsQuery, variables: { assignmentId } });
  const reload = () => {
    reloadGroups();
    onChanged();
  };
  const { data: people } = useSessionQuery({ query: SpaceMembersQuery, variables: { spaceId, first: 100, role: 'MEMBER' }, pause: !admin });
  const [fromRoster, runFromRoster] = useMutation(GroupsFromRosterMutation);
  const [create, runCreate] = useMutation(CreateGroupMutation);
  const [rename, runRename] = useMutation(RenameGroupMutation);
  const [remove, runRemove] = useMutation(DeleteGroupMutation);
  const [move, runMove] = useMutation(SetGroupMemberMutation);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<GroupFieldsFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const groups = data?.assignmentGroups ?? [];
  const anyHandedIn = groups.some((g) => g.handedIn);
  const placed = new Set(groups.flatMap((g) => g.members.map((m) => m.id)));
  const unplaced = (people?.space?.members.nodes ?? []).filter((m) => !placed.has(m.user.id));

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    const result = await runCreate({ assignmentId, name: name.trim() });
    if (result.data) {
      setName('');
      reload();
    }
  }

  async function onMove(userId: string, groupId: string) {
    const result = await runMove({ assignmentId, userId, groupId: groupId === NO_GROUP ? null : groupId });
    if (result.data) {
      setNotice(result.data.setGroupMember.notice ?? null);
      reload();
    }
  }

  const moveSelect = (userId: string, who: string, current: string) => (
    <select aria-label={`Group of ${who}`} value={current} disabled={move.fetching} onChange={(e) => void onMove(userId, e.target.value)}>
      <option value={NO_GROUP}>No group</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  );

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Groups</h2>
      <p className="hint">Each group works in one shared workspace that only its members and the course staff can open; any member hands in for the group, and the group gets one grade.</p>
      {anyHandedIn && admin ? (
        <p className="notice notice--warning">
          Some groups have handed in. A student moved now keeps the grade of the group they handed in with; their new group&rsquo;s hand-ins include them only if it hands in again.
        </p>
      ) : null}
      {notice ? (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={reloadGroups} /> : null}
      {[fromRoster.error, create.error, rename.error, move.error].map((e, i) => (e ? <ErrorNotice key={i} error={e} /> : null))}
      {admin ? (
        <div className="toolbar">
          <BusyButton busy={fromRoster.fetching} busyLabel="Making groups…" onClick={() => void runFromRoster({ assignmentId }).then((r) => r.data && reload())}>
            Make groups from the roster&rsquo;s group column
          </BusyButton>
          <form className="form--inline" onSubmit={onCreate} noValidate>
            <label htmlFor={`${id}-name`}>New group</label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
            <button type="submit" className="button button--secondary" disabled={create.fetching || !name.trim()}>
              Create the group
            </button>
          </form>
        </div>
      ) : null}
      {groups.length === 0 ? (
        <p className="empty">No groups yet.{admin ? ' Make them from the roster or one by one; each new group receives the material in its workspace.' : ''}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Members</th>
              <th scope="col">Hand-in</th>
              <th scope="col">Workspace</th>
              {admin ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  {renaming?.id === g.id ? (
                    <form
                      className="form--inline"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void runRename({ groupId: g.id, name: renaming.name.trim() }).then((r) => {
                          if (r.data) {
                            setRenaming(null);
                            onChanged();
                          }
                        });
                      }}
                    >
                      <input aria-label={`New name of ${g.name}`} value={renaming.name} onChange={(e) => setRenaming({ id: g.id, name: e.target.value })} maxLength={200} />
                      <button type="submit" className="button button--secondary" disabled={rename.fetching || !renaming.name.trim()}>
                        Save
                      </button>
                    </form>
                  ) : (
                    g.name
                  )}
                </th>
                <td>
                  {g.members.length === 0 ? (
                    <span className="hint">No members</span>
                  ) : (
                    <ul className="plain-list">
                      {g.members.map((m) => (
                        <li key={m.id}>
                          {m.name} {admin ? moveSelect(m.id, m.name, g.id) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{g.handedIn ? 'Handed in' : 'Not handed in'}</td>
                <td>
                  <Link href={browserHref(g.workspaceId)}>Open the workspace</Link>
                </td>
                {admin ? (
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => setRenaming({ id: g.id, name: g.name })}>
                      Rename
                    </button>{' '}
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={g.handedIn}
                      title={g.handedIn ? 'A group that handed in keeps its hand-ins and grade; move its members instead' : undefined}
                      onClick={() => setDeleting(g)}
                    >
                      Delete
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && unplaced.length > 0 ? (
        <>
          <h3>Students in no group</h3>
          <ul className="plain-list">
            {unplaced.map((m) => (
              <li key={m.user.id}>
                {m.user.name}
                {m.section ? <span className="hint"> (roster group: {m.section})</span> : null} {moveSelect(m.user.id, m.user.name, NO_GROUP)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete group '${deleting.name}'?` : 'Delete the group?'}
        confirmLabel="Delete the group"
        busyLabel="Deleting…"
        busy={remove.fetching}
        danger
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          void runRemove({ groupId: deleting!.id }).then((r) => {
            if (r.data) {
              setDeleting(null);
              reload();
            }
          })
        }
      >
        <p>
          Its {deleting?.members.length ?? 0} members will be in no group. The group&rsquo;s workspace and everything in it stay, but only the course staff can open it
          from then on.
        </p>
      </ConfirmDialog>
    </section>
  );
}
