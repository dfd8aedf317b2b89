'use client';

import { useQuery } from 'urql';
import { useHydrated } from '../../../core/use-hydrated';
import { ErrorNotice } from '../../shell/components/error-notice';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { StagesQuery } from '../graphql/stage.query';
import { StageSourceCard } from './stage-source-card';

/** Everything the user has staged, one card per source state. */
export function StagePage() {
  const hydrated = useHydrated();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: StagesQuery,
    pause: !hydrated,
    requestPolicy: 'cache-and-network',
  });
  const sources = data?.stages ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <section aria-labelledby="stage-heading">
      <h1 id="stage-heading">Your stage</h1>
      <p className="page-header__lead">
        Collect files, folders, tables and applications from a workspace here, then push them to one workspace, several, or
        every student of a course.
      </p>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {!data && !error ? <LoadingLine>Loading your stage…</LoadingLine> : null}
      {data && sources.length === 0 ? (
        <EmptyState>
          <p>Your stage is empty.</p>
          <p>Open a workspace (for a course, its master workspace) and choose “Stage” on the files and folders to hand out.</p>
        </EmptyState>
      ) : null}
      {sources.map((source) => (
        <StageSourceCard
          key={`${source.workspaceId}:${source.snapshotId ?? ''}`}
          workspaceId={source.workspaceId}
          snapshotId={source.snapshotId ?? null}
          onChanged={reload}
        />
      ))}
      {fetching && data ? <p className="muted" role="status">Refreshing…</p> : null}
    </section>
  );
}
