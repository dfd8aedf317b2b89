'use client';

import Link from 'next/link';
import { useEffect, useEffectEvent, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { isActiveStatus, outcomeSummary, policyLabel } from '../../distributions/distribution-labels';
import { DistributionStatusBadge, TargetStatusBadge } from '../../distributions/components/status-badge';
import { DistributionStatusSubscription } from '../../distributions/graphql/distribution-progress.subscription';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { PagedTable } from '../../ui/components/result-view';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { DistributionTargetsQuery } from '../../distributions/graphql/distribution.query';
import { PushPreview } from '../../stage/components/push-preview';
import { PREVIEW_FIRST_PAGE } from '../../distributions/preview-pages';
import { Dialog } from '../../ui/components/dialog';
import { LoadingLine } from '../../ui/components/status-line';
import { AssignmentReleaseQuery, PreviewScheduledReleaseQuery } from '../graphql/release.operations';

interface ReleaseOutcomeProps {
  assignmentId: string;
  /** Admins may preview a scheduled release again before it runs. */
  admin: boolean;
  /** Status events of the assignment so far: the release sends one, so a scheduled release shows up without a reload. */
  liveEvents: number;
  /** Group work: the material goes to each group's shared workspace as the group is made. */
  groupWork: boolean;
}

/**
 * Staff: what the release did to each student's workspace. Where a student's
 * own edit was kept beside the new version, both names are given.
 */
export function ReleaseOutcome({ assignmentId, admin, liveEvents, groupWork }: ReleaseOutcomeProps) {
  const { data, error, reload } = useSessionQuery({ query: AssignmentReleaseQuery, variables: { id: assignmentId } });
  const assignment = data?.assignment;
  const release = assignment?.release;
  const [{ data: progress }] = useSubscription({
    query: DistributionStatusSubscription,
    variables: { id: release?.id ?? '' },
    pause: !release || !isActiveStatus(release.status),
  });
  const final = progress?.distributionProgress.final ?? false;
  const readAgain = useEffectEvent(() => reload());
  const readAgainIfUnreleased = useEffectEvent(() => {
    if (!release) reload();
  });
  useEffect(() => {
    if (final) readAgain();
  }, [final]);
  useEffect(() => {
    if (liveEvents > 0) readAgainIfUnreleased();
  }, [liveEvents]);

  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (!assignment) return null;
  if (!release) {
    return (
      <section aria-labelledby="release-heading" className="section">
        <h2 id="release-heading">Release</h2>
        <p>
          {assignment.releasedAt ? 'Released' : 'Scheduled for'} <DateTime iso={assignment.releasedAt ?? assignment.releaseAt} />.{' '}
          {groupWork
            ? 'The material goes to each group’s shared workspace: to the groups that exist when the release runs, and to each group made after it as the group is made.'
            : 'What the release does to each student’s workspace appears here once it has run.'}
        </p>
        {admin && !assignment.releasedAt ? <ScheduledReleasePreview assignmentId={assignmentId} /> : null}
      </section>
    );
  }
  const status = progress?.distributionProgress.distribution.status ?? release.status;
  return (
    <section aria-labelledby="release-heading" className="section">
      <h2 id="release-heading">Release</h2>
      <p>
        <DistributionStatusBadge status={status} /> Pushed <DateTime iso={release.createdAt} /> under “{policyLabel(release.policies.files ?? release.policies.default)}” to{' '}
        {release.counts.total} {release.counts.total === 1 ? 'workspace' : 'workspaces'} ·{' '}
        <Link href={`/distributions/${release.id}`}>open the distribution</Link>
      </p>
      {release.undoneAt ? (
        <p className="notice notice--info">
          This release was taken back on <DateTime iso={release.undoneAt} />; the distribution says by whom.
        </p>
      ) : null}
      <ReleaseTargets distributionId={release.id} final={final} />
    </section>
  );
}

const PAGE_SIZE = 25;

/** Each workspace the release reached, a page at a time, read again when the release finishes. */
function ReleaseTargets({ distributionId, final }: { distributionId: string; final: boolean }) {
  const targets = usePagedQuery({
    query: DistributionTargetsQuery,
    variables: { id: distributionId, status: null },
    pageSize: PAGE_SIZE,
    select: (data) => data.distribution?.targets,
  });
  const readTargetsAgain = useEffectEvent(() => targets.reload());
  useEffect(() => {
    if (final) readTargetsAgain();
  }, [final]);
  const keptBoth = targets.nodes.filter((t) => t.outcomes.some((o) => o.outcome === 'COPIED')).length;
  const attention = keptBoth + targets.nodes.filter((t) => t.status === 'FAILED' || t.status === 'CONFLICT').length;
  return (
    <>
      {keptBoth > 0 ? (
        <p className="notice notice--warn" role="note">
          {keptBoth} {keptBoth === 1 ? 'student had' : 'students had'} edited a file the release brings: their version was kept and the new one put beside it,
          as listed below. They were told in their notification.
        </p>
      ) : null}
      {/* Open when a student's edit was kept or a workspace was not reached; otherwise the tracker below stays near the top. */}
      <details className="release-details" open={attention > 0}>
        <summary>What the release did in each workspace</summary>
        <PagedTable state={targets} label="Release pages" loadingText="Loading what the release did…" emptyText={<p>The release reached no workspace.</p>} columns={['Student', 'Status', 'What happened', 'Kept both']} rowKey={(t) => t.id}>
          {(t) => {
            const copies = t.outcomes.filter((o) => o.outcome === 'COPIED');
            return (
              <>
                <td>{t.workspace?.owner?.name ?? `${t.workspace?.name ?? t.workspaceId} (for students who join later)`}</td>
                <td>
                  <TargetStatusBadge status={t.status} />
                </td>
                <td>{t.error ? <span className="text-danger">{t.error}</span> : outcomeSummary(t.counts)}</td>
                <td>
                  {copies.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="path-list">
                      {copies.map((o) => (
                        <li key={o.path}>
                          <code>{o.path}</code> kept; new version at <code>{o.copiedTo}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </>
            );
          }}
        </PagedTable>
      </details>
    </>
  );
}

/** The scheduled release previewed against the students' workspaces as they are now. */
function ScheduledReleasePreview({ assignmentId }: { assignmentId: string }) {
  const [open, setOpen] = useState(false);
  const [{ data, error, fetching }] = useQuery({
    query: PreviewScheduledReleaseQuery,
    variables: { assignmentId, ...PREVIEW_FIRST_PAGE },
    pause: !open,
    requestPolicy: 'network-only',
  });
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Preview the release as of now
      </button>
      <Dialog open={open} title="The scheduled release, as of now" onClose={() => setOpen(false)} wide>
        <div className="dialog__content">
          <p className="muted">What the release would do to each workspace if it ran now; it meets them as they are when it runs.</p>
          {error ? <ErrorNotice error={error} /> : null}
          {fetching || (!data && !error) ? <LoadingLine>Working out what the release would do…</LoadingLine> : null}
          {data && !fetching ? (
            <PushPreview
              preview={data.previewScheduledRelease}
              pages={{ query: PreviewScheduledReleaseQuery, variables: { assignmentId }, select: (answer) => answer.previewScheduledRelease.targetList }}
            />
          ) : null}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </Dialog>
    </>
  );
}
