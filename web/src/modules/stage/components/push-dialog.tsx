'use client';

import type { CombinedError } from '@urql/core';
import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { SpaceQuery } from '../../spaces/graphql/space.query';
import { Dialog } from '../../ui/components/dialog';
import { LoadingLine } from '../../ui/components/status-line';
import { PreviewDistributionQuery as PreviewDocument, PushDistributionMutation } from '../graphql/push.operations';
import { DEFAULT_POLICIES, buildPushInput, pushChoicesProblem, type PushChoices, type PushOrigin, recipientsIn } from '../push-input';
import { PushChoicesForm } from './push-choices-form';
import { PushConfirm } from './push-confirm';
import { PushPreview, type Preview } from './push-preview';
import { PREVIEW_FIRST_PAGE } from '../../distributions/preview-pages';
import type { PushInput } from '../../../gql/graphql';

interface PushDialogProps {
  open: boolean;
  onClose: () => void;
  origin: PushOrigin;
  /** Where the items come from, for the title. */
  sourceName: string;
  /** Never offered as a target: a push does not go back to where it came from. */
  sourceWorkspaceId: string;
  spaceId: string;
}

export type { Preview };

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

const initialChoices = (origin: PushOrigin, spaceId: string): PushChoices => ({
  origin,
  targetMode: 'students',
  spaceId,
  workspaceIds: [],
  includeFutureMembers: true,
  policies: { ...DEFAULT_POLICIES },
  snapshotFirst: true,
  message: '',
  clearStage: true,
});

/**
 * Push in two steps: choose targets, policies and options, then read the
 * preview (what would change where, and which paths conflict) and confirm.
 * Any change to the choices discards the preview. The same dialog pushes
 * staged items and saved bundles.
 */
export function PushDialog({ open, onClose, origin, sourceName, sourceWorkspaceId, spaceId }: PushDialogProps) {
  const router = useRouter();
  const client = useClient();
  const statusId = useId();
  const { data: spaceData, error: spaceError } = useSessionQuery({
    query: SpaceQuery,
    variables: { id: spaceId },
    pause: !open,
    requestPolicy: 'cache-first',
  });
  const [choices, setChoices] = useState<PushChoices>(() => initialChoices(origin, spaceId));
  const [preview, setPreview] = useState<{ input: PushInput; result: Preview } | null>(null);
  const [previewKey, setPreviewKey] = useState(0);
  const [previewError, setPreviewError] = useState<CombinedError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One key per dialog opening: a double click or a retry cannot push twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [push, runPush] = useMutation(PushDistributionMutation);

  const originKey = JSON.stringify(origin);
  // Reopening, or a change to what is pushed (`originKey` stands for `origin`), starts again from the choices.
  const startAgain = useEffectEvent(() => {
    setChoices((c) => ({ ...c, origin }));
    setPreview(null);
    setIdempotencyKey(newKey());
  });
  useEffect(() => {
    if (open) startAgain();
  }, [open, originKey]);

  const space = spaceData?.space;
  const recipients = recipientsIn(space?.kind);
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
    const input = buildPushInput(choices);
    const result = await client.query(PreviewDocument, { input, ...PREVIEW_FIRST_PAGE }, { requestPolicy: 'network-only' }).toPromise();
    setPreviewing(false);
    if (result.error) setPreviewError(result.error);
    else if (result.data) {
      setPreview({ input, result: result.data.distributionPreview });
      setPreviewKey((k) => k + 1);
    }
  }

  async function confirmPush() {
    if (push.fetching) return;
    // A push that clears the stage makes cached stage lists stale.
    const result = await runPush({ input: buildPushInput(choices, idempotencyKey) }, { additionalTypenames: ['StageItem', 'StageSource'] });
    if (result.data) {
      onClose();
      router.push(`/distributions/${result.data.createDistribution.distribution.id}`);
    }
  }

  return (
    <Dialog open={open} title={preview ? 'Check and push' : `Push from ${sourceName}`} onClose={onClose} wide>
      <div className="dialog__content">
        {spaceError ? <ErrorNotice error={spaceError} /> : null}
        {!space && !spaceError ? <LoadingLine>Loading the space…</LoadingLine> : null}
        {space && !preview ? (
          <>
            <PushChoicesForm space={space} sourceWorkspaceId={sourceWorkspaceId} choices={choices} onChange={change} />
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
            <PushPreview
              preview={preview.result}
              pages={{ query: PreviewDocument, variables: { input: preview.input }, select: (data) => data.distributionPreview.targetList }}
              recipients={recipients}
            />
            {push.error ? <ErrorNotice error={push.error} /> : null}
            <PushConfirm
              key={previewKey}
              preview={preview.result}
              label={`Push to ${preview.result.targetCount} ${preview.result.targetCount === 1 ? 'workspace' : 'workspaces'}`}
              busyLabel="Starting the push…"
              busy={push.fetching}
              recipients={recipients}
              onBack={() => setPreview(null)}
              onConfirm={() => void confirmPush()}
            />
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
