import { SharedTopics, type TopicRun } from '../../core/graphql/shared-topics';
import type { EventBus, Events } from '../../core/pubsub';
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
/**
 * The most finished targets the first event lists: the newest, for a live
 * feed. The rest are paged through the `targets` query, so opening a finished
 * push of a whole class does not send every target over the socket.
 */
export const INITIAL_FINISHED = 10;

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
  private readonly topics: SharedTopics<Events['DISTRIBUTION_PROGRESS'][1], ProgressEvent>;
  /** The targets each run of a topic told its subscribers of. */
  private readonly told = new WeakMap<TopicRun, Set<string>>();

  constructor(
    private readonly db: Database,
    events: EventBus,
    private readonly distributions: DistributionsService,
    intervalMs = 100,
  ) {
    this.topics = new SharedTopics({
      subscribe: (id) => events.subscribe('DISTRIBUTION_PROGRESS', id),
      // Read for nothing heard: the idle check found the push ended (its end event was lost).
      read: (id, heard, run) => this.batch(id, run, [...new Set(heard.flatMap((e) => (e.targetId ? [e.targetId] : [])))], heard.length === 0 || heard.some((e) => e.targetId === null)),
      final: (event) => event.final,
      // Nothing heard for a while: look, and report only an end that was missed.
      idle: { ms: RECHECK_MS, check: async (id) => TERMINAL.has((await this.db.manager.findOneByOrFail(Distribution, { id })).status) },
      intervalMs,
    });
  }

  /** Subscribers following each distribution now (for tests and metrics). */
  watchers(distributionId: string): number {
    return this.topics.watchers(distributionId);
  }

  /**
   * A subscriber's progress stream: the current state first, then the shared
   * batches, ending with the final event. A target the subscriber's own first
   * event told of is left out of the batches after it: the run it joined may
   * tell of it again at the end (it finished during the run, but before the
   * subscriber came, without being heard of). Only such a batch is copied for
   * the subscriber; the others stay the one object every subscriber is sent.
   */
  async *stream(distributionId: string): AsyncGenerator<ProgressEvent> {
    let toldFirst: Set<string> | null = null;
    for await (const event of this.topics.stream(distributionId, () => this.read(distributionId, null, true))) {
      if (!toldFirst) {
        toldFirst = new Set(event.finished.map((t) => t.id));
        yield event;
        continue;
      }
      const told = toldFirst;
      yield event.finished.some((t) => told.has(t.id)) ? { ...event, finished: event.finished.filter((t) => !told.has(t.id)) } : event;
    }
  }

  /**
   * A batch of a topic's run: the targets heard of; at the end, also every
   * target that finished during the run without being heard of (a worker
   * killed between committing a target and announcing it), so the subscribers
   * of a run see each target finish once.
   */
  private async batch(distributionId: string, run: TopicRun, finishedIds: readonly string[], endHeard: boolean): Promise<ProgressEvent> {
    const event = await this.read(distributionId, finishedIds, endHeard);
    let told = this.told.get(run);
    if (!told) this.told.set(run, (told = new Set()));
    for (const target of event.finished) told.add(target.id);
    if (event.final) event.finished.push(...(await this.distributions.finishedSince(distributionId, run.startedAt, told)));
    return event;
  }

  /**
   * The distribution now; with `finishedIds`, those targets, otherwise the
   * most recent finished ones. The end is told once it is heard (`endHeard`):
   * the worker announces a push's last targets before its end, in order, so
   * by then every target is in a batch, while the database may show the end
   * before their events have arrived (the worker is another thread or
   * process). A cancellation is announced by nobody and told when seen.
   */
  private async read(distributionId: string, finishedIds: readonly string[] | null, endHeard: boolean): Promise<ProgressEvent> {
    const distribution = await this.db.manager.findOneByOrFail(Distribution, { id: distributionId });
    const counts = await this.distributions.counts(distributionId);
    const finished = finishedIds
      ? await this.distributions.targetsByIds(finishedIds)
      : await this.distributions.finishedTargets(distributionId, INITIAL_FINISHED);
    return { distribution, counts, finished, final: TERMINAL.has(distribution.status) && (endHeard || distribution.status === 'CANCELLED') };
  }
}
