'use client';

import Link from 'next/link';
import { useQuery } from 'urql';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { Pager } from '../../ui/components/pager';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { distributionKindLabel, isActiveStatus } from '../distribution-labels';
import { SpaceDistributionsQuery } from '../graphql/space-distributions.query';
import { DistributionStatusBadge } from './status-badge';
import { LiveDistributionCounts } from './live-distribution-counts';

const PAGE_SIZE = 20;

/** A space's distributions, newest first; running ones update live. */
export function DistributionList({ spaceId }: { spaceId: string }) {
  const paging = useCursorPages(spaceId);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SpaceDistributionsQuery,
    variables: { spaceId, first: PAGE_SIZE, after: paging.after },
    requestPolicy: 'cache-and-network',
  });
  const list = data?.distributions;

  return (
    <section className="section" aria-labelledby="distributions-heading">
      <div className="section__header">
        <h2 id="distributions-heading">Distributions</h2>
        <Link className="button button--secondary" href="/stage">
          Go to your stage
        </Link>
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!list && fetching ? <LoadingLine>Loading distributions…</LoadingLine> : null}
      {list && list.nodes.length === 0 ? (
        <EmptyState>
          <p>Nothing has been pushed in this space yet.</p>
          <p>Stage files from the master workspace, then push them to students from your stage.</p>
        </EmptyState>
      ) : null}
      {list && list.nodes.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Kind</th>
              <th scope="col">What</th>
              <th scope="col">Status</th>
              <th scope="col">Targets done</th>
            </tr>
          </thead>
          <tbody>
            {list.nodes.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/distributions/${d.id}`}>
                    <DateTime iso={d.createdAt} />
                  </Link>
                </td>
                <td>{distributionKindLabel(d.kind)}</td>
                <td className="cell-truncate" title={d.items.map((i) => i.path).join('\n')}>
                  {summariseItems(d.items.map((i) => i.path))}
                  {d.includeFutureMembers ? <span className="muted"> · also future members</span> : null}
                </td>
                {isActiveStatus(d.status) ? (
                  <LiveDistributionCounts id={d.id} initialStatus={d.status} initialCounts={d.counts} />
                ) : (
                  <>
                    <td>
                      <DistributionStatusBadge status={d.status} />
                    </td>
                    <td>
                      {d.counts.done} of {d.counts.total}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Distribution pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(list?.pageInfo.endCursor)}
      />
    </section>
  );
}

export function summariseItems(paths: string[]): string {
  if (paths.length === 0) return '—';
  const first = paths[0] === '' ? 'the whole workspace' : paths[0];
  return paths.length === 1 ? first : `${first} and ${paths.length - 1} more`;
}
