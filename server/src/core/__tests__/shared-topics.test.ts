import { createPubSub } from '@graphql-yoga/subscription';
import { SharedTopics } from '../graphql/shared-topics';

type Bus = { TICK: [key: string, payload: { n: number; last?: boolean }] };

/** A feed over an in-process bus that records every read. */
function setup(options: { failOn?: number; intervalMs?: number; holdMs?: number } = {}) {
  const bus = createPubSub<Bus>();
  const reads: number[][] = [];
  const topics = new SharedTopics<Bus['TICK'][1], { ns: number[]; last: boolean }>({
    subscribe: (key) => bus.subscribe('TICK', key),
    read: async (_key, heard) => {
      const ns = heard.map((e) => e.n);
      reads.push(ns);
      if (options.failOn !== undefined && ns.includes(options.failOn)) throw new Error(`cannot read ${options.failOn}`);
      return { ns, last: heard.some((e) => e.last) };
    },
    final: (batch) => batch.last,
    intervalMs: options.intervalMs ?? 50,
    holdMs: options.holdMs,
  });
  return { bus, reads, topics };
}

/** Reads a stream to its end. */
async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const item of stream) seen.push(item);
  return seen;
}

/** Waits until `n` subscribers follow the topic (a stream joins on its first pull). */
async function joined(topics: SharedTopics<unknown, unknown>, key: string, n: number): Promise<void> {
  while (topics.watchers(key) < n) await new Promise((resolve) => setImmediate(resolve));
}

describe('SharedTopics', () => {
  it('reads each batch once for every subscriber, and every subscriber gets every event in order', async () => {
    const { bus, reads, topics } = setup();
    const streams = [1, 2, 3].map(() => drain(topics.stream('a')));
    await joined(topics as SharedTopics<unknown, unknown>, 'a', 3);
    const start = Date.now();
    for (let n = 1; n <= 200; n++) bus.publish('TICK', 'a', { n, last: n === 200 });
    const seen = await Promise.all(streams);
    const elapsed = Date.now() - start;
    const all = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(reads.flat()).toEqual(all);
    // At most one batch per interval (50 ms), whatever the number of events.
    expect(reads.length).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 1);
    expect(reads.length).toBeLessThan(20);
    for (const batches of seen) {
      expect(batches.flatMap((b) => b.ns)).toEqual(all);
      // The very same batch objects: nothing was read per subscriber.
      expect(batches).toEqual(seen[0]);
      batches.forEach((batch, i) => expect(batch).toBe(seen[0][i]));
    }
    expect(topics.watchers('a')).toBe(0);
  });

  it('starts a stream with its own first batch, then the shared ones', async () => {
    const { bus, topics } = setup();
    const stream = drain(topics.stream('b', async () => ({ ns: [0], last: false })));
    await joined(topics as SharedTopics<unknown, unknown>, 'b', 1);
    bus.publish('TICK', 'b', { n: 1, last: true });
    expect((await stream).map((b) => b.ns)).toEqual([[0], [1]]);
  });

  it('stops following a topic when its last subscriber leaves; a later subscriber follows it again', async () => {
    const { bus, reads, topics } = setup({ intervalMs: 0 });
    const first = topics.stream('c')[Symbol.asyncIterator]();
    const next = first.next();
    await joined(topics as SharedTopics<unknown, unknown>, 'c', 1);
    bus.publish('TICK', 'c', { n: 1 });
    expect((await next).value).toEqual({ ns: [1], last: false });
    await first.return(undefined);
    expect(topics.watchers('c')).toBe(0);
    bus.publish('TICK', 'c', { n: 2 });
    const again = drain(topics.stream('c'));
    await joined(topics as SharedTopics<unknown, unknown>, 'c', 1);
    bus.publish('TICK', 'c', { n: 3, last: true });
    expect((await again).map((b) => b.ns)).toEqual([[3]]);
    // Nobody listened when 2 was published: it was never read.
    expect(reads.flat()).toEqual([1, 3]);
  });

  it('holds the next batch while a subscriber is still busy with the last one, gathering what comes meanwhile', async () => {
    const { bus, reads, topics } = setup({ intervalMs: 0, holdMs: 60_000 });
    const quick = topics.stream('e')[Symbol.asyncIterator]();
    const slow = topics.stream('e')[Symbol.asyncIterator]();
    const quickFirst = quick.next();
    const slowFirst = slow.next();
    await joined(topics as SharedTopics<unknown, unknown>, 'e', 2);
    bus.publish('TICK', 'e', { n: 1 });
    expect((await quickFirst).value?.ns).toEqual([1]);
    expect((await slowFirst).value?.ns).toEqual([1]);
    // The quick subscriber waits again at once; the slow one is still sending batch 1.
    const quickSecond = quick.next();
    for (const n of [2, 3, 4]) {
      bus.publish('TICK', 'e', { n });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(reads).toEqual([[1]]);
    // Once the slow subscriber asks for more, everything heard meanwhile is one batch for both.
    const slowSecond = slow.next();
    expect((await quickSecond).value?.ns).toEqual([2, 3, 4]);
    expect((await slowSecond).value?.ns).toEqual([2, 3, 4]);
    expect(reads).toEqual([[1], [2, 3, 4]]);
    await Promise.all([quick.return(undefined), slow.return(undefined)]);
  });

  it('holds a batch for a busy subscriber no longer than holdMs', async () => {
    const { bus, reads, topics } = setup({ intervalMs: 0, holdMs: 30 });
    const quick = topics.stream('f')[Symbol.asyncIterator]();
    const stuck = topics.stream('f')[Symbol.asyncIterator]();
    const firsts = [quick.next(), stuck.next()];
    await joined(topics as SharedTopics<unknown, unknown>, 'f', 2);
    bus.publish('TICK', 'f', { n: 1 });
    await Promise.all(firsts);
    const quickSecond = quick.next();
    bus.publish('TICK', 'f', { n: 2 });
    // The stuck subscriber never asks again; the quick one still hears 2 after the hold.
    expect((await quickSecond).value?.ns).toEqual([2]);
    expect(reads).toEqual([[1], [2]]);
    await Promise.all([quick.return(undefined), stuck.return(undefined)]);
  });

  it('ends every stream with the error when a batch cannot be read', async () => {
    const { bus, topics } = setup({ failOn: 2, intervalMs: 0 });
    const streams = [1, 2].map(() => drain(topics.stream('d')));
    await joined(topics as SharedTopics<unknown, unknown>, 'd', 2);
    bus.publish('TICK', 'd', { n: 2 });
    for (const stream of streams) await expect(stream).rejects.toThrow('cannot read 2');
    expect(topics.watchers('d')).toBe(0);
  });
});
