import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface WatchedEvent {
  distribution: { status: string };
  counts: { total: number; done: number; pending: number; running: number; succeeded: number; conflict: number; failed: number; cancelled: number };
  finished: { workspaceId: string; status: string }[];
  final: boolean;
  /** When the test received it. */
  at: number;
}

export interface ProgressWatch {
  /** Every event so far, in arrival order; the first is the state at subscription. */
  readonly events: readonly WatchedEvent[];
  /** The first event (received or still to come) for which `test` holds. */
  until(test: (event: WatchedEvent) => boolean, timeoutMs: number): Promise<WatchedEvent>;
  close(): Promise<void>;
}

const PROGRESS = `subscription($id: ID!) { distributionProgress(id: $id) {
  distribution { status } counts { total done pending running succeeded conflict failed cancelled }
  finished { workspaceId status } final } }`;

/**
 * Subscribes to `distributionProgress(id)` at `baseUrl` over graphql-ws and
 * keeps every event, so a test can wait on what the subscriber has seen
 * instead of on time.
 */
export function watchProgress(baseUrl: string, token: string, distributionId: string): ProgressWatch {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const events: WatchedEvent[] = [];
  let failure: Error | null = null;
  let ended = false;
  const waiters = new Set<{ test: (e: WatchedEvent) => boolean; resolve: (e: WatchedEvent) => void; reject: (e: Error) => void }>();
  const settle = () => {
    for (const waiter of waiters) {
      const hit = events.find(waiter.test);
      if (hit) waiter.resolve(hit);
      else if (failure) waiter.reject(failure);
      else if (ended) waiter.reject(new Error(`the progress subscription ended without such an event; last: ${JSON.stringify(events.at(-1))}`));
      else continue;
      waiters.delete(waiter);
    }
  };
  const unsubscribe = client.subscribe(
    { query: PROGRESS, variables: { id: distributionId } },
    {
      next: (value) => {
        if (value.errors) failure = new Error(`progress subscription errors: ${JSON.stringify(value.errors)}`);
        else events.push({ ...(value.data as { distributionProgress: Omit<WatchedEvent, 'at'> }).distributionProgress, at: Date.now() });
        settle();
      },
      error: (error) => {
        failure = error instanceof Error ? error : new Error(`progress subscription failed: ${JSON.stringify(error)}`);
        settle();
      },
      complete: () => {
        ended = true;
        settle();
      },
    },
  );
  return {
    events,
    until(test, timeoutMs) {
      return new Promise<WatchedEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no such progress event within ${timeoutMs} ms; last: ${JSON.stringify(events.at(-1))}`));
        }, timeoutMs);
        const waiter = {
          test,
          resolve: (e: WatchedEvent) => {
            clearTimeout(timer);
            resolve(e);
          },
          reject: (e: Error) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        waiters.add(waiter);
        settle();
      });
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
