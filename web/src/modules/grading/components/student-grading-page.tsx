'use client';

import Link from 'next/link';
import { LtiScoresCard } from '../../lti/components/lti-scores-card';
import { useSearchParams } from 'next/navigation';
import { useEffect, useEffectEvent, useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { formatDateTime } from '../../../core/time/zoned-time';
import { AssignmentQuery } from '../../assignments/graphql/assignment.query';
import { HandInStatusSubscription } from '../../assignments/graphql/hand-in-statuses.query';
import { trackerFiltersFrom, trackerQuery } from '../../assignments/tracker-filters';
import { ErrorNotice } from '../../shell/components/error-notice';
import { PageFallback } from '../../ui/components/page-fallback';
import { ReturnGradesMutation, StudentGradingQuery } from '../graphql/grading.operations';
import { AssignmentRubricQuery } from '../graphql/rubric.operations';
import { FeedbackFiles } from './feedback-files';
import { GradeForm } from './grade-form';
import { GroupAdjustments } from './group-adjustments';
import { HandInChanges } from './hand-in-changes';
import { HandInFiles } from './hand-in-files';
import { RubricGrading } from './rubric-grading';
import { RegradeRequestsPanel } from './rubric-regrades';
import { StudentSwitcher } from './student-switcher';
import { forgetReadAhead, useReadAheadPolicy } from './use-read-ahead';

const WORDING = { NOT_FOUND: 'This student or assignment does not exist, or you cannot grade it.' };

/**
 * One student's hand-ins for an assignment: read them, grade, comment, attach
 * feedback, return; then on to the next student in the tracker's order.
 */
export function StudentGradingPage({ assignmentId, studentId }: { assignmentId: string; studentId: string }) {
  const filters = trackerFiltersFrom(useSearchParams());
  const { data: a, error: aError } = useSessionQuery({ query: AssignmentQuery, variables: { id: assignmentId }, requestPolicy: 'cache-first' });
  const variables = { assignmentId, studentId };
  const readAhead = useReadAheadPolicy(StudentGradingQuery, variables);
  const { data, error, reload } = useSessionQuery({ query: StudentGradingQuery, variables, ...(readAhead ? { requestPolicy: readAhead } : {}) });
  const [selected, setSelected] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const [rubricUnsaved, setRubricUnsaved] = useState(false);
  const { data: r } = useSessionQuery({ query: AssignmentRubricQuery, variables: { id: assignmentId } });
  const rubric = r?.assignment?.rubric ?? null;
  const [returning, runReturn] = useMutation(ReturnGradesMutation);
  const [returnedNote, setReturnedNote] = useState('');
  // Another grader's save, return, feedback file or a new hand-in of this student re-reads the page (the form keeps unsaved edits).
  const [{ data: event }] = useSubscription({ query: HandInStatusSubscription, variables: { assignmentId } });
  const heard = useEffectEvent((about: string | null | undefined) => {
    forgetReadAhead(assignmentId, about);
    if (about === studentId || about == null) reload();
  });
  useEffect(() => {
    if (event) heard(event.handInStatus.studentId);
  }, [event]);

  const assignment = a?.assignment;
  const feedback = data?.feedback;
  const failure = aError ?? error;
  if (!assignment || !feedback || !data) {
    return <PageFallback title="Grading" error={failure} answered={a !== undefined && data !== undefined} wording={WORDING} onRetry={reload} loadingText="Loading the hand-in…" />;
  }

  const handIns = [...data.handIns].sort((x, y) => y.seq - x.seq);
  const shownId = selected ?? feedback.gradedHandIn?.id ?? handIns[0]?.id ?? null;
  const shown = handIns.find((h) => h.id === shownId) ?? null;

  async function returnNow() {
    const result = await runReturn({ assignmentId, studentIds: [studentId] });
    if (result.data) {
      setReturnedNote(
        result.data.returnGrades.returnedCount > 0 ? `Returned to ${feedback!.student.name}; they have been notified.` : 'This was already returned.',
      );
      reload();
    }
  }

  return (
    <>
      <header className="page-header">
        <p className="page-header__eyebrow">
          <Link href={`/assignments/${assignmentId}${trackerQuery(filters)}`}>{assignment.title}</Link>
        </p>
        <h1>{feedback.student.name}</h1>
        <p className="page-header__meta">
          {feedback.student.email ? (
            <span className="muted">{feedback.student.email}</span>
          ) : assignment.groupWork && !assignment.anonymousGrading ? (
            <span className="muted">A group: one grade for all its members</span>
          ) : (
            <span className="muted">Graded anonymously until the feedback is returned</span>
          )}
          {feedback.returned ? (
            <span className="badge badge--good">
              returned{feedback.grade?.returnedAt ? ` ${formatDateTime(feedback.grade.returnedAt, assignment.timeZone)}` : ''}
            </span>
          ) : feedback.grade?.gradedAt ? (
            <span className="badge badge--info">graded, not returned</span>
          ) : (
            <span className="badge badge--neutral">not graded</span>
          )}
        </p>
        <StudentSwitcher assignmentId={assignmentId} studentId={studentId} filters={filters} unsaved={unsaved || rubricUnsaved} />
      </header>

      <div className="grading-layout">
        <div className="grading-layout__main">
          <section className="section" aria-labelledby="hand-ins-heading">
            <h2 id="hand-ins-heading">Hand-ins</h2>
            {handIns.length === 0 ? (
              <p className="empty-state">{feedback.student.name} has not handed in anything.</p>
            ) : (
              <fieldset className="fieldset">
                <legend>Show hand-in</legend>
                {handIns.map((h) => (
                  <div className="choice" key={h.id}>
                    <input type="radio" id={`hand-in-${h.id}`} name="hand-in" checked={h.id === shownId} onChange={() => setSelected(h.id)} />
                    <label htmlFor={`hand-in-${h.id}`}>
                      Number {h.seq}, {formatDateTime(h.handedInAt, assignment.timeZone)}
                      {h.collected ? ' (collected)' : ''}
                      {feedback.grade?.gradedAt && feedback.gradedHandIn?.id === h.id ? <span className="badge badge--info">graded</span> : null}
                      {new Date(h.handedInAt).getTime() > new Date(assignment.deadline).getTime() ? <span className="badge badge--warn">after the class deadline</span> : null}
                    </label>
                    <span className="hint">
                      <code className="hash">{h.contentHash.slice(0, 16)}…</code>
                      {h.identifier ? ` · reference ${h.identifier}` : ''}
                      {h.message ? ` · “${h.message}”` : ''}
                      {h.missingPaths.length ? ` · without ${h.missingPaths.join(', ')}` : ''}
                    </span>
                  </div>
                ))}
              </fieldset>
            )}
          </section>
          {shown ? (
            <>
              <HandInFiles key={`files-${shown.id}`} handInId={shown.id} assignmentId={assignmentId} studentId={studentId} />
              <HandInChanges key={`changes-${shown.id}`} handInId={shown.id} />
            </>
          ) : null}
        </div>

        <aside className="grading-layout__side" aria-label="Grade and feedback">
          <RegradeRequestsPanel key={`regrades-${studentId}`} assignmentId={assignmentId} studentId={studentId} timeZone={assignment.timeZone} />
          {rubric ? <RubricGrading key={studentId} assignmentId={assignmentId} studentId={studentId} rubric={rubric} onSaved={reload} onDirtyChange={setRubricUnsaved} /> : null}
          <GradeForm assignment={assignment} feedback={feedback} handIns={handIns} onSaved={reload} onDirtyChange={setUnsaved} byRubric={!!rubric} />
          {assignment.groupWork ? <GroupAdjustments assignmentId={assignmentId} groupId={studentId} /> : null}
          <section className="card">
            <h2 className="card__title">Return</h2>
            <p className="hint">
              {assignment.handBackVisible
                ? 'Returning shows the grade, comment and feedback files to the student, who is notified.'
                : 'Returning records the grade as given back; this assignment keeps feedback hidden from students.'}
            </p>
            {returning.error ? <ErrorNotice error={returning.error} /> : null}
            <p role="status" className="success-text">
              {returnedNote}
            </p>
            <button
              type="button"
              className="button button--primary"
              aria-disabled={returning.fetching || !feedback.grade?.gradedAt}
              disabled={!feedback.grade?.gradedAt}
              onClick={() => void returnNow()}
            >
              {returning.fetching ? 'Returning…' : feedback.returned ? 'Returned' : assignment.groupWork ? 'Return to the group' : 'Return to the student'}
            </button>
            {!feedback.grade?.gradedAt ? <p className="hint">Grade first, then return.</p> : null}
          </section>
          <FeedbackFiles assignmentId={assignmentId} studentId={studentId} />
          <LtiScoresCard key={`lti-${studentId}-${feedback.returned ? 'returned' : 'open'}`} assignmentId={assignmentId} studentId={studentId} />
        </aside>
      </div>
    </>
  );
}
