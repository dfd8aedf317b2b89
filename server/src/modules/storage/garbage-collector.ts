import { DateUtils } from 'typeorm/util/DateUtils';
import type { BlobStore } from '../../core/storage/blob-store';
import type { Database } from '../../db/database';
import type { DbTreeStore } from '../workspaces/db-tree-store';
import { MaintenanceLease } from './maintenance-lease.entity';
import { historyKeptSince, reach, readRoots } from './reachability';
import { logger } from '../../core/logger';

export interface GcOptions {
  /** Content written or reused within this long is never swept, referenced or not (an upload in flight). */
  graceMs: number;
  /** How often the worker collects; 0 leaves collection to `npm run gc`. */
  intervalMs: number;
  /** Who holds the lease while collecting, for reports. */
  holder: string;
  /** How long the lease lasts without renewal; a crashed collector's lease runs out. */
  leaseMs?: number;
  /** Versions in the history older than this many days may be swept when nothing else holds them; 0 keeps every version. */
  historyRetentionDays?: number;
}

export type GcReport =
  | { ran: false; reason: string }
  | { ran: true; roots: number; treesMarked: number; blobsMarked: number; treesSwept: number; blobsSwept: number; bytesFreed: number; cutoff: Date };

const LEASE = 'gc';
const DELETE_BATCH = 500;

/**
 * Mark and sweep over trees and blobs. Marks from every root (see
 * {@link readRoots}); sweeps what is unmarked and was last written before
 * `now - graceMs`. Safe beside running changes and other collectors:
 * - a tree a change writes again gets a fresh `seenAt` (see
 *   DbTreeStore.insertIfAbsent), and the delete re-checks `seenAt`, so a tree
 *   reused between mark and sweep stays;
 * - a blob uploaded again gets a fresh modification time, and the blob store
 *   re-checks it while removing (BlobStore.removeIfOlder);
 * - new content is younger than the grace period, so an upload in flight,
 *   whose commit comes after the mark, is never swept;
 * - a lease in the database lets one collector run at a time; should two run
 *   anyway (an expired lease), each sweeps only what it found unreferenced and old.
 */
export class GarbageCollector {
  constructor(
    private readonly db: Database,
    private readonly trees: DbTreeStore,
    private readonly blobs: BlobStore,
    readonly options: GcOptions,
  ) {}

  private running: Promise<void> | null = null;
  private nextLook = 0;

  private get leaseMs(): number {
    return this.options.leaseMs ?? 10 * 60_000;
  }

  /** Collects now unless another collector holds the lease. */
  async collect(now = new Date()): Promise<GcReport> {
    if (!(await this.acquire(now))) {
      const lease = await this.db.manager.findOneBy(MaintenanceLease, { name: LEASE });
      return { ran: false, reason: `another collector (${lease?.holder ?? 'unknown'}) is running until ${lease?.expiresAt?.toISOString() ?? 'soon'}` };
    }
    let finished = false;
    try {
      const report = await this.markAndSweep(now);
      finished = true;
      return report;
    } finally {
      await this.release(finished);
    }
  }

  /**
   * The worker's duty, called on every turn of its loop: at most once a
   * minute it looks whether the last collection by any process finished more
   * than `intervalMs` ago, and if so collects in the background (pushes do
   * not wait for it).
   */
  async runIfDue(now = new Date()): Promise<number> {
    if (this.options.intervalMs <= 0 || this.running || now.getTime() < this.nextLook) return 0;
    this.nextLook = now.getTime() + Math.min(this.options.intervalMs, 60_000);
    const lease = await this.db.manager.findOneBy(MaintenanceLease, { name: LEASE });
    if (lease?.lastFinishedAt && now.getTime() - lease.lastFinishedAt.getTime() < this.options.intervalMs) return 0;
    if (lease?.expiresAt && lease.expiresAt > now) return 0;
    this.running = this.collect(now)
      .then((report) => {
        if (report.ran) {
          logger.info(`gc: swept ${report.treesSwept} trees and ${report.blobsSwept} blobs (${report.bytesFreed} bytes); ${report.blobsMarked} blobs in use`);
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, 'gc failed'))
      .finally(() => {
        this.running = null;
      });
    return 0;
  }

  /** Resolves once a background collection started by {@link runIfDue} has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async markAndSweep(now: Date): Promise<GcReport> {
    const cutoff = new Date(now.getTime() - this.options.graceMs);
    const roots = await readRoots(this.db, historyKeptSince(this.options.historyRetentionDays ?? 0, now));
    const marked = await reach(this.db, roots);
    await this.renew();

    let treesSwept = 0;
    const old: { id: string }[] = await this.db.manager.query('SELECT id FROM tree WHERE seenAt < ?', [cutoff.getTime()]);
    const unmarked = old.map((row) => row.id).filter((id) => !marked.trees.has(id));
    for (let i = 0; i < unmarked.length; i += DELETE_BATCH) {
      const batch = unmarked.slice(i, i + DELETE_BATCH);
      // `seenAt` is checked again by the delete itself: a change that wrote the tree since keeps it.
      const result = await this.db.manager
        .createQueryBuilder()
        .delete()
        .from('tree')
        .where('id IN (:...ids) AND seenAt < :cutoff', { ids: batch, cutoff: cutoff.getTime() })
        .execute();
      treesSwept += result.affected ?? 0;
      this.trees.forget(batch);
      await this.renew();
    }

    let blobsSwept = 0;
    let bytesFreed = 0;
    for await (const id of this.blobs.list()) {
      if (marked.blobs.has(id)) continue;
      const freed = await this.blobs.removeIfOlder(id, cutoff);
      if (freed === null) continue;
      blobsSwept++;
      bytesFreed += freed;
    }
    return {
      ran: true,
      roots: roots.length,
      treesMarked: marked.trees.size,
      blobsMarked: marked.blobs.size,
      treesSwept,
      blobsSwept,
      bytesFreed,
      cutoff,
    };
  }

  private stamp(date: Date): Date | string {
    return this.db.dialect === 'mysql' ? date : DateUtils.mixedDateToUtcDatetimeString(date);
  }

  private async acquire(now: Date): Promise<boolean> {
    await this.db.manager.query(`${this.db.insertIgnore} INTO maintenance_lease (name) VALUES (?)`, [LEASE]);
    const result = await this.db.manager
      .createQueryBuilder()
      .update(MaintenanceLease)
      .set({ holder: this.options.holder, expiresAt: new Date(now.getTime() + this.leaseMs) })
      .where('name = :name AND (holder IS NULL OR expiresAt < :now)', { name: LEASE, now: this.stamp(now) })
      .execute();
    return result.affected === 1;
  }

  private async renew(): Promise<void> {
    await this.db.manager.update(MaintenanceLease, { name: LEASE, holder: this.options.holder }, { expiresAt: new Date(Date.now() + this.leaseMs) });
  }

  private async release(finished: boolean): Promise<void> {
    await this.db.manager.update(
      MaintenanceLease,
      { name: LEASE, holder: this.options.holder },
      { holder: null, expiresAt: null, ...(finished ? { lastFinishedAt: new Date() } : {}) },
    );
  }
}
