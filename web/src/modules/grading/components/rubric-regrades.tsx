'use client';

import Link from 'next/link';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { RegradeRequestFieldsFragment, StatusRowFragment } from '../../../gql/graphql';
import { DateTime } from '../../ui/components/date-time';
import { studentGradingHref } from '../grading-urls';
import { AssignmentRubricQuery, GradeCriteriaQuery, OpenRegradeRequestsQuery, ResolveRegradeMutation } from '../graphql/rubric.operations';
import { MessageForm } from './rubric-message-form';
import './rubric.css';

const aboutWhat = (r: Pick<RegradeRequestFieldsFragment, 'criterionId' | 'criterionTitle'>) => (r.criterionId ? `“${r.criterionTitle}”` : 'the whole grade');

/** What was asked and, once answered, the answer with the points before and after. */
export function RegradeRequestText({ request, timeZone }: { request: RegradeRequestFieldsFragment; timeZone?: string }) {
  return (
    <div className="regrade-request">
      <p>
        <strong>Regrade request about {aboutWhat(request)}</strong>{' '}
        <span className="muted">
          (<DateTime iso={request.createdAt} timeZone={timeZone} />)
        </span>{' '}
        {request.open ? <span className="badge badge--warn">open</span> : <span className="badge badge--good">answered</span>}
      </p>
      <p className="feedback__comment">{request.message}</p>
      {!request.open ? (
        <>
          <p>
            <strong>Answer:</strong> {request.reply}
          </p>
          <p className="muted">
            {request.pointsAfter === request.pointsBefore
              ? `The grade stayed at ${request.pointsBefore ?? '—'} points.`
              : `The grade went from ${request.pointsBefore ?? '—'} to ${request.pointsAfter ?? '—'} points.`}
          </p>
        </>
      ) : null}
    </div>
  );
}

/** Staff, on the grading page: this student's regrade requests; open ones are answered here (change the levels first if the grade changes). */
export function RegradeRequestsPanel({ assignmentId, studentId, timeZone }: { assignmentId: string; studentId: string; timeZone: string }) {
  const { data, reload } = useSessionQuery({ query: GradeCriteriaQuery, variables: { assignmentId, studentId } });
  const requests = data?.feedback.regradeRequests ?? [];
  if (requests.length === 0) return null;
  const open = requests.filter((r) => r.open).length;
  return (
    <section className="card" aria-label="Regrade requests">
      <h2 className="card__title">
        Regrade requests {open ? <span className="badge badge--warn">{open} open</span> : null}
      </h2>
      {requests.map((r) => (
        <div key={r.id}>
          <RegradeRequestText request={r} timeZone={timeZone} />
          {r.open ? <ResolveForm request={r} onDone={reload} /> : null}
        </div>
      ))}
    </section>
  );
}

function ResolveForm({ request, onDone }: { request: RegradeRequestFieldsFragment; onDone: () => void }) {
  const [{ fetching, error }, resolve] = useMutation(ResolveRegradeMutation);
  return (
    <MessageForm
      label={`Reply about ${aboutWhat(request)}`}
      hint="Change the levels first if the grade changes; the student is notified with your reply and the points."
      emptyProblem="Write a reply for the student."
      submitLabel="Answer and close the request"
      busyLabel="Answering…"
      busy={fetching}
      error={error}
      onSend={async (reply) => {
        const result = await resolve({ id: request.id, reply });
        if (result.data) onDone();
        return !!result.data;
      }}
    />
  );
}

/** Tracker: "3 open regrade requests", each linking to the student's grading page. */
export function OpenRegradeRequests({ assignmentId, trackerQuery }: { assignmentId: string; trackerQuery: string }) {
  const { data } = useSessionQuery({ query: OpenRegradeRequestsQuery, variables: { assignmentId } });
  const requests = data?.regradeRequests ?? [];
  if (requests.length === 0) return null;
  return (
    <details className="notice notice--info">
      <summary>
        {requests.length} open regrade {requests.length === 1 ? 'request' : 'requests'}
      </summary>
      <ul>
        {requests.map((r) => (
          <li key={r.id}>
            <Link href={`${studentGradingHref(assignmentId, r.studentId)}${trackerQuery}`}>{r.message.length > 80 ? `${r.message.slice(0, 79)}…` : r.message}</Link>{' '}
            <span className="muted">about {aboutWhat(r)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Tracker row: a marker when the student has open regrade requests. */
export function RegradeMarker({ count }: { count: number | null | undefined }) {
  if (!count) return null;
  return (
    <span className="badge badge--warn">
      {count} open regrade {count === 1 ? 'request' : 'requests'}
    </span>
  );
}

/** Tracker row: each criterion's points, compact, under the total. */
export function CriterionPoints({ assignmentId, points }: { assignmentId: string; points: StatusRowFragment['criterionPoints'] }) {
  const { data } = useSessionQuery({ query: AssignmentRubricQuery, variables: { id: assignmentId }, requestPolicy: 'cache-first' });
  const criteria = data?.assignment?.rubric?.criteria ?? [];
  if (!points || criteria.length === 0) return null;
  return (
    <span className="rubric-points muted" title={criteria.map((c, i) => `${c.title}: ${points[i] ?? '—'}`).join(', ')}>
      <span aria-hidden="true">{points.map((p) => p ?? '–').join(' · ')}</span>
      <span className="visually-hidden">{criteria.map((c, i) => `${c.title} ${points[i] ?? 'not graded'}`).join(', ')}</span>
    </span>
  );
}
