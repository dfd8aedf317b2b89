'use client';

import Link from 'next/link';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { DateTime } from '../../ui/components/date-time';
import { PagedTable } from '../../ui/components/result-view';
import { ACTIONS_COLUMN } from '../../ui/components/table-head';
import { WorkspaceHistoryQuery } from '../graphql/workspace-history.query';
import { OpenVersionButton } from './open-version-button';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

const PAGE_SIZE = 25;

/** The workspace's commits, newest first; an earlier one can be opened (as a snapshot) to restore from. */
export function HistoryList() {
  const { workspace, version, staff } = useWorkspaceView();
  const history = usePagedQuery({
    query: WorkspaceHistoryQuery,
    variables: { id: workspace.id },
    pageSize: PAGE_SIZE,
    select: (data) => data.workspace?.history,
  });
  useRefreshOn(version, history.reload);

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <PagedTable state={history} label="History pages" loadingText="Loading the history…" emptyText={<p>No changes yet.</p>}
        columns={[{ label: 'Version', numeric: true }, 'Change', 'By', 'When', ...(workspace.canWrite ? [ACTIONS_COLUMN] : [])]}
        rowKey={(commit) => commit.id}
      >
        {(commit) => (
          <>
            <td className="numeric">{commit.version}</td>
            <td>
              {commit.message || <span className="muted">No message</span>}
              {commit.distributionId && staff ? (
                <>
                  {' '}
                  <Link href={`/distributions/${commit.distributionId}`} className="muted">
                    (from a distribution)
                  </Link>
                </>
              ) : null}
            </td>
            <td>{commit.author?.name ?? <span className="muted">System</span>}</td>
            <td>
              <DateTime iso={commit.createdAt} />
            </td>
            {workspace.canWrite ? (
              <td className="table__actions">
                {commit.version < version ? <OpenVersionButton commitId={commit.id} version={commit.version} /> : <span className="muted">current</span>}
              </td>
            ) : null}
          </>
        )}
      </PagedTable>
    </section>
  );
}
