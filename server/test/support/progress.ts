import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from './test-server';
import { waitFor } from './wait';

export interface ProgressEvent {
  distribution: { status: string };
  counts: { total: number; done: number; succeeded: number; conflict: number; failed: number; cancelled: number };
  finished: { workspaceId: string; status: string }[];
  final: boolean;
}

const PROGRESS = `subscription($id: ID!) { distributionProgress(id: $id) {
  distribution { status } counts { total done succeeded conflict failed cancelled }
  finished { workspaceId status } final } }`;

/** Follows a distribution over graphql-ws until its final event; returns every event received. */
export function followDistribution(server: TestServer, token: string, id: string, timeoutMs = 60_000): Promise<ProgressEvent[]> {
  const client = createClient({
    url: server.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const events: ProgressEvent[] = [];
  return new Promise<ProgressEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`distribution ${id} did not finish within ${timeoutMs} ms: ${JSON.stringify(events.at(-1))}`)), timeoutMs);
    client.subscribe(
      { query: PROGRESS, variables: { id } },
      {
        next: (value) => {
          if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
          const event = (value.data as { distributionProgress: ProgressEvent }).distributionProgress;
          events.push(event);
          if (event.final) {
            clearTimeout(timer);
            resolve(events);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => undefined,
      },
    );
  }).finally(() => client.dispose());
}

/** Waits until an assignment's release started, then follows it until its material reached every student. */
export async function awaitRelease(server: TestServer, token: string, assignmentId: string): Promise<void> {
  const { assignment } = await waitFor(
    () => server.ok('query($id: ID!) { assignment(id: $id) { distributionId } }', { id: assignmentId }, token),
    (d) => !!d.assignment.distributionId,
    'the release',
  );
  await followDistribution(server, token, assignment.distributionId);
}
