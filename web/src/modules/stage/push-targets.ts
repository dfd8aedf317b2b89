import { useSessionQuery } from '../../core/graphql/use-session-query';
import { SpaceWorkspacesQuery } from '../spaces/graphql/space.query';

/** Workspaces a push from `sourceWorkspaceId` could change: those the caller may write, other than the source. */
export function pushTargets<W extends { id: string; canWrite: boolean }>(workspaces: readonly W[], sourceWorkspaceId: string): W[] {
  return workspaces.filter((w) => w.canWrite && w.id !== sourceWorkspaceId);
}

export const NO_PUSH_TARGET =
  'You cannot change any other workspace of this space (a TA writes only to shared workspaces), so there is nothing to push to.';

/**
 * The space's workspaces, to tell whether a push could reach any; null
 * while loading (the push stays offered until it is known).
 */
export function useSpaceWorkspaces(spaceId: string | null | undefined) {
  const { data } = useSessionQuery({ query: SpaceWorkspacesQuery, variables: { id: spaceId ?? '' }, pause: !spaceId, requestPolicy: 'cache-first' });
  return data?.space.workspaces ?? null;
}
