'use client';

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createGraphQLClient, type GraphQLClient } from './create-client';
import type { SocketSettings } from './subscription-url';

const ResetSessionContext = createContext<() => void>(() => {});

/**
 * Supplies the urql client. `useResetSession()` swaps in a fresh client after
 * signing in or out, so nothing cached for the previous user survives.
 */
export function GraphQLProvider({ socket, children }: { socket: SocketSettings; children: ReactNode }) {
  const [current, setCurrent] = useState<GraphQLClient>(() => createGraphQLClient(socket));
  useEffect(() => () => current.dispose(), [current]);
  const reset = useCallback(() => setCurrent(createGraphQLClient(socket)), [socket]);
  return (
    <ResetSessionContext.Provider value={reset}>
      <Provider value={current.client}>{children}</Provider>
    </ResetSessionContext.Provider>
  );
}

export function useResetSession(): () => void {
  return useContext(ResetSessionContext);
}
