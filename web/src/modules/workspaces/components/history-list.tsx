'use client';

import Link from 'next/link';
import { useQuery } from 'urql';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { Pager } from '../../ui/components/pager';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { WorkspaceHistoryQuery } from '../graphql/workspace-history.query';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

const PAGE_SIZE = 25;

/** The workspace's commits, newest first. */
export function HistoryList() {
  const { workspace, version } = useWorkspaceView();
  const paging = useCursorPages(workspace.id);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: WorkspaceHistoryQuery,
    variables: { id: workspace.id, first: PAGE_SIZE, after: paging.after },
    requestPolicy: 'cache-and-network',
  });
  useRefreshOn(version, () => refetch({ requestPolicy: 'network-only' }));
  const history = data?.workspace.history;

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!history && fetching ? <LoadingLine>Loading the history…</LoadingLine> : null}
      {history && history.nodes.length === 0 ? (
        <EmptyState>
          <p>No changes yet.</p>
        </EmptyState>
      ) : null}
      {history && history.nodes.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Version
              </th>
              <th scope="col">Change</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {history.nodes.map((commit) => (
              <tr key={commit.id}>
                <td className="numeric">{commit.version}</td>
                <td>
                  {commit.message || <span className="muted">No message</span>}
                  {commit.distributionId ? (
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
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="History pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={history?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(history?.pageInfo.endCursor)}
      />
    </section>
  );
}
