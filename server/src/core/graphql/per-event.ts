/**
 * Work that every subscriber of one event would repeat, done once. An event
 * is delivered as the same object to every subscriber in this process (from
 * memory or from one Redis message), so it keys the shared results; they go
 * with it. Only for results that do not depend on who asks: access is still
 * checked per subscriber.
 */
const shared = new WeakMap<object, Map<string, Promise<unknown>>>();

export function oncePerEvent<T>(event: object, key: string, compute: () => Promise<T>): Promise<T> {
  let results = shared.get(event);
  if (!results) shared.set(event, (results = new Map()));
  let found = results.get(key) as Promise<T> | undefined;
  if (!found) results.set(key, (found = compute()));
  return found;
}
