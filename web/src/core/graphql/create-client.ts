import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { subscriptionUrl, type SocketSettings } from './subscription-url';

export interface GraphQLClient {
  client: Client;
  /** Closes the subscription socket; a later subscription would open a new one. */
  dispose(): void;
}

/**
 * A client for one session. Signing in or out replaces it, because both the
 * cache and the socket (authenticated once, at connection_init) belong to the
 * user who was signed in when they were made.
 */
export function createGraphQLClient(socket: SocketSettings): GraphQLClient {
  let ws: WsClient | null = null;
  // Opened on the first subscription only, which never happens while rendering on the server.
  const openSocket = () =>
    (ws ??= createWsClient({
      url: subscriptionUrl({ ...socket, protocol: window.location.protocol, hostname: window.location.hostname }),
    }));

  const client = new Client({
    url: '/graphql',
    // POST with a JSON body: the API refuses simple GET requests as a CSRF guard.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const operation = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: openSocket().subscribe(operation, sink) };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    dispose() {
      void ws?.dispose();
      ws = null;
    },
  };
}
