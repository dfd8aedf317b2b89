'use client';

import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ResultView } from '../../ui/components/result-view';
import { StagesQuery } from '../graphql/stage.query';
import { SavedBundles } from './saved-bundles';
import { StageSourceCard } from './stage-source-card';

/** Everything the user has staged, one card per source state, and the bundles they saved. */
export function StagePage() {
  const { data, error, fetching, reload } = useSessionQuery({ query: StagesQuery });
  const sources = data?.stages ?? [];

  return (
    <section aria-labelledby="stage-heading">
      <h1 id="stage-heading">Your stage</h1>
      <p className="page-header__lead">
        Collect files, folders, tables and applications from a workspace here, then push them to one workspace, several, or
        every student of a course.
      </p>
      <ResultView
        error={error}
        onRetry={reload}
        loading={!data && !error}
        loadingText="Loading your stage…"
        empty={data !== undefined && sources.length === 0}
        emptyText={
          <>
            <p>Your stage is empty.</p>
            <p>Open a workspace (for a course, its master workspace) and choose “Stage” on the files and folders to hand out.</p>
          </>
        }
      >
        {sources.map((source) => (
          <StageSourceCard
            key={`${source.workspaceId}:${source.snapshotId ?? ''}`}
            workspaceId={source.workspaceId}
            snapshotId={source.snapshotId ?? null}
            onChanged={reload}
          />
        ))}
      </ResultView>
      {fetching && data ? (
        <p className="muted" role="status">
          Refreshing…
        </p>
      ) : null}
      <SavedBundles />
    </section>
  );
}
