'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorExtension } from '../../../core/errors/error-message';
import type { HandInAssignmentMutation as HandInResult, SpaceAssignmentsQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { PathList } from '../../ui/components/path-list';
import { HandInAssignmentMutation } from '../graphql/assignment.mutations';
import { Receipt } from './receipt';

type StudentAssignment = SpaceAssignmentsQuery['assignments'][number];

const HAND_IN_WORDING = {
  BAD_USER_INPUT: 'This hand-in was not accepted.',
  CONFLICT: 'Your workspace changed while handing in. Please try again.',
};

/**
 * Seals the hand-in paths of the student's workspace. When some are missing
 * the API refuses with `extensions.missing`; the student sees which, and may
 * hand in without them.
 */
export function HandInForm({ assignment, onHandedIn }: { assignment: StudentAssignment; onHandedIn: () => void }) {
  const id = useId();
  const [identifier, setIdentifier] = useState('');
  const [message, setMessage] = useState('');
  const [receipt, setReceipt] = useState<HandInResult['handInAssignment'] | null>(null);
  const [{ fetching, error }, handIn] = useMutation(HandInAssignmentMutation);
  const receiptHeading = useRef<HTMLHeadingElement>(null);
  const missing = errorExtension(error, 'BAD_USER_INPUT', 'missing');
  const missingPaths = Array.isArray(missing) ? missing.map(String) : null;

  async function submit(allowMissing: boolean) {
    if (fetching) return;
    setReceipt(null);
    const result = await handIn({
      assignmentId: assignment.id,
      identifier: identifier.trim() || null,
      message: message.trim() || null,
      allowMissing,
    });
    if (result.data) {
      setReceipt(result.data.handInAssignment);
      setMessage('');
      onHandedIn();
      requestAnimationFrame(() => receiptHeading.current?.focus());
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(false);
  }

  return (
    <form className="hand-in-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Hand in</h4>
      <div className="row-fields">
        <div className="field">
          <label htmlFor={`${id}-identifier`}>Your reference (optional)</label>
          <input id={`${id}-identifier`} value={identifier} onChange={(e) => setIdentifier(e.target.value)} aria-describedby={`${id}-identifier-hint`} />
          <span id={`${id}-identifier-hint`} className="hint">
            For example a student number or group name.
          </span>
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-message`}>Message to the teacher (optional)</label>
          <input id={`${id}-message`} value={message} onChange={(e) => setMessage(e.target.value)} />
        </div>
      </div>

      {missingPaths && missingPaths.length > 0 ? (
        <div className="notice notice--warn" role="alert">
          <p>These files are not in your workspace yet:</p>
          <PathList paths={missingPaths} />
          <p>Create them and hand in again, or hand in what you have.</p>
          <button type="button" className="button button--secondary" aria-disabled={fetching} onClick={() => void submit(true)}>
            {fetching ? 'Handing in…' : 'Hand in without them'}
          </button>
        </div>
      ) : error ? (
        <ErrorNotice error={error} wording={HAND_IN_WORDING} />
      ) : null}

      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={fetching}>
          {fetching ? 'Handing in…' : assignment.myStatus?.latestHandIn ? 'Hand in again' : 'Hand in now'}
        </button>
      </div>

      {receipt ? (
        <div className="notice notice--success">
          <h5 ref={receiptHeading} tabIndex={-1}>
            Handed in{receipt.late ? ' (late)' : ''}. Keep this receipt.
          </h5>
          <Receipt handIn={receipt.handIn} timeZone={assignment.timeZone} late={receipt.late} deadline={receipt.deadline} />
        </div>
      ) : null}
    </form>
  );
}
