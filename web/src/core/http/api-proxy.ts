import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/** Headers about one connection rather than the message; a proxy never passes them on. */
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The API's base URL, read when a request arrives (not when the app is built),
 * so one build serves any API address.
 */
export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): URL {
  return new URL(env.API_URL || 'http://localhost:4000');
}

/**
 * Where a request to this app is forwarded: the same path and query on the
 * API. Joined as text, never resolved as a relative URL, so a path such as
 * `//elsewhere/x` cannot move the request to another host.
 */
export function upstreamUrl(requestUrl: string, base: URL): URL {
  const incoming = new URL(requestUrl);
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${incoming.pathname}${incoming.search}`);
}

/** The request's headers as the API should see them. */
export function forwardedRequestHeaders(headers: Headers, requestUrl: string): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'host') out[name] = value;
  });
  const incoming = new URL(requestUrl);
  out['x-forwarded-host'] ??= incoming.host;
  out['x-forwarded-proto'] ??= incoming.protocol.replace(':', '');
  return out;
}

/** The API's response headers for the browser; every Set-Cookie is kept. */
export function returnedResponseHeaders(headers: http.IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    if (Array.isArray(value)) for (const item of value) out.append(name, item);
    else out.set(name, value);
  }
  return out;
}

const unavailable = () =>
  Response.json({ error: { code: 'UNAVAILABLE', message: 'The Stagecoach API cannot be reached.' } }, { status: 502 });

/**
 * Forwards a request to the API and streams the answer back. Bodies flow
 * through in both directions without being buffered, so uploads and
 * downloads of any size keep their progress and their memory use stays flat.
 */
export function proxyToApi(request: Request): Promise<Response> {
  const target = upstreamUrl(request.url, apiBaseUrl());
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve) => {
    const upstream = transport.request(
      target,
      { method: request.method, headers: forwardedRequestHeaders(request.headers, request.url) },
      (response) => {
        const status = response.statusCode ?? 502;
        const empty = request.method === 'HEAD' || status === 204 || status === 304;
        if (empty) response.resume();
        resolve(
          new Response(empty ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>), {
            status,
            statusText: response.statusMessage,
            headers: returnedResponseHeaders(response.headers),
          }),
        );
      },
    );
    upstream.on('error', () => resolve(unavailable()));
    // The browser went away (a cancelled upload, a closed tab): stop the API's work too.
    request.signal.addEventListener('abort', () => upstream.destroy(), { once: true });
    if (request.body && request.method !== 'GET' && request.method !== 'HEAD') {
      const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
      body.on('error', () => upstream.destroy());
      body.pipe(upstream);
    } else {
      upstream.end();
    }
  });
}
