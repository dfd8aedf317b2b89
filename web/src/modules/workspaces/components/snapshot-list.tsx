'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import type { SnapshotFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DateTime } from '../../ui/components/date-time';
import { PagedTable } from '../../ui/components/result-view';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN } from '../../ui/components/table-head';
import { CreateSnapshotMutation, DeleteSnapshotMutation, RestoreSnapshotMutation } from '../graphql/workspace.mutations';
import { WorkspaceSnapshotsQuery as SnapshotsDocument } from '../graphql/workspace-snapshots.query';
import { browserHref } from '../workspace-paths';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

const PAGE_SIZE = 20;

/** Snapshots: take one, browse one, restore the workspace to one (after confirming), delete one. */
export function SnapshotList() {
  const { workspace, version } = useWorkspaceView();
  const snapshots = usePagedQuery({
    query: SnapshotsDocument,
    variables: { id: workspace.id },
    pageSize: PAGE_SIZE,
    select: (data) => data.workspace?.snapshots,
  });
  useRefreshOn(version, snapshots.reload);
  const [restoring, setRestoring] = useState<SnapshotFieldsFragment | null>(null);
  const [deleting, setDeleting] = useState<SnapshotFieldsFragment | null>(null);
  const [restore, runRestore] = useMutation(RestoreSnapshotMutation);
  const [remove, runRemove] = useMutation(DeleteSnapshotMutation);
  const [done, setDone] = useState('');

  return (
    <section aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">Snapshots</h2>
      <p className="hint">A snapshot keeps the workspace as it is now, at no cost in space. Restoring one takes a backup snapshot first.</p>
      {workspace.canWrite ? <CreateSnapshotForm onCreated={(label) => setDone(`Snapshot “${label}” taken.`)} /> : null}
      <p role="status" className="success-text">
        {done}
      </p>
      <PagedTable state={snapshots} label="Snapshot pages" loadingText="Loading snapshots…" emptyText={<p>No snapshots yet.</p>}
        columns={['Label', 'Taken', ACTIONS_COLUMN]}
        rowKey={(snapshot) => snapshot.id}
      >
        {(snapshot) => (
          <>
            <td>
              <Link href={browserHref(workspace.id, '', snapshot.id)}>{snapshot.label}</Link>
              {snapshot.automatic ? <span className="badge badge--neutral">automatic</span> : null}
              {snapshot.description ? <div className="muted">{snapshot.description}</div> : null}
            </td>
            <td>
              <DateTime iso={snapshot.createdAt} />
            </td>
            <td className="table__actions">
              <Link className="button button--ghost button--small" href={browserHref(workspace.id, '', snapshot.id)}>
                Browse<span className="visually-hidden"> {snapshot.label}</span>
              </Link>
              {workspace.canWrite ? (
                <>
                  <RowAction label="Restore…" subject={snapshot.label} onClick={() => setRestoring(snapshot)} />
                  <RowAction label="Delete…" subject={snapshot.label} onClick={() => setDeleting(snapshot)} danger />
                </>
              ) : null}
            </td>
          </>
        )}
      </PagedTable>

      <ConfirmDialog
        open={restoring !== null}
        title={`Restore “${restoring?.label ?? ''}”?`}
        confirmLabel="Restore the workspace"
        busyLabel="Restoring…"
        busy={restore.fetching}
        error={restore.error}
        onClose={() => setRestoring(null)}
        onConfirm={async () => {
          if (!restoring) return;
          const result = await runRestore({ id: restoring.id });
          if (result.data) {
            const backup = result.data.restoreSnapshot.backup;
            setDone(
              `Restored to “${restoring.label}”.${backup ? ` The state before was kept as the snapshot “${backup.label}”.` : ''}`,
            );
            setRestoring(null);
          }
        }}
      >
        <p>
          The whole current state of <strong>{workspace.name}</strong> becomes what it was in this snapshot. A backup snapshot
          of the current state is taken first, so this can be undone by restoring that.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the snapshot “${deleting?.label ?? ''}”?`}
        confirmLabel="Delete snapshot"
        busyLabel="Deleting…"
        busy={remove.fetching}
        danger
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          const result = await runRemove({ id: deleting.id });
          if (result.data) {
            setDone(`Snapshot “${deleting.label}” deleted.`);
            setDeleting(null);
            snapshots.reload();
          }
        }}
      >
        <p>The workspace itself does not change.</p>
      </ConfirmDialog>
    </section>
  );
}

function CreateSnapshotForm({ onCreated }: { onCreated: (label: string) => void }) {
  const id = useId();
  const { workspace } = useWorkspaceView();
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [{ fetching, error }, create] = useMutation(CreateSnapshotMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching || !label.trim()) return;
    const result = await create({ workspaceId: workspace.id, label: label.trim(), description: description.trim() });
    if (result.data) {
      onCreated(result.data.createSnapshot.label);
      setLabel('');
      setDescription('');
    }
  }

  return (
    <form className="inline-form inline-form--wrap" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input id={`${id}-label`} required value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Week 2 ready" />
      </div>
      <div className="field field--grow">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <button type="submit" className="button button--primary" aria-disabled={fetching}>
        {fetching ? 'Taking…' : 'Take a snapshot'}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
