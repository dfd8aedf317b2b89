'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { DateTime } from '../../ui/components/date-time';
import { Fact } from '../../ui/components/fact';
import { PageFallback } from '../../ui/components/page-fallback';
import { browserHref } from '../../workspaces/workspace-paths';
import { distributionKindLabel, isActiveStatus, policyLabel, summariseItems } from '../distribution-labels';
import { CancelDistributionMutation } from '../graphql/distribution.mutations';
import { DistributionQuery as DistributionDocument, type DistributionDetails } from '../graphql/distribution.query';
import type { ReversalChoice } from '../reversal-wording';
import { LiveProgress } from './live-progress';
import { RetryDialog } from './retry-dialog';
import { ReversalDialog } from './reversal-dialog';


const WORDING = { NOT_FOUND: 'This distribution does not exist, or you cannot see it.' };

export function DistributionPage({ id }: { id: string }) {
  // Each retry starts a new run; the live view listens afresh for it.
  const [run, setRun] = useState(0);
  const [confirm, setConfirm] = useState<ReversalChoice | null>(null);
  const [retrying, setRetrying] = useState(false);
  const { data, error, reload } = useSessionQuery({ query: DistributionDocument, variables: { id } });
  const [cancel, runCancel] = useMutation(CancelDistributionMutation);
  const [liveStatus, setLiveStatus] = useState<{ run: number; status: string; failed: number; succeeded: number } | null>(null);

  const d = data?.distribution;
  if (!d) return <PageFallback title="Distribution" error={error} answered={data !== undefined} wording={WORDING} onRetry={reload} loadingText="Loading the distribution…" />;

  const live = liveStatus?.run === run ? liveStatus : null;
  const status = live?.status ?? d.status;
  const active = isActiveStatus(status);
  const failed = live?.failed ?? d.counts.failed + d.counts.conflict;
  const succeeded = live?.succeeded ?? d.counts.succeeded;
  const reversible = d.kind === 'PUSH' && !active && succeeded > 0;

  function retried() {
    setRun((n) => n + 1);
    reload();
  }


  return (
    <>
      <header className="page-header">
        <p className="page-header__eyebrow">
          <Link href={`/spaces/${d.spaceId}?tab=distributions`}>All distributions of this space</Link>
        </p>
        <h1>
          {distributionKindLabel(d.kind)} to {d.targetCount} {d.targetCount === 1 ? 'workspace' : 'workspaces'}
        </h1>
        <p className="page-header__lead">
          {summariseItems(d.items.map((i) => i.path))} · created <DateTime iso={d.createdAt} />
          {d.originId ? (
            <>
              {' '}
              · reverses <Link href={`/distributions/${d.originId}`}>an earlier push</Link>
            </>
          ) : null}
        </p>
      </header>

      {d.reversals.length > 0 ? <ReversalsNotice reversals={d.reversals} /> : null}

      <dl className="facts">
        <Fact term="Source">
          <Link href={browserHref(d.sourceWorkspaceId, '', d.sourceSnapshotId)}>
            {d.sourceSnapshotId ? 'a snapshot of the source workspace' : 'the source workspace'}
          </Link>
        </Fact>
        {d.createdBy ? <Fact term="Started by">{d.createdBy.name}</Fact> : null}
        {d.kind === 'PUSH' ? <Fact term="Where a target had something">{policySummary(d.policies)}</Fact> : null}
        <Fact term="Snapshot of each target first">{d.snapshotFirst ? 'Yes' : 'No'}</Fact>
        <Fact term="Future members">{d.includeFutureMembers ? 'Get it when they join' : 'Not included'}</Fact>
        {d.message ? (
          <Fact term="Message to recipients">{d.message}</Fact>
        ) : null}
      </dl>

      <div className="action-bar" role="group" aria-label="Distribution actions">
        {active ? (
          <BusyButton busy={cancel.fetching} busyLabel="Cancelling…" onClick={() => void runCancel({ id })}>
            Cancel waiting targets
          </BusyButton>
        ) : null}
        {!active && failed > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => setRetrying(true)}>
            Retry {failed} failed or conflicting…
          </button>
        ) : null}
        {reversible ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => setConfirm('undo')}>
              Undo…
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirm('retract')}>
              Retract…
            </button>
          </>
        ) : null}
      </div>
      {cancel.error ? <ErrorNotice error={cancel.error} /> : null}

      <LiveProgress
        key={run}
        distribution={d}
        onStatus={(s) => setLiveStatus({ run, ...s })}
        onFinal={reload}
      />

      <ReversalDialog distributionId={id} choice={confirm} onClose={() => setConfirm(null)} />
      <RetryDialog
        open={retrying}
        distributionId={id}
        spaceId={d.spaceId}
        policies={d.policies}
        isPush={d.kind === 'PUSH'}
        failed={failed}
        onClose={() => setRetrying(false)}
        onRetried={retried}
      />
    </>
  );
}

/** "Undone by Ada Instructor on 1 Dec, 05:10 — open the undo", one line per undo or retraction. */
function ReversalsNotice({ reversals }: { reversals: DistributionDetails['reversals'] }) {
  return (
    <div className="notice notice--info" role="note" aria-label="Taken back">
      {reversals.map((r) => (
        <p key={r.id}>
          {r.kind === 'UNDO' ? 'Undone' : 'Retracted'} by {r.createdBy?.name ?? 'someone'} on <DateTime iso={r.createdAt} />
          {isActiveStatus(r.status) ? ' (still running)' : ''} ·{' '}
          <Link href={`/distributions/${r.id}`}>open the {r.kind === 'UNDO' ? 'undo' : 'retraction'}</Link>
        </p>
      ))}
    </div>
  );
}

/** "Preserve their edits", or per area where they differ: "Files: Keep both · Tables: Fail on any difference". */
function policySummary(p: DistributionDetails['policies']): string {
  const areas = [
    ['Files', p.files ?? p.default],
    ['Tables', p.tables ?? p.default],
    ['Applications', p.applications ?? p.default],
  ] as const;
  if (areas.every(([, policy]) => policy === areas[0][1])) return policyLabel(areas[0][1]);
  return areas.map(([area, policy]) => `${area}: ${policyLabel(policy)}`).join(' · ');
}
