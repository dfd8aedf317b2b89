import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError, GraphQLInt, GraphQLObjectType, GraphQLScalarType, GraphQLSchema, GraphQLString } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { sharedSubscribe } from '../../core/graphql/shared-execution';
import { broadcastTopic } from '../../core/__tests__/support/broadcast-topic';
import { sharedResultsJson } from '../shared-results-json';

type Tick = { n: number; note: { toJSON(): unknown } };

/**
 * A real graphql-ws server over a WebSocket with the hooks as the app mounts
 * them, and a topic handing one event object to every subscriber.
 */
async function setup() {
  const topic = broadcastTopic<Tick>();
  // A scalar whose value says each time it is written as JSON.
  const Note = new GraphQLScalarType({ name: 'Note', serialize: (value) => value });
  const Tick = new GraphQLObjectType<Tick>({
    name: 'Tick',
    fields: {
      n: { type: GraphQLInt },
      note: { type: Note },
      // A field that looks like a graphql-ws message of its own.
      type: { type: GraphQLString, resolve: () => 'next' },
      payload: { type: GraphQLString, resolve: () => 'mine' },
      broken: {
        type: GraphQLString,
        resolve: (tick) => {
          if (tick.n < 0) throw new GraphQLError('this tick is broken');
          return 'fine';
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt, resolve: () => 1 } } }),
    subscription: new GraphQLObjectType({ name: 'Subscription', fields: { tick: { type: Tick, subscribe: topic.events, resolve: (tick: Tick) => tick } } }),
  });
  const server = http.createServer();
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const json = sharedResultsJson();
  wsServer.on('connection', (socket) => json.attach(socket));
  const cleanup = useServer(
    { schema, subscribe: sharedSubscribe(), onNext: (_ctx, _id, _payload, _args, result) => json.onNext(result), jsonMessageReplacer: json.replacer },
    wsServer,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const clients: Client[] = [];
  return {
    publish: topic.publish,
    listening: () => topic.listeners.size,
    /** A client following the topic; resolves each received result in order. */
    follow(query: string) {
      const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
      clients.push(client);
      const received: unknown[] = [];
      let done = false;
      const ended = new Promise<void>((resolve, reject) =>
        client.subscribe({ query }, { next: (value) => received.push(value), error: reject, complete: () => ((done = true), resolve()) }),
      );
      return { received, ended, done: () => done };
    },
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      await cleanup.dispose();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setImmediate(resolve));
}

describe('sharedResultsJson', () => {
  it('writes one event’s result once for every subscriber, and each receives it whole', async () => {
    const s = await setup();
    try {
      const query = 'subscription { tick { n note type payload broken } }';
      const followers = [s.follow(query), s.follow(query), s.follow(query)];
      await until(() => s.listening() === 3);
      let written = 0;
      s.publish({ n: 7, note: { toJSON: () => ((written += 1), 'a note') } });
      s.publish(null);
      await Promise.all(followers.map((f) => f.ended));
      for (const f of followers) {
        expect(f.received).toEqual([{ data: { tick: { n: 7, note: 'a note', type: 'next', payload: 'mine', broken: 'fine' } } }]);
      }
      expect(written).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('sends a result with errors as graphql-ws writes it, and results of other operations apart', async () => {
    const s = await setup();
    try {
      const failing = s.follow('subscription { tick { n broken } }');
      const other = s.follow('subscription { tick { n } }');
      await until(() => s.listening() === 2);
      s.publish({ n: -1, note: { toJSON: () => 'unused' } });
      s.publish(null);
      await Promise.all([failing.ended, other.ended]);
      expect(failing.received).toEqual([
        { data: { tick: { n: -1, broken: null } }, errors: [expect.objectContaining({ message: 'this tick is broken', path: ['tick', 'broken'] })] },
      ]);
      expect(other.received).toEqual([{ data: { tick: { n: -1 } } }]);
    } finally {
      await s.close();
    }
  });
});
