'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import type { AnnotationFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DeleteAnnotationMutation, UpdateAnnotationMutation } from '../graphql/annotations.operations';

/** Where a comment sits, as people say it: "lines 4–5", "cell 2". */
export const placeOf = (a: Pick<AnnotationFieldsFragment, 'startLine' | 'endLine' | 'cellIndex'>): string =>
  a.cellIndex != null ? `cell ${a.cellIndex + 1}` : a.startLine === a.endLine ? `line ${a.startLine}` : `lines ${a.startLine}–${a.endLine}`;

/** One comment: who wrote it, on which hand-in; staff change or delete it. */
export function AnnotationNote({ annotation: a, editable, onChanged }: { annotation: AnnotationFieldsFragment; editable: boolean; onChanged?: () => void }) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(a.body);
  const [deleting, setDeleting] = useState(false);
  const [update, runUpdate] = useMutation(UpdateAnnotationMutation);
  const [remove, runRemove] = useMutation(DeleteAnnotationMutation);
  return (
    <div className={`annotation${a.olderHandIn ? ' annotation--older' : ''}`} role="note" aria-label={`Comment by ${a.author?.name ?? 'a grader'}`}>
      <div className="annotation__meta">
        {a.author?.name ?? 'A grader'} · {placeOf(a)} · on hand-in #{a.handInSeq}
        {a.olderHandIn ? ' (an older hand-in: the lines may have moved since)' : ''}
      </div>
      {editing ? (
        <div className="annotation-form">
          <label className="visually-hidden" htmlFor={`edit-${a.id}`}>
            Comment
          </label>
          <textarea id={`edit-${a.id}`} value={body} onChange={(e) => setBody(e.target.value)} />
          {update.error ? <ErrorNotice error={update.error} /> : null}
          <BusyButton className="button button--primary button--small" busy={update.fetching} busyLabel="Saving…"
            onClick={() =>
              void runUpdate({ id: a.id, body }).then((result) => {
                if (result.data) {
                  setEditing(false);
                  onChanged?.();
                }
              })
            }
          >
            Save
          </BusyButton>
          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <p className="annotation__body">{a.body}</p>
      )}
      {editable && !editing ? (
        <div>
          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> comment</span>
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setDeleting(true)}>
            Delete<span className="visually-hidden"> comment</span>
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={deleting}
        title="Delete this comment?"
        confirmLabel="Delete comment"
        danger
        busy={remove.fetching}
        error={remove.error}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          void runRemove({ id: a.id }).then((result) => {
            if (result.data) {
              setDeleting(false);
              onChanged?.();
            }
          })
        }
      >
        <p>The comment goes from this student&apos;s feedback. If the feedback was returned, the student sees it gone and is told that their feedback changed; the audit log keeps the text.</p>
      </ConfirmDialog>
    </div>
  );
}
