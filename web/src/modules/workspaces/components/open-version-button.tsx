'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { RowAction } from '../../ui/components/row-action';
import { SnapshotFromVersionMutation } from '../graphql/snapshot-from-version.mutation';
import { browserHref } from '../workspace-paths';
import { useWorkspaceView } from './workspace-context';

/**
 * Opens an earlier version of the workspace: names it as a snapshot ("version
 * 12") and browses it, where each file or folder can be restored.
 */
export function OpenVersionButton({ commitId, version }: { commitId: string; version: number }) {
  const { workspace } = useWorkspaceView();
  const router = useRouter();
  const [{ fetching, error }, create] = useMutation(SnapshotFromVersionMutation);
  return (
    <>
      <RowAction
        label="Open"
        subject={`version ${version}`}
        onClick={async () => {
          if (fetching) return;
          const result = await create({ workspaceId: workspace.id, commitId, label: `version ${version}` });
          if (result.data) router.push(browserHref(workspace.id, '', result.data.createSnapshot.id));
        }}
      />
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}
