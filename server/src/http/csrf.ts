import type { IncomingHttpHeaders } from 'node:http';
import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '../config';
import { authenticatesByCookie } from '../modules/users/session-cookie';

/**
 * A header browsers never attach on their own: a cross-origin page can only
 * send it after a CORS preflight, which only listed origins pass.
 */
export const PREFLIGHT_HEADER = 'x-stagecoach-request';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins that may act with a user's session cookie: the dashboard, the API itself and `CORS_ORIGINS`. */
export function allowedOrigins(config: Pick<AppConfig, 'webUrl' | 'publicUrl' | 'corsOrigins'>): ReadonlySet<string> {
  return new Set([config.webUrl, config.publicUrl, ...config.corsOrigins].map((url) => new URL(url).origin));
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function hostOf(origin: string): URL | null {
  try {
    return new URL(origin);
  } catch {
    return null;
  }
}

/**
 * Whether `Origin` may act with the cookie: listed, or the same host the
 * request was addressed to (directly, or through the dashboard's proxy, which
 * names the browser's host in `X-Forwarded-Host`; a page cannot set that
 * header on another site's request without a preflight).
 * `sameHostAnyPort` also accepts a page on another port of the request's host:
 * the dashboard opens its subscription socket straight to the API's port, and
 * cookies are not separated by port anyway.
 */
export function originAllowed(origin: string, headers: IncomingHttpHeaders, allowed: ReadonlySet<string>, sameHostAnyPort = false): boolean {
  if (allowed.has(origin)) return true;
  const from = hostOf(origin);
  if (!from || (from.protocol !== 'http:' && from.protocol !== 'https:')) return false;
  const hosts = [first(headers['x-forwarded-host']), headers.host].filter((h): h is string => Boolean(h));
  return hosts.some((host) => {
    const to = hostOf(`http://${host}`);
    return to !== null && (from.host === to.host || (sameHostAnyPort && from.hostname === to.hostname));
  });
}

/** The content types a page may send to another origin without a preflight (forms and `text/plain`). */
const SIMPLE_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * Whether a request without `Origin` could only have been sent after a
 * preflight: it names a content type no form can send, or the preflight header.
 */
function needsPreflight(req: Request): boolean {
  if (req.headers[PREFLIGHT_HEADER] !== undefined) return true;
  const type = req.headers['content-type'];
  return type !== undefined && !SIMPLE_TYPES.test(type);
}

/**
 * Refuses cookie-authenticated writes a foreign page could forge: an
 * `Origin` must be allowed; without one (browsers send it on every
 * cross-origin write) the request must be one that needs a preflight.
 * Bearer tokens are never sent by a browser on its own, so calls carrying one
 * pass untouched.
 */
export function csrfGuard(config: AppConfig): RequestHandler {
  const allowed = allowedOrigins(config);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || !authenticatesByCookie(req.headers)) return next();
    // A platform's LTI login and launch are cross-site form posts by design; they act on the id_token they carry, never on the session cookie.
    if (req.path === '/lti/login' || req.path === '/lti/launch') return next();
    const origin = first(req.headers.origin);
    if (origin !== undefined ? originAllowed(origin, req.headers, allowed) : needsPreflight(req)) return next();
    const message = origin
      ? `requests from ${origin} may not use the session cookie; call from an allowed origin (CORS_ORIGINS) or with an API token`
      : `a ${req.headers['content-type'] ?? 'body without a content type'} request using the session cookie must carry an Origin or an ${PREFLIGHT_HEADER} header`;
    if (req.baseUrl === '/graphql' || req.path === '/graphql') {
      res.status(403).json({ errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
    } else {
      res.status(403).json({ error: { code: 'FORBIDDEN', message } });
    }
  };
}

/** CORS for the dashboard's and integrators' browser apps; other origins get no CORS headers, so browsers refuse them. */
export function corsPolicy(config: AppConfig): RequestHandler {
  const allowed = allowedOrigins(config);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    allowedHeaders: ['authorization', 'content-type', PREFLIGHT_HEADER, 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['retry-after', 'etag', 'content-disposition', 'x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy'],
    maxAge: 600,
  });
}
