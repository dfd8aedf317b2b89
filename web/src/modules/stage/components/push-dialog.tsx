'use client';

import type { CombinedError } from '@urql/core';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import type { PreviewDistributionQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Dialog } from '../../ui/components/dialog';
import { LoadingLine } from '../../ui/components/status-line';
import { PreviewDistributionQuery as PreviewDocument, PushDistributionMutation, PushTargetsQuery } from '../graphql/push.operations';
import { DEFAULT_POLICIES, buildPushInput, pushChoicesProblem, type PushChoices } from '../push-input';
import { PushChoicesForm } from './push-choices-form';
import { PushPreview } from './push-preview';

interface PushDialogProps {
  open: boolean;
  onClose: () => void;
  source: { workspaceId: string; snapshotId: string | null };
  sourceName: string;
  spaceId: string;
  paths: string[];
}

export type Preview = PreviewDistributionQuery['previewDistribution'];

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

/**
 * Push in two steps: choose targets, policies and options, then read the
 * preview (what would change where, and which paths conflict) and confirm.
 * Any change to the choices discards the preview.
 */
export function PushDialog({ open, onClose, source, sourceName, spaceId, paths }: PushDialogProps) {
  const router = useRouter();
  const client = useClient();
  const statusId = useId();
  const [{ data: targetsData, error: targetsError }] = useQuery({
    query: PushTargetsQuery,
    variables: { spaceId },
    pause: !open,
  });
  const [choices, setChoices] = useState<PushChoices>(() => ({
    source,
    paths,
    targetMode: 'students',
    spaceId,
    workspaceIds: [],
    includeFutureMembers: true,
    policies: { ...DEFAULT_POLICIES },
    snapshotFirst: true,
    message: '',
  }));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<CombinedError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One key per dialog opening: a double click or a retry cannot push twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [push, runPush] = useMutation(PushDistributionMutation);

  const pathsKey = paths.join('\n');
  useEffect(() => {
    if (!open) return;
    setChoices((c) => ({ ...c, paths, source }));
    setPreview(null);
    setIdempotencyKey(newKey());
    // Reopening, or a change to the stage, starts again from the choices.
  }, [open, pathsKey]);

  const space = targetsData?.space;
  const admin = space?.myRole === 'ADMIN';
  useEffect(() => {
    if (space && !admin) setChoices((c) => (c.targetMode === 'students' ? { ...c, targetMode: 'workspaces' } : c));
  }, [space, admin]);

  function change(next: PushChoices) {
    setChoices(next);
    setPreview(null);
    setProblem(null);
  }

  async function runPreview() {
    const issue = pushChoicesProblem(choices);
    setProblem(issue);
    if (issue || previewing) return;
    setPreviewing(true);
    setPreviewError(null);
    const result = await client
      .query(PreviewDocument, { input: buildPushInput(choices) }, { requestPolicy: 'network-only' })
      .toPromise();
    setPreviewing(false);
    if (result.error) setPreviewError(result.error);
    else if (result.data) setPreview(result.data.previewDistribution);
  }

  async function confirmPush() {
    if (push.fetching) return;
    const result = await runPush({ input: buildPushInput(choices, idempotencyKey) });
    if (result.data) {
      onClose();
      router.push(`/distributions/${result.data.pushDistribution.id}`);
    }
  }

  return (
    <Dialog open={open} title={preview ? 'Check and push' : `Push from ${sourceName}`} onClose={onClose} wide>
      <div className="dialog__content">
        {targetsError ? <ErrorNotice error={targetsError} /> : null}
        {!space && !targetsError ? <LoadingLine>Loading the space’s workspaces…</LoadingLine> : null}
        {space && !preview ? (
          <>
            <PushChoicesForm space={space} sourceWorkspaceId={source.workspaceId} choices={choices} onChange={change} />
            {problem ? (
              <p className="field__error" role="alert">
                {problem}
              </p>
            ) : null}
            {previewError ? <ErrorNotice error={previewError} /> : null}
            <div className="dialog__actions">
              <button type="button" className="button button--secondary" onClick={onClose}>
                Cancel
              </button>
              <button type="button" className="button button--primary" aria-disabled={previewing} aria-describedby={statusId} onClick={() => void runPreview()}>
                {previewing ? 'Working out what would change…' : 'Preview'}
              </button>
            </div>
            <p id={statusId} className="visually-hidden" role="status">
              {previewing ? 'Preparing the preview.' : ''}
            </p>
          </>
        ) : null}
        {preview ? (
          <>
            <PushPreview preview={preview} />
            {push.error ? <ErrorNotice error={push.error} /> : null}
            <div className="dialog__actions">
              <button type="button" className="button button--secondary" onClick={() => setPreview(null)}>
                Back to the choices
              </button>
              <button type="button" className="button button--primary" aria-disabled={push.fetching || preview.targetCount === 0} onClick={() => void confirmPush()}>
                {push.fetching
                  ? 'Starting the push…'
                  : `Push to ${preview.targetCount} ${preview.targetCount === 1 ? 'workspace' : 'workspaces'}`}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
