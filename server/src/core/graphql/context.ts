import type { Response } from 'express';
import type { Services } from '../services';
import type { Actor } from '../../modules/users/users.service';

export interface GraphQLContext {
  actor: Actor | null;
  services: Services;
  /** Present over HTTP (absent over WebSocket): lets login set the session cookie. */
  res?: Response;
  /** The client's address over HTTP (through trusted proxies, see TRUST_PROXY). */
  ip?: string;
}
