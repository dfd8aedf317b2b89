'use client';

import { useId, useMemo, useState, type ReactNode } from 'react';
import { useMutation } from 'urql';
import type { AnnotationFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { AnnotationSlotsProvider, type AnnotationSlots, type AnnotationTarget } from '../../viewers/components/annotation-slots';
import { CreateAnnotationMutation } from '../graphql/annotations.operations';
import { AnnotationNote, placeOf } from './annotation-note';

interface AnnotationLayerProps {
  /** Comments on this file (of this hand-in or an earlier one). */
  annotations: readonly AnnotationFieldsFragment[];
  /** The hand-in shown, which new comments belong to; absent for a reader who may not comment. */
  handInId?: string;
  path: string;
  /** After a comment was saved, changed or deleted. */
  onChanged?: () => void;
  children: ReactNode;
}

/** The new comment on the chosen lines or cell. */
function AnnotationForm({ handInId, path, target, onDone }: { handInId: string; path: string; target: AnnotationTarget; onDone: (saved: boolean) => void }) {
  const [body, setBody] = useState('');
  const [state, create] = useMutation(CreateAnnotationMutation);
  const id = useId();
  const save = async () => {
    const anchor = target.kind === 'cell' ? { cellIndex: target.index } : { startLine: target.start, endLine: target.end };
    const result = await create({ handInId, input: { path, body, ...anchor } });
    if (result.data) onDone(true);
  };
  const place = target.kind === 'cell' ? placeOf({ cellIndex: target.index, startLine: null, endLine: null }) : placeOf({ cellIndex: null, startLine: target.start, endLine: target.end });
  return (
    <div className="annotation-form" role="group" aria-label={`Comment on ${place}`}>
      <label htmlFor={id}>Comment on {place}</label>
      <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} autoFocus />
      {state.error ? <ErrorNotice error={state.error} /> : null}
      <div className="form-actions">
        <BusyButton className="button button--primary button--small" busy={state.fetching} busyLabel="Saving…" onClick={() => void save()}>
          Save comment
        </BusyButton>
        <button type="button" className="button button--ghost button--small" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * Comments shown under the lines and cells of the file drawn inside it; with
 * a hand-in, the grader chooses lines (a line number, shift-click for a
 * range) or a cell and writes a comment there.
 */
export function AnnotationLayer({ annotations, handInId, path, onChanged, children }: AnnotationLayerProps) {
  const [selection, setSelection] = useState<AnnotationTarget | null>(null);
  const editable = handInId !== undefined;
  const mine = useMemo(() => annotations.filter((a) => a.path === path), [annotations, path]);
  const done = (saved: boolean) => {
    setSelection(null);
    if (saved) onChanged?.();
  };
  /** The comments at one place and, when the grader chose that place, the form for a new one. */
  const slot = (notes: readonly AnnotationFieldsFragment[], formTarget: AnnotationTarget | null) =>
    notes.length || formTarget ? (
      <>
        {notes.map((a) => (
          <AnnotationNote key={a.id} annotation={a} editable={editable} onChanged={onChanged} />
        ))}
        {formTarget ? <AnnotationForm key={JSON.stringify(formTarget)} handInId={handInId!} path={path} target={formTarget} onDone={done} /> : null}
      </>
    ) : null;
  const chosen = editable ? selection : null;
  const slots: AnnotationSlots = {
    selection,
    select: editable ? setSelection : undefined,
    afterLine: (line) =>
      slot(
        mine.filter((a) => a.endLine === line),
        chosen?.kind === 'lines' && chosen.end === line ? chosen : null,
      ),
    afterCell: (index) =>
      slot(
        mine.filter((a) => a.cellIndex === index),
        chosen?.kind === 'cell' && chosen.index === index ? chosen : null,
      ),
  };
  return (
    <AnnotationSlotsProvider value={slots}>
      {editable ? <p className="hint">Click a line number (shift-click for a range) or “Comment on cell” to comment; the student reads comments next to the lines once the feedback is returned.</p> : null}
      {children}
    </AnnotationSlotsProvider>
  );
}
