'use client';

import { useId, useState } from 'react';
import { previewVerdict, type PreviewVerdictInput, type Recipients } from '../push-input';

interface PushConfirmProps {
  preview: PreviewVerdictInput;
  /** The confirm button's label, e.g. "Push to 3 workspaces". */
  label: string;
  busyLabel: string;
  busy: boolean;
  backLabel?: string;
  /** Confirmable even when nothing would change (an assignment's release also makes it visible). */
  allowNothing?: boolean;
  /** How the people who would lose edits are named; 'students' unless the space is not a course. */
  recipients?: Recipients;
  onBack: () => void;
  onConfirm: () => void;
}

/**
 * The confirm step under a push preview. When nothing would change it says so
 * and cannot be pressed; when any recipient would lose their own edits it asks
 * for an explicit acknowledgement first. Mount it with a key per preview, so a
 * new preview asks again.
 */
export function PushConfirm({ preview, label, busyLabel, busy, backLabel = 'Back to the choices', allowNothing = false, recipients = 'students', onBack, onConfirm }: PushConfirmProps) {
  const id = useId();
  const [acknowledged, setAcknowledged] = useState(false);
  const verdict = previewVerdict(preview, recipients);
  const nothingToPush = allowNothing ? null : verdict.nothingToPush;
  const { lostEditsLine } = verdict;
  const needsAcknowledgement = lostEditsLine !== null && nothingToPush === null;
  const blocked = nothingToPush !== null || (needsAcknowledgement && !acknowledged);

  return (
    <div className="dialog__actions">
      {needsAcknowledgement ? (
        // Beside the buttons, so it stays in view however long the preview is.
        <div className="choice confirm-loss">
          <input type="checkbox" id={`${id}-ack`} checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} aria-describedby={`${id}-ack-hint`} />
          <label htmlFor={`${id}-ack`}>I understand that {recipients === 'students' ? 'students’' : 'recipients’'} own edits listed above will be replaced or removed</label>
          <span id={`${id}-ack-hint`} className="hint">
            {lostEditsLine}
          </span>
        </div>
      ) : null}
      <div className="dialog__buttons">
        <button type="button" className="button button--secondary" onClick={onBack}>
          {backLabel}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={nothingToPush !== null}
          aria-disabled={busy || blocked}
          onClick={() => {
            if (!busy && !blocked) onConfirm();
          }}
        >
          {busy ? busyLabel : (nothingToPush ?? label)}
        </button>
      </div>
    </div>
  );
}
