/**
 * The subscribers of the subscribers benchmark, in a process of their own so
 * that their CPU and memory are not the server's: real graphql-ws clients,
 * one WebSocket each, as many dashboards would open. Driven by the benchmark
 * over IPC (see `ClientCommand`); every arrival is stamped with this
 * machine's clock, which the server process shares.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { fromGlobalId } from '../core/graphql/global-id';

export type ClientCommand =
  | { type: 'progress'; url: string; token: string; count: number; distributionId: string }
  | { type: 'workspaces'; url: string; token: string; workspaceIds: string[] }
  | { type: 'statuses'; url: string; token: string; count: number; assignmentId: string }
  /** Resolves when every client has seen its stream's first event (progress) or the final one. */
  | { type: 'until'; what: 'first' | 'final' }
  /** Resolves when every client has heard of `students` distinct students since the last `reset`. */
  | { type: 'untilStudents'; students: number }
  /** Resolves when every workspace subscriber has heard of a new version since the last `reset`. */
  | { type: 'untilEveryWorkspace' }
  /** Latency of every arrival of a key (target or workspace id) after its time in `sentAt` (ms since the epoch). */
  | { type: 'latency'; sentAt: Record<string, number> }
  | { type: 'reset' }
  | { type: 'close' };

export interface LatencyReport {
  /** Arrivals measured (client × key). */
  arrivals: number;
  /** Keys in `sentAt` some client never heard of. */
  missing: number;
  p50: number;
  p99: number;
  max: number;
}

interface Subscriber {
  client: Client;
  /** Arrival time (ms since the epoch, 0 for not yet) of each key by its index in `keys`, since the last reset. */
  arrivals: Float64Array;
  /** How many keys have arrived since the last reset. */
  heard: number;
  first: boolean;
  final: boolean;
  failure: unknown;
}

const subscribers: Subscriber[] = [];

/**
 * The keys (target, workspace or student ids) heard since the last reset, each
 * with one index for every subscriber: a thousand subscribers hearing the same
 * thousand ids keep a thousand numbers each, not a map of a thousand strings,
 * so the clients' own bookkeeping does not weigh on the machine they share
 * with the server.
 */
const keys = new Map<string, number>();

function heard(s: Subscriber, key: string, at: number): void {
  let index = keys.get(key);
  if (index === undefined) keys.set(key, (index = keys.size));
  if (index >= s.arrivals.length) {
    const grown = new Float64Array(Math.max(index + 1, s.arrivals.length * 2));
    grown.set(s.arrivals);
    s.arrivals = grown;
  }
  if (s.arrivals[index] === 0) {
    s.arrivals[index] = at;
    s.heard++;
  }
}
const waiting: { test: () => boolean; resolve: () => void; reject: (error: Error) => void }[] = [];

function settle(): void {
  const failed = subscribers.find((s) => s.failure);
  for (let i = waiting.length - 1; i >= 0; i--) {
    if (failed) waiting[i].reject(new Error(`a subscription failed: ${JSON.stringify(failed.failure)}`));
    else if (waiting[i].test()) waiting[i].resolve();
    else continue;
    waiting.splice(i, 1);
  }
}

function until(test: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    waiting.push({ test, resolve, reject });
    settle();
  });
}

/** Opens one client and its subscription; resolves once its connection is acknowledged. */
function open(url: string, token: string, query: string, variables: Record<string, unknown>, keysOf: (data: Record<string, unknown>, s: Subscriber) => string[]): Promise<void> {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  const s: Subscriber = { client, arrivals: new Float64Array(1024), heard: 0, first: false, final: false, failure: null };
  subscribers.push(s);
  const connected = new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(new Error(`a connection closed: ${describe(event)}`)));
  });
  client.subscribe(
    { query, variables },
    {
      next: (value) => {
        const at = Date.now();
        if (value.errors) s.failure = value.errors;
        else for (const key of keysOf(value.data as Record<string, unknown>, s)) heard(s, key, at);
        s.first = true;
        settle();
      },
      error: (error) => {
        s.failure = describe(error);
        settle();
      },
      complete: () => settle(),
    },
  );
  return connected;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const close = error as { code?: number; reason?: string };
  return close.code ? `closed ${close.code} ${close.reason ?? ''}` : JSON.stringify(error);
}

/** Connections opened at once: a thousand at the same moment would outwait the server's connection_init timeout on a busy machine. */
const WAVE = 50;

async function openAll<T>(items: readonly T[], openOne: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += WAVE) await Promise.all(items.slice(i, i + WAVE).map(openOne));
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function handle(command: ClientCommand): Promise<unknown> {
  switch (command.type) {
    case 'progress':
      await openAll(Array.from({ length: command.count }), () =>
        open(command.url, command.token, 'subscription($id: ID!) { distributionProgress(id: $id) { final finished { id } } }', { id: command.distributionId }, (data, s) => {
          const event = data.distributionProgress as { final: boolean; finished: { id: string }[] };
          if (event.final) s.final = true;
          return event.finished.map((t) => t.id);
        }),
      );
      return null;
    case 'workspaces':
      await openAll(command.workspaceIds, (id) =>
        open(command.url, command.token, 'subscription($w: ID!) { workspaceChanged(workspaceId: $w) { workspaceId version } }', { w: id }, (data) => [
          (data.workspaceChanged as { workspaceId: string }).workspaceId,
        ]),
      );
      return null;
    case 'statuses':
      await openAll(Array.from({ length: command.count }), () =>
        open(command.url, command.token, 'subscription($a: ID!) { handInStatus(assignmentId: $a) { studentId row { status handInCount } counts { status count } } }', { a: command.assignmentId }, (data) => {
          const id = (data.handInStatus as { studentId: string | null }).studentId;
          return id ? [id] : [];
        }),
      );
      return null;
    case 'until':
      await until(() => subscribers.every((s) => (command.what === 'first' ? s.first : s.final)));
      return null;
    case 'untilStudents':
      await until(() => subscribers.every((s) => s.heard >= command.students));
      return null;
    case 'untilEveryWorkspace':
      await until(() => subscribers.every((s) => s.heard >= 1));
      return null;
    case 'latency': {
      let count = 0;
      let missing = 0;
      for (const s of subscribers) count += s.heard;
      const samples = new Float64Array(count);
      let n = 0;
      // The server answers global ids; the benchmark stamps what the worker announced, by raw id.
      const byRawId = new Map([...keys].map(([key, index]) => [fromGlobalId(key).raw, index]));
      for (const [key, sent] of Object.entries(command.sentAt)) {
        let anyone = false;
        const index = byRawId.get(key);
        if (index === undefined) {
          missing++;
          continue;
        }
        for (const { arrivals } of subscribers) {
          const at = arrivals[index] ?? 0;
          if (at === 0) continue;
          samples[n++] = at - sent;
          anyone = true;
        }
        if (!anyone) missing++;
      }
      const sorted = samples.subarray(0, n).sort();
      const report: LatencyReport = { arrivals: n, missing, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: n ? sorted[n - 1] : 0 };
      return report;
    }
    case 'reset':
      for (const s of subscribers) {
        s.arrivals.fill(0);
        s.heard = 0;
      }
      keys.clear();
      return null;
    case 'close':
      await Promise.all(subscribers.map((s) => s.client.dispose()));
      subscribers.length = 0;
      return null;
  }
}

process.on('message', (message: { id: number; command: ClientCommand }) => {
  handle(message.command).then(
    (result) => process.send!({ id: message.id, result }),
    (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
