'use client';

import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ResultView } from '../../ui/components/result-view';
import { SpaceAssignmentsQuery } from '../graphql/assignment.query';
import { StudentAssignmentCard } from './student-assignment-card';

/**
 * An assignment as its student sees it on its own page (where a notification
 * about it leads): the same card as on the course page, with the hand-in,
 * the receipt and returned feedback, and none of the staff's settings.
 */
export function StudentAssignmentView({ spaceId, assignmentId }: { spaceId: string; assignmentId: string }) {
  const { data, error, fetching, reload } = useSessionQuery({ query: SpaceAssignmentsQuery, variables: { spaceId } });
  const assignment = data?.assignments.find((a) => a.id === assignmentId);
  return (
    <ResultView
      error={error}
      onRetry={reload}
      loading={!data && fetching}
      loadingText="Loading the assignment…"
      empty={data !== undefined && !assignment}
      emptyText={<p>This assignment is not released yet.</p>}
    >
      {assignment ? <StudentAssignmentCard assignment={assignment} onChanged={reload} /> : null}
    </ResultView>
  );
}
