import { parse, serialize } from 'cookie';
import express, { type Request, type Response, Router } from 'express';
import { DomainError, httpStatusOf } from '../core/errors';
import { logger } from '../core/logger';
import type { Services } from '../services';
import { LOGIN_COOKIE, LOGIN_TTL_MS, type LoginInitiation } from '../modules/lti/lti-launch.service';
import { canvasConfiguration, LTI_PATH } from '../modules/lti/lti-urls';
import { setCrossSiteSessionCookie } from '../modules/users/session-cookie';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal shown where the launch happened (usually inside the course page's frame). */
function refusalPage(res: Response, error: unknown): void {
  let status = 500;
  let message = 'Stagecoach could not open on our side; it has been logged, please try again later.';
  if (error instanceof DomainError) {
    status = httpStatusOf(error.code);
    message = error.message;
  } else {
    logger.error({ err: error }, 'LTI launch failed');
  }
  res
    .status(status)
    .type('html')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stagecoach</title></head><body><main><h1>Stagecoach could not open</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`);
}

function fields(req: Request): Record<string, string> {
  const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
  return Object.fromEntries(Object.entries(source ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * LTI 1.3 tool endpoints: the key set, the configuration for Canvas, the
 * login initiation (GET or POST) and the launch (the platform's form post).
 * A launch sets a session cookie that works inside the platform's frame.
 */
export function ltiRoutes(services: Services): Router {
  const router = Router();
  const { webUrl } = services.config;
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  // Comes back on the platform's cross-site form post, hence SameSite=None (and so Secure).
  const loginCookie = (value: string, maxAgeMs: number) =>
    serialize(LOGIN_COOKIE, value, { httpOnly: true, sameSite: 'none', secure: true, path: LTI_PATH, maxAge: Math.round(maxAgeMs / 1000) });

  router.get(`${LTI_PATH}/jwks.json`, (_req, res, next) => {
    services.ltiKeys.jwks().then((jwks) => res.set('cache-control', 'public, max-age=300').json(jwks), next);
  });

  router.get(`${LTI_PATH}/config.json`, (_req, res) => {
    res.json(canvasConfiguration(webUrl));
  });

  const login = (req: Request, res: Response) => {
    services.ltiLaunch.login(fields(req) as LoginInitiation).then(
      ({ state, url }) => {
        res.append('Set-Cookie', loginCookie(state, LOGIN_TTL_MS));
        res.redirect(302, url);
      },
      (error: unknown) => refusalPage(res, error),
    );
  };
  router.get(`${LTI_PATH}/login`, login);
  router.post(`${LTI_PATH}/login`, form, login);

  router.post(`${LTI_PATH}/launch`, form, (req, res) => {
    const browserState = parse(req.headers.cookie ?? '')[LOGIN_COOKIE] ?? null;
    res.append('Set-Cookie', loginCookie('', 0));
    services.ltiLaunch.launch(fields(req), browserState).then(
      ({ session, page, spaceId, checkRoster }) => {
        if (checkRoster) services.ltiRoster.scheduleCheck(spaceId);
        setCrossSiteSessionCookie({ res, services }, session);
        res.redirect(303, `${webUrl.replace(/\/+$/, '')}${page}`);
      },
      (error: unknown) => refusalPage(res, error),
    );
  });
  return router;
}
