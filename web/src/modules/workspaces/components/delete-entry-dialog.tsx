'use client';

import { useMutation } from 'urql';
import { staleEditOf } from '../../../core/errors/stale-edit';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DeletePathMutation } from '../graphql/workspace.mutations';
import { entryKindLabel } from '../workspace-labels';
import type { EntryRow } from '../graphql/workspace-entries.query';
import { StaleWorkspaceNotice, useVersionWhenOpened } from './stale-workspace-notice';
import { useWorkspaceView } from './workspace-context';

export function DeleteEntryDialog({ entry, onClose }: { entry: EntryRow | null; onClose: () => void }) {
  const { workspace } = useWorkspaceView();
  const [{ fetching, error }, remove] = useMutation(DeletePathMutation);
  const stale = staleEditOf(error);
  const confirm = async (expectedVersion: number) => {
    if (!entry) return;
    const result = await remove({ workspaceId: workspace.id, path: entry.path, expectedVersion });
    if (result.data) onClose();
  };
  const opened = useVersionWhenOpened(entry, confirm);
  return (
    <ConfirmDialog
      open={entry !== null}
      title={entry ? `Delete ${entry.name}?` : 'Delete?'}
      confirmLabel="Delete"
      busyLabel="Deleting…"
      busy={fetching}
      danger
      error={stale ? null : error}
      onClose={onClose}
      onConfirm={() => void confirm(opened.base)}
    >
      {stale ? <StaleWorkspaceNotice stale={stale} onCancel={onClose} onRetry={opened.retry} retryLabel="Delete anyway" /> : null}
      <p>
        {entry ? `${entryKindLabel(entry.kind)} ` : null}
        <code>{entry?.path}</code>
        {entry?.kind === 'DIRECTORY' ? ' and everything in it' : ''} will be removed from the current state. Snapshots
        and history keep earlier versions.
      </p>
    </ConfirmDialog>
  );
}
