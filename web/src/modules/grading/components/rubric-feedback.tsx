'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { RegradeRequestFieldsFragment } from '../../../gql/graphql';
import { MyRubricFeedbackQuery, RequestRegradeMutation } from '../graphql/rubric.operations';
import { MessageForm } from './rubric-message-form';
import { RegradeRequestText } from './rubric-regrades';
import './rubric.css';

/**
 * A student's returned grade by criterion (level, points, comment), and
 * regrade requests: one per criterion, or one about the whole grade when
 * there is no rubric, with the staff's answer once there is one.
 */
export function RubricFeedback({ assignmentId }: { assignmentId: string }) {
  const { data, reload } = useSessionQuery({ query: MyRubricFeedbackQuery, variables: { assignmentId } });
  const feedback = data?.myFeedback;
  if (!feedback?.visibleToStudent) return null;
  const rubric = data?.assignment?.rubric;
  const requests = feedback.regradeRequests;
  const requestOn = (criterionId: string | null) => requests.find((r) => (r.criterionId ?? null) === criterionId);
  if (!rubric) {
    return (
      <div className="rubric-feedback">
        <RegradeSlot assignmentId={assignmentId} criterionId={null} title="the whole grade" request={requestOn(null)} onDone={reload} />
      </div>
    );
  }
  return (
    <div className="rubric-feedback">
      <h5>By criterion</h5>
      <ul className="rubric-summary">
        {rubric.criteria.map((c) => {
          const pick = feedback.criteria?.find((p) => p.criterionId === c.id);
          const level = c.levels.find((l) => l.id === pick?.levelId);
          return (
            <li key={c.id}>
              <strong>{c.title}</strong>: {level ? `${level.title}, ${level.points} of ${c.maxPoints}` : `not graded (of ${c.maxPoints})`}
              {pick?.comment ? <p className="feedback__comment">{pick.comment}</p> : null}
              <RegradeSlot assignmentId={assignmentId} criterionId={c.id} title={`“${c.title}”`} request={requestOn(c.id)} onDone={reload} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RegradeSlot({
  assignmentId,
  criterionId,
  title,
  request,
  onDone,
}: {
  assignmentId: string;
  criterionId: string | null;
  title: string;
  request: RegradeRequestFieldsFragment | undefined;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [{ fetching, error }, send] = useMutation(RequestRegradeMutation);
  if (request) return <RegradeRequestText request={request} />;
  if (!open) {
    return (
      <button type="button" className="button button--ghost button--small" onClick={() => setOpen(true)}>
        Ask for a regrade<span className="visually-hidden"> of {title}</span>
      </button>
    );
  }
  return (
    <MessageForm
      label={`Why should ${title} be regraded?`}
      hint={`You can ask once about ${title}.`}
      emptyProblem="Say what should be looked at again."
      submitLabel="Send the request"
      busyLabel="Sending…"
      busy={fetching}
      error={error}
      onCancel={() => setOpen(false)}
      onSend={async (message) => {
        const result = await send({ assignmentId, criterionId, message });
        if (result.data) onDone();
        return !!result.data;
      }}
    />
  );
}
