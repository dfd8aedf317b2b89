import type { IncomingMessage } from 'node:http';
import type { Context } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { AppConfig } from '../config';
import { logger } from '../core/logger';
import type { Services } from '../services';
import type { Actor } from '../modules/users/users.service';
import { allowedOrigins, originAllowed } from './csrf';
import { authenticatesByCookie, bearerOf } from '../modules/users/session-cookie';

/** graphql-ws's close code for a connection whose credentials no longer hold; clients do not reconnect on it. */
export const SESSION_ENDED = 4401;
/** How often open sockets' tokens are checked again (logout, revocation, expiry), in any process. */
export const SOCKET_RECHECK_MS = 2000;

type Extra = { socket: WebSocket; request: IncomingMessage; actor?: Actor | null };

/**
 * Authentication of graphql-ws connections, and their end when the session
 * or token that opened them ends. A token is checked once at connection_init;
 * afterwards every open socket's token is checked again every
 * {@link SOCKET_RECHECK_MS} in one query, so a logout or a revocation made
 * through any API process closes the sockets of every process within seconds.
 */
export class SocketSessions {
  private readonly byToken = new Map<string, Set<WebSocket>>();
  private readonly contexts = new Set<Context<Record<string, unknown> | undefined, Extra>>();
  private readonly allowed: ReadonlySet<string>;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly services: Services,
    config: AppConfig,
    private readonly recheckMs = SOCKET_RECHECK_MS,
  ) {
    this.allowed = allowedOrigins(config);
  }

  /**
   * `ws` `verifyClient`: a page on any site can open a socket carrying the
   * visitor's cookie, so an upgrade with the session cookie from an origin
   * that may not use it is refused with 403 before any graphql-ws message.
   * Sockets without the cookie (tokens in connectionParams) pass from anywhere.
   */
  readonly verifyUpgrade = (
    info: { origin: string; req: IncomingMessage },
    done: (ok: boolean, code?: number, message?: string, headers?: Record<string, string>) => void,
  ): void => {
    const { req } = info;
    const origin = req.headers.origin;
    if (!authenticatesByCookie(req.headers) || origin === undefined || originAllowed(origin, req.headers, this.allowed, true)) return done(true);
    logger.warn({ event: 'socket_origin_refused', origin }, 'subscription socket from a foreign origin refused');
    const message = `requests from ${origin} may not use the session cookie; connect from an allowed origin (CORS_ORIGINS) or with an API token in connectionParams`;
    done(false, 403, message, { 'Content-Type': 'text/plain; charset=utf-8' });
  };

  /** graphql-ws `onConnect`: false refuses the connection (closed with 4403). */
  readonly onConnect = async (ctx: Context<Record<string, unknown> | undefined, Extra>): Promise<boolean> => {
    const { request, socket } = ctx.extra;
    const param = ctx.connectionParams?.authorization ?? ctx.connectionParams?.token;
    const fromParams = typeof param === 'string';
    const secret = fromParams ? (param as string).replace(/^Bearer /, '') : bearerOf(request.headers);
    const actor = await this.services.users.authenticate(secret);
    if (!actor) return false;
    ctx.extra.actor = actor;
    this.track(actor.token.id, socket);
    this.contexts.add(ctx);
    socket.once('close', () => this.contexts.delete(ctx));
    return true;
  };

  start(): void {
    this.timer ??= setInterval(() => void this.recheck(), this.recheckMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Subscriptions running on this process's sockets. */
  get subscriptionsOpen(): number {
    let count = 0;
    for (const ctx of this.contexts) count += Object.keys(ctx.subscriptions).length;
    return count;
  }

  private track(tokenId: string, socket: WebSocket): void {
    let sockets = this.byToken.get(tokenId);
    if (!sockets) this.byToken.set(tokenId, (sockets = new Set()));
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.byToken.get(tokenId) === sockets) this.byToken.delete(tokenId);
    });
  }

  /** Closes the sockets whose token was revoked or expired since they connected. */
  private async recheck(): Promise<void> {
    const ids = [...this.byToken.keys()];
    if (ids.length === 0) return;
    try {
      const live = await this.services.users.liveTokenIds(ids);
      for (const id of ids) {
        if (live.has(id)) continue;
        for (const socket of this.byToken.get(id) ?? []) socket.close(SESSION_ENDED, 'Unauthorized: the session or token has ended');
        this.byToken.delete(id);
      }
    } catch (err) {
      logger.warn({ err }, 'could not check the tokens of open subscription sockets; trying again');
    }
  }
}
