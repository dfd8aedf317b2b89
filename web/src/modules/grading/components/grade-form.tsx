'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { AssignmentQuery, FeedbackFieldsFragment, HandInFieldsFragment } from '../../../gql/graphql';
import { staleEditOf } from '../../../core/errors/stale-edit';
import { ErrorNotice } from '../../shell/components/error-notice';
import { StaleEditNotice } from '../../shell/components/stale-edit-notice';
import { gradeProblem, toSetGradeInput, type GradeForm as GradeFormState } from '../grade-input';
import { SetGradeMutation } from '../graphql/grading.operations';

interface GradeFormProps {
  assignment: NonNullable<AssignmentQuery['assignment']>;
  feedback: FeedbackFieldsFragment;
  handIns: HandInFieldsFragment[];
  onSaved: () => void;
  /** Told whenever the form starts or stops holding unsaved changes. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Graded with a rubric: the points are the sum of the picked levels, shown but not typed. */
  byRubric?: boolean;
}

const fromFeedback = (feedback: FeedbackFieldsFragment): GradeFormState => ({
  points: feedback.grade?.points != null ? String(feedback.grade.points) : '',
  textGrade: feedback.grade?.textGrade ?? '',
  comment: feedback.grade?.comment ?? '',
  handInId: feedback.grade?.handInId ?? '',
});

export function GradeForm({ assignment, feedback, handIns, onSaved, onDirtyChange, byRubric = false }: GradeFormProps) {
  const id = useId();
  const [form, setForm] = useState<GradeFormState>(() => fromFeedback(feedback));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [{ fetching, error }, save] = useMutation(SetGradeMutation);
  const points = assignment.gradingScheme === 'POINTS';

  // Another grader's change arrives with a refetch; take it (and its version) unless this form has unsaved edits.
  const [dirty, setDirty] = useState(false);
  const [baseVersion, setBaseVersion] = useState(feedback.version ?? 0);
  useEffect(() => {
    if (dirty) return;
    setForm(fromFeedback(feedback));
    setBaseVersion(feedback.version ?? 0);
  }, [feedback, dirty]);
  // Saved elsewhere while this form holds edits: said before the save is tried (which would be refused).
  const changedMeanwhile = dirty && (feedback.version ?? 0) > baseVersion;
  // A save refused as stale, until the grader reloads or overwrites.
  const [dismissed, setDismissed] = useState<typeof error>(undefined);
  const stale = error !== dismissed ? staleEditOf(error) : null;
  // Told at once, in the same update as the typing, so a shortcut pressed right after already knows.
  const markDirty = (value: boolean) => {
    setDirty(value);
    onDirtyChange?.(value);
  };

  const set = (patch: Partial<GradeFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    markDirty(true);
    setSaved('');
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await submit(baseVersion);
  }

  async function submit(expectedVersion: number) {
    if (fetching) return;
    const issue = byRubric ? null : gradeProblem(form, assignment.gradingScheme, assignment.maxPoints);
    setProblem(issue);
    if (issue) return;
    const result = await save({
      assignmentId: assignment.id,
      studentId: feedback.studentId,
      input: toSetGradeInput(form, assignment.gradingScheme, byRubric),
      expectedVersion,
    });
    if (result.data) {
      markDirty(false);
      const f = result.data.setGrade;
      setSaved(
        f.returned
          ? 'Saved. The grade was already returned, so the student has been told it changed.'
          : `Saved${f.finalPoints != null && f.keptPercent < 100 ? `: ${f.finalPoints} points after the late penalty (${f.keptPercent}% kept)` : ''}.`,
      );
      onSaved();
    }
  }

  return (
    <form className="card form--plain" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Grade
      </h2>
      {byRubric ? (
        <p className="field">
          <strong>
            Points: {feedback.grade?.points ?? '—'}
            {assignment.maxPoints != null ? ` of ${assignment.maxPoints}` : ''}
          </strong>{' '}
          <span className="hint">the sum of the rubric&apos;s levels{feedback.finalPoints != null && feedback.keptPercent < 100 ? `; ${feedback.finalPoints} after the late policy (${feedback.keptPercent}% kept)` : ''}.</span>
        </p>
      ) : points ? (
        <div className="field">
          <label htmlFor={`${id}-points`}>Points{assignment.maxPoints != null ? ` (out of ${assignment.maxPoints})` : ''}</label>
          <input
            id={`${id}-points`}
            inputMode="decimal"
            value={form.points}
            onChange={(e) => set({ points: e.target.value })}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : `${id}-final`}
          />
          {problem ? (
            <span id={`${id}-problem`} className="field__error">
              {problem}
            </span>
          ) : null}
          <span id={`${id}-final`} className="hint">
            {feedback.finalPoints != null
              ? `After the late policy: ${feedback.finalPoints} (${feedback.keptPercent}% kept).`
              : feedback.keptPercent < 100
                ? `The late policy keeps ${feedback.keptPercent}% of the points.`
                : ''}
          </span>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-text`}>Grade</label>
          <input id={`${id}-text`} value={form.textGrade} onChange={(e) => set({ textGrade: e.target.value })} placeholder="e.g. B+" />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-comment`}>Comment to the student</label>
        <textarea id={`${id}-comment`} rows={5} value={form.comment} onChange={(e) => set({ comment: e.target.value })} />
      </div>
      {handIns.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-hand-in`}>Graded hand-in</label>
          <select id={`${id}-hand-in`} value={form.handInId} onChange={(e) => set({ handInId: e.target.value })}>
            <option value="">The latest</option>
            {handIns.map((h) => (
              <option key={h.id} value={h.id}>
                Number {h.seq}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {changedMeanwhile && !stale ? (
        <StaleEditNotice
          moment="ahead"
          stale={{
            byId: feedback.grade?.gradedBy?.id ?? null,
            byName: feedback.grade?.gradedBy?.name ?? null,
            at: feedback.grade?.gradedAt ?? new Date().toISOString(),
            currentVersion: feedback.version ?? 0,
          }}
          subject="this grade"
          onReload={() => markDirty(false)}
          onOverwrite={() => {
            setBaseVersion(feedback.version ?? 0);
            void submit(feedback.version ?? 0);
          }}
        />
      ) : null}
      {stale ? (
        <StaleEditNotice
          stale={stale}
          subject="this grade"
          onReload={() => {
            setDismissed(error);
            markDirty(false);
            onSaved();
          }}
          onOverwrite={() => {
            setBaseVersion(stale.currentVersion);
            void submit(stale.currentVersion);
          }}
        />
      ) : error && error !== dismissed ? (
        <ErrorNotice error={error} />
      ) : null}
      <p role="status" className="success-text">
        {saved}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={fetching}>
          {fetching ? 'Saving…' : 'Save grade'}
        </button>
      </div>
    </form>
  );
}
