import 'reflect-metadata';
import { runMain, withDatabase } from './run-main';
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config';
import { MailService } from '../modules/mail/mail.service';
import { PasswordResetService } from '../modules/users/password-reset.service';
import { UsersService } from '../modules/users/users.service';
import { normaliseEmail } from '../modules/users/email';

/** How long the first password link of an account made here stays usable. */
export const SET_PASSWORD_HOURS = 24;

const USAGE = 'usage: npm run admin:create -- --email you@example.org --name "Your Name"';

/**
 * `npm run admin:create -- --email x@y --name "…"`: makes an instance admin
 * (who may create spaces when sign-up is closed). A new account gets no
 * password: the command prints a single-use link, valid for 24 hours, where
 * its owner chooses one, so no password ever passes through a terminal or a
 * log. An existing account is made an instance admin and keeps its password.
 */
export async function runAdminCreate(config: AppConfig, args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let email: string;
  let name: string;
  try {
    const { values } = parseArgs({ args: [...args], options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
    if (!values.email || !values.name) {
      out(USAGE);
      return 2;
    }
    email = normaliseEmail(values.email);
    name = values.name;
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  return withDatabase(config, out, async (db) => {
    const users = new UsersService(db, config.sessionDays, config.passwordHashing, null, config.allowSignUp);
    const existing = await users.findByEmail(email);
    if (existing) {
      await users.makeInstanceAdmin(existing);
      out(`${email} has an account already (${existing.name}); it is now an instance admin and keeps its password`);
      return 0;
    }
    const user = await users.createUser({ email, name, password: null, instanceAdmin: true });
    const resets = new PasswordResetService(db, users, new MailService(db, null, config.mailFrom), config.webUrl);
    const link = await resets.issue(user, SET_PASSWORD_HOURS * 60);
    out(`created the instance admin ${user.name} <${user.email}>`);
    out(`they choose their password here (the link works once, until ${link.expiresAt.toISOString()}):`);
    out(link.url);
    return 0;
  });
}

if (require.main === module) runMain(runAdminCreate);
