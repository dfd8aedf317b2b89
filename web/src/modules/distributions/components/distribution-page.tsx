'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useHydrated } from '../../../core/use-hydrated';
import type { DistributionQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DateTime } from '../../ui/components/date-time';
import { LoadingLine } from '../../ui/components/status-line';
import { browserHref } from '../../workspaces/workspace-paths';
import { distributionKindLabel, isActiveStatus } from '../distribution-labels';
import {
  CancelDistributionMutation,
  RetractDistributionMutation,
  RetryDistributionMutation,
  UndoDistributionMutation,
} from '../graphql/distribution.mutations';
import { DistributionQuery as DistributionDocument } from '../graphql/distribution.query';
import { LiveProgress } from './live-progress';
import { summariseItems } from './distribution-list';

export type DistributionDetails = DistributionQuery['distribution'];

const WORDING = { NOT_FOUND: 'This distribution does not exist, or you cannot see it.' };

export function DistributionPage({ id }: { id: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  // Each retry starts a new run; the live view listens afresh for it.
  const [run, setRun] = useState(0);
  const [confirm, setConfirm] = useState<'undo' | 'retract' | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: DistributionDocument,
    variables: { id },
    pause: !hydrated,
    requestPolicy: 'cache-and-network',
  });
  const [cancel, runCancel] = useMutation(CancelDistributionMutation);
  const [retry, runRetry] = useMutation(RetryDistributionMutation);
  const [undo, runUndo] = useMutation(UndoDistributionMutation);
  const [retract, runRetract] = useMutation(RetractDistributionMutation);
  const [liveStatus, setLiveStatus] = useState<{ run: number; status: string; failed: number; succeeded: number } | null>(null);

  const d = data?.distribution;
  if (!d) {
    if (error) {
      return (
        <>
          <h1>Distribution</h1>
          <ErrorNotice error={error} wording={WORDING} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      );
    }
    return <LoadingLine>{fetching || !hydrated ? 'Loading the distribution…' : 'Loading…'}</LoadingLine>;
  }

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
      refetch({ requestPolicy: 'network-only' });
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
        <div>
          <dt>Source</dt>
          <dd>
            <Link href={browserHref(d.sourceWorkspaceId, '', d.sourceSnapshotId)}>
              {d.sourceSnapshotId ? 'a snapshot of the source workspace' : 'the source workspace'}
            </Link>
          </dd>
        </div>
        <div>
          <dt>Snapshot of each target first</dt>
          <dd>{d.snapshotFirst ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Future members</dt>
          <dd>{d.includeFutureMembers ? 'Get it when they join' : 'Not included'}</dd>
        </div>
        {d.message ? (
          <div>
            <dt>Message to recipients</dt>
            <dd>{d.message}</dd>
          </div>
        ) : null}
      </dl>

      <div className="action-bar" role="group" aria-label="Distribution actions">
        {active ? (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={cancel.fetching}
            onClick={() => {
              if (!cancel.fetching) void runCancel({ id });
            }}
          >
            {cancel.fetching ? 'Cancelling…' : 'Cancel waiting targets'}
          </button>
        ) : null}
        {!active && failed > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={retry.fetching}
            onClick={() => {
              if (!retry.fetching) void doRetry();
            }}
          >
            {retry.fetching ? 'Queuing…' : `Retry ${failed} failed or conflicting`}
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
      {actionError ? <ErrorNotice error={actionError} /> : null}

      <LiveProgress
        key={run}
        distribution={d}
        onStatus={(s) => setLiveStatus({ run, ...s })}
        onFinal={() => refetch({ requestPolicy: 'network-only' })}
      />

      <ConfirmDialog
        open={confirm === 'undo'}
        title="Undo this push?"
        confirmLabel="Undo the push"
        busyLabel="Starting the undo…"
        busy={undo.fetching}
        error={undo.error}
        onConfirm={() => void doReverse('undo')}
        onClose={() => setConfirm(null)}
      >
        <p>
          Each target goes back to how it was before this push. Changes recipients made since are kept. The undo runs as a
          new distribution you can follow.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'retract'}
        title="Retract this push?"
        confirmLabel="Retract"
        busyLabel="Starting the retraction…"
        busy={retract.fetching}
        error={retract.error}
        onConfirm={() => void doReverse('retract')}
        onClose={() => setConfirm(null)}
      >
        <p>
          What this push delivered is removed from each target, except entries the recipient has changed: those stay. The
          retraction runs as a new distribution you can follow.
        </p>
      </ConfirmDialog>
    </>
  );
}
