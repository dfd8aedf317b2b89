import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import type { Database } from '../../db/database';
import type { EventBus } from '../../core/pubsub';
import { createdKey, keyset, newestFirst, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import type { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import { Notification } from './notification.entity';
import type { Access } from '../spaces/access';

/** `link` is optional: a notification without a page of its own opens its space. */
export type NewNotification = Omit<Notification, 'id' | 'createdAt' | 'readAt' | 'link'> & { link?: string | null };

/** In-app notifications: written with the action that causes them, announced after commit. */
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly events: EventBus,
    private readonly mail: MailService,
    /** The dashboard's origin, for the links in e-mails. */
    private readonly webUrl: string,
  ) {}

  async add(manager: EntityManager, rows: readonly NewNotification[]): Promise<Notification[]> {
    const created = this.prepare(rows);
    await this.insert(manager, created);
    return created;
  }

  /** The notifications `rows` describe, not written yet: {@link insert} writes them (what `add` does in one step). */
  prepare(rows: readonly NewNotification[]): Notification[] {
    return rows.map((row) => Object.assign(new Notification(), { link: null }, row, { id: randomUUID(), createdAt: new Date(), readAt: null }));
  }

  /** Writes prepared notifications in the caller's transaction, in multi-row inserts. */
  async insert(manager: EntityManager, created: readonly Notification[]): Promise<void> {
    for (let i = 0; i < created.length; i += 200) await manager.insert(Notification, created.slice(i, i + 200));
  }

  /**
   * E-mails each notification to its recipient (SMTP, or the space's outbox), with the link to the
   * page it is about. Call after the transaction that added them committed.
   */
  async email(notes: readonly Notification[]): Promise<void> {
    for (let i = 0; i < notes.length; i += 500) {
      const batch = notes.slice(i, i + 500);
      const users = await this.db.manager.find(User, { where: { id: In(batch.map((n) => n.userId)) } });
      const byId = new Map(users.map((u) => [u.id, u]));
      for (const note of batch) {
        const user = byId.get(note.userId);
        if (!user) continue;
        const text = note.body || note.title;
        const body = note.link ? `${text}\n\nOpen it in Stagecoach: ${this.webUrl}${note.link}` : text;
        await this.mail.send({ spaceId: note.spaceId, to: user.email, subject: note.title, body });
      }
    }
  }

  /** Call after the transaction that added them committed. */
  announce(rows: readonly Notification[]): void {
    for (const row of rows) this.events.publish('NOTIFICATION_ADDED', row.userId, { userId: row.userId, notificationId: row.id });
  }

  async list(actor: Actor | null, args: PageArgs & { unreadOnly?: boolean | null }): Promise<Page<Notification>> {
    const a = this.policy.requireActor(actor);
    const request = pageRequest('Notification', args, 2);
    const query = this.db.manager.createQueryBuilder(Notification, 'n').where('n.userId = :userId', { userId: a.user.id });
    if (args.unreadOnly) query.andWhere('n.readAt IS NULL');
    const unread = await this.db.manager.count(Notification, { where: { userId: a.user.id, readAt: IsNull() } });
    return toPage(await keyset(query, newestFirst('n'), request).getMany(), request, createdKey, unread);
  }

  async get(actor: Actor | null, id: string): Promise<Notification | null> {
    return (await this.getMany(actor, [id]))[0] ?? null;
  }

  /** Those of `ids` that are the caller's notifications. */
  async getMany(actor: Actor | null, ids: readonly string[]): Promise<Notification[]> {
    const a = this.policy.requireActor(actor);
    return ids.length ? this.db.manager.find(Notification, { where: { id: In([...ids]), userId: a.user.id } }) : [];
  }

  /** Marks the caller's notifications read: the given ones, or all up to now. */
  async markRead(actor: Actor | null, ids?: readonly string[] | null): Promise<number> {
    const a = this.policy.requireWritable(actor);
    const query = this.db.manager
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: new Date() })
      .where('userId = :userId AND readAt IS NULL', { userId: a.user.id });
    if (ids) {
      // An empty selection is a selection of nothing, never "all".
      if (ids.length === 0) return 0;
      query.andWhere('id IN (:...ids)', { ids });
    } else query.andWhere('createdAt < :now', { now: new Date(Date.now() + 1) });
    return (await query.execute()).affected ?? 0;
  }
}

