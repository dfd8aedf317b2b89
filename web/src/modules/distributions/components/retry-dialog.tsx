'use client';

import type { CombinedError } from '@urql/core';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import { useClient, useMutation } from 'urql';
import type { PoliciesInput, PreviewRetryQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { PushPreview } from '../../stage/components/push-preview';
import { POLICY_AREAS, recipientsIn } from '../../stage/push-input';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { SpaceQuery } from '../../spaces/graphql/space.query';
import { BusyButton } from '../../ui/components/busy-button';
import { Dialog } from '../../ui/components/dialog';
import { RetryDistributionMutation } from '../graphql/distribution.mutations';
import { PREVIEW_FIRST_PAGE } from '../preview-pages';
import { PreviewRetryQuery as PreviewRetryDocument } from '../graphql/reversal.operations';
import { PolicyFields, type AreaPolicies } from './policy-fields';

interface RetryDialogProps {
  open: boolean;
  distributionId: string;
  /** The push's space: its kind says how recipients are named. */
  spaceId: string;
  /** The push's policies: the starting choice. */
  policies: PoliciesInput;
  /** Only a push has policies to change and a preview; an undo or retraction is retried as it was. */
  isPush: boolean;
  failed: number;
  onClose: () => void;
  onRetried: () => void;
}

const areaPolicies = (p: PoliciesInput): AreaPolicies =>
  Object.fromEntries(POLICY_AREAS.map((area) => [area, p[area] ?? p.default])) as AreaPolicies;

/**
 * Retry asks first: keep the policies or choose others, see what the retry
 * would do to the failed and conflicting targets, then queue them again.
 */
export function RetryDialog({ open, distributionId, spaceId, policies, isPush, failed, onClose, onRetried }: RetryDialogProps) {
  const { data: spaceData } = useSessionQuery({ query: SpaceQuery, variables: { id: spaceId }, pause: !open, requestPolicy: 'cache-first' });
  const id = useId();
  const client = useClient();
  const [choice, setChoice] = useState<AreaPolicies>(() => areaPolicies(policies));
  const [preview, setPreview] = useState<{ policies: PoliciesInput; result: PreviewRetryQuery['previewRetry'] } | null>(null);
  const [previewError, setPreviewError] = useState<CombinedError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [retry, runRetry] = useMutation(RetryDistributionMutation);
  const input = { default: choice.files, ...choice };

  // Opening starts from the distribution's policies and no preview.
  const reset = useEffectEvent(() => {
    setChoice(areaPolicies(policies));
    setPreview(null);
    setPreviewError(null);
  });
  useEffect(() => {
    if (open) reset();
  }, [open]);

  async function runPreview() {
    if (previewing) return;
    setPreviewing(true);
    setPreviewError(null);
    const result = await client.query(PreviewRetryDocument, { id: distributionId, policies: input, ...PREVIEW_FIRST_PAGE }, { requestPolicy: 'network-only' }).toPromise();
    setPreviewing(false);
    if (result.error) setPreviewError(result.error);
    else if (result.data) setPreview({ policies: input, result: result.data.previewRetry });
  }

  async function confirm() {
    if (retry.fetching) return;
    const result = await runRetry({ id: distributionId, policies: isPush ? input : null });
    if (result.data) {
      onClose();
      onRetried();
    }
  }

  return (
    <Dialog open={open} title={preview ? 'Check and retry' : `Retry ${failed} failed or conflicting`} onClose={onClose} wide>
      <div className="dialog__content">
        {!isPush ? (
          <p>The {failed} failed {failed === 1 ? 'target is' : 'targets are'} tried again as before; targets already done are not touched.</p>
        ) : !preview ? (
          <>
            <p>Only targets that failed or were in conflict are tried again; targets already delivered are not touched.</p>
            <PolicyFields
              idPrefix={id}
              legend="Where a target already has something at a path"
              policies={choice}
              onChange={(next) => {
                setChoice(next);
                setPreview(null);
              }}
            />
            {previewError ? <ErrorNotice error={previewError} /> : null}
          </>
        ) : (
          <PushPreview
            preview={preview.result}
            pages={{ query: PreviewRetryDocument, variables: { id: distributionId, policies: preview.policies }, select: (data) => data.previewRetry.targetList }}
            recipients={recipientsIn(spaceData?.space?.kind)}
          />
        )}
      </div>
      {retry.error ? <ErrorNotice error={retry.error} /> : null}
      <div className="dialog__actions">
        {preview ? (
          <button type="button" className="button button--secondary" onClick={() => setPreview(null)}>
            Back to the choices
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        )}
        {preview || !isPush ? (
          <BusyButton className="button button--primary" busy={retry.fetching} busyLabel="Queuing…" onClick={() => void confirm()}>
            Retry {preview?.result.targetCount ?? failed} {(preview?.result.targetCount ?? failed) === 1 ? 'target' : 'targets'}
          </BusyButton>
        ) : (
          <BusyButton className="button button--primary" busy={previewing} busyLabel="Working out what would change…" onClick={() => void runPreview()}>
            Preview
          </BusyButton>
        )}
      </div>
    </Dialog>
  );
}
