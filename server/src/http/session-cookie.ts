import { parse, serialize } from 'cookie';
import type { GraphQLContext } from '../core/graphql/context';

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

export function clearSessionCookie(ctx: Pick<GraphQLContext, 'res'>): void {
  ctx.res?.append('Set-Cookie', serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 }));
}

/** The bearer secret of a request: `Authorization: Bearer …` first, then the session cookie. */
export function bearerOf(headers: { authorization?: string | string[]; cookie?: string | string[] }): string | null {
  const auth = Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = Array.isArray(headers.cookie) ? headers.cookie.join('; ') : headers.cookie;
  return cookie ? (parse(cookie)[SESSION_COOKIE] ?? null) : null;
}
