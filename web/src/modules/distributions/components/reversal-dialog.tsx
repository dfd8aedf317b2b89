'use client';

import type { CombinedError } from '@urql/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useState } from 'react';
import { useClient, useMutation } from 'urql';
import type { PreviewReversalQuery, PreviewReversalQueryVariables, ReversalKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { Dialog } from '../../ui/components/dialog';
import { PathList } from '../../ui/components/path-list';
import { LoadingLine } from '../../ui/components/status-line';
import { RetractDistributionMutation, UndoDistributionMutation } from '../graphql/distribution.mutations';
import { PreviewReversalQuery as PreviewReversalDocument } from '../graphql/reversal.operations';
import { REVERSAL_COMMON, REVERSALS, type ReversalChoice } from '../reversal-wording';
import { PREVIEW_FIRST_PAGE, usePreviewPages, type PreviewPages } from '../preview-pages';
import { PreviewTargetsTable } from './preview-targets-table';

type ReversalPreview = PreviewReversalQuery['previewReversal'];

interface ReversalDialogProps {
  distributionId: string;
  choice: ReversalChoice | null;
  /** Only these targets; every applied target when absent. */
  workspaceIds?: string[];
  onClose: () => void;
}

const REFUSED = { CONFLICT: 'This push cannot be taken back now.' };

/** The earlier undo or retraction a refusal names, from the error's extensions. */
function earlierReversal(error: CombinedError | null | undefined): string | null {
  const id = error?.graphQLErrors[0]?.extensions?.distributionId;
  return typeof id === 'string' ? id : null;
}

/**
 * Undo or retract, in two steps like a push: the preview says per target
 * what would be taken back and what the recipient changed that stays, then
 * the confirmation starts it.
 */
export function ReversalDialog({ distributionId, choice, workspaceIds, onClose }: ReversalDialogProps) {
  const router = useRouter();
  const client = useClient();
  const [preview, setPreview] = useState<ReversalPreview | null>(null);
  const [previewError, setPreviewError] = useState<CombinedError | null>(null);
  const [undo, runUndo] = useMutation(UndoDistributionMutation);
  const [retract, runRetract] = useMutation(RetractDistributionMutation);
  const wording = REVERSALS[choice ?? 'undo'];
  const scope = JSON.stringify(workspaceIds ?? null);

  // `scope` stands for the workspace ids: a new array with the same ids previews nothing again.
  const previewOf = useEffectEvent((kind: ReversalKind) =>
    client.query(PreviewReversalDocument, { ...reversalOf(kind), ...PREVIEW_FIRST_PAGE }, { requestPolicy: 'network-only' }),
  );
  const reversalOf = (kind: ReversalKind) => ({ id: distributionId, kind, workspaceIds: workspaceIds ?? null });
  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!choice) return;
    let live = true;
    void previewOf(REVERSALS[choice].kind)
      .toPromise()
      .then((result) => {
        if (!live) return;
        if (result.error) setPreviewError(result.error);
        else if (result.data) setPreview(result.data.previewReversal);
      });
    return () => {
      live = false;
    };
  }, [choice, distributionId, scope]);

  const running = choice === 'retract' ? retract : undo;
  async function confirm() {
    if (!choice || !preview || running.fetching) return;
    const variables = { id: distributionId, workspaceIds: workspaceIds ?? null };
    const result = choice === 'undo' ? await runUndo(variables) : await runRetract(variables);
    const next = result.data && ('undoDistribution' in result.data ? result.data.undoDistribution : result.data.retractDistribution);
    if (next) {
      onClose();
      router.push(`/distributions/${next.id}`);
    }
  }

  const refusedBy = earlierReversal(previewError ?? running.error);
  return (
    <Dialog open={choice !== null} title={wording.title} onClose={onClose} wide>
      <div className="dialog__content">
        <p>{wording.explanation}</p>
        <p className="muted">{REVERSAL_COMMON}</p>
        {!preview && !previewError ? <LoadingLine>Working out what would be taken back…</LoadingLine> : null}
        {previewError ? <ErrorNotice error={previewError} wording={REFUSED} /> : null}
        {refusedBy ? (
          <p>
            <Link href={`/distributions/${refusedBy}`}>Open the earlier undo or retraction</Link>
          </p>
        ) : null}
        {preview && choice ? (
          <ReversalPreviewTable
            preview={preview}
            pages={{ query: PreviewReversalDocument, variables: reversalOf(REVERSALS[choice].kind), select: (data) => data.previewReversal.targetList }}
            removedHeading={wording.removedHeading}
          />
        ) : null}
      </div>
      {running.error ? <ErrorNotice error={running.error} wording={REFUSED} /> : null}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        {previewError ? null : (
          <BusyButton
            className="button button--danger"
            busy={running.fetching || !preview || preview.removedTotal === 0}
            busyLabel={running.fetching ? wording.busyLabel : preview ? 'Nothing to take back' : 'Working out the preview…'}
            onClick={() => void confirm()}
          >
            {wording.confirmLabel}
          </BusyButton>
        )}
      </div>
    </Dialog>
  );
}

type ReversalPages = PreviewPages<PreviewReversalQuery, PreviewReversalQueryVariables, ReversalPreview['targetList']>;

/** The totals, and the targets a page at a time from the preview's own operation. */
function ReversalPreviewTable({ preview, pages, removedHeading }: { preview: ReversalPreview; pages: ReversalPages; removedHeading: string }) {
  const targets = usePreviewPages(pages);
  const workspaces = (n: number) => `${n} ${n === 1 ? 'workspace' : 'workspaces'}`;
  return (
    <>
      <p role="status">
        {preview.removedTotal} {preview.removedTotal === 1 ? 'path' : 'paths'} taken back from {workspaces(preview.targetCount)}.{' '}
        {preview.targetsWithKept > 0
          ? `In ${workspaces(preview.targetsWithKept)} the recipient changed something since: those paths stay.`
          : 'No recipient changed anything the push delivered.'}
      </p>
      <PreviewTargetsTable targets={targets} emptyText="No target." columns={['Workspace', removedHeading, 'Kept: changed by the recipient']}>
        {(t) => (
          <>
            <td>{t.workspace.owner?.name ?? t.workspace.name}</td>
            <td>{t.changes ? <PathsCell paths={t.removed} total={t.removedCount} /> : <span className="muted">Nothing (already as before)</span>}</td>
            <td>{t.kept.length ? <PathsCell paths={t.kept} total={t.kept.length} /> : <span className="muted">None</span>}</td>
          </>
        )}
      </PreviewTargetsTable>
    </>
  );
}

function PathsCell({ paths, total }: { paths: readonly string[]; total: number }) {
  if (paths.length <= 2) return <PathList paths={paths} />;
  return (
    <details>
      <summary>
        {total} {total === 1 ? 'path' : 'paths'}
      </summary>
      <PathList paths={paths} />
    </details>
  );
}
