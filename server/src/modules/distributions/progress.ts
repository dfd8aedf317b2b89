import type { EventBus } from '../../core/pubsub';
import type { Database } from '../../db/database';
import { Distribution } from './distribution.entity';
import type { DistributionTarget } from './distribution-target.entity';
import type { DistributionsService, TargetCounts } from './distributions.service';

export interface ProgressEvent {
  distribution: Distribution;
  counts: TargetCounts;
  finished: DistributionTarget[];
  final: boolean;
}

const TERMINAL = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']);
/** When no event arrives for this long, the status is read again (the database is the source of truth). */
const RECHECK_MS = 5_000;
/** The most finished targets the first event lists; more are paged through the `targets` query. */
const INITIAL_FINISHED = 1_000;

/** What a topic tells its listeners: a batch, or that it ended (without a final event, or reading failed). */
type Told = { event: ProgressEvent } | { ended: true; error?: unknown };
type Listener = (told: Told) => void;

/** One distribution's progress in this process: one subscription to its events, one reading per batch, every listener told. */
interface Topic {
  listeners: Set<Listener>;
  stop: () => void;
}

/**
 * Progress of distributions for every subscriber in this process. Each
 * distribution watched is followed once, however many subscribers watch it:
 * events are gathered into batches of at most one per `intervalMs`, each batch
 * is read from the database once (the distribution, its counts and the
 * targets finished since the last batch) and the same event goes to every
 * subscriber. A subscriber's first event is its own: the current state,
 * including targets that finished before it arrived.
 */
export class ProgressHub {
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
    private readonly distributions: DistributionsService,
    private readonly intervalMs = 100,
  ) {}

  /** Subscribers following each distribution now (for tests and metrics). */
  watchers(distributionId: string): number {
    return this.topics.get(distributionId)?.listeners.size ?? 0;
  }

  /**
   * A subscriber's progress stream: the current state first, then the shared
   * batches, ending with the final event. Joins before reading, so nothing
   * that happens in between is missed.
   */
  async *stream(distributionId: string): AsyncGenerator<ProgressEvent> {
    const queue: Told[] = [];
    let wake: (() => void) | null = null;
    const listener: Listener = (told) => {
      queue.push(told);
      wake?.();
    };
    this.join(distributionId, listener);
    try {
      const first = await this.read(distributionId, null);
      yield first;
      if (first.final) return;
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const told = queue.shift()!;
        if ('ended' in told) {
          if (told.error) throw told.error;
          return;
        }
        yield told.event;
        if (told.event.final) return;
      }
    } finally {
      this.leave(distributionId, listener);
    }
  }

  private join(distributionId: string, listener: Listener): void {
    let topic = this.topics.get(distributionId);
    if (!topic) {
      topic = this.follow(distributionId);
      this.topics.set(distributionId, topic);
    }
    topic.listeners.add(listener);
  }

  private leave(distributionId: string, listener: Listener): void {
    const topic = this.topics.get(distributionId);
    if (!topic) return;
    topic.listeners.delete(listener);
    if (topic.listeners.size === 0) {
      this.topics.delete(distributionId);
      topic.stop();
    }
  }

  /** The distribution now; with `finishedIds`, those targets, otherwise the most recent finished ones. */
  private async read(distributionId: string, finishedIds: readonly string[] | null): Promise<ProgressEvent> {
    const distribution = await this.db.manager.findOneByOrFail(Distribution, { id: distributionId });
    const counts = await this.distributions.counts(distributionId);
    const finished = finishedIds
      ? await this.distributions.targetsByIds(finishedIds)
      : await this.distributions.finishedTargets(distributionId, INITIAL_FINISHED);
    return { distribution, counts, finished, final: TERMINAL.has(distribution.status) };
  }

  /** Follows one distribution's events until it ends or nobody listens, telling every listener each batch. */
  private follow(distributionId: string): Topic {
    const iterator = this.events.subscribe('DISTRIBUTION_PROGRESS', distributionId)[Symbol.asyncIterator]();
    const listeners = new Set<Listener>();
    let stopped = false;
    let stopWaiting: (() => void) | null = null;
    const stop = () => {
      stopped = true;
      stopWaiting?.();
      void iterator.return?.();
    };
    const tell = (told: Told) => {
      for (const listener of listeners) listener(told);
    };
    const run = async () => {
      const finishedIds = new Set<string>();
      let next = iterator.next();
      let lastEmit = Date.now();
      let dirty = false;
      while (!stopped) {
        const wait = dirty ? Math.max(0, lastEmit + this.intervalMs - Date.now()) : RECHECK_MS;
        let timer: NodeJS.Timeout | undefined;
        const woke = await Promise.race([
          next.then((r) => ({ r })),
          new Promise<'timer'>((resolve) => {
            timer = setTimeout(() => resolve('timer'), wait);
            stopWaiting = () => resolve('timer');
          }),
        ]);
        clearTimeout(timer);
        if (stopped) return;
        if (woke !== 'timer') {
          if (woke.r.done) return;
          if (woke.r.value.targetId) finishedIds.add(woke.r.value.targetId);
          dirty = true;
          next = iterator.next();
          if (Date.now() - lastEmit < this.intervalMs) continue;
        }
        if (!dirty) {
          // Nothing was heard for a while: look, and report only an end we missed.
          const current = await this.db.manager.findOneByOrFail(Distribution, { id: distributionId });
          if (!TERMINAL.has(current.status)) continue;
        }
        const ids = [...finishedIds];
        finishedIds.clear();
        const event = await this.read(distributionId, ids);
        if (stopped) return;
        tell({ event });
        lastEmit = Date.now();
        dirty = false;
        if (event.final) return;
      }
    };
    void run().then(
      () => this.ended(distributionId, listeners, iterator, tell, {}),
      // A batch that cannot be read ends the streams with the error rather than leaving them waiting.
      (error: unknown) => this.ended(distributionId, listeners, iterator, tell, { error }),
    );
    return { listeners, stop };
  }

  /** A topic is over (final, stopped, the event bus closed, or an error): later subscribers start a new one. */
  private ended(distributionId: string, listeners: Set<Listener>, iterator: AsyncIterator<unknown>, tell: (told: Told) => void, how: { error?: unknown }): void {
    if (this.topics.get(distributionId)?.listeners === listeners) this.topics.delete(distributionId);
    void iterator.return?.();
    tell({ ended: true, ...how });
  }
}
