import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import type { Database } from '../../db/database';
import { sha256Hex } from '../../core/util/secrets';
import { formatPath, isPrefixOf, parsePath } from '../../core/storage/paths';
import { getEntry } from '../../core/storage/tree';
import type { TreeStore } from '../../core/storage/types';
import { Delivery } from './delivery.entity';
import type { FrozenItem } from './frozen-item';

/**
 * What each source last delivered to each path of each workspace. One row per
 * delivered item; a question about a path inside a delivered folder is
 * answered by looking inside that folder's tree.
 */
export class DeliveryStore {
  constructor(private readonly db: Database) {}

  async load(targetWorkspaceId: string, sourceWorkspaceId: string, manager: EntityManager = this.db.manager): Promise<Delivery[]> {
    return manager.find(Delivery, { where: { targetWorkspaceId, sourceWorkspaceId } });
  }

  /** `lastDelivered(path)` for the merge function, over preloaded rows. */
  lookup(rows: readonly Delivery[], trees: TreeStore): (path: readonly string[]) => Promise<string | undefined> {
    const parsed = rows.map((row) => ({ row, segments: parsePath(row.path) })).sort((a, b) => b.segments.length - a.segments.length);
    return async (path) => {
      const hit = parsed.find((p) => isPrefixOf(p.segments, path));
      if (!hit) return undefined;
      const rest = path.slice(hit.segments.length);
      if (rest.length === 0) return hit.row.contentId;
      if (hit.row.kind !== 'DIRECTORY') return undefined;
      return (await getEntry(trees, hit.row.contentId, rest))?.id;
    };
  }

  /** A stable key of the rows that matter, so identical targets can share one merge. */
  fingerprint(rows: readonly Delivery[]): string {
    return rows
      .map((r) => `${r.path}\u0000${r.contentId}`)
      .sort()
      .join('\u0001');
  }

  async record(manager: EntityManager, targetWorkspaceId: string, sourceWorkspaceId: string, items: readonly FrozenItem[], distributionId: string): Promise<void> {
    if (items.length === 0) return;
    const hashes = items.map((i) => sha256Hex(i.path));
    await manager.delete(Delivery, { targetWorkspaceId, sourceWorkspaceId, pathHash: In(hashes) });
    const now = new Date();
    await manager.insert(
      Delivery,
      items.map((item, i) => ({
        id: randomUUID(),
        targetWorkspaceId,
        sourceWorkspaceId,
        path: item.path,
        pathHash: hashes[i],
        kind: item.kind,
        contentId: item.id,
        distributionId,
        deliveredAt: now,
      })),
    );
  }

  async forget(manager: EntityManager, targetWorkspaceId: string, sourceWorkspaceId: string, paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await manager.delete(Delivery, { targetWorkspaceId, sourceWorkspaceId, pathHash: In(paths.map((p) => sha256Hex(formatPath(parsePath(p))))) });
  }
}
