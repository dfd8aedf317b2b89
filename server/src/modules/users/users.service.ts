import { randomUUID } from 'node:crypto';
import { refuseFormatCharacters } from '../../core/labels';
import argon2 from 'argon2';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { badInput, forbidden, notFound, unauthenticated } from '../../core/errors';
import { createdKey, keyset, newestFirst, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import { firstAccountRunsInstance, maySignUpWithoutInvitation } from '../../core/policy/accounts';
import { newSecret, sha256Hex } from '../../core/util/secrets';
import { AuthToken } from './auth-token.entity';
import type { Actor } from '../../core/policy/actor';
import type { LoginThrottle } from './login-throttle';
import { checkPassword } from './password-rule';
import { User } from './user.entity';
import { emailKey, normaliseEmail } from './email';

export type { Actor } from '../../core/policy/actor';

const SESSION_PREFIX = 'sc_ses_';
const PERSONAL_PREFIX = 'sc_pat_';


/** A person's name as stored: trimmed, 1 to 200 characters, no invisible format characters. */
export function checkName(name: string): string {
  const value = name.trim();
  if (!value) throw badInput('name must not be empty');
  if (value.length > 200) throw badInput('name must be at most 200 characters long');
  refuseFormatCharacters(value, 'name');
  return value;
}

/** Accounts, passwords, sessions and personal API tokens. */
export class UsersService {
  private readonly hashOptions: argon2.HashOptions & { raw?: false };

  constructor(
    private readonly db: Database,
    private readonly sessionDays: number,
    hashing: 'standard' | 'fast' = 'standard',
    private readonly throttle: LoginThrottle | null = null,
    /** Whether anyone may create an account without an invitation (ALLOW_SIGN_UP). */
    readonly openSignUp = true,
  ) {
    // 'fast' keeps argon2id but with the smallest cost; tests create hundreds of accounts.
    this.hashOptions = hashing === 'fast' ? { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } : { type: argon2.argon2id };
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.db.manager.findOne(User, { where: { email: normaliseEmail(email) } });
  }

  async getById(id: string): Promise<User> {
    const user = await this.db.manager.findOne(User, { where: { id } });
    if (!user) throw notFound(`user ${id} does not exist`);
    return user;
  }

  /** Many users in one query (for batched field resolvers); unknown ids are left out. */
  async getByIds(ids: readonly string[]): Promise<User[]> {
    return ids.length ? this.db.manager.find(User, { where: { id: In([...ids]) } }) : [];
  }

  /**
   * Creates an account. `password: null` leaves it without one until its
   * owner sets one through a reset link (accounts made by an operator).
   */
  async createUser(input: { email: string; name: string; password: string | null; instanceAdmin?: boolean }): Promise<User> {
    const email = normaliseEmail(input.email);
    const name = checkName(input.name);
    if (input.password !== null) checkPassword(input.password, email);
    if (await this.db.manager.findOne(User, { where: { email } })) {
      throw badInput(`an account for ${email} exists already; sign in instead`);
    }
    const user = this.db.manager.create(User, {
      id: randomUUID(),
      email,
      name,
      passwordHash: input.password === null ? null : await this.hash(input.password),
      createdAt: new Date(),
      instanceAdmin: input.instanceAdmin ?? false,
    });
    await this.db.manager.insert(User, user);
    return user;
  }

  /**
   * An account without a password, for someone whose address an identity
   * provider has verified; they sign in through that provider.
   */
  async createExternalUser(input: { email: string; name: string }, manager: EntityManager = this.db.manager): Promise<User> {
    const user = manager.create(User, { id: randomUUID(), email: normaliseEmail(input.email), name: checkName(input.name), passwordHash: null, createdAt: new Date() });
    await manager.insert(User, user);
    return user;
  }

  /**
   * Open sign-up, without an invitation: refused unless the instance allows
   * it. The instance's first account becomes its admin.
   */
  async signUp(input: { email: string; name: string; password: string }): Promise<User> {
    if (!maySignUpWithoutInvitation(this.openSignUp)) {
      throw forbidden('this Stagecoach does not allow signing up without an invitation: ask a course admin for an invitation link');
    }
    const instanceAdmin = firstAccountRunsInstance(await this.db.manager.count(User), this.openSignUp);
    return this.createUser({ ...input, instanceAdmin });
  }

  async rename(actor: Actor, name: string): Promise<User> {
    if (actor.readOnly) throw forbidden('a read-only token cannot change your account');
    actor.user.name = checkName(name);
    await this.db.manager.update(User, { id: actor.user.id }, { name: actor.user.name });
    return actor.user;
  }

  /**
   * Changes the caller's password after checking the current one (wrong
   * guesses count towards the login throttle). Every other session of the
   * account ends; this one and personal API tokens stay.
   */
  async changePassword(actor: Actor, current: string, next: string, address: string | null = null): Promise<void> {
    if (actor.readOnly) throw forbidden('a read-only token cannot change your account');
    const key = actor.user.email;
    await this.throttle?.check(key, address);
    const ok = actor.user.passwordHash ? await argon2.verify(actor.user.passwordHash, current) : false;
    if (!ok) {
      await this.throttle?.failed(key, address);
      throw badInput('the current password is wrong; nothing was changed');
    }
    await this.setPassword(actor.user, next, actor.token.id);
  }

  /**
   * Stores a new password (refused unless it meets the rule) and ends the
   * account's sessions, except `keepSessionId`.
   */
  async setPassword(user: User, password: string, keepSessionId: string | null = null): Promise<void> {
    checkPassword(password, user.email);
    user.passwordHash = await this.hash(password);
    await this.db.manager.update(User, { id: user.id }, { passwordHash: user.passwordHash });
    const sessions = this.db.manager
      .createQueryBuilder()
      .update(AuthToken)
      .set({ revokedAt: new Date() })
      .where('userId = :userId AND kind = :kind AND revokedAt IS NULL', { userId: user.id, kind: 'SESSION' });
    if (keepSessionId) sessions.andWhere('id <> :keep', { keep: keepSessionId });
    await sessions.execute();
    await this.throttle?.succeeded(user.email);
  }

  /** Makes an existing account an instance admin (by an operator). */
  async makeInstanceAdmin(user: User): Promise<void> {
    user.instanceAdmin = true;
    await this.db.manager.update(User, { id: user.id }, { instanceAdmin: true });
  }

  private hash(password: string): Promise<string> {
    return argon2.hash(password, this.hashOptions);
  }

  /**
   * Checks a password and opens a session; the same error for an unknown
   * address and a wrong password. While the account or the client `address`
   * has had too many wrong passwords, every attempt (the right password too)
   * is refused with RATE_LIMITED.
   */
  async login(email: string, password: string, address: string | null = null): Promise<{ token: string; user: User }> {
    const key = emailKey(email) ?? email.trim();
    await this.throttle?.check(key, address);
    const user = await this.db.manager.findOne(User, { where: { email: key } });
    const ok = user?.passwordHash ? await argon2.verify(user.passwordHash, password) : false;
    if (!user || !ok) {
      await this.throttle?.failed(key, address);
      throw unauthenticated('e-mail address or password is wrong');
    }
    await this.throttle?.succeeded(key);
    return { token: await this.startSession(user), user };
  }

  /** A new session for a user who has just proved who they are. */
  startSession(user: User): Promise<string> {
    return this.issue(user.id, 'SESSION', 'login session', false, this.sessionDays);
  }

  async logout(actor: Actor): Promise<void> {
    await this.db.manager.update(AuthToken, { id: actor.token.id }, { revokedAt: new Date() });
  }

  async createPersonalToken(actor: Actor, name: string, readOnly: boolean, expiresInDays?: number | null) {
    if (actor.readOnly) throw forbidden('a read-only token cannot create tokens');
    const label = checkName(name);
    if (expiresInDays !== undefined && expiresInDays !== null && !(expiresInDays > 0 && expiresInDays <= 3650)) {
      throw badInput('expiresInDays must be between 1 and 3650');
    }
    const secret = await this.issue(actor.user.id, 'PERSONAL', label, readOnly, expiresInDays ?? null);
    const token = await this.db.manager.findOneOrFail(AuthToken, { where: { tokenHash: sha256Hex(secret) } });
    return { secret, token };
  }

  async listPersonalTokens(actor: Actor): Promise<AuthToken[]> {
    return this.db.manager.find(AuthToken, {
      where: { userId: actor.user.id, kind: 'PERSONAL' },
      order: { createdAt: 'DESC' },
    });
  }

  /** Those of `ids` that are the caller's own personal API tokens. */
  async personalTokensById(actor: Actor, ids: readonly string[]): Promise<AuthToken[]> {
    return ids.length ? this.db.manager.find(AuthToken, { where: { id: In([...ids]), userId: actor.user.id, kind: 'PERSONAL' } }) : [];
  }

  /** One page of the caller's personal API tokens, newest first. */
  async personalTokenPage(actor: Actor, args: PageArgs): Promise<Page<AuthToken>> {
    const request = pageRequest('ApiToken', args, 2);
    const query = this.db.manager.createQueryBuilder(AuthToken, 't').where('t.userId = :userId', { userId: actor.user.id }).andWhere('t.kind = :kind', { kind: 'PERSONAL' });
    const total = await query.getCount();
    return toPage(await keyset(query, newestFirst('t'), request).getMany(), request, createdKey, total);
  }

  async revokePersonalToken(actor: Actor, id: string): Promise<AuthToken> {
    const token = await this.db.manager.findOne(AuthToken, { where: { id, userId: actor.user.id, kind: 'PERSONAL' } });
    if (!token) throw notFound(`you have no API token ${id}`);
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await this.db.manager.update(AuthToken, { id }, { revokedAt: token.revokedAt });
    }
    return token;
  }

  /** Resolves a bearer secret to its actor, or null when it is unknown, revoked or expired. */
  async authenticate(secret: string | undefined | null): Promise<Actor | null> {
    if (!secret || !(secret.startsWith(SESSION_PREFIX) || secret.startsWith(PERSONAL_PREFIX))) return null;
    const token = await this.db.manager.findOne(AuthToken, {
      where: [
        { tokenHash: sha256Hex(secret), revokedAt: IsNull(), expiresAt: IsNull() },
        { tokenHash: sha256Hex(secret), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      ],
    });
    if (!token) return null;
    const user = await this.db.manager.findOne(User, { where: { id: token.userId } });
    if (!user) return null;
    const now = Date.now();
    // Touch at most once a minute so authentication stays a read on hot paths.
    if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > 60_000) {
      token.lastUsedAt = new Date(now);
      await this.db.manager.update(AuthToken, { id: token.id }, { lastUsedAt: token.lastUsedAt });
    }
    return { user, token, readOnly: token.readOnly };
  }

  /** Which of these tokens are still valid (not revoked, not expired). */
  async liveTokenIds(ids: readonly string[]): Promise<Set<string>> {
    const live = new Set<string>();
    const now = new Date();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.db.manager.find(AuthToken, {
        select: { id: true },
        where: [
          { id: In(chunk), revokedAt: IsNull(), expiresAt: IsNull() },
          { id: In(chunk), revokedAt: IsNull(), expiresAt: MoreThan(now) },
        ],
      });
      for (const row of rows) live.add(row.id);
    }
    return live;
  }

  private async issue(userId: string, kind: 'SESSION' | 'PERSONAL', name: string, readOnly: boolean, days: number | null) {
    const secret = newSecret(kind === 'SESSION' ? SESSION_PREFIX : PERSONAL_PREFIX);
    await this.db.manager.insert(AuthToken, {
      id: randomUUID(),
      userId,
      kind,
      name,
      tokenHash: sha256Hex(secret),
      prefix: secret.slice(0, 12),
      readOnly,
      createdAt: new Date(),
      lastUsedAt: null,
      expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000),
      revokedAt: null,
    });
    return secret;
  }
}

declare module '../../core/policy/actor' {
  // The actor carries the account and the token rows themselves.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ActorUser extends User {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ActorToken extends AuthToken {}
}
