export interface SubscriptionUrlInput {
  /** NEXT_PUBLIC_WS_URL, when the deployment names the WebSocket endpoint. */
  configured?: string;
  /** The page's `location.protocol`, e.g. 'https:'. */
  protocol: string;
  /** The page's `location.hostname`. */
  hostname: string;
  /** The API's port as seen from the browser. */
  apiPort: string;
}

/**
 * Where graphql-ws connects. HTTP goes through this app's proxy, but the
 * WebSocket goes to the API directly on the page's host, so the host-scoped
 * session cookie is sent with the upgrade request.
 */
export function subscriptionUrl({ configured, protocol, hostname, apiPort }: SubscriptionUrlInput): string {
  if (configured) return configured;
  const scheme = protocol === 'https:' ? 'wss' : 'ws';
  const host = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  return `${scheme}://${host}:${apiPort}/graphql`;
}
