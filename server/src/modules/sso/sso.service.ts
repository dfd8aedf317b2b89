import { randomUUID } from 'node:crypto';
import { LessThan } from 'typeorm';
import type { AppConfig, OidcIssuerConfig } from '../../config';
import { DomainError, badInput, forbidden, notFound } from '../../core/errors';
import { logger } from '../../core/logger';
import { newSecret, sha256Hex } from '../../core/util/secrets';
import type { Database } from '../../db/database';
import type { SpacesService } from '../spaces/spaces.service';
import { User } from '../users/user.entity';
import { type UsersService } from '../users/users.service';
import { normaliseEmail } from '../users/email';
import { openIdClient, type OpenIdConfiguration } from './openid-client';
import { SignInAttempt } from './sign-in-attempt.entity';
import type { SignInProvider } from './sso.types';
import { UserIdentity } from './user-identity.entity';

/** How long a person has at the provider before the sign-in must be started again. */
export const ATTEMPT_TTL_MS = 10 * 60_000;
/** The cookie naming the browser's sign-in attempt; sent only to the `/auth/oidc` routes. */
export const ATTEMPT_COOKIE = 'stagecoach_sso';
export const ATTEMPT_COOKIE_PATH = '/auth/oidc';

/** What an ID token may say about a person, as far as accounts go. */
type Claims = Record<string, unknown> & { iss: string; sub: string };

/**
 * A page of the dashboard to land on: a path on the same site (`/spaces/1`),
 * never an address elsewhere (`//evil.example`, `https://…`, `/\evil`).
 */
export function safeNext(next: string | null | undefined): string {
  if (next === undefined || next === null || next === '') return '/';
  if (!/^\/(?![/\\])[^\s\\]*$/.test(next) || next.length > 1000) throw badInput(`'${next}' is not a page of this dashboard; give a path such as /spaces`);
  return next;
}

/** Whether `email`'s domain is one of `domains` or below one of them. */
export function domainAllowed(email: string, domains: readonly string[] | null): boolean {
  if (domains === null) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/** What went wrong, in the library's words: its wrapping error names only the kind, its cause the detail. */
function reason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
}

function displayName(claims: Claims, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : given || email.slice(0, email.indexOf('@'));
  return name.trim().slice(0, 200);
}

/**
 * Signing in with an organisation's own login (OpenID Connect, authorisation
 * code flow with PKCE, state and nonce; openid-client checks the answer:
 * state, issuer, audience, signature, nonce). An identity provider's subject
 * is linked to one account: the first time to the account with the same
 * verified address, or to a new account. Every refusal happens before
 * anything is written.
 */
export class SsoService {
  private readonly discovered = new Map<string, Promise<OpenIdConfiguration>>();

  constructor(
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly spaces: SpacesService,
    private readonly config: Pick<AppConfig, 'oidcIssuers' | 'webUrl'>,
  ) {}

  providers(): SignInProvider[] {
    return this.config.oidcIssuers.map((issuer) => ({ id: issuer.id, name: issuer.name, startUrl: `${ATTEMPT_COOKIE_PATH}/${issuer.id}/start` }));
  }

  /**
   * Begins a sign-in: remembers what the callback must check and returns the
   * provider's address to send the browser to, and the key (a cookie's value)
   * that finds this attempt again.
   */
  async start(issuerId: string, options: { invite?: string | null; next?: string | null }): Promise<{ key: string; url: string }> {
    const issuer = this.issuer(issuerId);
    const next = safeNext(options.next);
    const invite = options.invite || null;
    if (invite) await this.spaces.checkInvitation(invite);
    const client = await openIdClient();
    const configuration = await this.configuration(issuer);
    const codeVerifier = client.randomPKCECodeVerifier();
    const attempt: SignInAttempt = Object.assign(new SignInAttempt(), {
      id: randomUUID(),
      issuerId: issuer.id,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier,
      invite,
      next,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + ATTEMPT_TTL_MS),
    });
    const key = newSecret('sc_sso_');
    await this.db.manager.delete(SignInAttempt, { expiresAt: LessThan(new Date()) });
    await this.db.manager.insert(SignInAttempt, { ...attempt, keyHash: sha256Hex(key) });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl(issuer),
      scope: 'openid email profile',
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { key, url: url.href };
  }

  /**
   * Completes a sign-in from the provider's answer (the callback's query):
   * checks it against the attempt `key` names (used up either way), then
   * signs in the linked, matched or new account and accepts the invitation
   * carried along. Returns a session secret and the page to land on.
   */
  async finish(issuerId: string, key: string | null, query: URLSearchParams): Promise<{ session: string; user: User; next: string }> {
    const issuer = this.issuer(issuerId);
    const attempt = key ? await this.takeAttempt(key) : null;
    if (!attempt || attempt.issuerId !== issuer.id || attempt.expiresAt.getTime() < Date.now()) {
      throw badInput('this sign-in was already used, has expired or was started in another browser; please sign in again');
    }
    const refused = query.get('error');
    if (refused) throw forbidden(`${issuer.name} did not sign you in: ${query.get('error_description') || refused}`);
    const claims = await this.verifiedClaims(issuer, attempt, query);
    if (claims.email_verified !== true) {
      throw forbidden(`${issuer.name} has not verified your e-mail address, so it cannot sign you in here; verify it with ${issuer.name} first`);
    }
    const address = claims[issuer.emailClaim];
    if (typeof address !== 'string') throw forbidden(`${issuer.name} did not say what your e-mail address is (claim '${issuer.emailClaim}')`);
    const email = normaliseEmail(address);
    if (!domainAllowed(email, issuer.allowedDomains)) {
      throw forbidden(`${email} may not sign in with ${issuer.name}; addresses at ${issuer.allowedDomains?.join(', ')} may`);
    }
    const user = await this.account(claims, email, attempt.invite);
    const session = await this.users.startSession(user);
    if (attempt.invite) {
      const actor = await this.users.authenticate(session);
      if (actor) await this.spaces.accept(actor, attempt.invite);
    }
    return { session, user, next: attempt.next ?? '/' };
  }

  /** The address the provider sends the browser back to: on the dashboard, which forwards `/auth/oidc` here. */
  private callbackUrl(issuer: OidcIssuerConfig): string {
    return `${this.config.webUrl.replace(/\/+$/, '')}${ATTEMPT_COOKIE_PATH}/${issuer.id}/callback`;
  }

  private issuer(id: string): OidcIssuerConfig {
    const issuer = this.config.oidcIssuers.find((candidate) => candidate.id === id);
    if (!issuer) throw notFound(`there is no sign-in provider '${id}'`);
    return issuer;
  }

  /** The provider's metadata, read once; a failed read is tried again on the next sign-in. */
  private configuration(issuer: OidcIssuerConfig): Promise<OpenIdConfiguration> {
    let configuration = this.discovered.get(issuer.id);
    if (!configuration) {
      configuration = (async () => {
        const client = await openIdClient();
        // Plain http is refused in production by the configuration check; elsewhere it is for local test providers.
        const insecure = issuer.issuer.startsWith('http://') ? { execute: [client.allowInsecureRequests] } : undefined;
        return client.discovery(new URL(issuer.issuer), issuer.clientId, issuer.clientSecret, undefined, insecure);
      })().catch((error: unknown) => {
        this.discovered.delete(issuer.id);
        logger.warn({ err: error, issuer: issuer.issuer }, 'OpenID Connect discovery failed');
        throw new DomainError('FORBIDDEN', `signing in with ${issuer.name} is not available: its settings could not be read (${reason(error)})`);
      });
      this.discovered.set(issuer.id, configuration);
    }
    return configuration;
  }

  /** The attempt `key` names, deleted so it cannot be used twice (of two concurrent uses one gets it). */
  private async takeAttempt(key: string): Promise<SignInAttempt | null> {
    const attempt = await this.db.manager.findOne(SignInAttempt, { where: { keyHash: sha256Hex(key) } });
    if (!attempt) return null;
    const taken = await this.db.manager.delete(SignInAttempt, { id: attempt.id });
    return taken.affected === 1 ? attempt : null;
  }

  private async verifiedClaims(issuer: OidcIssuerConfig, attempt: SignInAttempt, query: URLSearchParams): Promise<Claims> {
    const client = await openIdClient();
    const configuration = await this.configuration(issuer);
    const currentUrl = new URL(this.callbackUrl(issuer));
    currentUrl.search = query.toString();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      return tokens.claims() as Claims;
    } catch (error) {
      logger.warn({ err: error, issuer: issuer.issuer }, 'OpenID Connect answer refused');
      throw forbidden(`the answer from ${issuer.name} could not be verified (${reason(error)}); please sign in again`);
    }
  }

  /**
   * The account this person signs in to: the one linked to their subject at
   * this issuer; else the one with their verified address, now linked; else a
   * new one. An invitation carried along is checked before anything is written.
   */
  private async account(claims: Claims, email: string, invite: string | null): Promise<User> {
    const identity = await this.db.manager.findOne(UserIdentity, { where: { issuer: claims.iss, subject: claims.sub } });
    const existing = identity
      ? await this.db.manager.findOneOrFail(User, { where: { id: identity.userId } })
      : await this.db.manager.findOne(User, { where: { email } });
    if (invite) await this.spaces.checkInvitation(invite, existing?.email ?? email);
    if (identity && existing) return existing;
    return this.db.transaction(async (manager) => {
      const user = existing ?? (await this.users.createExternalUser({ email, name: displayName(claims, email) }, manager));
      await manager.insert(UserIdentity, { id: randomUUID(), issuer: claims.iss, subject: claims.sub, userId: user.id, createdAt: new Date() });
      return user;
    });
  }
}
