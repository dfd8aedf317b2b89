'use client';

import { useMutation } from 'urql';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DeletePathMutation } from '../graphql/workspace.mutations';
import { entryKindLabel } from '../workspace-labels';
import type { EntryRow } from './entry-list';
import { useWorkspaceView } from './workspace-context';

export function DeleteEntryDialog({ entry, onClose }: { entry: EntryRow | null; onClose: () => void }) {
  const { workspace } = useWorkspaceView();
  const [{ fetching, error }, remove] = useMutation(DeletePathMutation);
  return (
    <ConfirmDialog
      open={entry !== null}
      title={entry ? `Delete ${entry.name}?` : 'Delete?'}
      confirmLabel="Delete"
      busyLabel="Deleting…"
      busy={fetching}
      danger
      error={error}
      onClose={onClose}
      onConfirm={async () => {
        if (!entry) return;
        const result = await remove({ workspaceId: workspace.id, path: entry.path, expectedVersion: workspace.version });
        if (result.data) onClose();
      }}
    >
      <p>
        {entry ? `${entryKindLabel(entry.kind)} ` : null}
        <code>{entry?.path}</code>
        {entry?.kind === 'DIRECTORY' ? ' and everything in it' : ''} will be removed from the current state. Snapshots
        and history keep earlier versions.
      </p>
    </ConfirmDialog>
  );
}
