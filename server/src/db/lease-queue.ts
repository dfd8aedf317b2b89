import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { Database } from './database';

/** A table of queued work whose rows carry `status`, `leaseOwner`, `leaseExpiresAt` and `attempts`. */
export interface LeaseQueue<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  table: string;
  /** SQL condition (with `?` placeholders for `dueParams`) for rows ready to run besides expired leases. */
  due: string;
  dueParams?: (stamp: Date | string) => unknown[];
  orderBy: string;
}

export interface ClaimOptions<T> {
  owner: string;
  leaseMs: number;
  limit: number;
  now?: Date;
  /**
   * The owner has nothing in hand: rows still leased to it are orphans (a
   * claim whose commit landed though its connection dropped, or work cut off
   * by an error) and are taken back at once instead of after the lease.
   */
  idle: boolean;
  /** More work in the claiming transaction, given the claimed rows. */
  withClaimed?: (m: EntityManager, claimed: T[]) => Promise<void>;
}

/** A timestamp as each dialect compares it in raw SQL. */
export function sqlTimestamp(db: Database, date: Date): Date | string {
  return db.dialect === 'mysql' ? date : DateUtils.mixedDateToUtcDatetimeString(date);
}

/**
 * Claims up to `limit` rows of a lease queue for `owner`: due rows, rows whose
 * lease expired, and (when idle) rows the owner itself left leased. On MySQL
 * concurrent claimers skip each other's locked rows; SQLite has one writer.
 */
export async function claimLeased<T extends ObjectLiteral>(db: Database, queue: LeaseQueue<T>, options: ClaimOptions<T>): Promise<T[]> {
  const now = options.now ?? new Date();
  const stamp = sqlTimestamp(db, now);
  return db.transaction(async (m) => {
    const lock = db.dialect === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : '';
    const own = options.idle ? ' OR leaseOwner = ?' : '';
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM ${queue.table} WHERE (${queue.due}) OR (status = 'RUNNING' AND (leaseExpiresAt < ?${own})) ORDER BY ${queue.orderBy} LIMIT ${Number(options.limit)}${lock}`,
      [...(queue.dueParams?.(stamp) ?? []), stamp, ...(options.idle ? [options.owner] : [])],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await m
      .createQueryBuilder()
      .update(queue.entity)
      .set({ status: 'RUNNING', leaseOwner: options.owner, leaseExpiresAt: new Date(now.getTime() + options.leaseMs), attempts: () => 'attempts + 1' } as never)
      .whereInIds(ids)
      .execute();
    const claimed = await m.find(queue.entity, { where: { id: In(ids) } as never });
    await options.withClaimed?.(m, claimed);
    return claimed;
  });
}
