import { useEffect } from 'react';
import { useSubscription } from 'urql';
import { useHydrated } from '../../core/use-hydrated';
import { AssignmentChangedSubscription } from './graphql/assignment.query';

/**
 * Calls `reload` each time an assignment of the space is created, edited or
 * released (students hear only of released ones), so open lists follow
 * without a reload of the page.
 */
export function useAssignmentChanges(spaceId: string, reload: () => void): void {
  const hydrated = useHydrated();
  const [{ data: seen = 0 }] = useSubscription(
    { query: AssignmentChangedSubscription, variables: { spaceId }, pause: !hydrated },
    (previous: number | undefined) => (previous ?? 0) + 1,
  );
  useEffect(() => {
    if (seen > 0) reload();
  }, [seen, reload]);
}
