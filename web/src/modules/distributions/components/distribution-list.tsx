'use client';

import Link from 'next/link';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { DateTime } from '../../ui/components/date-time';
import { PagedTable } from '../../ui/components/result-view';
import { distributionKindLabel, isActiveStatus, summariseItems } from '../distribution-labels';
import { SpaceDistributionsQuery } from '../graphql/space-distributions.query';
import { DistributionStatusBadge } from './status-badge';
import { LiveDistributionCounts } from './live-distribution-counts';

const PAGE_SIZE = 20;

/** A space's distributions, newest first; running ones update live. */
export function DistributionList({ spaceId }: { spaceId: string }) {
  const list = usePagedQuery({
    query: SpaceDistributionsQuery,
    variables: { spaceId },
    pageSize: PAGE_SIZE,
    select: (data) => data.distributions,
  });

  return (
    <section className="section" aria-labelledby="distributions-heading">
      <div className="section__header">
        <h2 id="distributions-heading">Distributions</h2>
        <Link className="button button--secondary" href="/stage">
          Go to your stage
        </Link>
      </div>
      <PagedTable
        state={list}
        label="Distribution pages"
        loadingText="Loading distributions…"
        emptyText={
          <>
              <p>Nothing has been pushed in this space yet.</p>
              <p>Stage files from the master workspace, then push them to students from your stage.</p>
          </>
        }
        columns={['Started', 'Kind', 'What', 'Status', 'Targets done']}
        rowKey={(d) => d.id}
      >
        {(d) => (
          <>
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
          </>
        )}
      </PagedTable>
    </section>
  );
}
