import { EntityManager, In } from 'typeorm';
import type { Database } from '../../db/database';
import { notFound } from '../../core/errors';
import { decodeTree, EMPTY_TREE_ID, encodeTree, hashEncodedTree } from '../../core/storage/tree';
import type { TreeEntry, TreeStore } from '../../core/storage/types';
import { Lru } from '../../core/util/lru';
import { TreeRow } from './tree-row.entity';

const INSERT_BATCH = 200;

/**
 * Trees in the database, read through a cache (trees are immutable, so a
 * cached tree is never stale). Writes go through a {@link TreeSession} so a
 * change writes all its new trees in a few multi-row inserts inside the same
 * transaction that swaps the head.
 */
export class DbTreeStore {
  private readonly cache = new Lru<string, readonly TreeEntry[]>(20_000);
  /** Rows inserted since start; benchmarks read it. */
  rowsWritten = 0;

  /** For reads only: writes must go through a session so they commit with the head. */
  readonly reader: TreeStore = {
    get: (id) => this.get(id),
    put: () => Promise.reject(new Error('tree writes go through DbTreeStore.session()')),
  };

  constructor(private readonly db: Database) {}

  async get(id: string, manager: EntityManager = this.db.manager): Promise<readonly TreeEntry[]> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    // The empty tree is referenced without ever needing a row.
    if (id === EMPTY_TREE_ID) return [];
    const row = await manager.findOne(TreeRow, { where: { id } });
    if (!row) throw notFound(`tree ${id} does not exist`);
    const entries = decodeTree(row.data);
    this.cache.set(id, entries);
    return entries;
  }

  /** Many trees in one query for those not cached; a missing tree is NOT_FOUND. */
  async getMany(ids: readonly string[]): Promise<Map<string, readonly TreeEntry[]>> {
    const found = new Map<string, readonly TreeEntry[]>();
    const absent: string[] = [];
    for (const id of new Set(ids)) {
      const cached = id === EMPTY_TREE_ID ? [] : this.cache.get(id);
      if (cached) found.set(id, cached);
      else absent.push(id);
    }
    for (let i = 0; i < absent.length; i += INSERT_BATCH) {
      const rows = await this.db.manager.find(TreeRow, { select: { id: true, data: true }, where: { id: In(absent.slice(i, i + INSERT_BATCH)) } });
      for (const row of rows) {
        const entries = decodeTree(row.data);
        this.cache.set(row.id, entries);
        found.set(row.id, entries);
      }
    }
    const missing = absent.find((id) => !found.has(id));
    if (missing) throw notFound(`tree ${missing} does not exist`);
    return found;
  }

  /** A read-through store whose new trees wait in memory until {@link TreeSession.flush}. */
  session(): TreeSession {
    return new TreeSession(this);
  }

  remember(id: string, entries: readonly TreeEntry[]): void {
    this.cache.set(id, entries);
  }

  /**
   * Inserts trees that are absent and refreshes `seenAt` on those already
   * stored, so the garbage collector keeps a tree a change is about to point
   * at again (it sweeps only trees unseen for its whole grace period).
   */
  async insertIfAbsent(manager: EntityManager, rows: readonly { id: string; data: Buffer }[]): Promise<void> {
    const seenAt = Date.now();
    const refresh =
      this.db.dialect === 'mysql' ? 'ON DUPLICATE KEY UPDATE seenAt = VALUES(seenAt)' : 'ON CONFLICT (id) DO UPDATE SET seenAt = excluded.seenAt';
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH);
      const placeholders = batch.map(() => '(?, ?, ?)').join(', ');
      await manager.query(
        `INSERT INTO tree (id, data, seenAt) VALUES ${placeholders} ${refresh}`,
        batch.flatMap((row) => [row.id, row.data, seenAt]),
      );
      this.rowsWritten += batch.length;
    }
  }

  /** Drops swept trees from the cache, so this process never takes one for stored again. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.cache.delete(id);
  }
}

export class TreeSession implements TreeStore {
  private readonly pending = new Map<string, { entries: readonly TreeEntry[]; data: Buffer }>();

  constructor(private readonly store: DbTreeStore) {}

  async get(id: string): Promise<readonly TreeEntry[]> {
    return this.pending.get(id)?.entries ?? this.store.get(id);
  }

  async put(entries: readonly TreeEntry[]): Promise<string> {
    const data = encodeTree(entries);
    const id = hashEncodedTree(data);
    // Written even when this process has it cached: the write refreshes the
    // tree's `seenAt`, and another process's collector may have swept it since.
    if (!this.pending.has(id)) this.pending.set(id, { entries, data });
    return id;
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * Writes the new trees (insert-if-absent) with `manager`, normally inside the
   * head-swapping transaction. They reach the shared cache only through
   * {@link committed}: a rolled-back tree must never be taken as stored.
   */
  async flush(manager: EntityManager): Promise<void> {
    if (this.pending.size === 0) return;
    const rows = [...this.pending].map(([id, { data }]) => ({ id, data }));
    await this.store.insertIfAbsent(manager, rows);
  }

  /** Call after the transaction that flushed this session committed. */
  committed(): void {
    for (const [id, { entries }] of this.pending) this.store.remember(id, entries);
    this.pending.clear();
  }
}
