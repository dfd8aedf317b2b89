'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { DistributionQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DateTime } from '../../ui/components/date-time';
import { Fact } from '../../ui/components/fact';
import { PageFallback } from '../../ui/components/page-fallback';
import { browserHref } from '../../workspaces/workspace-paths';
import { distributionKindLabel, isActiveStatus, summariseItems } from '../distribution-labels';
import {
  CancelDistributionMutation,
  RetractDistributionMutation,
  RetryDistributionMutation,
  UndoDistributionMutation,
} from '../graphql/distribution.mutations';
import { DistributionQuery as DistributionDocument } from '../graphql/distribution.query';
import { LiveProgress } from './live-progress';

export type DistributionDetails = DistributionQuery['distribution'];

const WORDING = { NOT_FOUND: 'This distribution does not exist, or you cannot see it.' };

const REVERSALS = {
  undo: {
    title: 'Undo this push?',
    confirmLabel: 'Undo the push',
    busyLabel: 'Starting the undo…',
    explanation:
      'Each target goes back to how it was before this push. Changes recipients made since are kept. The undo runs as a new distribution you can follow.',
  },
  retract: {
    title: 'Retract this push?',
    confirmLabel: 'Retract',
    busyLabel: 'Starting the retraction…',
    explanation:
      'What this push delivered is removed from each target, except entries the recipient has changed: those stay. The retraction runs as a new distribution you can follow.',
  },
} as const;

export function DistributionPage({ id }: { id: string }) {
  const router = useRouter();
  // Each retry starts a new run; the live view listens afresh for it.
  const [run, setRun] = useState(0);
  const [confirm, setConfirm] = useState<'undo' | 'retract' | null>(null);
  const { data, error, reload } = useSessionQuery({ query: DistributionDocument, variables: { id } });
  const [cancel, runCancel] = useMutation(CancelDistributionMutation);
  const [retry, runRetry] = useMutation(RetryDistributionMutation);
  const [undo, runUndo] = useMutation(UndoDistributionMutation);
  const [retract, runRetract] = useMutation(RetractDistributionMutation);
  const [liveStatus, setLiveStatus] = useState<{ run: number; status: string; failed: number; succeeded: number } | null>(null);

  const d = data?.distribution;
  if (!d) return <PageFallback title="Distribution" error={error} wording={WORDING} onRetry={reload} loadingText="Loading the distribution…" />;

  const live = liveStatus?.run === run ? liveStatus : null;
  const status = live?.status ?? d.status;
  const active = isActiveStatus(status);
  const failed = live?.failed ?? d.counts.failed + d.counts.conflict;
  const succeeded = live?.succeeded ?? d.counts.succeeded;
  const reversible = d.kind === 'PUSH' && !active && succeeded > 0;

  async function doRetry() {
    const result = await runRetry({ id });
    if (result.data) {
      setRun((n) => n + 1);
      reload();
    }
  }

  async function doReverse(kind: 'undo' | 'retract') {
    const result = kind === 'undo' ? await runUndo({ id }) : await runRetract({ id });
    const next = result.data && ('undoDistribution' in result.data ? result.data.undoDistribution : result.data.retractDistribution);
    if (next) {
      setConfirm(null);
      router.push(`/distributions/${next.id}`);
    }
  }

  const actionError = cancel.error ?? retry.error;

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

      <dl className="facts">
        <Fact term="Source">
          <Link href={browserHref(d.sourceWorkspaceId, '', d.sourceSnapshotId)}>
            {d.sourceSnapshotId ? 'a snapshot of the source workspace' : 'the source workspace'}
          </Link>
        </Fact>
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
          <BusyButton busy={retry.fetching} busyLabel="Queuing…" onClick={() => void doRetry()}>
            Retry {failed} failed or conflicting
          </BusyButton>
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
      {actionError ? <ErrorNotice error={actionError} /> : null}

      <LiveProgress
        key={run}
        distribution={d}
        onStatus={(s) => setLiveStatus({ run, ...s })}
        onFinal={reload}
      />

      <ConfirmDialog
        open={confirm !== null}
        title={REVERSALS[confirm ?? 'undo'].title}
        confirmLabel={REVERSALS[confirm ?? 'undo'].confirmLabel}
        busyLabel={REVERSALS[confirm ?? 'undo'].busyLabel}
        busy={confirm === 'retract' ? retract.fetching : undo.fetching}
        error={confirm === 'retract' ? retract.error : undo.error}
        onConfirm={() => {
          if (confirm) void doReverse(confirm);
        }}
        onClose={() => setConfirm(null)}
      >
        <p>{REVERSALS[confirm ?? 'undo'].explanation}</p>
      </ConfirmDialog>
    </>
  );
}
