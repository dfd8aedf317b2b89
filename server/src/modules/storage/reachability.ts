import { In, MoreThanOrEqual } from 'typeorm';
import type { Database } from '../../db/database';
import { EMPTY_TREE_ID, decodeTree } from '../../core/storage/tree';
import type { EntryKind, TreeEntry } from '../../core/storage/types';
import { Grade } from '../assignments/grade.entity';
import { HandIn } from '../assignments/hand-in.entity';
import { Assignment } from '../assignments/assignment.entity';
import { Delivery } from '../distributions/delivery.entity';
import { DistributionTarget } from '../distributions/distribution-target.entity';
import { Distribution } from '../distributions/distribution.entity';
import { Bundle } from '../stage/bundle.entity';
import { Commit } from '../workspaces/commit.entity';
import { Snapshot } from '../workspaces/snapshot.entity';
import { TreeRow } from '../workspaces/tree-row.entity';
import { Workspace } from '../workspaces/workspace.entity';

/**
 * Something that keeps content alive: a tree or blob id, who holds it and
 * where (for reports). The roots are what the garbage collector marks from and
 * what `fsck` checks: workspace heads, snapshots, hand-ins, feedback, bundles,
 * assignments' frozen items, pushes (their frozen items, and each target's
 * before and after states so a push stays undoable), deliveries, and the history: every commit made
 * since `keepHistorySince` (all of them by default), so each version the history lists can still be
 * opened and restored. A version older than that which nothing above holds any more may be swept.
 */
export interface Root {
  kind: EntryKind;
  id: string;
  /** The workspace whose history holds it, or null (bundles, pushes, feedback). */
  workspaceId: string | null;
  spaceId: string;
  /** For reports: "head of workspace 'Amara'", "snapshot 'week 1' of workspace 'Amara'". */
  label: string;
  /** Where the root's content sits in its state, for reports ('' for a whole state). */
  path?: string;
  /** Bytes of a blob root, when known. */
  size?: number;
}

/** Blob ids are shared by everything below; `MANY` marks content held by more than one workspace or space. */
export const MANY = '*';

export interface BlobReach {
  size: number;
  /** The only workspace whose history holds it, or {@link MANY}, or '' when none does. */
  workspace: string;
  /** The only space holding it, or {@link MANY}. */
  space: string;
  /** Where it was first found, for reports. */
  foundAt: string;
}

export interface Reach {
  trees: Set<string>;
  blobs: Map<string, BlobReach>;
  /** Trees referenced but absent: `label` says where. */
  missingTrees: { id: string; label: string }[];
  roots: number;
}

const BATCH = 500;

/**
 * The oldest commit the history keeps readable: `retentionDays` before `now`, or every commit when it
 * is 0 (the default: history is kept for as long as the workspace exists).
 */
export function historyKeptSince(retentionDays: number, now = new Date()): Date {
  return retentionDays > 0 ? new Date(now.getTime() - retentionDays * 86_400_000) : new Date(0);
}

/** Every root, read table by table (a change committed meanwhile only adds young content, which no sweep touches). */
export async function readRoots(db: Database, keepHistorySince = new Date(0)): Promise<Root[]> {
  const m = db.manager;
  const workspaces = await m.find(Workspace, { select: { id: true, spaceId: true, name: true, rootTreeId: true } });
  const byId = new Map(workspaces.map((w) => [w.id, w]));
  const where = (workspaceId: string) => `workspace '${byId.get(workspaceId)?.name ?? workspaceId}'`;
  const spaceOf = (workspaceId: string) => byId.get(workspaceId)?.spaceId ?? '';
  const roots: Root[] = workspaces.map((w) => ({ kind: 'DIRECTORY', id: w.rootTreeId, workspaceId: w.id, spaceId: w.spaceId, label: `head of workspace '${w.name}'` }));
  const history = await m.find(Commit, {
    select: { id: true, workspaceId: true, rootTreeId: true, version: true },
    where: keepHistorySince.getTime() > 0 ? { createdAt: MoreThanOrEqual(keepHistorySince) } : {},
  });
  for (const c of history) {
    roots.push({ kind: 'DIRECTORY', id: c.rootTreeId, workspaceId: c.workspaceId, spaceId: spaceOf(c.workspaceId), label: `version ${c.version} of ${where(c.workspaceId)}` });
  }
  for (const s of await m.find(Snapshot, { select: { id: true, workspaceId: true, label: true, rootTreeId: true } })) {
    roots.push({ kind: 'DIRECTORY', id: s.rootTreeId, workspaceId: s.workspaceId, spaceId: spaceOf(s.workspaceId), label: `snapshot '${s.label}' of ${where(s.workspaceId)}` });
  }
  for (const h of await m.find(HandIn, { select: { id: true, workspaceId: true, rootTreeId: true } })) {
    roots.push({ kind: 'DIRECTORY', id: h.rootTreeId, workspaceId: h.workspaceId, spaceId: spaceOf(h.workspaceId), label: `hand-in ${h.id} from ${where(h.workspaceId)}` });
  }
  const assignments = await m.find(Assignment, { select: { id: true, spaceId: true, title: true, items: true } });
  const assignmentSpace = new Map(assignments.map((a) => [a.id, a.spaceId]));
  // An assignment's items are frozen when it is created and delivered at its release, maybe much later.
  for (const a of assignments) {
    for (const item of a.items) roots.push({ kind: item.kind, id: item.id, workspaceId: null, spaceId: a.spaceId, label: `assignment '${a.title}'`, path: item.path, size: item.size });
  }
  for (const g of await m.find(Grade, { select: { id: true, assignmentId: true, feedbackTreeId: true } })) {
    roots.push({ kind: 'DIRECTORY', id: g.feedbackTreeId, workspaceId: null, spaceId: assignmentSpace.get(g.assignmentId) ?? '', label: `feedback ${g.id}` });
  }
  for (const b of await m.find(Bundle, { select: { id: true, spaceId: true, name: true, items: true } })) {
    for (const item of b.items) roots.push({ kind: item.kind, id: item.id, workspaceId: null, spaceId: b.spaceId, label: `bundle '${b.name}'`, path: item.path, size: item.size });
  }
  const distributionSpace = new Map<string, string>();
  for (const d of await m.find(Distribution, { select: { id: true, spaceId: true, items: true } })) {
    distributionSpace.set(d.id, d.spaceId);
    for (const item of d.items) roots.push({ kind: item.kind, id: item.id, workspaceId: null, spaceId: d.spaceId, label: `push ${d.id}`, path: item.path, size: item.size });
  }
  for (const t of await m.find(DistributionTarget, { select: { id: true, distributionId: true, workspaceId: true, beforeRootId: true, afterRootId: true } })) {
    for (const id of [t.beforeRootId, t.afterRootId]) {
      if (id) roots.push({ kind: 'DIRECTORY', id, workspaceId: t.workspaceId, spaceId: spaceOf(t.workspaceId), label: `push ${t.distributionId} to ${where(t.workspaceId)}` });
    }
  }
  for (const d of await m.find(Delivery, { select: { id: true, targetWorkspaceId: true, path: true, kind: true, contentId: true } })) {
    roots.push({ kind: d.kind as EntryKind, id: d.contentId, workspaceId: d.targetWorkspaceId, spaceId: spaceOf(d.targetWorkspaceId), label: `delivery to ${where(d.targetWorkspaceId)}`, path: d.path });
  }
  return roots;
}

/**
 * Walks every root down to its blobs, reading each tree once (in batches), and
 * notes which workspace and space alone hold each blob. Trees are walked once
 * per holding workspace, so content shared by many workspaces costs one walk
 * per workspace that holds it.
 */
export async function reach(db: Database, roots: readonly Root[]): Promise<Reach> {
  const entries = new Map<string, readonly TreeEntry[] | null>([[EMPTY_TREE_ID, []]]);
  const result: Reach = { trees: new Set(), blobs: new Map(), missingTrees: [], roots: roots.length };
  const holders = new Map<string, Root[]>();
  for (const root of roots) {
    const key = `${root.workspaceId ?? ''}\u0000${root.spaceId}`;
    const group = holders.get(key);
    if (group) group.push(root);
    else holders.set(key, [root]);
  }
  for (const group of holders.values()) {
    const visited = new Set<string>();
    let frontier: { id: string; label: string; path: string }[] = [];
    const { workspaceId, spaceId } = group[0];
    const noteBlob = (id: string, size: number, foundAt: string) => {
      const found = result.blobs.get(id);
      if (!found) result.blobs.set(id, { size, workspace: workspaceId ?? '', space: spaceId, foundAt });
      else {
        if (found.size < 0) found.size = size;
        if (found.workspace !== (workspaceId ?? '')) found.workspace = MANY;
        if (found.space !== spaceId) found.space = MANY;
      }
    };
    for (const root of group) {
      const path = root.path ?? '';
      if (root.kind === 'DIRECTORY') {
        if (!visited.has(root.id)) {
          visited.add(root.id);
          frontier.push({ id: root.id, label: root.label, path });
        }
      } else noteBlob(root.id, root.size ?? -1, describe(root.label, path));
    }
    while (frontier.length > 0) {
      await load(db, entries, frontier.map((f) => f.id));
      const next: typeof frontier = [];
      for (const { id, label, path } of frontier) {
        const listed = entries.get(id);
        if (!listed) {
          if (!result.missingTrees.some((t) => t.id === id)) result.missingTrees.push({ id, label: describe(label, path) });
          continue;
        }
        result.trees.add(id);
        for (const entry of listed) {
          const at = path ? `${path}/${entry.name}` : entry.name;
          if (entry.kind !== 'DIRECTORY') noteBlob(entry.id, entry.size, describe(label, at));
          else if (!visited.has(entry.id)) {
            visited.add(entry.id);
            next.push({ id: entry.id, label, path: at });
          }
        }
      }
      frontier = next;
    }
  }
  return result;
}

async function load(db: Database, entries: Map<string, readonly TreeEntry[] | null>, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id) => !entries.has(id)))];
  for (let i = 0; i < wanted.length; i += BATCH) {
    const chunk = wanted.slice(i, i + BATCH);
    const rows = await db.manager.find(TreeRow, { select: { id: true, data: true }, where: { id: In(chunk) } });
    for (const id of chunk) entries.set(id, null);
    for (const row of rows) entries.set(row.id, decodeTree(row.data));
  }
}

function describe(label: string, path: string): string {
  return path ? `${label} at '${path}'` : label;
}
