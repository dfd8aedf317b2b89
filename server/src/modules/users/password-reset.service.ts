import { randomUUID } from 'node:crypto';
import { IsNull, MoreThan } from 'typeorm';
import { badInput, formatUtc } from '../../core/errors';
import { logger } from '../../core/logger';
import { newSecret, sha256Hex } from '../../core/util/secrets';
import type { Database } from '../../db/database';
import type { MailService } from '../mail/mail.service';
import { PasswordReset } from './password-reset.entity';
import { checkPassword } from './password-rule';
import type { User } from './user.entity';
import type { UsersService } from './users.service';

const RESET_PREFIX = 'sc_rst_';
/** How long a reset link mailed on request stays usable. */
export const RESET_LINK_MINUTES = 60;
/** Open links per account at most: further requests mail nothing until one is used or expires, so nobody floods an inbox. */
export const OPEN_RESET_LINKS = 3;

/**
 * "Forgot password": a single-use link that expires, mailed through the mail
 * module (SMTP, or the instance outbox that `npm run outbox` prints). Only the
 * SHA-256 of a link's secret is stored. Asking for an unknown address answers
 * exactly as for a known one, so nobody learns who has an account.
 */
export class PasswordResetService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly webUrl: string,
  ) {}

  /**
   * Mails a reset link when `email` has an account with fewer than
   * OPEN_RESET_LINKS open links; the answer is the same either way.
   */
  async request(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      logger.info({ event: 'password_reset_unknown' }, 'password reset asked for an address without an account');
      return;
    }
    const open = await this.db.manager.count(PasswordReset, { where: { userId: user.id, usedAt: IsNull(), expiresAt: MoreThan(new Date()) } });
    if (open >= OPEN_RESET_LINKS) {
      logger.info({ event: 'password_reset_capped', userId: user.id }, `password reset not mailed: ${OPEN_RESET_LINKS} links are open already`);
      return;
    }
    const { url } = await this.issue(user, RESET_LINK_MINUTES);
    await this.mail.queue({
      spaceId: null,
      to: user.email,
      subject: 'Set a new Stagecoach password',
      body:
        `Someone (hopefully you) asked to set a new password for ${user.email} on Stagecoach.\n\n` +
        `Set it here: ${url}\n\nThe link works once and expires in ${RESET_LINK_MINUTES} minutes. ` +
        'If you did not ask, ignore this message: your password stays as it is.',
    });
  }

  /** A new single-use link for `user`, valid for `minutes` (also used by `npm run admin:create`). */
  async issue(user: User, minutes: number): Promise<{ url: string; expiresAt: Date }> {
    const secret = newSecret(RESET_PREFIX);
    const expiresAt = new Date(Date.now() + minutes * 60_000);
    await this.db.manager.insert(PasswordReset, {
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256Hex(secret),
      createdAt: new Date(),
      expiresAt,
      usedAt: null,
    });
    return { url: `${this.webUrl}/reset-password/${secret}`, expiresAt };
  }

  /**
   * Sets the password of the link's account and uses the link up (with every
   * other open link of that account). Refuses, changing nothing, a link that
   * is unknown, used or expired, and a password that breaks the rule.
   */
  async reset(secret: string, password: string): Promise<User> {
    const row = await this.db.manager.findOne(PasswordReset, { where: { tokenHash: sha256Hex(secret.trim()) } });
    if (!row) throw badInput('this password reset link is not valid: ask for a new one on the sign-in page ("Forgot your password?")');
    if (row.usedAt) throw badInput(`this password reset link was used already (${formatUtc(row.usedAt)}); ask for a new one on the sign-in page`);
    if (row.expiresAt.getTime() <= Date.now()) {
      throw badInput(`this password reset link expired at ${formatUtc(row.expiresAt)}; ask for a new one on the sign-in page`);
    }
    const user = await this.users.getById(row.userId);
    checkPassword(password, user.email);
    const now = new Date();
    const claimed = await this.db.manager
      .createQueryBuilder()
      .update(PasswordReset)
      .set({ usedAt: now })
      .where('id = :id AND usedAt IS NULL', { id: row.id })
      .execute();
    if (claimed.affected !== 1) throw badInput('this password reset link was used already; ask for a new one on the sign-in page');
    await this.db.manager
      .createQueryBuilder()
      .update(PasswordReset)
      .set({ usedAt: now })
      .where('userId = :userId AND usedAt IS NULL', { userId: user.id })
      .execute();
    await this.users.setPassword(user, password);
    return user;
  }
}
