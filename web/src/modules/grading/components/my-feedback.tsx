'use client';

import Link from 'next/link';
import { useMutation, useQuery } from 'urql';
import { formatBytes } from '../../../core/format/bytes';
import { ErrorNotice } from '../../shell/components/error-notice';
import { browserHref } from '../../workspaces/workspace-paths';
import { feedbackFileUrl } from '../grading-urls';
import { CopyFeedbackToWorkspaceMutation, MyFeedbackQuery } from '../graphql/grading.operations';

const WORDING = { NOT_FOUND: 'Your feedback is not available yet.' };

/** A student's returned grade, comment and feedback files, with a copy into their workspace. */
export function MyFeedback({ assignmentId, maxPoints }: { assignmentId: string; maxPoints: number | null | undefined }) {
  const [{ data, error }] = useQuery({ query: MyFeedbackQuery, variables: { assignmentId }, requestPolicy: 'cache-and-network' });
  const [copy, runCopy] = useMutation(CopyFeedbackToWorkspaceMutation);
  if (error) return <ErrorNotice error={error} wording={WORDING} />;
  const feedback = data?.myFeedback;
  if (!feedback?.visibleToStudent || !feedback.grade) return null;
  const files = feedback.files.nodes;
  const result = copy.data?.copyFeedbackToWorkspace;

  return (
    <section className="feedback" aria-label="Your grade and feedback">
      <h4>Your grade</h4>
      <p className="feedback__grade">
        {feedback.grade.textGrade ??
          (feedback.finalPoints != null ? `${feedback.finalPoints}${maxPoints != null ? ` of ${maxPoints}` : ''} points` : '—')}
        {feedback.keptPercent < 100 ? <span className="muted"> (late: {feedback.keptPercent}% of {feedback.grade.points} kept)</span> : null}
      </p>
      {feedback.grade.comment ? <p className="feedback__comment">{feedback.grade.comment}</p> : null}
      {files.length > 0 ? (
        <>
          <h5>Feedback files</h5>
          <ul className="file-list">
            {files.map((f) => (
              <li key={f.path}>
                {f.kind === 'DIRECTORY' ? (
                  `${f.name}/`
                ) : (
                  <a href={feedbackFileUrl(assignmentId, feedback.studentId, f.path)} download>
                    {f.name}
                  </a>
                )}{' '}
                <span className="muted small">{formatBytes(f.size)}</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={copy.fetching}
            onClick={() => {
              if (!copy.fetching) void runCopy({ assignmentId });
            }}
          >
            {copy.fetching ? 'Copying…' : 'Copy the feedback into my workspace'}
          </button>
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
