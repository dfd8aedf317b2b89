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

export interface Watch<E> {
  /** Every event so far, in arrival order. */
  readonly events: readonly E[];
  /** The first event (received or still to come) for which `test` holds. */
  until(test: (event: E) => boolean, timeoutMs: number): Promise<E>;
  close(): Promise<void>;
}

/** The first event of a `distributionProgress` watch is the state at subscription. */
export type ProgressWatch = Watch<WatchedEvent>;

const PROGRESS = `subscription($id: ID!) { distributionProgress(id: $id) {
  distribution { status } counts { total done pending running succeeded conflict failed cancelled }
  finished { workspaceId status } final } }`;

/**
 * Subscribes to `distributionProgress(id)` at `baseUrl` over graphql-ws and
 * keeps every event, so a test can wait on what the subscriber has seen
 * instead of on time.
 */
export function watchProgress(baseUrl: string, token: string, distributionId: string): ProgressWatch {
  return watchSubscription(baseUrl, token, PROGRESS, { id: distributionId }, (data) => ({
    ...(data as { distributionProgress: Omit<WatchedEvent, 'at'> }).distributionProgress,
    at: Date.now(),
  }));
}

/**
 * Subscribes to `query` at `baseUrl` over graphql-ws as `token` and keeps
 * every event (as `pick` shapes it from the data), so a test can wait on what
 * the subscriber has seen instead of on time.
 */
export function watchSubscription<E>(baseUrl: string, token: string, query: string, variables: Record<string, unknown>, pick: (data: unknown) => E): Watch<E> {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const events: E[] = [];
  let failure: Error | null = null;
  let ended = false;
  const waiters = new Set<{ test: (e: E) => boolean; resolve: (e: E) => void; reject: (e: Error) => void }>();
  const settle = () => {
    for (const waiter of waiters) {
      const hit = events.find(waiter.test);
      if (hit) waiter.resolve(hit);
      else if (failure) waiter.reject(failure);
      else if (ended) waiter.reject(new Error(`the subscription ended without such an event; last: ${JSON.stringify(events.at(-1))}`));
      else continue;
      waiters.delete(waiter);
    }
  };
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) failure = new Error(`subscription errors: ${JSON.stringify(value.errors)}`);
        else events.push(pick(value.data));
        settle();
      },
      error: (error) => {
        failure = error instanceof Error ? error : new Error(`subscription failed: ${JSON.stringify(error)}`);
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
      return new Promise<E>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no such event within ${timeoutMs} ms; last: ${JSON.stringify(events.at(-1))}`));
        }, timeoutMs);
        const waiter = {
          test,
          resolve: (e: E) => {
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
