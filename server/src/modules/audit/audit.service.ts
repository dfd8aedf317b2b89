import { asStoredJson, canonicalJson } from '../../core/util/canonical-json';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Database } from '../../db/database';
import { keyset, type PageRequest } from '../../core/pagination';
import { AuditChain } from './audit-chain.entity';
import { AuditEvent } from './audit-event.entity';

export interface AuditInput {
  spaceId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  studentId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditFilter {
  actorId?: string | null;
  studentId?: string | null;
  /** Exact action, or a prefix ending in '.' (e.g. 'hand-in.'). */
  action?: string | null;
  subjectId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface ChainVerification {
  ok: boolean;
  events: number;
  /** The first sequence number whose event was altered, or after which one was removed. */
  brokenAt: number | null;
  problem: string | null;
}

const genesis = (spaceId: string) => createHash('sha256').update(`stagecoach audit chain\n${spaceId}`).digest('hex');

/**
 * The event's hash over its canonical JSON. `before` and `after` are hashed as
 * they are stored, so the chain verifies against what the database gives back.
 */
export function hashEvent(e: Omit<AuditEvent, 'id' | 'hash'>): string {
  // Absent and null are one value here, as they were in every chain written so far.
  const body = canonicalJson({
    spaceId: e.spaceId,
    seq: e.seq,
    actorId: e.actorId ?? null,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId ?? null,
    studentId: e.studentId ?? null,
    before: asStoredJson(e.before) ?? null,
    after: asStoredJson(e.after) ?? null,
    createdAt: e.createdAt.toISOString(),
    prevHash: e.prevHash ?? null,
  });

  return createHash('sha256').update(body).digest('hex');
}

/**
 * The audit trail: every event is appended inside the transaction of the
 * action it records, so an action and its record commit together or not at all.
 */
export class AuditService {
  constructor(private readonly db: Database) {}

  async append(manager: EntityManager, input: AuditInput): Promise<AuditEvent> {
    return (await this.appendMany(manager, [input]))[0];
  }

  /**
   * Appends several events in their order, each space's in one statement
   * under its chain's lock (taken in a fixed order of spaces, so two
   * transactions appending to the same spaces cannot deadlock).
   */
  async appendMany(manager: EntityManager, inputs: readonly AuditInput[]): Promise<AuditEvent[]> {
    const bySpace = new Map<string, AuditInput[]>();
    for (const input of inputs) bySpace.set(input.spaceId, [...(bySpace.get(input.spaceId) ?? []), input]);
    const appended = new Map<AuditInput, AuditEvent>();
    for (const spaceId of [...bySpace.keys()].sort()) {
      const events = await this.appendAfter(manager, bySpace.get(spaceId)!, await this.lockChain(manager, spaceId));
      bySpace.get(spaceId)!.forEach((input, i) => appended.set(input, events[i]));
    }
    return inputs.map((input) => appended.get(input)!);
  }

  /**
   * Appends unless the same person did the same to the same subject within
   * `withinMs`: one page view that reads a hand-in in several requests is one
   * 'opened' event, not one per request. Decided under the chain's lock, so
   * two requests at once still write one event.
   */
  async appendOnce(manager: EntityManager, input: AuditInput, withinMs: number): Promise<AuditEvent | null> {
    const chain = await this.lockChain(manager, input.spaceId);
    const recent = await manager
      .createQueryBuilder(AuditEvent, 'e')
      .where('e.spaceId = :spaceId AND e.subjectType = :subjectType AND e.subjectId = :subjectId', { spaceId: input.spaceId, subjectType: input.subjectType, subjectId: input.subjectId })
      .andWhere('e.action = :action', { action: input.action })
      .andWhere(input.actorId ? 'e.actorId = :actorId' : 'e.actorId IS NULL', { actorId: input.actorId })
      .andWhere('e.createdAt >= :since', { since: new Date(Date.now() - withinMs) })
      .getExists();
    return recent ? null : (await this.appendAfter(manager, [input], chain))[0];
  }

  /** The space's chain row, locked until the transaction ends; created on the first event. */
  private async lockChain(manager: EntityManager, spaceId: string): Promise<AuditChain> {
    const read = () => {
      const query = manager.createQueryBuilder(AuditChain, 'c').where('c.spaceId = :spaceId', { spaceId });
      // SQLite transactions are already serialised; MySQL appenders queue on the chain row.
      if (this.db.dialect === 'mysql') query.setLock('pessimistic_write');
      return query.getOne();
    };
    // Lock first: an INSERT IGNORE on an existing row takes a shared lock, and two
    // of those upgrading to the write lock deadlock. The row is created only once.
    const chain = await read();
    if (chain) return chain;
    await manager.query(`${this.db.insertIgnore} INTO audit_chain (spaceId, seq, lastHash) VALUES (?, 0, ?)`, [spaceId, genesis(spaceId)]);
    return (await read())!;
  }

  /** Chains `inputs` (all of the chain's space) after the locked `chain`, in their order. */
  private async appendAfter(manager: EntityManager, inputs: readonly AuditInput[], chain: AuditChain): Promise<AuditEvent[]> {
    const createdAt = new Date();
    let prev = { seq: chain.seq, hash: chain.lastHash };
    const events = inputs.map((input) => {
      const event = manager.create(AuditEvent, {
        id: randomUUID(),
        spaceId: chain.spaceId,
        seq: prev.seq + 1,
        actorId: input.actorId,
        action: input.action,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        studentId: input.studentId ?? null,
        before: input.before ?? null,
        after: input.after ?? null,
        createdAt,
        prevHash: prev.hash,
      });
      event.hash = hashEvent(event);
      prev = { seq: event.seq, hash: event.hash };
      return event;
    });
    // TypeORM's insert type cannot express arbitrary JSON columns; the transformer serialises them.
    await manager.insert(AuditEvent, events as QueryDeepPartialEntity<AuditEvent>[]);
    await manager.update(AuditChain, { spaceId: chain.spaceId }, { seq: prev.seq, lastHash: prev.hash });
    return events;
  }

  /**
   * Events of a space, newest first, after `beforeSeq` when paging. Staff see
   * all; anyone else only the events about themselves.
   */
  /** Events matching `filter` (about `onlyAbout` alone, when given), newest first, before `beforeSeq`. */
  async query(spaceId: string, filter: AuditFilter, onlyAbout: string | null, limit: number, beforeSeq?: number): Promise<AuditEvent[]> {
    const q = this.matching(spaceId, filter, onlyAbout);
    if (beforeSeq) q.andWhere('e.seq < :beforeSeq', { beforeSeq });
    return q.orderBy('e.seq', 'DESC').take(limit).getMany();
  }

  /** One page of the events matching `filter` (about `onlyAbout` alone, when given), newest first, fetched in the request's direction. */
  async page(spaceId: string, filter: AuditFilter, onlyAbout: string | null, request: PageRequest): Promise<AuditEvent[]> {
    return keyset(this.matching(spaceId, filter, onlyAbout), [{ expr: 'e.seq', dir: 'DESC', param: Number }], request).getMany();
  }

  /** One event by id; null when there is none. */
  event(id: string): Promise<AuditEvent | null> {
    return this.db.manager.findOne(AuditEvent, { where: { id } });
  }

  /** How many events match `filter` in all: the total a pager shows beside a page of `query`. */
  async count(spaceId: string, filter: AuditFilter, onlyAbout: string | null): Promise<number> {
    return this.matching(spaceId, filter, onlyAbout).getCount();
  }

  private matching(spaceId: string, filter: AuditFilter, onlyAbout: string | null) {
    const q = this.db.manager.createQueryBuilder(AuditEvent, 'e').where('e.spaceId = :spaceId', { spaceId });
    if (onlyAbout) q.andWhere('e.studentId = :me', { me: onlyAbout });
    if (filter.actorId) q.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.studentId) q.andWhere('e.studentId = :studentId', { studentId: filter.studentId });
    if (filter.subjectId) q.andWhere('e.subjectId = :subjectId', { subjectId: filter.subjectId });
    if (filter.action?.endsWith('.')) q.andWhere('e.action LIKE :prefix', { prefix: `${filter.action.replace(/[%_]/g, '')}%` });
    else if (filter.action) q.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) q.andWhere('e.createdAt >= :from', { from: filter.from });
    if (filter.to) q.andWhere('e.createdAt < :to', { to: filter.to });
    return q;
  }

  /** Recomputes the chain of a space: finds an altered, inserted or deleted event. */
  async verify(spaceId: string): Promise<ChainVerification> {
    const events = await this.db.manager.find(AuditEvent, { where: { spaceId }, order: { seq: 'ASC' } });
    const chain = await this.db.manager.findOne(AuditChain, { where: { spaceId } });
    let prev = genesis(spaceId);
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e.seq !== i + 1) return broken(events.length, i + 1, `event ${i + 1} is missing`);
      if (e.prevHash !== prev) return broken(events.length, e.seq, `event ${e.seq} does not follow event ${e.seq - 1}`);
      if (hashEvent(e) !== e.hash) return broken(events.length, e.seq, `event ${e.seq} was altered`);
      prev = e.hash;
    }
    if (chain && (chain.seq !== events.length || chain.lastHash !== prev)) {
      return broken(events.length, events.length + 1, `events after ${events.length} were removed`);
    }
    return { ok: true, events: events.length, brokenAt: null, problem: null };
  }
}

function broken(events: number, at: number, problem: string): ChainVerification {
  return { ok: false, events, brokenAt: at, problem };
}
