import 'reflect-metadata';
import { runMain, withDatabase } from './run-main';
import type { AppConfig } from '../config';
import { MailService } from '../modules/mail/mail.service';

/**
 * `npm run outbox [-- <count>]`: prints the newest messages of the instance
 * outbox (mail that belongs to no space, such as password reset links), for
 * an operator running without SMTP_URL. A space's mail is in its own outbox,
 * which its admins read in the dashboard.
 */
export async function runOutbox(config: AppConfig, args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const count = args.length ? Number(args[0]) : 10;
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    out(`'${args[0]}' is not a count of messages: give a whole number from 1 to 1000`);
    return 2;
  }
  return withDatabase(config, out, async (db) => {
    const messages = await new MailService(db, null, config.mailFrom).outbox(null, count);
    if (messages.length === 0) out('the instance outbox is empty');
    for (const m of messages.reverse()) {
      const state = m.sentAt ? `sent ${m.sentAt.toISOString()}` : m.error ? `not sent: ${m.error}` : 'not sent (no SMTP_URL)';
      out(`--- ${m.createdAt.toISOString()} to ${m.recipient} (${state})\nSubject: ${m.subject}\n\n${m.body}\n`);
    }
    return 0;
  });
}

if (require.main === module) runMain(runOutbox);
