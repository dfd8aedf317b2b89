import { TaskPool } from '../util/task-pool';
import type { BlobStore } from './blob-store';

export interface BlobCopyReport {
  /** Blobs the source holds. */
  total: number;
  copied: number;
  bytesCopied: number;
  /** Already in the target with the right size: left as they are (what makes a re-run resume). */
  present: number;
  /** Source blobs whose bytes do not hash to their id (or vanished while copying): not copied. */
  damaged: { id: string; detail: string }[];
  /** Copied, but the target's copy did not hash to the id when read back: removed from the target again. */
  unverified: { id: string; detail: string }[];
}

export interface BlobCopyOptions {
  /** Blobs copied at once. */
  concurrency?: number;
  /** Called after each blob with the report so far. */
  progress?: (report: BlobCopyReport) => void;
}

/**
 * Copies every blob of `from` into `to`. A blob the target already holds
 * with the right size is skipped, so running it again after an interruption
 * continues where it stopped (a blob appears in a store only once complete).
 * Each source blob is hashed before it is sent, so damaged bytes never reach
 * the target, and each copy is read back from the target and hashed; neither
 * store's blobs are quarantined or otherwise moved by the copy.
 */
export async function copyBlobs(from: BlobStore, to: BlobStore, options: BlobCopyOptions = {}): Promise<BlobCopyReport> {
  const ids: string[] = [];
  for await (const id of from.list()) ids.push(id);
  const report: BlobCopyReport = { total: ids.length, copied: 0, bytesCopied: 0, present: 0, damaged: [], unverified: [] };
  const pool = new TaskPool(Math.max(1, options.concurrency ?? 4));
  for (const id of ids) {
    await pool.add(async () => {
      await copyOne(from, to, id, report);
      options.progress?.(report);
    });
  }
  await pool.drain();
  return report;
}

async function copyOne(from: BlobStore, to: BlobStore, id: string, report: BlobCopyReport): Promise<void> {
  const health = await from.check(id);
  if (!health.ok) {
    report.damaged.push({ id, detail: health.problem === 'missing' ? 'removed from the source while copying' : health.detail });
    return;
  }
  if ((await to.stat(id))?.size === health.size) {
    report.present++;
    return;
  }
  // Read unverified (a verified read would quarantine the source's blob on a mismatch); the target hashes it anyway.
  const stored = await to.put(await from.openRange(id, 0, health.size));
  if (stored.id !== id) {
    // Changed on disk between the check and the read: the target now holds bytes nobody refers to.
    if (stored.created) await to.delete(stored.id);
    report.damaged.push({ id, detail: `its ${stored.size} bytes hashed to ${stored.id} while copying` });
    return;
  }
  const copy = await to.check(id);
  if (!copy.ok) {
    await to.delete(id);
    report.unverified.push({ id, detail: copy.problem === 'missing' ? 'gone from the target right after the upload' : copy.detail });
    return;
  }
  report.copied++;
  report.bytesCopied += health.size;
}
