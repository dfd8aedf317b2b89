import { useSessionQuery } from '../../core/graphql/use-session-query';
import { PushTargetsQuery } from '../spaces/graphql/space.query';

export const NO_PUSH_TARGET =
  'You cannot change any other workspace of this space (a TA writes only to shared workspaces), so there is nothing to push to.';

/**
 * Whether a push from a workspace of this space could reach any other: a
 * function of the source, or null while loading (the push stays offered until
 * it is known). Asks for two writable workspaces, whatever the class size: a
 * source has a target unless it is the only workspace the caller may change.
 */
export function usePushReach(spaceId: string | null | undefined): ((sourceWorkspaceId: string) => boolean) | null {
  const { data } = useSessionQuery({
    query: PushTargetsQuery,
    variables: { spaceId: spaceId ?? '', first: 2 },
    pause: !spaceId,
    requestPolicy: 'cache-first',
  });
  const list = data?.space?.workspaceList;
  return list ? pushReach(list) : null;
}

/** From the first two workspaces the caller may change and their total: whether a push from `source` reaches another. */
export function pushReach(list: { totalCount?: number | null; nodes: readonly { id: string }[] }): (source: string) => boolean {
  return (source) => list.nodes.some((w) => w.id !== source) || (list.totalCount ?? 0) > list.nodes.length;
}
