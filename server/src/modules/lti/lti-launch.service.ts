import { randomBytes, randomUUID } from 'node:crypto';
import { LessThan, type EntityManager } from 'typeorm';
import { DomainError, badInput, forbidden } from '../../core/errors';
import { logger } from '../../core/logger';
import { hasPersonalWorkspace, mayOpenCourse, roleFromLis, type Role } from '../../core/policy';
import { newSecret, sha256Hex } from '../../core/util/secrets';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/database';
import { Membership } from '../spaces/membership.entity';
import type { SpacesService } from '../spaces/spaces.service';
import { UserIdentity } from '../sso/user-identity.entity';
import { User } from '../users/user.entity';
import { checkName, type UsersService } from '../users/users.service';
import { normaliseEmail } from '../users/email';
import { Workspace } from '../workspaces/workspace.entity';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { jose, type Jose } from './jose';
import { DEEP_LINKING_REQUEST, readLaunch, type LaunchMessage } from './lti-claims';
import type { LtiDeepLinkingService } from './lti-deep-linking.service';
import { LtiContext } from './lti-context.entity';
import { linkLineItem } from './lti-line-items';
import { LtiLogin } from './lti-login.entity';
import { identityIssuer, LtiPlatform } from './lti-platform.entity';
import { toolUrls } from './lti-urls';
import { dashboardLink } from '../notifications/dashboard-links';

/** How long a person has between the platform's login initiation and its launch. */
export const LOGIN_TTL_MS = 5 * 60_000;
/** Clock difference tolerated on `exp` and `iat`. */
export const CLOCK_LEEWAY_SECONDS = 60;
/** The oldest id_token taken, by its `iat`. */
const MAX_TOKEN_AGE_SECONDS = 10 * 60;
/** The cookie binding a login initiation to the browser that then brings the launch; sent only to `/lti`. */
export const LOGIN_COOKIE = 'stagecoach_lti_state';

/** A platform's login initiation request (query or form). */
export interface LoginInitiation {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
}

/** A launch that signed someone in: their session and the dashboard page to open. */
export interface LaunchResult {
  session: string;
  user: User;
  spaceId: string;
  role: Role;
  page: string;
  message: LaunchMessage;
  platform: LtiPlatform;
  /** Whether the launch was an instructor's, after which the roster is compared with the platform's. */
  checkRoster: boolean;
}

/** What the library said, for the refusal's message. */
function joseReason(error: unknown): string {
  const e = error as { code?: string; claim?: string; reason?: string; message?: string };
  switch (e.code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'its signature does not verify with the platform\'s keys';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'it is signed with a key the platform does not publish (unknown kid)';
    case 'ERR_JWT_EXPIRED':
      return 'it has expired (exp)';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim '${e.claim}' is wrong: ${e.message}`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'it is not signed with RS256';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return `the platform's key set could not be read (${e.message})`;
    default:
      return e.message ?? String(error);
  }
}

/**
 * LTI 1.3 launches: third-party initiated login (state and nonce, kept
 * here, used once), then the id_token the platform posts back, checked
 * against the platform's key set (signature, iss, aud, azp, exp and iat with
 * a small leeway, nonce, deployment, message type, version). Every check
 * runs before anything is written, so a refused launch creates nothing.
 *
 * A launch's user is found by the platform's `sub` only (an identity whose
 * issuer is `lti:<platform id>`: two platforms sharing an issuer, such as
 * Canvas cloud tenants, never reach each other's people); by e-mail only
 * when the platform's admin allowed it.
 */
export class LtiLaunchService {
  private readonly keySets = new Map<string, ReturnType<Jose['createRemoteJWKSet']>>();

  constructor(
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly spaces: SpacesService,
    private readonly workspaces: WorkspacesService,
    private readonly config: { webUrl: string },
    private readonly deepLinking: LtiDeepLinkingService,
  ) {}

  /** Where the platform sends the browser back, and where it should be registered. */
  urls() {
    return toolUrls(this.config.webUrl);
  }

  /**
   * Starts a launch: remembers a nonce under a fresh state and returns the
   * platform's authorisation address to send the browser to. The state is
   * also the value of the cookie the launch must bring back.
   */
  async login(params: LoginInitiation): Promise<{ state: string; url: string }> {
    if (!params.iss) throw badInput('login initiation needs iss (the platform\'s issuer)');
    if (!params.login_hint) throw badInput('login initiation needs login_hint');
    if (!params.target_link_uri) throw badInput('login initiation needs target_link_uri');
    const platform = await this.platformFor(params.iss, params.client_id ?? null);
    if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id)) {
      throw forbidden(`deployment '${params.lti_deployment_id}' is not registered for ${platform.name}; an admin adds it to the platform's deployment ids`);
    }
    const state = newSecret('');
    const nonce = randomBytes(24).toString('base64url');
    const now = new Date();
    await this.db.manager.delete(LtiLogin, { expiresAt: LessThan(now) });
    await this.db.manager.insert(LtiLogin, {
      id: randomUUID(),
      stateHash: sha256Hex(state),
      nonce,
      platformId: platform.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
    });
    const url = new URL(platform.authUrl);
    const query: Record<string, string> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      redirect_uri: this.urls().launchUrl,
      login_hint: params.login_hint,
      state,
      nonce,
      ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
    };
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return { state, url: url.href };
  }

  /**
   * Completes a launch from the platform's form post. `browserState` is the
   * login cookie's value: a launch the browser did not start is refused.
   */
  async launch(form: { id_token?: string; state?: string; error?: string; error_description?: string }, browserState: string | null): Promise<LaunchResult> {
    if (form.error) throw forbidden(`the platform did not launch Stagecoach: ${form.error_description || form.error}`);
    if (!form.state || !form.id_token) throw badInput('a launch must post id_token and state');
    if (browserState !== form.state) {
      throw forbidden('this launch was not started in this browser (its login cookie is missing or different); if the course page blocks cookies, open Stagecoach in a new window');
    }
    const login = await this.takeLogin(form.state);
    if (!login || login.expiresAt.getTime() < Date.now()) throw forbidden('this launch has expired or was already used; open Stagecoach from the course again');
    const platform = await this.db.manager.findOne(LtiPlatform, { where: { id: login.platformId } });
    if (!platform) throw forbidden('the platform that started this launch is no longer registered');
    const claims = await this.verify(platform, form.id_token, login.nonce);
    const message = readLaunch(claims, platform.deploymentIds);
    const role = roleFromLis(message.roles);
    if (!role) throw forbidden(`this launch was refused: none of your roles in '${message.context.title}' (${message.roles.join(', ') || 'none'}) gives access to Stagecoach`);
    if (message.messageType === DEEP_LINKING_REQUEST && !mayOpenCourse(role)) throw forbidden('only an instructor of the course adds Stagecoach assignments to it');
    return this.enter(platform, message, role);
  }

  /** The platform whose id_tokens these are: by issuer, and by client id when several share the issuer. */
  private async platformFor(issuer: string, clientId: string | null): Promise<LtiPlatform> {
    const candidates = await this.db.manager.find(LtiPlatform, { where: clientId ? { issuer, clientId } : { issuer } });
    if (!candidates.length) throw forbidden(`no platform with issuer ${issuer}${clientId ? ` and client id ${clientId}` : ''} is registered here; an instance admin registers it first`);
    if (candidates.length > 1) throw badInput(`several platforms with issuer ${issuer} are registered; the login initiation must name its client_id`);
    return candidates[0];
  }

  private async takeLogin(state: string): Promise<LtiLogin | null> {
    const login = await this.db.manager.findOne(LtiLogin, { where: { stateHash: sha256Hex(state) } });
    if (!login) return null;
    const taken = await this.db.manager.delete(LtiLogin, { id: login.id });
    return taken.affected === 1 ? login : null;
  }

  private async verify(platform: LtiPlatform, idToken: string, nonce: string): Promise<Record<string, unknown>> {
    const { jwtVerify, createRemoteJWKSet } = await jose();
    let keys = this.keySets.get(platform.jwksUrl);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(platform.jwksUrl));
      this.keySets.set(platform.jwksUrl, keys);
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(idToken, keys, {
        issuer: platform.issuer,
        audience: platform.clientId,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_LEEWAY_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        requiredClaims: ['exp', 'iat', 'nonce', 'sub'],
      }));
    } catch (error) {
      logger.warn({ err: error, platform: platform.issuer }, 'LTI id_token refused');
      throw forbidden(`this launch was refused: ${joseReason(error)}`);
    }
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.iat === 'number' && payload.iat > now + CLOCK_LEEWAY_SECONDS) throw forbidden('this launch was refused: it was issued in the future (iat)');
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== platform.clientId) {
      throw forbidden(`this launch was refused: its authorised party (azp) is '${String(payload.azp ?? '')}', not this tool's client id`);
    }
    if (payload.nonce !== nonce) throw forbidden('this launch was refused: its nonce is not the one this login sent (a replayed or foreign token)');
    return payload;
  }

  /** Signs the person in, to the space of the course (created on an instructor's first launch). */
  private async enter(platform: LtiPlatform, message: LaunchMessage, role: Role): Promise<LaunchResult> {
    const issuer = identityIssuer(platform);
    const linked = await this.db.manager.findOne(LtiContext, { where: { platformId: platform.id, contextId: message.context.id } });
    if (!linked && !mayOpenCourse(role)) {
      throw forbidden(`Stagecoach has not been set up for '${message.context.title}' yet: an instructor opens it from the course first`);
    }
    const identity = await this.db.manager.findOne(UserIdentity, { where: { issuer, subject: message.subject } });
    const email = message.email ? normaliseEmail(message.email) : null;
    const existing = identity
      ? await this.db.manager.findOne(User, { where: { id: identity.userId } })
      : platform.linkByEmail && email
        ? await this.db.manager.findOne(User, { where: { email } })
        : null;
    const { user, spaceId } = await this.workspaces.withNewWorkspaces(async (manager, createWorkspace) => {
      const user = existing ?? (await this.newUser(manager, platform, message, email));
      if (!identity) await manager.insert(UserIdentity, { id: randomUUID(), issuer, subject: message.subject, userId: user.id, createdAt: new Date() });
      const context = await manager.findOne(LtiContext, { where: { platformId: platform.id, contextId: message.context.id } });
      let spaceId = context?.spaceId;
      let contextRowId = context?.id;
      if (!spaceId) {
        const space = await this.spaces.insertSpace(manager, createWorkspace, user.id, { name: message.context.title, kind: 'COURSE', description: `Opened from ${platform.name}` });
        spaceId = space.id;
        contextRowId = randomUUID();
        await manager.insert(LtiContext, {
          id: contextRowId,
          platformId: platform.id,
          contextId: message.context.id,
          spaceId,
          title: message.context.title,
          membershipsUrl: message.membershipsUrl,
          lineItemsUrl: message.lineItemsUrl,
          createdAt: new Date(),
        });
      } else {
        await manager.update(LtiContext, { id: context!.id }, { title: message.context.title, membershipsUrl: message.membershipsUrl ?? context!.membershipsUrl, lineItemsUrl: message.lineItemsUrl ?? context!.lineItemsUrl });
        const member = await manager.findOne(Membership, { where: { spaceId, userId: user.id } });
        if (!member) await this.spaces.insertMembership(manager, spaceId, user.id, role, null, true, { studentNumber: message.sourcedId?.slice(0, 64) ?? null, section: null });
      }
      if (message.assignmentId && message.lineItemUrl && contextRowId) {
        await linkLineItem(manager, { contextId: contextRowId, spaceId, assignmentId: message.assignmentId, url: message.lineItemUrl, resourceLinkId: message.resourceLink?.id ?? null });
      }
      return { user, spaceId };
    }, null).catch((error: unknown) => {
      // Two first launches of one course at once: the other made the space; this one joins it on a second try.
      if (isUniqueViolation(error) && !linked) throw new DomainError('CONFLICT', 'this course was being opened at the same moment; open Stagecoach again');
      throw error;
    });
    const membership = await this.db.manager.findOneOrFail(Membership, { where: { spaceId, userId: user.id } });
    const session = await this.users.startSession(user);
    const page =
      message.messageType === DEEP_LINKING_REQUEST
        ? `${dashboardLink.space(spaceId)}?ltiDeepLink=${encodeURIComponent(await this.deepLinking.request(platform, message, spaceId))}`
        : await this.landing(spaceId, user.id, membership.role);
    return { session, user, spaceId, role: membership.role, page, message, platform, checkRoster: mayOpenCourse(role) };
  }

  /** A student lands in their own workspace; staff on the course's page. */
  private async landing(spaceId: string, userId: string, role: Role): Promise<string> {
    if (hasPersonalWorkspace(role)) {
      const own = await this.db.manager.findOne(Workspace, { where: { spaceId, kind: 'PERSONAL', ownerId: userId } });
      if (own) return dashboardLink.workspace(own.id);
    }
    return dashboardLink.space(spaceId);
  }

  private async newUser(manager: EntityManager, platform: LtiPlatform, message: LaunchMessage, email: string | null): Promise<User> {
    // The platform's address names the account only when the admin trusts it (linkByEmail) and no account has it yet;
    // otherwise an address that cannot receive mail stands in, so a platform never claims someone else's address.
    const taken = email ? await manager.findOne(User, { where: { email } }) : null;
    const address = platform.linkByEmail && email && !taken ? email : `lti-${randomBytes(9).toString('hex')}@lti.invalid`;
    let name: string;
    try {
      name = checkName(message.name ?? '');
    } catch {
      name = `${platform.name} user`;
    }
    return this.users.createExternalUser({ email: address, name }, manager);
  }
}
