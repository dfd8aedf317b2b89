'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { AssignmentGroupsQuery, GradeAdjustmentsQuery, SetGradeAdjustmentMutation } from '../../assignments/graphql/groups.operations';
import { ErrorNotice } from '../../shell/components/error-notice';

/** Points as the grader reads them: "+1", "-2". */
export const signedPoints = (points: number) => (points > 0 ? `+${points}` : `${points}`);

/**
 * On a group's grading page: per member, points added to or taken from their
 * share of the group's grade, with the reason they will read once the grade is
 * returned. 0 removes the adjustment.
 */
export function GroupAdjustments({ assignmentId, groupId }: { assignmentId: string; groupId: string }) {
  const { data: g } = useSessionQuery({ query: AssignmentGroupsQuery, variables: { assignmentId } });
  const { data, error, reload } = useSessionQuery({ query: GradeAdjustmentsQuery, variables: { assignmentId } });
  const group = g?.assignmentGroups.find((x) => x.id === groupId);
  if (!group) return null;
  const adjustments = data?.gradeAdjustments;
  return (
    <section className="card" aria-labelledby={`adjust-${groupId}`}>
      <h2 id={`adjust-${groupId}`} className="card__title">
        Adjust a member&rsquo;s share
      </h2>
      <p className="hint">
        Every member of {group.name} gets the group&rsquo;s grade. Add or take points for one member, with a reason they read once the grade is returned; 0 removes the
        adjustment.
      </p>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {adjustments ? group.members.map((m) => {
        const current = adjustments.find((a) => a.studentId === m.id && a.groupId === groupId) ?? null;
        return (
          <MemberAdjustment
            key={m.id}
            assignmentId={assignmentId}
            student={m}
            current={current ? { points: current.points, reason: current.reason } : null}
            onSaved={reload}
          />
        );
      }) : <p className="muted">Loading the adjustments…</p>}
    </section>
  );
}

function MemberAdjustment({
  assignmentId,
  student,
  current,
  onSaved,
}: {
  assignmentId: string;
  student: { id: string; name: string };
  current: { points: number; reason: string } | null;
  onSaved: () => void;
}) {
  const id = useId();
  const [points, setPoints] = useState(current ? String(current.points) : '0');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [state, run] = useMutation(SetGradeAdjustmentMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (state.fetching) return;
    const value = Number(points.trim().replace(',', '.'));
    if (points.trim() === '' || !Number.isFinite(value)) return setProblem('Enter a number of points, e.g. 2 or -1.5 (0 removes the adjustment).');
    if (value !== 0 && !reason.trim()) return setProblem(`Give ${student.name} a reason for the adjustment.`);
    setProblem(null);
    const result = await run({ assignmentId, studentId: student.id, points: value, reason: reason.trim() });
    if (result.data) {
      setSaved(value === 0 ? `No adjustment for ${student.name}.` : `Saved: ${signedPoints(value)} for ${student.name}.`);
      onSaved();
    }
  }

  return (
    <form className="form--plain adjustment" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="adjustment__name">
        {student.name}
        {current ? <span className="badge badge--info">{signedPoints(current.points)}</span> : null}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-points`}>Adjustment for {student.name} in points (negative takes away)</label>
        <input
          id={`${id}-points`}
          inputMode="decimal"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason {student.name} reads</label>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field__error">
          {problem}
        </p>
      ) : null}
      {state.error ? <ErrorNotice error={state.error} /> : null}
      <p role="status" className="success-text">
        {saved}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" aria-disabled={state.fetching}>
          {state.fetching ? 'Saving…' : `Save the adjustment for ${student.name}`}
        </button>
      </div>
    </form>
  );
}
