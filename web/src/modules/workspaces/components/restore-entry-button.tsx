'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import { DistributionStatusSubscription } from '../../distributions/graphql/distribution-progress.subscription';
import { PushDistributionMutation } from '../../stage/graphql/push.operations';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { RowAction } from '../../ui/components/row-action';
import { browserHref } from '../workspace-paths';
import { useWorkspaceView } from './workspace-context';

/**
 * Puts one file or folder of the browsed snapshot back into the current state
 * of the same workspace. The API does this as a push from the snapshot into
 * the workspace (OVERWRITE, with a snapshot of what it replaces taken first),
 * so the rest of the workspace, and files added to the folder since, stay.
 */
export function RestoreEntryButton({ path, name }: { path: string; name: string }) {
  const { workspace, snapshotId } = useWorkspaceView();
  const [open, setOpen] = useState(false);
  const [pushed, setPushed] = useState<string | null>(null);
  const [{ fetching, error }, push] = useMutation(PushDistributionMutation);
  const [{ data: progress }] = useSubscription({ query: DistributionStatusSubscription, variables: { id: pushed ?? '' }, pause: !pushed });
  if (!snapshotId) return null;

  async function restore() {
    if (fetching || !snapshotId) return;
    const result = await push({
      input: {
        source: { workspaceId: workspace.id, snapshotId },
        paths: [path],
        targets: { workspaceIds: [workspace.id] },
        policies: { default: 'OVERWRITE' },
        snapshotFirst: true,
      },
    });
    if (result.data) {
      setPushed(result.data.createDistribution.distribution.id);
      setOpen(false);
    }
  }

  const head = progress?.distributionProgress;
  const status = head?.final ? head.distribution.status : null;
  return (
    <>
      <RowAction label="Restore" subject={name} onClick={() => setOpen(true)} />
      <span role="status" className="restore-status">
        {pushed && !status ? `Restoring ${name}…` : null}
        {status === 'SUCCEEDED' ? (
          <>
            Restored {name}. <Link href={browserHref(workspace.id, path)}>Open it in the current state</Link>
          </>
        ) : null}
        {status && status !== 'SUCCEEDED' ? <span className="text-danger">{name} could not be restored ({status.toLowerCase()}).</span> : null}
      </span>
      <ConfirmDialog
        open={open}
        title={`Restore ${name}?`}
        confirmLabel="Restore"
        busyLabel="Restoring…"
        busy={fetching}
        error={error}
        onConfirm={() => void restore()}
        onClose={() => setOpen(false)}
      >
        <p>
          <code>{path}</code> in your current work becomes as it is in this snapshot. Everything else stays as it is now, including files
          added to this folder since.
        </p>
        <p>A snapshot of the current state is taken first, so you can go back.</p>
      </ConfirmDialog>
    </>
  );
}
