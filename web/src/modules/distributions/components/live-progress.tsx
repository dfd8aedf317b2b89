'use client';

import { useEffect, useEffectEvent, useState } from 'react';
import { useSubscription } from 'urql';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { useSettled } from '../../../core/use-settled';
import type { TargetProgressFragment, TargetStatus } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { SearchFilter, SelectFilter } from '../../ui/components/filters';
import { ProgressBar } from '../../ui/components/progress-bar';
import { PageRange } from '../../ui/components/page-range';
import { PagedView } from '../../ui/components/result-view';
import { TableHead } from '../../ui/components/table-head';
import { distributionStatusLabel, isActiveStatus, targetStatusLabel } from '../distribution-labels';
import { DistributionProgressSubscription } from '../graphql/distribution-progress.subscription';
import { DistributionTargetsQuery } from '../graphql/distribution.query';
import { mergeProgress, percentDone, type ProgressState } from '../progress-state';
import type { DistributionDetails } from '../graphql/distribution.query';
import { DistributionStatusBadge } from './status-badge';
import { TargetRow } from './target-row';

const PAGE_SIZE = 25;
const FILTERS: TargetStatus[] = ['SUCCEEDED', 'CONFLICT', 'FAILED', 'PENDING', 'RUNNING', 'CANCELLED'];
const FILTER_OPTIONS = [{ value: '' as const, label: 'All targets' }, ...FILTERS.map((s) => ({ value: s, label: targetStatusLabel(s) }))];

interface LiveProgressProps {
  distribution: DistributionDetails;
  onStatus: (status: { status: string; failed: number; succeeded: number }) => void;
  onFinal: () => void;
}

/**
 * Follows `distributionProgress`: the bar and counts, a feed of targets as
 * they finish, and the targets table (a page of the `targets` connection with
 * each row replaced by its latest finished state).
 */
export function LiveProgress({ distribution, onStatus, onFinal }: LiveProgressProps) {
  const [filter, setFilter] = useState<TargetStatus | ''>('');
  const [searchText, setSearchText] = useState('');
  const search = useSettled(searchText);
  const [{ data: progressData, error: progressError }] = useSubscription(
    { query: DistributionProgressSubscription, variables: { id: distribution.id } },
    (previous: ProgressState<TargetProgressFragment> | undefined, event) => mergeProgress(previous, event.distributionProgress),
  );
  const progress = progressData;
  const targets = usePagedQuery({
    query: DistributionTargetsQuery,
    variables: { id: distribution.id, status: filter || null, search: search || null },
    pageSize: PAGE_SIZE,
    select: (data) => data.distribution?.targets,
  });

  // A distribution already over when the page opened has nothing left to follow: its final event must not read the page again.
  const [endedBeforeOpening] = useState(() => !isActiveStatus(distribution.status));
  const counts = progress?.counts ?? distribution.counts;
  const status = progress?.status ?? distribution.status;
  const final = progress?.final ?? false;

  // Both effects are keyed on the values alone: the callbacks are new on every
  // render of the parent, and reporting or refetching again would loop.
  const reportStatus = useEffectEvent(() => onStatus({ status, failed: counts.failed + counts.conflict, succeeded: counts.succeeded }));
  const finished = useEffectEvent(() => {
    targets.reload();
    onFinal();
  });
  const readRowsAgain = useEffectEvent(() => targets.reload());
  useEffect(() => {
    reportStatus();
  }, [status, counts.failed, counts.conflict, counts.succeeded]);
  useEffect(() => {
    if (final && !endedBeforeOpening) finished();
  }, [final, endedBeforeOpening]);
  // Events carry no per-path outcomes; while targets finish, the page of rows
  // is read again at most every two seconds so opened details fill in.
  const events = progress?.events ?? 0;
  useEffect(() => {
    if (final || events <= 1) return;
    const timer = window.setTimeout(readRowsAgain, 2000);
    return () => window.clearTimeout(timer);
  }, [events, final]);

  const rows = targets.nodes.map((row) => {
    const live = progress?.byId.get(row.id);
    return live ? { ...row, ...live } : row;
  });
  const recent = (progress?.recent ?? []).slice(0, 8).map((id) => progress!.byId.get(id)!);
  const percent = percentDone(counts);

  return (
    <>
      <section className="section" aria-labelledby="progress-heading">
        <div className="section__header">
          <h2 id="progress-heading">Progress</h2>
          <DistributionStatusBadge status={status} />
        </div>
        <ProgressBar
          label="Targets finished"
          value={counts.done}
          max={counts.total}
          text={`${counts.done} of ${counts.total} finished (${percent}%)`}
        />
        <p className="visually-hidden" role="status" aria-live="polite">
          {final ? `Distribution ${distributionStatusLabel(status).toLowerCase()}: ${counts.done} of ${counts.total} finished.` : ''}
        </p>
        <ul className="count-list" aria-label="Targets by status">
          {(
            [
              ['succeeded', 'SUCCEEDED'],
              ['conflict', 'CONFLICT'],
              ['failed', 'FAILED'],
              ['running', 'RUNNING'],
              ['pending', 'PENDING'],
              ['cancelled', 'CANCELLED'],
            ] as const
          ).map(([key, status]) => (
            <li key={key} className={`count-list__item count-list__item--${key}`}>
              <span className="count-list__value">{counts[key]}</span> {targetStatusLabel(status).toLowerCase()}
            </li>
          ))}
        </ul>
        {progressError ? <ErrorNotice error={progressError} /> : null}
        {!final && recent.length > 0 ? (
          <div className="live-feed">
            <h3>Just finished</h3>
            <ul>
              {recent.map((target) => (
                <li key={target.id}>
                  <span className={`dot dot--${target.status.toLowerCase()}`} aria-hidden="true" />
                  {target.workspace?.owner?.name ?? target.workspace?.name ?? target.workspaceId}:{' '}
                  {targetStatusLabel(target.status).toLowerCase()}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="targets-heading">
        <div className="section__header">
          <h2 id="targets-heading">
            Targets {targets.connection?.totalCount != null ? <span className="muted">({targets.connection.totalCount})</span> : null}
          </h2>
          <div className="toolbar">
            <SearchFilter label="Find" value={searchText} onChange={setSearchText} placeholder="Name or number" />
            <SelectFilter label="Show" value={filter} options={FILTER_OPTIONS} onChange={setFilter} />
          </div>
        </div>
        <PageRange page={targets.pager.page} pageSize={PAGE_SIZE} shown={targets.nodes.length} total={targets.connection?.totalCount} />
        <PagedView
          state={targets}
          rows={rows}
          label="Target pages"
          loadingText="Loading targets…"
          emptyText={
            <p>{search ? `No target matches “${search}”${filter ? ` among those ${targetStatusLabel(filter).toLowerCase()}` : ''}.` : filter ? `No target is ${targetStatusLabel(filter).toLowerCase()}.` : 'This distribution has no targets.'}</p>
          }
        >
          {(shown) => (
            <table className="table">
              <TableHead columns={['Workspace', 'Status', 'What happened', { label: 'Details', hidden: true }]} />
              {shown.map((target) => (
                <TargetRow key={target.id} target={target} distributionId={distribution.id} reversible={distribution.kind === 'PUSH'} />
              ))}
            </table>
          )}
        </PagedView>
      </section>
    </>
  );
}
