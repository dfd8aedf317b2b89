import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { sharedSubscribe } from '../graphql/shared-execution';
import type { GraphQLContext } from '../graphql/context';
import { broadcastTopic } from './support/broadcast-topic';

type Tick = { n: number };

/**
 * A schema with one subscription whose events come from a shared list of
 * listeners (as a live topic hands one event object to every follower), and a
 * field that counts how often it is resolved and says who asked.
 */
function setup() {
  const topic = broadcastTopic<Tick>();
  const resolved: string[] = [];
  const Tick = new GraphQLObjectType<Tick, GraphQLContext>({
    name: 'Tick',
    fields: {
      n: { type: GraphQLInt },
      seenBy: {
        type: GraphQLString,
        resolve: (_tick, _args, context) => {
          const who = context.actor?.user.id ?? 'nobody';
          resolved.push(who);
          return who;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt, resolve: () => 1 } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { tick: { type: Tick, subscribe: topic.events, resolve: (tick: Tick) => tick } },
    }),
  });
  const subscribe = sharedSubscribe();
  const open = async (userId: string, readOnly = false, query = 'subscription { tick { n seenBy } }') => {
    const contextValue = { actor: { user: { id: userId }, readOnly } } as unknown as GraphQLContext;
    const stream = await subscribe({ schema, document: parse(query), contextValue });
    if (!(Symbol.asyncIterator in stream)) throw new Error(`not a stream: ${JSON.stringify(stream)}`);
    return stream;
  };
  return { open, emit: topic.publish, resolved, listeners: topic.listeners, returned: topic.returned };
}

const next = async (stream: AsyncIterator<ExecutionResult>) => (await stream.next()).value as ExecutionResult;

describe('sharedSubscribe', () => {
  it('executes an event once for all subscriptions one person has open to the same operation', async () => {
    const { open, emit, resolved } = setup();
    const streams = await Promise.all([open('ada'), open('ada'), open('ada')]);
    const pending = streams.map((stream) => next(stream));
    emit({ n: 1 });
    const results = await Promise.all(pending);
    expect(results.map((r) => r.data)).toEqual([1, 2, 3].map(() => ({ tick: { n: 1, seenBy: 'ada' } })));
    expect(resolved).toEqual(['ada']);
  });

  it('executes separately for each person, for a read-only credential and for another operation', async () => {
    const { open, emit, resolved } = setup();
    const streams = await Promise.all([open('ada'), open('bob'), open('ada', true), open('ada', false, 'subscription { tick { seenBy } }')]);
    const pending = streams.map((stream) => next(stream));
    emit({ n: 2 });
    const results = await Promise.all(pending);
    expect(results.map((r) => (r.data as { tick: { seenBy: string } }).tick.seenBy)).toEqual(['ada', 'bob', 'ada', 'ada']);
    expect(resolved).toHaveLength(4);
  });

  it('executes each new event again', async () => {
    const { open, emit, resolved } = setup();
    const streams = await Promise.all([open('ada'), open('ada')]);
    for (const n of [1, 2]) {
      const pending = streams.map((stream) => next(stream));
      emit({ n });
      expect((await Promise.all(pending)).map((r) => (r.data as { tick: Tick }).tick.n)).toEqual([n, n]);
    }
    expect(resolved).toEqual(['ada', 'ada']);
  });

  it('ends the source when a subscriber leaves, even while it waits for an event', async () => {
    const { open, listeners, returned } = setup();
    const stream = await open('ada');
    const waiting = stream.next();
    expect(listeners.size).toBe(1);
    await stream.return?.();
    expect(returned()).toBe(1);
    expect(listeners.size).toBe(0);
    void waiting;
  });

  it('ends when the source ends', async () => {
    const { open, emit } = setup();
    const stream = await open('ada');
    const pending = stream.next();
    emit(null);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
