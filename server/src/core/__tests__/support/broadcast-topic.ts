/**
 * A topic for tests of live subscriptions: every subscriber's event stream
 * gets the same event object from `publish`, as a live topic hands one event
 * to every follower; `publish(null)` ends every stream.
 */
export function broadcastTopic<Event>() {
  const listeners = new Set<(event: Event | null) => void>();
  let returned = 0;
  const events = (): AsyncIterableIterator<Event> => {
    const queue: (Event | null)[] = [];
    let wake: (() => void) | null = null;
    const listener = (event: Event | null) => {
      queue.push(event);
      wake?.();
    };
    listeners.add(listener);
    const iterator: AsyncIterableIterator<Event> = {
      async next() {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const event = queue.shift()!;
        return event === null ? { done: true, value: undefined } : { done: false, value: event };
      },
      async return() {
        returned += 1;
        listeners.delete(listener);
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  };
  return {
    /** The `subscribe` of a subscription field: one stream per subscriber. */
    events,
    publish: (event: Event | null) => {
      for (const listener of [...listeners]) listener(event);
    },
    listeners,
    /** How many streams were ended by their subscriber. */
    returned: () => returned,
  };
}
