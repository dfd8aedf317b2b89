'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { useSelection } from '../../../core/use-selection';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DateTime } from '../../ui/components/date-time';
import { Dialog } from '../../ui/components/dialog';
import { FormActions } from '../../ui/components/form-actions';
import { RowAction } from '../../ui/components/row-action';
import { LoadingLine } from '../../ui/components/status-line';
import { browserHref } from '../../workspaces/workspace-paths';
import { ClearStageMutation, RemoveFromStageMutation, SaveBundleMutation } from '../graphql/stage.mutations';
import { StageQuery, StageSnapshotQuery } from '../graphql/stage.query';
import { stageOrigin } from '../push-input';
import { NO_PUSH_TARGET, usePushReach } from '../push-targets';
import { PushDialog } from './push-dialog';

interface StageSourceCardProps {
  workspaceId: string;
  snapshotId: string | null;
  onChanged: () => void;
}

/** The items staged from one source state, with remove, clear, save as bundle and push. */
export function StageSourceCard({ workspaceId, snapshotId, onChanged }: StageSourceCardProps) {
  const headingId = useId();
  const source = { workspaceId, snapshotId };
  const { data, error, fetching, reload } = useSessionQuery({ query: StageQuery, variables: { source, workspaceId } });
  const { data: snapshotData } = useSessionQuery({ query: StageSnapshotQuery, variables: { id: snapshotId ?? '' }, pause: !snapshotId });
  const snapshot = snapshotData?.snapshot;
  const snapshotLabel = snapshotId ? (snapshot ? ` (snapshot “${snapshot.label}”)` : ' (a snapshot)') : '';
  const selection = useSelection<string>();
  const [dialog, setDialog] = useState<'clear' | 'bundle' | 'push' | null>(null);
  const [remove, runRemove] = useMutation(RemoveFromStageMutation);
  const [clear, runClear] = useMutation(ClearStageMutation);
  const [notice, setNotice] = useState('');

  const items = data?.stage ?? [];
  const workspace = data?.workspace;
  // Ticked items are what a push sends; with none ticked, the whole stage of this source.
  const ticked = items.filter((i) => selection.has(i.path));
  const pushed = ticked.length > 0 ? ticked : items;
  const sourceLabel = `${workspace?.name ?? 'a workspace'}${snapshotLabel}`;
  const reaches = usePushReach(workspace?.spaceId);
  const noTarget = !!workspace && !!reaches && !reaches(workspace.id);

  async function removePaths(paths: string[]) {
    const result = await runRemove({ source, paths });
    if (result.data) {
      selection.clear();
      onChanged();
    }
  }

  return (
    <article className="card stage-card" aria-labelledby={headingId}>
      <div className="section__header">
        <h2 id={headingId} className="card__title">
          From {workspace ? <Link href={browserHref(workspace.id, '', snapshotId)}>{workspace.name}</Link> : 'a workspace'}
          {snapshotLabel ? <span className="muted">{snapshotLabel}</span> : null}
        </h2>
        <span className="muted">
          {items.length} {items.length === 1 ? 'item' : 'items'}
        </span>
      </div>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {!data && fetching ? <LoadingLine>Loading staged items…</LoadingLine> : null}
      {items.length > 0 ? (
        <ul className="stage-items">
          {items.map((item) => (
            <li key={item.id}>
              <input
                type="checkbox"
                id={`${headingId}-${item.id}`}
                checked={selection.has(item.path)}
                onChange={() => selection.toggle(item.path)}
              />
              <label htmlFor={`${headingId}-${item.id}`}>
                <code>{item.path || '(the whole workspace)'}</code>
              </label>
              <span className="muted">
                from {sourceLabel}, staged <DateTime iso={item.createdAt} />
              </span>
              <RowAction label="Remove" subject={item.path} onClick={() => void removePaths([item.path])} />
            </li>
          ))}
        </ul>
      ) : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      <p role="status" className="success-text">
        {notice}
      </p>
      {items.length > 1 ? (
        <p className="hint">
          {ticked.length > 0
            ? `Push sends only the ${ticked.length === 1 ? 'ticked item' : `${ticked.length} ticked items`}; the others stay on your stage.`
            : 'Tick items to push only those; with none ticked, Push sends every item listed here.'}
        </p>
      ) : null}
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={items.length === 0 || !workspace || noTarget}
          aria-describedby={noTarget ? `${headingId}-no-target` : undefined}
          onClick={() => setDialog('push')}
        >
          {ticked.length > 0 ? `Push ${ticked.length} selected…` : items.length > 1 ? `Push all ${items.length}…` : 'Push…'}
        </button>
        <button type="button" className="button button--secondary" disabled={items.length === 0} onClick={() => setDialog('bundle')}>
          Save as bundle…
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={selection.selected.size === 0}
          onClick={() => void removePaths([...selection.selected])}
        >
          Remove selected{selection.selected.size ? ` (${selection.selected.size})` : ''}
        </button>
        <button type="button" className="button button--ghost text-danger" disabled={items.length === 0} onClick={() => setDialog('clear')}>
          Clear…
        </button>
      </div>
      {noTarget ? (
        <p className="hint" id={`${headingId}-no-target`}>
          {NO_PUSH_TARGET}
        </p>
      ) : null}

      <ConfirmDialog
        open={dialog === 'clear'}
        title="Clear this stage?"
        confirmLabel="Clear"
        busyLabel="Clearing…"
        busy={clear.fetching}
        danger
        error={clear.error}
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          const result = await runClear({ source });
          if (result.data) {
            setDialog(null);
            onChanged();
          }
        }}
      >
        <p>All {items.length} staged items from this source are removed from your stage. The workspace itself does not change.</p>
      </ConfirmDialog>
      <SaveBundleDialog
        open={dialog === 'bundle'}
        source={source}
        onClose={() => setDialog(null)}
        onSaved={(name) => {
          setDialog(null);
          setNotice(`Saved as the bundle “${name}”; it is listed under Saved bundles.`);
        }}
      />
      {workspace ? (
        <PushDialog
          open={dialog === 'push'}
          onClose={() => setDialog(null)}
          origin={stageOrigin(
            source,
            sourceLabel,
            pushed.map((i) => ({ id: i.id, path: i.path, stagedAt: i.createdAt })),
          )}
          sourceName={workspace.name}
          sourceWorkspaceId={workspace.id}
          spaceId={workspace.spaceId}
        />
      ) : null}
    </article>
  );
}

interface SaveBundleDialogProps {
  open: boolean;
  source: { workspaceId: string; snapshotId: string | null };
  onClose: () => void;
  onSaved: (name: string) => void;
}

function SaveBundleDialog({ open, source, onClose, onSaved }: SaveBundleDialogProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [{ fetching, error }, save] = useMutation(SaveBundleMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching || !name.trim()) return;
    const result = await save({ source, name: name.trim(), description: description.trim() });
    if (result.data) {
      onSaved(result.data.saveBundle.name);
      setName('');
      setDescription('');
    }
  }

  return (
    <Dialog open={open} title="Save the stage as a bundle" onClose={onClose}>
      <form className="dialog__content" onSubmit={onSubmit}>
        <p className="hint">A bundle keeps the staged items frozen as they are now, to push again later.</p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description (optional)</label>
          <textarea id={`${id}-description`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <FormActions dialog onCancel={onClose} submitLabel="Save bundle" busyLabel="Saving…" busy={fetching} />
      </form>
    </Dialog>
  );
}
