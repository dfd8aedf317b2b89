import { useEffect } from 'react';
import { useSubscription } from 'urql';
import { useHydrated } from '../../core/use-hydrated';
import { AssignmentChangedSubscription } from './graphql/assignment.query';

/**
 * Calls `reload` each time an assignment of the space is created, edited or
 * released (students hear only of released ones), so open lists follow
 * without a reload of the page. With `onlyId`, only that assignment's changes count.
 */
export function useAssignmentChanges(spaceId: string | null, reload: () => void, onlyId?: string): void {
  const hydrated = useHydrated();
  const [{ data: seen = 0 }] = useSubscription(
    { query: AssignmentChangedSubscription, variables: { spaceId: spaceId ?? '' }, pause: !hydrated || !spaceId },
    (previous: number | undefined, event) => (previous ?? 0) + (!onlyId || event.assignmentChanged.assignment.id === onlyId ? 1 : 0),
  );
  useEffect(() => {
    if (seen > 0) reload();
  }, [seen, reload]);
}
