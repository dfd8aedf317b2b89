import { forbidden } from '../../core/errors';
import { logger } from '../../core/logger';
import type { LtiKeysService } from './lti-keys.service';
import type { LtiPlatform } from './lti-platform.entity';

/** Renewed this long before the platform says a token expires, so a call never goes out with one about to lapse. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Calls to a platform's LTI Advantage services (roster, grades) with an
 * OAuth2 access token from the client-credentials grant, the client
 * authenticating with a JWT it signs (RFC 7523). Tokens are kept per
 * platform and scope until shortly before they expire; a call the platform
 * answers 401 drops the token and is made once more with a new one.
 */
export class LtiServiceToken {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly keys: LtiKeysService) {}

  /** `fetch` to a platform service with a bearer token for `scopes`. */
  async fetch(platform: LtiPlatform, scopes: readonly string[], url: string, init: RequestInit = {}): Promise<Response> {
    const call = async () => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${await this.token(platform, scopes)}` } });
    const first = await call();
    if (first.status !== 401) return first;
    await first.arrayBuffer();
    this.tokens.delete(this.cacheKey(platform, scopes));
    return call();
  }

  private cacheKey(platform: LtiPlatform, scopes: readonly string[]): string {
    return `${platform.id} ${[...scopes].sort().join(' ')}`;
  }

  private async token(platform: LtiPlatform, scopes: readonly string[]): Promise<string> {
    const key = this.cacheKey(platform, scopes);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    const assertion = await this.keys.sign({}, { issuer: platform.clientId, subject: platform.clientId, audience: platform.tokenUrl });
    const res = await fetch(platform.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: scopes.join(' '),
      }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!res.ok || typeof body.access_token !== 'string') {
      logger.warn({ platform: platform.issuer, status: res.status, error: body.error }, 'LTI service token refused');
      throw forbidden(`${platform.name} did not grant access to its services (${res.status}${body.error ? `: ${body.error_description ?? body.error}` : ''}); check that the tool's services are enabled there`);
    }
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 3600) * 1000;
    this.tokens.set(key, { token: body.access_token, expiresAt: Date.now() + lifetimeMs - EXPIRY_MARGIN_MS });
    return body.access_token;
  }
}
