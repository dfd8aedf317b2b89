import { useCallback } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryState } from 'urql';
import { useHydrated } from '../use-hydrated';

export interface SessionQuery<Data, Variables extends AnyVariables> extends UseQueryState<Data, Variables> {
  /** Asks the server again, whatever the cache holds. */
  reload: () => void;
  /** False until the page has hydrated; until then nothing is asked. */
  hydrated: boolean;
}

/**
 * useQuery for what the signed-in person may see. It waits for hydration,
 * because the session cookie is httpOnly and only the browser's own requests
 * carry it, and by default shows what is cached while asking the server again.
 */
export function useSessionQuery<Data, Variables extends AnyVariables>(args: UseQueryArgs<Variables, Data>): SessionQuery<Data, Variables> {
  const hydrated = useHydrated();
  const [state, refetch] = useQuery<Data, Variables>({
    requestPolicy: 'cache-and-network',
    ...args,
    pause: !hydrated || args.pause,
  } as UseQueryArgs<Variables, Data>);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return { ...state, reload, hydrated };
}
