export interface SocketSettings {
  /** A WebSocket endpoint named by the deployment, used as it is. */
  configured?: string;
  /** The API's port as seen from the browser. */
  apiPort: string;
}

export interface SubscriptionUrlInput extends SocketSettings {
  /** The page's `location.protocol`, e.g. 'https:'. */
  protocol: string;
  /** The page's `location.hostname`. */
  hostname: string;
}

/**
 * The socket settings from the web server's environment, read at start, not
 * at build: WS_URL (or NEXT_PUBLIC_WS_URL) names the endpoint; otherwise the
 * API's port is API_PORT, or the port of API_URL.
 */
export function socketSettings(env: Record<string, string | undefined>): SocketSettings {
  const configured = env.WS_URL || env.NEXT_PUBLIC_WS_URL || undefined;
  let urlPort = '';
  try {
    urlPort = env.API_URL ? new URL(env.API_URL).port : '';
  } catch {
    // An unreadable API_URL leaves the default port.
  }
  return { ...(configured ? { configured } : {}), apiPort: env.API_PORT || urlPort || '4000' };
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
