import type { Response } from 'express';
import type { Actor } from '../policy/actor';

/**
 * The process's services as resolvers reach them. Core names no feature
 * module: the composition root (src/services.ts) fills this interface in by
 * declaration merging with the service graph it builds.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppServices {}

export interface GraphQLContext {
  actor: Actor | null;
  services: AppServices;
  /** Present over HTTP (absent over WebSocket): lets login set the session cookie. */
  res?: Response;
  /** The client's address over HTTP (through trusted proxies, see TRUST_PROXY). */
  ip?: string;
}
