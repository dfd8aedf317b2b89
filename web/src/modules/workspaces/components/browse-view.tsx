'use client';

import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { WorkspaceObjectQuery } from '../graphql/workspace.query';
import { AREAS, type Area } from '../workspace-paths';
import { ApplicationView } from './application-view';
import { EntryList } from './entry-list';
import { FileDetails } from './file-details';
import { TablePreview } from './table-preview';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

const OBJECT_WORDING = { NOT_FOUND: 'Nothing is at this path (any more). It may have been moved or deleted.' };

/** The folder listing, or the view of the object at `path` (table, application, file). */
export function BrowseView({ path }: { path: string }) {
  const { workspace, snapshotId, version } = useWorkspaceView();
  // The root and the three areas are always folders, even when an area is still empty.
  const knownFolder = path === '' || (AREAS as readonly string[]).includes(path);
  const { data, error, fetching, reload } = useSessionQuery({
    query: WorkspaceObjectQuery,
    variables: { id: workspace.id, path, snapshotId },
    pause: knownFolder,
  });
  useRefreshOn(version, () => {
    if (!knownFolder) reload();
  });

  if (knownFolder) return <EntryList path={path} area={(path || null) as Area | null} />;
  const object = data?.workspace?.object;
  if (!object) {
    if (error) return <ErrorNotice error={error} wording={OBJECT_WORDING} onRetry={reload} />;
    return <LoadingLine>{fetching ? 'Loading…' : ''}</LoadingLine>;
  }
  switch (object.kind) {
    case 'DIRECTORY':
      return <EntryList path={path} area={path.split('/')[0] as Area} />;
    case 'TABLE':
      return <TablePreview object={object} />;
    case 'APPLICATION':
      return <ApplicationView object={object} />;
    default:
      return <FileDetails object={object} />;
  }
}
