import { parse, serialize } from 'cookie';
import { type Request, type Response, Router } from 'express';
import { DomainError } from '../core/errors';
import { logger } from '../core/logger';
import type { Services } from '../services';
import { ATTEMPT_COOKIE, ATTEMPT_COOKIE_PATH, ATTEMPT_TTL_MS } from '../modules/sso/sso.service';
import { setSessionCookie } from '../modules/users/session-cookie';

function queryText(req: Request, name: string): string | null {
  const value = req.query[name];
  return typeof value === 'string' ? value : null;
}

/**
 * Single sign-on: `start` sends the browser to the organisation's login,
 * `callback` takes it back, signs it in with the session cookie and lands it
 * on the dashboard. Every refusal lands on the login page saying why.
 */
export function ssoRoutes(services: Services): Router {
  const router = Router();
  const { webUrl, env } = services.config;
  const dashboard = (path: string) => `${webUrl.replace(/\/+$/, '')}${path}`;
  // Sent back on the provider's top-level redirect (lax), never readable by scripts.
  const attemptCookie = (value: string, maxAgeMs: number) =>
    serialize(ATTEMPT_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: env === 'production', path: ATTEMPT_COOKIE_PATH, maxAge: Math.round(maxAgeMs / 1000) });

  const refuse = (res: Response, error: unknown) => {
    let message = 'signing in failed on our side; it has been logged, please try again later';
    if (error instanceof DomainError) message = error.message;
    else logger.error({ err: error }, 'single sign-on failed');
    res.redirect(303, dashboard(`/login?error=${encodeURIComponent(message)}`));
  };

  router.get(`${ATTEMPT_COOKIE_PATH}/:issuerId/start`, (req, res) => {
    services.sso.start(req.params.issuerId as string, { invite: queryText(req, 'invite'), next: queryText(req, 'next') }).then(
      ({ key, url }) => {
        res.append('Set-Cookie', attemptCookie(key, ATTEMPT_TTL_MS));
        res.redirect(303, url);
      },
      (error: unknown) => refuse(res, error),
    );
  });

  router.get(`${ATTEMPT_COOKIE_PATH}/:issuerId/callback`, (req, res) => {
    const key = parse(req.headers.cookie ?? '')[ATTEMPT_COOKIE] ?? null;
    // The attempt is used up whatever the outcome.
    res.append('Set-Cookie', attemptCookie('', 0));
    const query = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1 || req.url.length));
    services.sso.finish(req.params.issuerId as string, key, query).then(
      ({ session, next }) => {
        setSessionCookie({ res, services }, session);
        res.redirect(303, dashboard(next));
      },
      (error: unknown) => refuse(res, error),
    );
  });
  return router;
}
