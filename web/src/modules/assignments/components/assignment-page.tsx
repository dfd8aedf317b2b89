'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useSubscription } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { SpaceQuery } from '../../spaces/graphql/space.query';
import { PageFallback } from '../../ui/components/page-fallback';
import { AssignmentQuery } from '../graphql/assignment.query';
import { HandInStatusSubscription } from '../graphql/hand-in-statuses.query';
import { applyStatusEvent, type TrackerLive } from '../tracker-state';
import { useAssignmentChanges } from '../use-assignment-changes';
import type { StatusRowFragment } from '../../../gql/graphql';
import { AssignmentDetails } from './assignment-details';
import { HandInCharts } from './hand-in-charts';
import { HandInTracker } from './hand-in-tracker';
import { StudentAssignmentView } from './student-assignment-view';
import { ReleaseOutcome } from './release-outcome';
import { GroupPanel } from './group-panel';
import { RubricEditor } from '../../grading/components/rubric-editor';

const WORDING = { NOT_FOUND: 'This assignment does not exist, or you cannot see it.' };

/** The staff's page for an assignment: details and edit, the live tracker, charts. */
export function AssignmentPage({ id }: { id: string }) {
  const { data, error, reload, hydrated } = useSessionQuery({ query: AssignmentQuery, variables: { id } });
  const assignment = data?.assignment;
  const { data: spaceData } = useSessionQuery({
    query: SpaceQuery,
    variables: { id: assignment?.spaceId ?? '' },
    pause: !assignment,
    requestPolicy: 'cache-first',
  });
  // One subscription feeds both the tracker rows and the charts.
  const [{ data: live }] = useSubscription(
    { query: HandInStatusSubscription, variables: { assignmentId: id }, pause: !hydrated },
    (previous: TrackerLive<StatusRowFragment> | undefined, event) => applyStatusEvent(previous, event.handInStatus),
  );
  const [editing, setEditing] = useState(false);
  // Each change of the groups changes the tracker's rows (one per group): it reads them afresh.
  const [groupsChanged, setGroupsChanged] = useState(0);
  // An edit made elsewhere (the deadline moved, the release came) shows here too.
  useAssignmentChanges(assignment?.spaceId ?? null, reload, id);

  if (!assignment) {
    return <PageFallback title="Assignment" error={error} answered={data !== undefined} wording={WORDING} onRetry={reload} loadingText="Loading the assignment…" />;
  }

  const space = spaceData?.space;
  const role = space?.myRole;
  const staff = role === 'ADMIN' || role === 'TA';
  return (
    <>
      <header className="page-header">
        <p className="page-header__eyebrow">
          <Link href={`/spaces/${assignment.spaceId}?tab=assignments`}>{space?.name ?? 'Back to the space'}</Link>
        </p>
        <h1>{assignment.title}</h1>
      </header>
      {space && !staff ? (
        <>
          <p className="notice notice--info">
            Your other assignments and your workspace are on <Link href={`/spaces/${assignment.spaceId}`}>your course page</Link>.
          </p>
          <StudentAssignmentView spaceId={assignment.spaceId} assignmentId={assignment.id} />
        </>
      ) : null}
      {staff ? <AssignmentDetails assignment={assignment} admin={role === 'ADMIN'} editing={editing} onEditing={setEditing} onReload={reload} /> : null}
      {role === 'ADMIN' ? <RubricEditor assignmentId={assignment.id} /> : null}
      {staff && assignment.groupWork ? <GroupPanel assignmentId={assignment.id} spaceId={assignment.spaceId} admin={role === 'ADMIN'} onChanged={() => setGroupsChanged((n) => n + 1)} /> : null}
      {staff ? (
        <>
          <ReleaseOutcome assignmentId={assignment.id} admin={role === 'ADMIN'} groupWork={assignment.groupWork} liveEvents={live?.events ?? 0} />
          <HandInTracker key={`tracker-${groupsChanged}`} assignment={assignment} canExtend={!!space?.canGrantExtensions} live={live} />
          <HandInCharts key={`charts-${groupsChanged}`} assignment={assignment} live={live} />
        </>
      ) : null}
    </>
  );
}
