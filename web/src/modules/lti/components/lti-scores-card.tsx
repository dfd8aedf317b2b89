'use client';

import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { LtiScoreFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { DateTime } from '../../ui/components/date-time';
import { LtiScoresQuery, ResendLtiScoreMutation } from '../graphql/lti-scores';

const STATUS: Record<string, { label: string; badge: string }> = {
  PENDING: { label: 'Waiting to send', badge: 'badge--info' },
  RUNNING: { label: 'Sending', badge: 'badge--info' },
  SENT: { label: 'Accepted by the LMS', badge: 'badge--good' },
  FAILED: { label: 'Failed', badge: 'badge--bad' },
};

/** What the score says, in words: the points, or the progress it reports. */
function describe(score: LtiScoreFieldsFragment): string {
  const posted = JSON.parse(score.score) as { scoreGiven?: number; scoreMaximum?: number; activityProgress?: string; gradingProgress?: string };
  if (typeof posted.scoreGiven === 'number') return `Grade ${posted.scoreGiven} / ${posted.scoreMaximum ?? '?'}`;
  return score.kind === 'SUBMITTED' ? `Handed in (${posted.activityProgress ?? 'Submitted'}, grading ${posted.gradingProgress ?? 'Pending'})` : `Graded without points (${posted.gradingProgress ?? ''})`;
}

/**
 * The scores sent to the course's gradebook at the learning management
 * system for one student: each with its status, when, and the platform's
 * answer; a failed one can be sent again. Shows nothing for a course that is
 * not linked to an LMS.
 */
export function LtiScoresCard({ assignmentId, studentId }: { assignmentId: string; studentId: string }) {
  const { data, error, reload } = useSessionQuery({ query: LtiScoresQuery, variables: { assignmentId, studentId } });
  const [resending, resend] = useMutation(ResendLtiScoreMutation);
  const scores = data?.ltiScores ?? [];
  if (!error && scores.length === 0) return null;

  return (
    <section className="card" aria-labelledby="lti-scores-heading">
      <h2 className="card__title" id="lti-scores-heading">
        Sent to the LMS
      </h2>
      {error ? <ErrorNotice error={error} /> : null}
      {resending.error ? <ErrorNotice error={resending.error} /> : null}
      <ul className="plain-list">
        {scores.map((score) => {
          const status = STATUS[score.status] ?? { label: score.status, badge: 'badge--neutral' };
          return (
            <li key={score.id}>
              <p>
                <strong>{describe(score)}</strong> <span className={`badge ${status.badge}`}>{status.label}</span>
              </p>
              <p className="small">
                {score.sentAt ? (
                  <>
                    Sent <DateTime iso={score.sentAt} />
                  </>
                ) : score.lastAttemptAt ? (
                  <>
                    Last tried <DateTime iso={score.lastAttemptAt} />
                  </>
                ) : (
                  <>
                    Queued <DateTime iso={score.createdAt} />
                  </>
                )}
                {' · '}
                {score.attempts} {score.attempts === 1 ? 'attempt' : 'attempts'}
                {score.nextAttemptAt && score.status === 'PENDING' && score.attempts > 0 ? (
                  <>
                    {' · next '}
                    <DateTime iso={score.nextAttemptAt} />
                  </>
                ) : null}
              </p>
              {score.lastResponseStatus !== null || score.lastError ? (
                <p className="small">
                  The LMS answered: {score.lastResponseStatus !== null ? `HTTP ${score.lastResponseStatus}` : 'nothing'}
                  {score.lastError && score.lastResponseStatus === null ? ` — ${score.lastError}` : ''}
                  {score.lastResponseBody && score.status !== 'SENT' ? <code className="small"> {score.lastResponseBody.slice(0, 200)}</code> : null}
                </p>
              ) : null}
              {score.status === 'FAILED' ? (
                <BusyButton
                  busy={resending.fetching}
                  busyLabel="Sending again…"
                  onClick={() => {
                    void resend({ id: score.id }).then((answer) => {
                      if (answer.data) reload();
                    });
                  }}
                >
                  Send again
                </BusyButton>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
