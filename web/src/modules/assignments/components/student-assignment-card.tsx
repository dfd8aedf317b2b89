'use client';

import Link from 'next/link';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import { useSubscription } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { SpaceAssignmentsQuery, StatusRowFragment } from '../../../gql/graphql';
import { MyFeedback } from '../../grading/components/my-feedback';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Fact } from '../../ui/components/fact';
import { browserHref } from '../../workspaces/workspace-paths';
import { MarkdownText } from '../../ui/components/markdown-text';
import { latePolicySummary } from '../assignment-labels';
import { MyHandInsQuery } from '../graphql/assignment.query';
import { MyGroupQuery } from '../graphql/groups.operations';
import { HandInStatusSubscription } from '../graphql/hand-in-statuses.query';
import { Deadline, DeadlineCountdown } from './deadline';
import { HandInForm } from './hand-in-form';
import { PathChips } from './path-chips';
import { Receipt } from './receipt';
import { StatusBadges } from './status-badges';

type StudentAssignment = SpaceAssignmentsQuery['assignments'][number];

/**
 * One assignment for its student: deadline in the assignment's zone with a
 * live countdown to the deadline in force (extensions included), the hand-in
 * form, the latest receipt and, once returned, the grade.
 */
export function StudentAssignmentCard({
  assignment,
  onChanged,
  preview,
}: {
  assignment: StudentAssignment;
  onChanged: () => void;
  /** Staff previewing a student's view: that student's row, shown read-only (no hand-in, no feedback files). */
  preview?: { status: StatusRowFragment | null };
}) {
  const headingId = useId();
  const status = preview ? preview.status : assignment.myStatus;
  const [showHistory, setShowHistory] = useState(false);
  const [{ data: event }] = useSubscription({ query: HandInStatusSubscription, variables: { assignmentId: assignment.id }, pause: !!preview });
  const eventKey = event ? `${event.handInStatus.row?.status}:${event.handInStatus.row?.latestHandIn?.id}:${event.handInStatus.row?.deadline}` : '';
  // A changed status (collected, extended, graded) re-reads the assignment list.
  const changed = useEffectEvent(() => onChanged());
  useEffect(() => {
    if (eventKey) changed();
  }, [eventKey]);

  const deadline = status?.deadline ?? assignment.deadline;
  const extended = status?.extension && status.deadline !== assignment.deadline;

  return (
    <article className="card assignment-card" aria-labelledby={headingId}>
      <div className="section__header">
        <h3 id={headingId} className="card__title">
          {assignment.title}
        </h3>
        {status ? <StatusBadges row={status} timeZone={assignment.timeZone} /> : null}
      </div>
      <dl className="facts">
        {assignment.groupWork && !preview ? <MyGroupFact assignmentId={assignment.id} /> : null}
        <Fact term={extended ? 'Your extended deadline' : 'Deadline'}>
          <DeadlineCountdown iso={deadline} timeZone={assignment.timeZone} />
          {extended ? (
            <span className="muted">
              {' '}
              (the class deadline is <Deadline iso={assignment.deadline} timeZone={assignment.timeZone} />)
            </span>
          ) : null}
        </Fact>
        <Fact term="Late hand-ins">{latePolicySummary(assignment.latePolicy)}</Fact>
        <Fact term="What is handed in">
          <PathChips paths={assignment.handInPaths} />
          <span className="muted"> from {assignment.groupWork ? 'your group’s workspace' : 'your workspace'}</span>
        </Fact>
      </dl>
      {assignment.instructions ? (
        <MarkdownText className="instructions markdown" headingLevel={4}>
          {assignment.instructions}
        </MarkdownText>
      ) : null}

      {status?.grade && !preview ? <MyFeedback assignmentId={assignment.id} maxPoints={assignment.maxPoints} groupWork={assignment.groupWork} /> : null}

      {status?.latestHandIn ? (
        <section aria-label="Your latest receipt">
          <h4>Your latest hand-in</h4>
          <Receipt handIn={status.latestHandIn} timeZone={assignment.timeZone} late={status.late} />
        </section>
      ) : null}

      {preview ? null : <HandInForm assignment={assignment} onHandedIn={onChanged} />}

      {status && status.handInCount > 1 && !preview ? (
        <button type="button" className="button button--ghost button--small" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? 'Hide earlier hand-ins' : `Show all ${status.handInCount} hand-ins`}
        </button>
      ) : null}
      {showHistory ? <HandInHistory assignmentId={assignment.id} timeZone={assignment.timeZone} /> : null}
    </article>
  );
}

function HandInHistory({ assignmentId, timeZone }: { assignmentId: string; timeZone: string }) {
  const { data, error } = useSessionQuery({ query: MyHandInsQuery, variables: { assignmentId } });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <ol className="hand-in-history" reversed>
      {[...data.handIns].reverse().map((h) => (
        <li key={h.id}>
          <Receipt handIn={h} timeZone={timeZone} />
        </li>
      ))}
    </ol>
  );
}

/** "Your group: Red (Amara Okafor, Ben Carter)", with a link to the group's workspace. */
function MyGroupFact({ assignmentId }: { assignmentId: string }) {
  const { data, error } = useSessionQuery({ query: MyGroupQuery, variables: { assignmentId } });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return null;
  const group = data.myGroup;
  return (
    <Fact term="Your group">
      {group ? (
        <>
          {group.name} ({group.members.map((m) => m.name).sort((x, y) => x.localeCompare(y)).join(', ')}){' '}
          <Link href={browserHref(group.workspaceId)}>Open the group&rsquo;s workspace</Link>
        </>
      ) : (
        <span className="muted">You are in no group yet; the course staff will put you in one.</span>
      )}
    </Fact>
  );
}
