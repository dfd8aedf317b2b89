'use client';

import Link from 'next/link';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { browserHref } from '../../workspaces/workspace-paths';
import { GradeAdjustmentsQuery } from '../../assignments/graphql/groups.operations';
import { CopyFeedbackToWorkspaceMutation, MyFeedbackQuery } from '../graphql/grading.operations';
import { MyAnnotations } from './annotated-hand-in';
import { FeedbackFileLinks } from './feedback-file-links';
import { signedPoints } from './group-adjustments';
import { RubricFeedback } from './rubric-feedback';

const WORDING = { NOT_FOUND: 'Your feedback is not available yet.' };

/** A student's returned grade, comment and feedback files, with a copy into their workspace. */
export function MyFeedback({ assignmentId, maxPoints, groupWork = false }: { assignmentId: string; maxPoints: number | null | undefined; groupWork?: boolean }) {
  const { data, error } = useSessionQuery({ query: MyFeedbackQuery, variables: { assignmentId } });
  // A student sees their own adjustment of the group's grade once it is returned.
  const { data: adjusted } = useSessionQuery({ query: GradeAdjustmentsQuery, variables: { assignmentId }, pause: !groupWork });
  const [copy, runCopy] = useMutation(CopyFeedbackToWorkspaceMutation);
  if (error) return <ErrorNotice error={error} wording={WORDING} />;
  const feedback = data?.myFeedback;
  if (!feedback?.visibleToStudent || !feedback.grade) return null;
  const files = feedback.files.nodes;
  // Only the caller's own adjustment reaches them. (The feedback's subject is their group, but its
  // studentId names the group where a student stands, so it is not compared with the adjustment's groupId.)
  const adjustment = adjusted?.gradeAdjustments[0] ?? null;
  const result = copy.data?.copyFeedbackToWorkspace;

  return (
    <section className="feedback" aria-label="Your grade and feedback">
      <h4>{groupWork ? 'Your group’s grade' : 'Your grade'}</h4>
      <p className="feedback__grade">
        {feedback.grade.textGrade ??
          (feedback.finalPoints != null ? `${feedback.finalPoints}${maxPoints != null ? ` of ${maxPoints}` : ''} points` : '—')}
        {feedback.keptPercent < 100 ? <span className="muted"> (late: {feedback.keptPercent}% of {feedback.grade.points} kept)</span> : null}
      </p>
      {adjustment ? (
        <p className="feedback__adjustment">
          Your adjustment: {signedPoints(adjustment.points)} points, because &ldquo;{adjustment.reason}&rdquo;.
          {feedback.finalPoints != null ? (
            <strong>
              {' '}
              Your total: {feedback.finalPoints + adjustment.points}
              {maxPoints != null ? ` of ${maxPoints}` : ''} points.
            </strong>
          ) : null}
        </p>
      ) : null}
      {feedback.grade.comment ? <p className="feedback__comment">{feedback.grade.comment}</p> : null}
      <RubricFeedback assignmentId={assignmentId} />
      <MyAnnotations assignmentId={assignmentId} />
      {files.length > 0 ? (
        <>
          <h5>Feedback files</h5>
          <FeedbackFileLinks assignmentId={assignmentId} studentId={feedback.studentId} files={files} />
          <BusyButton
            className="button button--secondary button--small"
            busy={copy.fetching}
            busyLabel="Copying…"
            onClick={() => void runCopy({ assignmentId })}
          >
            Copy the feedback into my workspace
          </BusyButton>
          {copy.error ? <ErrorNotice error={copy.error} /> : null}
          <p role="status" className="success-text">
            {result ? (
              <>
                {result.changed ? 'Copied to ' : 'Already in '}
                <Link href={browserHref(result.workspace.id, result.path)}>{result.path}</Link>
                {result.outcomes.some((o) => o.copiedTo) ? '; where you had a different file, the feedback version is beside it.' : '.'}
              </>
            ) : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
