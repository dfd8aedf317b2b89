// Types only: erased from the output, which never `require`s the ES module.
import type * as OpenIdClientModule from 'openid-client' with { 'resolution-mode': 'import' };

/** The openid-client module's exports. */
export type OpenIdClient = typeof OpenIdClientModule;
export type OpenIdConfiguration = OpenIdClientModule.Configuration;

let loading: Promise<OpenIdClient> | null = null;

/**
 * openid-client is published as an ES module only and this server is compiled
 * to CommonJS, so it is loaded with a dynamic import (kept as such by the
 * compiler's node16 module mode), once, on first use.
 */
export function openIdClient(): Promise<OpenIdClient> {
  loading ??= import('openid-client');
  return loading;
}
