import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { GraphQLContext } from './context';

type Results = Map<string, Promise<ExecutionResult>>;

/**
 * Subscriptions that execute each event once per viewer and operation.
 *
 * graphql's own `subscribe` runs the whole selection set for every subscriber
 * and event. Live topics hand the same event object to everyone following
 * them (see `SharedTopics`), so when one person has the same subscription
 * open many times over (tabs, a dashboard service fanning out, a wall of
 * screens), the answer to an event is the same for each: it is computed for
 * the first and reused by the rest. Sharing is keyed by the event object, the
 * operation (document, operation name, variables) and who is asking (user and
 * whether the credential is read-only), so no one ever receives a result
 * computed with someone else's access. Results are held only as long as the
 * event object itself (a WeakMap), so nothing outlives the event.
 */
export function sharedSubscribe(): (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const byEvent = new WeakMap<object, Results>();

  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = operationKey(args);
    const run = (event: unknown): Promise<ExecutionResult> => Promise.resolve(execute({ ...args, rootValue: event }));
    const resultOf = (event: unknown): Promise<ExecutionResult> => {
      if (typeof event !== 'object' || event === null) return run(event);
      let results = byEvent.get(event);
      if (!results) byEvent.set(event, (results = new Map()));
      let result = results.get(key);
      if (!result) results.set(key, (result = run(event)));
      return result;
    };
    return mapEvents(source[Symbol.asyncIterator](), resultOf);
  };
}

/** What makes two subscriptions' answers to one event the same: the operation and the viewer. */
function operationKey(args: ExecutionArgs): string {
  const actor = (args.contextValue as GraphQLContext | undefined)?.actor ?? null;
  return JSON.stringify([actor?.user.id ?? null, actor?.readOnly ?? null, args.operationName ?? null, args.variableValues ?? {}, print(args.document)]);
}

/**
 * The source's events as results. An iterator rather than an async generator,
 * as graphql's own mapping is: `return` goes straight to the source even while
 * a `next` is waiting, where a generator would queue it behind that `next`.
 */
function mapEvents(source: AsyncIterator<unknown>, resultOf: (event: unknown) => Promise<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  const done = (): IteratorResult<ExecutionResult> => ({ done: true, value: undefined });
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const next = await source.next();
      if (next.done) return done();
      return { done: false, value: await resultOf(next.value) };
    },
    async return() {
      await source.return?.();
      return done();
    },
    async throw(error?: unknown) {
      if (source.throw) {
        const next = await source.throw(error);
        if (!next.done) return { done: false, value: await resultOf(next.value) };
      }
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
