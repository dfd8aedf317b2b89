// Types only: erased from the output, which never `require`s the ES module.
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

/** The jose module's exports. */
export type Jose = typeof JoseModule;
export type JoseJwk = JoseModule.JWK;
export type JoseJwtPayload = JoseModule.JWTPayload;

let loading: Promise<Jose> | null = null;

/**
 * jose is published as an ES module only and this server is compiled to
 * CommonJS, so it is loaded with a dynamic import, once, on first use (as
 * openid-client is, see modules/sso/openid-client.ts).
 */
export function jose(): Promise<Jose> {
  loading ??= import('jose');
  return loading;
}
