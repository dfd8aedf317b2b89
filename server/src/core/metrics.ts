import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of this process, served on METRICS_PORT. Counters and
 * histograms are updated where things happen; gauges that describe the
 * database or the blob store are read when Prometheus scrapes, through
 * {@link setGaugeSources}.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'stagecoach_process_' });

/** Latency by operation: `query workspace`, `mutation pushDistribution`, `PUT /api/workspaces/:id/files/*path`… */
export const requestDuration = new Histogram({
  name: 'stagecoach_request_duration_seconds',
  help: 'Time to answer a request, by operation (GraphQL root field or HTTP route) and outcome',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/** Events sent to subscribers, by subscription (`subscription workspaceChanged`) and outcome (`ok`, or `error` when the event carried errors). */
export const subscriptionEvents = new Counter({
  name: 'stagecoach_subscription_events_total',
  help: 'Subscription events delivered to clients, by operation and outcome',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});

/** `rate(stagecoach_distribution_targets_total[1m])` is targets per second. */
export const distributionTargets = new Counter({
  name: 'stagecoach_distribution_targets_total',
  help: 'Distribution targets this process finished, by status',
  labelNames: ['status'] as const,
  registers: [registry],
});

let targetCounter = (status: string): void => void distributionTargets.inc({ status });

/** A distribution target finished with `status`: counted here, or by the thread that serves the metrics. */
export function countTarget(status: string): void {
  targetCounter(status);
}

/** Finished targets are counted by `count` instead (a worker thread hands them to the thread that serves the metrics). */
export function countTargetsWith(count: (status: string) => void): void {
  targetCounter = count;
}

export interface GaugeSources {
  /** Targets waiting (PENDING) or being applied (RUNNING), across all workers. */
  queueDepth(): Promise<Record<string, number>>;
  /** Scheduled jobs (releases, collections) whose time has come and that have not run yet. */
  jobsDue(): Promise<number>;
  /** Subscriptions open on this process's sockets. */
  subscriptionsOpen(): number;
  /** Bytes in the blob store (refreshed at most once a minute). */
  blobBytes(): Promise<number>;
}

let sources: GaugeSources | null = null;

export function setGaugeSources(next: GaugeSources | null): void {
  sources = next;
}

new Gauge({
  name: 'stagecoach_distribution_queue_depth',
  help: 'Distribution targets not finished yet, by status (PENDING, RUNNING)',
  labelNames: ['status'] as const,
  registers: [registry],
  async collect() {
    if (!sources) return;
    const depth = await sources.queueDepth();
    for (const status of ['PENDING', 'RUNNING']) this.set({ status }, depth[status] ?? 0);
  },
});

new Gauge({
  name: 'stagecoach_scheduled_jobs_due',
  help: 'Scheduled assignment jobs whose time has come and that have not run yet',
  registers: [registry],
  async collect() {
    if (sources) this.set(await sources.jobsDue());
  },
});

new Gauge({
  name: 'stagecoach_subscriptions_open',
  help: 'GraphQL subscriptions open on this process',
  registers: [registry],
  collect() {
    if (sources) this.set(sources.subscriptionsOpen());
  },
});

new Gauge({
  name: 'stagecoach_blob_store_bytes',
  help: 'Bytes of file content in the blob store',
  registers: [registry],
  async collect() {
    if (sources) this.set(await sources.blobBytes());
  },
});
