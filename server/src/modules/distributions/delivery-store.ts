import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import type { Database } from '../../db/database';
import { sha256Hex } from '../../core/util/secrets';
import { formatPath, isPrefixOf, parsePath } from '../../core/storage/paths';
import { getEntry } from '../../core/storage/tree';
import type { TreeStore } from '../../core/storage/types';
import { Workspace } from '../workspaces/workspace.entity';
import { Delivery } from './delivery.entity';
import type { FrozenItem } from '../stage/frozen-item';

/**
 * What each source last delivered to each path of each workspace. One row per
 * delivered item; a question about a path inside a delivered folder is
 * answered by looking inside that folder's tree.
 */
export class DeliveryStore {
  constructor(private readonly db: Database) {}

  /**
   * Per target, what `sourceWorkspaceId` delivered to it: its own rows, then
   * those of its space's DISTRIBUTED workspace, which a member who joined
   * later started from. An inherited row can only make an entry count as
   * unedited where it holds exactly what this source delivered there.
   */
  async loadFor(targets: readonly Workspace[], sourceWorkspaceId: string, manager: EntityManager = this.db.manager): Promise<Map<string, Delivery[]>> {
    const inherits = (t: Workspace) => t.kind === 'PERSONAL' || t.kind === 'SHARED';
    const spaceIds = [...new Set(targets.filter(inherits).map((t) => t.spaceId))];
    const distributed = spaceIds.length ? await manager.find(Workspace, { where: { spaceId: In(spaceIds), kind: 'DISTRIBUTED' } }) : [];
    const distributedOf = new Map(distributed.map((w) => [w.spaceId, w.id]));
    const ids = [...new Set([...targets.map((t) => t.id), ...distributed.map((w) => w.id)])];
    const byTarget = new Map<string, Delivery[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await manager.find(Delivery, { where: { sourceWorkspaceId, targetWorkspaceId: In(ids.slice(i, i + 500)) } });
      for (const row of rows) byTarget.set(row.targetWorkspaceId, [...(byTarget.get(row.targetWorkspaceId) ?? []), row]);
    }
    const result = new Map<string, Delivery[]>();
    for (const target of targets) {
      const from = inherits(target) ? distributedOf.get(target.spaceId) : undefined;
      result.set(target.id, [...(byTarget.get(target.id) ?? []), ...(from ? (byTarget.get(from) ?? []) : [])]);
    }
    return result;
  }

  /** `lastDelivered(path)` for the merge function, over preloaded rows; of rows at one path, the first counts. */
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
