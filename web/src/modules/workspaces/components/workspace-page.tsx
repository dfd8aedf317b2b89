'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useHydrated } from '../../../core/use-hydrated';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { LoadingLine } from '../../ui/components/status-line';
import { Tabs, tabPanelProps, type TabItem } from '../../ui/components/tabs';
import { SnapshotQuery, WorkspaceQuery } from '../graphql/workspace.query';
import { WorkspaceChangedSubscription } from '../graphql/workspace-changed.subscription';
import { workspaceKindLabel } from '../workspace-labels';
import { browserHref, normalisePath } from '../workspace-paths';
import { Breadcrumb } from './breadcrumb';
import { BrowseView } from './browse-view';
import { HistoryList } from './history-list';
import { SnapshotList } from './snapshot-list';
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
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const hydrated = useHydrated();
  const path = normalisePath(params.get('path') ?? '');
  const snapshotId = params.get('snapshot') || null;
  const requestedView = params.get('view');
  const view: ViewKey = VIEWS.some((v) => v.key === requestedView) ? (requestedView as ViewKey) : 'files';

  const [{ data, error, fetching }, refetch] = useQuery({
    query: WorkspaceQuery,
    variables: { id: workspaceId },
    pause: !hydrated,
    requestPolicy: 'cache-and-network',
  });
  const [{ data: snapshotData, error: snapshotError }] = useQuery({
    query: SnapshotQuery,
    variables: { id: snapshotId ?? '' },
    pause: !hydrated || !snapshotId,
  });
  const [{ data: changed }] = useSubscription({
    query: WorkspaceChangedSubscription,
    variables: { workspaceId },
    pause: !hydrated,
  });

  const workspace = data?.workspace;
  const changedVersion = changed?.workspaceChanged.version ?? 0;
  useEffect(() => {
    if (workspace && changedVersion > workspace.version) refetch({ requestPolicy: 'network-only' });
  }, [changedVersion, workspace, refetch]);

  const context = useMemo<WorkspaceView | null>(
    () =>
      workspace
        ? {
            workspace,
            snapshotId,
            editable: workspace.canWrite && !snapshotId,
            version: Math.max(workspace.version, changedVersion),
          }
        : null,
    [workspace, snapshotId, changedVersion],
  );

  function selectView(key: ViewKey) {
    const next = new URLSearchParams(params.toString());
    if (key === 'files') next.delete('view');
    else next.set('view', key);
    const query = next.toString();
    router.replace(`${pathname}${query ? `?${query}` : ''}`, { scroll: false });
  }

  if (!workspace || !context) {
    if (error) {
      return (
        <>
          <h1>Workspace</h1>
          <ErrorNotice error={error} wording={WORDING} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      );
    }
    return <LoadingLine>{fetching || !hydrated ? 'Loading the workspace…' : 'Loading…'}</LoadingLine>;
  }

  const snapshot = snapshotData?.snapshot;
  return (
    <WorkspaceViewContext.Provider value={context}>
      <header className="page-header">
        <p className="page-header__eyebrow">
          <Link href={`/spaces/${workspace.spaceId}`}>Back to the space</Link>
        </p>
        <h1>{workspace.name}</h1>
        <p className="page-header__meta">
          <span className="badge badge--neutral">{workspaceKindLabel(workspace.kind)}</span>
          {workspace.owner && workspace.kind === 'PERSONAL' ? <span>of {workspace.owner.name}</span> : null}
          {workspace.canWrite ? null : <span className="muted">Read-only for you</span>}
          <span className="muted">Version {context.version}</span>
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
            <Breadcrumb workspaceId={workspace.id} workspaceName={workspace.name} path={path} snapshotId={snapshotId} />
            <BrowseView path={path} />
          </>
        ) : null}
        {view === 'history' ? <HistoryList /> : null}
        {view === 'snapshots' ? <SnapshotList /> : null}
      </div>
    </WorkspaceViewContext.Provider>
  );
}
