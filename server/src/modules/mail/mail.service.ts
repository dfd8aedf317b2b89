import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/database';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Every message is written to the outbox first. With SMTP configured it is
 * then sent and marked; without, it stays in the outbox where a space admin
 * can read it (invitation links are never lost for want of a mail server).
 */
export class MailService {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Database,
    smtpUrl: string | null,
    private readonly from: string,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  async send(message: { spaceId: string | null; to: string; subject: string; body: string }): Promise<OutboxMessage> {
    const row = this.db.manager.create(OutboxMessage, {
      id: randomUUID(),
      spaceId: message.spaceId,
      recipient: message.to,
      subject: message.subject.slice(0, 300),
      body: message.body,
      createdAt: new Date(),
      sentAt: null,
      error: null,
    });
    await this.db.manager.insert(OutboxMessage, row);
    if (this.transport) {
      try {
        await this.transport.sendMail({ from: this.from, to: row.recipient, subject: row.subject, text: row.body });
        row.sentAt = new Date();
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
      }
      await this.db.manager.update(OutboxMessage, { id: row.id }, { sentAt: row.sentAt, error: row.error });
    }
    return row;
  }

  async outbox(spaceId: string, limit: number, before?: Date): Promise<OutboxMessage[]> {
    const query = this.db.manager
      .createQueryBuilder(OutboxMessage, 'm')
      .where('m.spaceId = :spaceId', { spaceId })
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(limit);
    if (before) query.andWhere('m.createdAt < :before', { before });
    return query.getMany();
  }
}
