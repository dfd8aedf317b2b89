/**
 * How a kind of topic is followed: where its events come from, how a batch of
 * them is read, and when the topic is over.
 */
export interface TopicFeed<Heard, Batch> {
  /** The events of one topic (one distribution, one assignment, one workspace…). */
  subscribe(key: string): AsyncIterable<Heard>;
  /**
   * One batch from the events heard since the last one, in order (none when
   * `idle` asked for it). Called once per batch whatever the number of
   * subscribers, so it must not depend on who listens.
   */
  read(key: string, heard: readonly Heard[], topic: TopicRun): Promise<Batch>;
  /** The topic ends after this batch (every stream ends with it). */
  final?(batch: Batch): boolean;
  /**
   * Asked when nothing was heard for `idleMs`: whether to read and tell a
   * batch anyway (an end whose event was lost, the database being the source
   * of truth).
   */
  idle?: { ms: number; check(key: string): Promise<boolean> };
  /** At most one batch per this many milliseconds per topic. */
  intervalMs: number;
  /**
   * How long a batch may wait for subscribers still busy with the previous
   * one (default 1,000 ms). While any subscriber has not taken the last batch
   * (its socket still being written), the next one waits and gathers more
   * events, so a topic followed by many subscribers on a busy process sends
   * fewer, larger batches instead of falling behind; the wait is bounded so
   * one slow reader cannot hold back everyone else for long.
   */
  holdMs?: number;
}

/**
 * One run of a topic, from its first subscriber to its end: the same object
 * for every batch of the run, for a feed to keep what it told in.
 */
export interface TopicRun {
  /** When the topic began listening to its events. */
  readonly startedAt: Date;
}

/** What a topic tells its listeners: a batch, or that it ended (without a final batch, or reading failed). */
type Told<Batch> = { batch: Batch } | { ended: true; error?: unknown };
type Listener<Batch> = (told: Told<Batch>) => void;

/**
 * Who follows a topic, and how many of them wait for its next batch (the
 * rest are still busy with an earlier one).
 */
class Listeners<Batch> extends Set<Listener<Batch>> {
  private waiting = 0;
  private onReady: (() => void) | null = null;

  /** A subscriber waits for the next batch again. */
  parked(): void {
    this.waiting += 1;
    if (this.ready()) this.onReady?.();
  }

  /** A subscriber took a batch (or stopped waiting). */
  unparked(): void {
    this.waiting -= 1;
  }

  ready(): boolean {
    return this.waiting >= this.size;
  }

  /** Resolves once every subscriber waits for the next batch (at once if they all do). */
  whenReady(): Promise<void> {
    return this.ready() ? Promise.resolve() : new Promise<void>((resolve) => (this.onReady = resolve));
  }

  override delete(listener: Listener<Batch>): boolean {
    const deleted = super.delete(listener);
    if (deleted && this.ready()) this.onReady?.();
    return deleted;
  }
}

interface Topic<Batch> {
  listeners: Listeners<Batch>;
  stop: () => void;
}

/**
 * Topics followed once per process, however many subscribers watch them.
 * Each topic's events are gathered into batches of at most one per
 * `intervalMs`; each batch is read once (`feed.read`) and the same batch goes
 * to every subscriber, who picks from it what it may see. A subscriber is
 * authorised once, when it subscribes, by the caller; nothing here runs per
 * subscriber and event except the caller's `pick`.
 *
 * A topic starts with its first subscriber and stops with its last, when its
 * final batch is told, when its event source ends, or when a read fails (the
 * streams then end with that error). A later subscriber starts a new one.
 */
export class SharedTopics<Heard, Batch> {
  private readonly topics = new Map<string, Topic<Batch>>();

  constructor(private readonly feed: TopicFeed<Heard, Batch>) {}

  /** Subscribers following the topic now (for tests and metrics). */
  watchers(key: string): number {
    return this.topics.get(key)?.listeners.size ?? 0;
  }

  /**
   * A subscriber's stream of batches. With `first`, the subscriber's own
   * first batch (its current state) comes before the shared ones; the stream
   * joins the topic before reading it, so nothing in between is missed.
   */
  async *stream(key: string, first?: () => Promise<Batch>): AsyncGenerator<Batch> {
    const queue: Told<Batch>[] = [];
    let wake: (() => void) | null = null;
    const listener: Listener<Batch> = (told) => {
      queue.push(told);
      wake?.();
    };
    const listeners = this.join(key, listener);
    try {
      if (first) {
        const batch = await first();
        yield batch;
        if (this.feed.final?.(batch)) return;
      }
      for (;;) {
        if (queue.length === 0) {
          listeners.parked();
          try {
            while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          } finally {
            listeners.unparked();
          }
        }
        wake = null;
        const told = queue.shift()!;
        if ('ended' in told) {
          if (told.error) throw told.error;
          return;
        }
        yield told.batch;
        if (this.feed.final?.(told.batch)) return;
      }
    } finally {
      this.leave(key, listener);
    }
  }

  private join(key: string, listener: Listener<Batch>): Listeners<Batch> {
    let topic = this.topics.get(key);
    if (!topic) {
      topic = this.follow(key);
      this.topics.set(key, topic);
    }
    topic.listeners.add(listener);
    return topic.listeners;
  }

  private leave(key: string, listener: Listener<Batch>): void {
    const topic = this.topics.get(key);
    if (!topic?.listeners.has(listener)) return;
    topic.listeners.delete(listener);
    if (topic.listeners.size === 0) {
      this.topics.delete(key);
      topic.stop();
    }
  }

  /** Follows one topic's events until it ends or nobody listens, telling every listener each batch. */
  private follow(key: string): Topic<Batch> {
    const { feed } = this;
    const topicRun: TopicRun = { startedAt: new Date() };
    const iterator = feed.subscribe(key)[Symbol.asyncIterator]();
    const listeners = new Listeners<Batch>();
    const holdMs = feed.holdMs ?? 1_000;
    let stopped = false;
    let stopWaiting: (() => void) | null = null;
    const stop = () => {
      stopped = true;
      stopWaiting?.();
      void iterator.return?.();
    };
    const tell = (told: Told<Batch>) => {
      for (const listener of listeners) listener(told);
    };
    const run = async () => {
      let heard: Heard[] = [];
      let next = iterator.next();
      // The first batch waits out an interval too, so the start of a burst is not a batch of its own.
      let lastTold = Date.now();
      while (!stopped) {
        const dirty = heard.length > 0;
        const since = Date.now() - lastTold;
        // Past the interval, a batch still waits (up to holdMs) for subscribers busy with the last one.
        const holding = dirty && since >= feed.intervalMs && since < holdMs && !listeners.ready();
        // Waiting for the interval to pass, for the subscribers, for the idle check, or (with none) only for an event or the stop.
        const wait = !dirty ? feed.idle?.ms : holding ? holdMs - since : Math.max(0, feed.intervalMs - since);
        let timer: NodeJS.Timeout | undefined;
        const woke = await Promise.race([
          next.then((r) => ({ r })),
          new Promise<'timer'>((resolve) => {
            if (wait !== undefined) timer = setTimeout(() => resolve('timer'), wait);
            stopWaiting = () => resolve('timer');
          }),
          ...(holding ? [listeners.whenReady().then(() => 'timer' as const)] : []),
        ]);
        clearTimeout(timer);
        if (stopped) return;
        if (woke !== 'timer') {
          if (woke.r.done) return;
          heard.push(woke.r.value);
          next = iterator.next();
          const waited = Date.now() - lastTold;
          if (waited < feed.intervalMs || (waited < holdMs && !listeners.ready())) continue;
        } else if (!dirty && !(feed.idle && (await feed.idle.check(key)))) {
          continue;
        }
        if (stopped) return;
        const batchOf = heard;
        heard = [];
        const batch = await feed.read(key, batchOf, topicRun);
        if (stopped) return;
        tell({ batch });
        lastTold = Date.now();
        if (feed.final?.(batch)) return;
      }
    };
    void run().then(
      () => this.ended(key, listeners, iterator, tell, {}),
      // A batch that cannot be read ends the streams with the error rather than leaving them waiting.
      (error: unknown) => this.ended(key, listeners, iterator, tell, { error }),
    );
    return { listeners, stop };
  }

  /** A topic is over: later subscribers start a new one. */
  private ended(key: string, listeners: Listeners<Batch>, iterator: AsyncIterator<unknown>, tell: (told: Told<Batch>) => void, how: { error?: unknown }): void {
    if (this.topics.get(key)?.listeners === listeners) this.topics.delete(key);
    void iterator.return?.();
    tell({ ended: true, ...how });
  }
}

