'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formatDateTime, isoToZonedInput, zonedInputToIso } from '../../../core/time/zoned-time';
import type { AssignmentQuery, StatusRowFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { Dialog } from '../../ui/components/dialog';
import { FormActions } from '../../ui/components/form-actions';
import { GrantExtensionMutation, RevokeExtensionMutation } from '../graphql/assignment.mutations';

interface ExtensionDialogProps {
  assignment: NonNullable<AssignmentQuery['assignment']>;
  row: StatusRowFragment | null;
  onClose: () => void;
}

/** Grants a student a later deadline with a reason, or revokes the one they have (also with a reason). */
export function ExtensionDialog({ assignment, row, onClose }: ExtensionDialogProps) {
  const id = useId();
  const [deadline, setDeadline] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [grant, runGrant] = useMutation(GrantExtensionMutation);
  const [revoke, runRevoke] = useMutation(RevokeExtensionMutation);
  const current = row?.extension ?? null;

  useEffect(() => {
    if (!row) return;
    const base = new Date(row.extension?.deadline ?? assignment.deadline).getTime() + 2 * 86_400_000;
    setDeadline(isoToZonedInput(new Date(base).toISOString(), assignment.timeZone));
    setReason('');
    setProblem(null);
  }, [row, assignment.deadline, assignment.timeZone]);

  async function onGrant(event: FormEvent) {
    event.preventDefault();
    if (!row || grant.fetching) return;
    const iso = zonedInputToIso(deadline, assignment.timeZone);
    if (!iso) return setProblem('Enter the new deadline.');
    if (!reason.trim()) return setProblem('Give a reason; it is kept in the audit trail.');
    setProblem(null);
    const result = await runGrant({ assignmentId: assignment.id, studentId: row.student.id, deadline: iso, reason: reason.trim() });
    if (result.data) onClose();
  }

  async function onRevoke() {
    if (!current) return;
    if (!reason.trim()) return setProblem('Give a reason; it is kept in the audit trail.');
    setProblem(null);
    const result = await runRevoke({ id: current.id, reason: reason.trim() });
    if (result.data) onClose();
  }

  const iso = zonedInputToIso(deadline, assignment.timeZone);
  return (
    <Dialog open={row !== null} title={row ? `Extension for ${row.student.name}` : 'Extension'} onClose={onClose}>
      {row ? (
        <div className="dialog__content">
          {current ? (
            <p>
              Current extension: until <strong>{formatDateTime(current.deadline, assignment.timeZone)}</strong> — “{current.reason}”.
            </p>
          ) : (
            <p>Class deadline: {formatDateTime(assignment.deadline, assignment.timeZone)}.</p>
          )}
          <form onSubmit={onGrant} noValidate>
            <div className="field">
              <label htmlFor={`${id}-deadline`}>{current ? 'Change the deadline to' : 'New deadline'} ({assignment.timeZone})</label>
              <input id={`${id}-deadline`} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-describedby={`${id}-deadline-hint`} />
              <span id={`${id}-deadline-hint`} className="hint">
                {iso ? formatDateTime(iso, assignment.timeZone) : ''}
              </span>
            </div>
            <div className="field">
              <label htmlFor={`${id}-reason`}>Reason</label>
              <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required />
            </div>
            {problem ? (
              <p className="field__error" role="alert">
                {problem}
              </p>
            ) : null}
            {grant.error ? <ErrorNotice error={grant.error} /> : null}
            {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
            <FormActions
              dialog
              onCancel={onClose}
              submitLabel={current ? 'Change the extension' : 'Grant the extension'}
              busyLabel="Granting…"
              busy={grant.fetching}
            >
              {current ? (
                <BusyButton className="button button--danger" busy={revoke.fetching} busyLabel="Revoking…" onClick={() => void onRevoke()}>
                  Revoke the extension
                </BusyButton>
              ) : null}
            </FormActions>
          </form>
        </div>
      ) : null}
    </Dialog>
  );
}
