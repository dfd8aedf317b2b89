import { keyset, newestFirst, createdKey, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { In, type EntityManager } from 'typeorm';
import { logger } from '../../core/logger';
import type { Database } from '../../db/database';
import { OutboxMessage } from './outbox-message.entity';

export interface OutgoingMessage {
  spaceId: string | null;
  to: string;
  subject: string;
  body: string;
}

/**
 * Every message is written to the outbox first. With SMTP configured it is
 * then sent and marked; without, it stays in the outbox where a space admin
 * can read it (invitation links are never lost for want of a mail server).
 * Messages of no space (password resets) wait in the instance outbox, which
 * an operator reads with `npm run outbox`.
 */
export class MailService {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Database,
    smtpUrl: string | null,
    private readonly from: string,
  ) {
    // nodemailer is loaded only where mail goes out over SMTP.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.transport = smtpUrl ? (require('nodemailer') as typeof import('nodemailer')).createTransport(smtpUrl) : null;
  }

  /** Writes the message to the outbox and, with SMTP configured, sends it before returning. */
  async send(message: OutgoingMessage): Promise<OutboxMessage> {
    const row = await this.write(message);
    await this.deliver(row);
    return row;
  }

  /**
   * Writes the message to the outbox and returns; SMTP delivery follows in the
   * background, so the caller's answer takes the same time whether or not a
   * message was sent (password resets must not reveal who has an account).
   */
  async queue(message: OutgoingMessage): Promise<OutboxMessage> {
    const row = await this.write(message);
    void this.deliver(row).catch((err: unknown) => logger.error({ err, messageId: row.id }, 'mail could not be delivered'));
    return row;
  }

  /**
   * Writes many messages to the outbox inside the caller's transaction (in
   * multi-row inserts); with SMTP configured, call `deliverAll` with them once
   * it has committed, so no mail leaves for a change that was rolled back.
   */
  async writeAll(manager: EntityManager, messages: readonly OutgoingMessage[]): Promise<OutboxMessage[]> {
    const rows = messages.map((m) => this.row(m));
    for (let i = 0; i < rows.length; i += 200) await manager.insert(OutboxMessage, rows.slice(i, i + 200));
    if (rows.length && !this.transport) {
      logger.info({ event: 'mail_outbox', messages: rows.length, spaceId: rows[0].spaceId }, "mail kept in the space's outbox (no SMTP_URL)");
    }
    return rows;
  }

  /** Sends messages written by `writeAll`, one after another, in the background; each row records its outcome. */
  deliverAll(rows: readonly OutboxMessage[]): void {
    if (!this.transport || !rows.length) return;
    void (async () => {
      for (const row of rows) await this.deliver(row);
    })().catch((err: unknown) => logger.error({ err }, 'mail could not be delivered'));
  }

  private row(message: OutgoingMessage): OutboxMessage {
    return this.db.manager.create(OutboxMessage, {
      id: randomUUID(),
      spaceId: message.spaceId,
      recipient: message.to,
      subject: message.subject.slice(0, 300),
      body: message.body,
      createdAt: new Date(),
      sentAt: null,
      error: null,
    });
  }

  private async write(message: OutgoingMessage): Promise<OutboxMessage> {
    const row = this.row(message);
    await this.db.manager.insert(OutboxMessage, row);
    if (!this.transport) {
      // The body may hold a secret link: the log says only where to read it.
      logger.info(
        { event: 'mail_outbox', messageId: row.id, spaceId: row.spaceId },
        row.spaceId ? "mail kept in the space's outbox (no SMTP_URL)" : 'mail kept in the instance outbox (no SMTP_URL): read it with `npm run outbox`',
      );
    }
    return row;
  }

  private async deliver(row: OutboxMessage): Promise<void> {
    if (!this.transport) return;
    try {
      await this.transport.sendMail({ from: this.from, to: row.recipient, subject: row.subject, text: row.body });
      row.sentAt = new Date();
    } catch (error) {
      row.error = error instanceof Error ? error.message : String(error);
    }
    await this.db.manager.update(OutboxMessage, { id: row.id }, { sentAt: row.sentAt, error: row.error });
  }

  /** A space's messages, or with `spaceId: null` the instance's own (password resets), newest first. */
  /** One page of a space's outbox, newest first, with how many messages it holds. */
  async outboxPage(spaceId: string, args: PageArgs): Promise<Page<OutboxMessage>> {
    const request = pageRequest('OutboxMessage', args, 2);
    const query = this.db.manager.createQueryBuilder(OutboxMessage, 'm').where('m.spaceId = :spaceId', { spaceId });
    const total = await query.getCount();
    return toPage(await keyset(query, newestFirst('m'), request).getMany(), request, createdKey, total);
  }

  /** The messages of the outbox among `ids`; who may read them is the caller's to check. */
  async messagesById(ids: readonly string[]): Promise<OutboxMessage[]> {
    return ids.length ? this.db.manager.find(OutboxMessage, { where: { id: In([...ids]) } }) : [];
  }

  async outbox(spaceId: string | null, limit: number, before?: Date): Promise<OutboxMessage[]> {
    const query = this.db.manager.createQueryBuilder(OutboxMessage, 'm');
    if (spaceId === null) query.where('m.spaceId IS NULL');
    else query.where('m.spaceId = :spaceId', { spaceId });
    query
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(limit);
    if (before) query.andWhere('m.createdAt < :before', { before });
    return query.getMany();
  }
}
