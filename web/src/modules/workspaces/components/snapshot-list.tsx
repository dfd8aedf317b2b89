'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import type { WorkspaceSnapshotsQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DateTime } from '../../ui/components/date-time';
import { Pager } from '../../ui/components/pager';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { CreateSnapshotMutation, DeleteSnapshotMutation, RestoreSnapshotMutation } from '../graphql/workspace.mutations';
import { WorkspaceSnapshotsQuery as SnapshotsDocument } from '../graphql/workspace-snapshots.query';
import { browserHref } from '../workspace-paths';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

type SnapshotRow = WorkspaceSnapshotsQuery['workspace']['snapshots']['nodes'][number];

const PAGE_SIZE = 20;

/** Snapshots: take one, browse one, restore the workspace to one (after confirming), delete one. */
export function SnapshotList() {
  const { workspace, version } = useWorkspaceView();
  const paging = useCursorPages(workspace.id);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SnapshotsDocument,
    variables: { id: workspace.id, first: PAGE_SIZE, after: paging.after },
    requestPolicy: 'cache-and-network',
  });
  useRefreshOn(version, () => refetch({ requestPolicy: 'network-only' }));
  const [restoring, setRestoring] = useState<SnapshotRow | null>(null);
  const [deleting, setDeleting] = useState<SnapshotRow | null>(null);
  const [restore, runRestore] = useMutation(RestoreSnapshotMutation);
  const [remove, runRemove] = useMutation(DeleteSnapshotMutation);
  const [done, setDone] = useState('');
  const snapshots = data?.workspace.snapshots;

  return (
    <section aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">Snapshots</h2>
      <p className="hint">A snapshot keeps the workspace as it is now, at no cost in space. Restoring one takes a backup snapshot first.</p>
      {workspace.canWrite ? <CreateSnapshotForm onCreated={(label) => setDone(`Snapshot “${label}” taken.`)} /> : null}
      <p role="status" className="success-text">
        {done}
      </p>
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!snapshots && fetching ? <LoadingLine>Loading snapshots…</LoadingLine> : null}
      {snapshots && snapshots.nodes.length === 0 ? (
        <EmptyState>
          <p>No snapshots yet.</p>
        </EmptyState>
      ) : null}
      {snapshots && snapshots.nodes.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Taken</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {snapshots.nodes.map((snapshot) => (
              <tr key={snapshot.id}>
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
                      <button type="button" className="button button--ghost button--small" onClick={() => setRestoring(snapshot)}>
                        Restore…<span className="visually-hidden"> {snapshot.label}</span>
                      </button>
                      <button type="button" className="button button--ghost button--small text-danger" onClick={() => setDeleting(snapshot)}>
                        Delete…<span className="visually-hidden"> {snapshot.label}</span>
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Snapshot pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={snapshots?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(snapshots?.pageInfo.endCursor)}
      />

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
            refetch({ requestPolicy: 'network-only' });
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
