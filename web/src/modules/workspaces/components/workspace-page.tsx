'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { useSubscription } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { PageFallback } from '../../ui/components/page-fallback';
import { Tabs, tabPanelProps, useTabParam, type TabItem } from '../../ui/components/tabs';
import { isStaff, stagingOffered } from '../../spaces/staging-offered';
import { SnapshotQuery, WorkspaceQuery, WorkspaceSpaceRoleQuery } from '../graphql/workspace.query';
import { WorkspaceChangedSubscription } from '../graphql/workspace-changed.subscription';
import { workspaceKindLabel } from '../workspace-labels';
import { browserHref, normalisePath } from '../workspace-paths';
import { Breadcrumb } from './breadcrumb';
import { BrowseView } from './browse-view';
import { HistoryList } from './history-list';
import { SnapshotList } from './snapshot-list';
import { WorkspaceStorage } from '../../storage/components/workspace-storage';
import { WorkspaceViewContext, type WorkspaceView } from './workspace-context';

type ViewKey = 'files' | 'history' | 'snapshots';
const VIEWS: readonly TabItem<ViewKey>[] = [
  { key: 'files', label: 'Contents' },
  { key: 'history', label: 'History' },
  { key: 'snapshots', label: 'Snapshots' },
];

const WORDING = { NOT_FOUND: 'This workspace does not exist, or you cannot see it.' };

/**
 * The workspace browser. `?path=` is the folder or object shown, `?snapshot=`
 * a snapshot to browse instead of the current state, `?view=` the tab.
 */
export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const params = useSearchParams();
  const path = normalisePath(params.get('path') ?? '');
  const snapshotId = params.get('snapshot') || null;
  const [view, selectView] = useTabParam('view', VIEWS);

  const { data, error, reload, hydrated } = useSessionQuery({ query: WorkspaceQuery, variables: { id: workspaceId } });
  const { data: snapshotData, error: snapshotError } = useSessionQuery({
    query: SnapshotQuery,
    variables: { id: snapshotId ?? '' },
    pause: !snapshotId,
    requestPolicy: 'cache-first',
  });
  const { data: roleData } = useSessionQuery({
    query: WorkspaceSpaceRoleQuery,
    variables: { id: data?.workspace?.spaceId ?? '' },
    pause: !data?.workspace?.spaceId,
    requestPolicy: 'cache-first',
  });
  const space = roleData?.space;
  const [{ data: changed }] = useSubscription({
    query: WorkspaceChangedSubscription,
    variables: { workspaceId },
    pause: !hydrated,
  });

  const workspace = data?.workspace;
  const changedVersion = changed?.workspaceChanged.version ?? 0;
  useEffect(() => {
    if (workspace && changedVersion > workspace.version) reload();
  }, [changedVersion, workspace, reload]);

  const context = useMemo<WorkspaceView | null>(
    () =>
      workspace
        ? {
            workspace,
            snapshotId,
            editable: workspace.canWrite && !snapshotId,
            version: Math.max(workspace.version, changedVersion),
            staging: stagingOffered(space?.myRole, space?.kind),
            staff: isStaff(space?.myRole),
          }
        : null,
    [workspace, snapshotId, changedVersion, space],
  );

  if (!workspace || !context) {
    return <PageFallback title="Workspace" error={error} answered={data !== undefined} wording={WORDING} onRetry={reload} loadingText="Loading the workspace…" />;
  }

  const snapshot = snapshotData?.snapshot;
  // A student reads the DISTRIBUTED workspace as the course material, in the words of their course page.
  const material = !context.staff && workspace.kind === 'DISTRIBUTED';
  const title = material ? 'Course material' : workspace.name;
  return (
    <WorkspaceViewContext.Provider value={context}>
      <header className="page-header">
        <p className="page-header__eyebrow">
          <Link href={`/spaces/${workspace.spaceId}`}>Back to the space</Link>
        </p>
        <h1>{title}</h1>
        <p className="page-header__meta">
          <span className="badge badge--neutral">{material ? 'Handed out to the class' : workspaceKindLabel(workspace.kind)}</span>
          {workspace.owner && workspace.kind === 'PERSONAL' ? <span>of {workspace.owner.name}</span> : null}
          {workspace.canWrite ? null : <span className="muted">Read-only for you</span>}
          <span className="muted">Version {context.version}</span>
          <WorkspaceStorage workspaceId={workspace.id} version={context.version} />
        </p>
      </header>

      {snapshotId ? (
        <div className="notice notice--info snapshot-banner">
          {snapshot ? (
            <p>
              You are browsing the snapshot <strong>{snapshot.label}</strong> taken <DateTime iso={snapshot.createdAt} />.
              It cannot be changed.
            </p>
          ) : snapshotError ? (
            <ErrorNotice error={snapshotError} wording={{ NOT_FOUND: 'This snapshot does not exist any more.' }} />
          ) : (
            <p>You are browsing a snapshot.</p>
          )}
          <p>
            <Link href={browserHref(workspace.id, path)}>Back to the current state</Link>
          </p>
        </div>
      ) : null}

      <Tabs label="Workspace sections" tabs={VIEWS} selected={view} onSelect={selectView} idPrefix="workspace" />
      <div {...tabPanelProps('workspace', view)}>
        {view === 'files' ? (
          <>
            <Breadcrumb workspaceId={workspace.id} workspaceName={title} path={path} snapshotId={snapshotId} />
            <BrowseView path={path} />
          </>
        ) : null}
        {view === 'history' ? <HistoryList /> : null}
        {view === 'snapshots' ? <SnapshotList /> : null}
      </div>
    </WorkspaceViewContext.Provider>
  );
}
