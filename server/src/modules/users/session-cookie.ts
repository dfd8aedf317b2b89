import { parse, serialize } from 'cookie';
import type { GraphQLContext } from '../../core/graphql/context';

export const SESSION_COOKIE = 'stagecoach_session';

export function setSessionCookie(ctx: Pick<GraphQLContext, 'res' | 'services'>, token: string): void {
  ctx.res?.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.services.config.env === 'production',
      path: '/',
      maxAge: Math.round(ctx.services.config.sessionDays * 86_400),
    }),
  );
}

/**
 * The session cookie of a launch from a learning management system: the
 * dashboard then runs inside the platform's page (another site), where only
 * a `SameSite=None; Secure` cookie is sent. Browsers treat http://localhost as
 * secure, so this works on a development machine too.
 */
export function setCrossSiteSessionCookie(ctx: Pick<GraphQLContext, 'res' | 'services'>, token: string): void {
  ctx.res?.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'none', secure: true, path: '/', maxAge: Math.round(ctx.services.config.sessionDays * 86_400) }),
  );
}

export function clearSessionCookie(ctx: Pick<GraphQLContext, 'res'>): void {
  ctx.res?.append('Set-Cookie', serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 }));
}

type AuthHeaders = { authorization?: string | string[]; cookie?: string | string[] };

function authorizationBearer(headers: AuthHeaders): string | null {
  const auth = Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
}

function sessionCookie(headers: AuthHeaders): string | null {
  const cookie = Array.isArray(headers.cookie) ? headers.cookie.join('; ') : headers.cookie;
  return cookie ? (parse(cookie)[SESSION_COOKIE] ?? null) : null;
}

/** The bearer secret of a request: `Authorization: Bearer …` first, then the session cookie. */
export function bearerOf(headers: AuthHeaders): string | null {
  return authorizationBearer(headers) ?? sessionCookie(headers);
}

/** Whether the session cookie, not an `Authorization` header, is what authenticates these headers. */
export function authenticatesByCookie(headers: AuthHeaders): boolean {
  return authorizationBearer(headers) === null && sessionCookie(headers) !== null;
}
