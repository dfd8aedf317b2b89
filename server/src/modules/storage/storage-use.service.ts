import { EntityManager, In } from 'typeorm';
import { badInput, conflict, notFound } from '../../core/errors';
import type { TreeEntry, TreeStore } from '../../core/storage/types';
import { describeBytes } from '../../core/util/bytes';
import type { Database } from '../../db/database';
import { TransactionMemo } from '../../db/transaction-memo';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import { Space } from '../spaces/space.entity';
import type { DbTreeStore } from '../workspaces/db-tree-store';
import { Workspace } from '../workspaces/workspace.entity';
import { historyKeptSince, MANY, reach, readRoots } from './reachability';
import type { Access } from '../spaces/access';

export interface StorageUse {
  /** Bytes of the current state (a space: of all its workspaces' current states). */
  logicalBytes: number;
  /**
   * Bytes of content that only this workspace's history holds (its current
   * state, snapshots, hand-ins and what was pushed to it), or only this
   * space holds: what deleting it would free.
   */
  exclusiveBytes: number;
  /** The space's quota on the sum of its current states; null without one. */
  quotaBytes: number | null;
}

/** Who alone holds how many bytes, from one walk over everything stored. */
export interface Holdings {
  byWorkspace: Map<string, number>;
  bySpace: Map<string, number>;
}

/**
 * Storage use per space and workspace, and the optional quota per space. The
 * logical size is read from the head's root (each entry carries the size of
 * its subtree); what only one holder holds needs a walk over every root, so
 * callers measure once per request ({@link holdings}) and share the result.
 */
export class StorageUseService {
  private readonly spaces = new TransactionMemo<Space | null>();

  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly trees: DbTreeStore,
    private readonly audit: AuditService,
    /** As the garbage collector keeps the history (HISTORY_RETENTION_DAYS): what deleting would free. */
    private readonly historyRetentionDays = 0,
  ) {}

  /** One walk over every root: bytes held by a single workspace and by a single space. */
  async holdings(): Promise<Holdings> {
    const reached = await reach(this.db, await readRoots(this.db, historyKeptSince(this.historyRetentionDays)));
    const byWorkspace = new Map<string, number>();
    const bySpace = new Map<string, number>();
    for (const blob of reached.blobs.values()) {
      if (blob.size < 0) continue;
      if (blob.workspace && blob.workspace !== MANY) byWorkspace.set(blob.workspace, (byWorkspace.get(blob.workspace) ?? 0) + blob.size);
      if (blob.space !== MANY) bySpace.set(blob.space, (bySpace.get(blob.space) ?? 0) + blob.size);
    }
    return { byWorkspace, bySpace };
  }

  /** Storage use of many workspaces (a DataLoader's batch); null where the caller may not read the workspace. */
  async ofWorkspaces(actor: Actor | null, ids: readonly string[], holdings: () => Promise<Holdings>): Promise<(StorageUse | null)[]> {
    const workspaces = await this.policy.readableWorkspaces(actor, ids);
    if (workspaces.every((w) => w === null)) return workspaces.map(() => null);
    const held = await holdings();
    const sizes = await this.rootSizes(workspaces.filter((w): w is Workspace => w !== null).map((w) => w.rootTreeId));
    return workspaces.map((w) =>
      w ? { logicalBytes: sizes.get(w.rootTreeId) ?? 0, exclusiveBytes: held.byWorkspace.get(w.id) ?? 0, quotaBytes: null } : null,
    );
  }

  /** Storage use of a space; its staff only. */
  async ofSpace(actor: Actor | null, spaceId: string, holdings: () => Promise<Holdings>): Promise<StorageUse> {
    const { space } = await this.policy.space(actor, spaceId, 'readStorage');
    const [logicalBytes, held] = await Promise.all([this.spaceSize(this.db.manager, spaceId), holdings()]);
    return { logicalBytes, exclusiveBytes: held.bySpace.get(spaceId) ?? 0, quotaBytes: space.quotaBytes };
  }

  /** Sets or clears a space's quota as one of its admins; audited. */
  async setQuotaAs(actor: Actor | null, spaceId: string, quotaBytes: number | null): Promise<Space> {
    const { actor: a } = await this.policy.space(actor, spaceId, 'setQuota');
    return this.setQuota(spaceId, quotaBytes, a.user.id);
  }

  /** Sets or clears a space's quota (`npm run quota`, or an admin through {@link setQuotaAs}); audited with who did it, if anyone. */
  async setQuota(spaceId: string, quotaBytes: number | null, actorId: string | null = null): Promise<Space> {
    if (quotaBytes !== null && (!Number.isSafeInteger(quotaBytes) || quotaBytes < 0)) {
      throw badInput(`a quota must be a whole number of bytes, 0 or more, not ${quotaBytes}`);
    }
    return this.db.transaction(async (m) => {
      const space = await m.findOneBy(Space, { id: spaceId });
      if (!space) throw notFound(`space ${spaceId} does not exist`);
      await m.update(Space, { id: spaceId }, { quotaBytes });
      await this.audit.append(m, {
        spaceId,
        actorId,
        action: 'space.quota-changed',
        subjectType: 'space',
        subjectId: spaceId,
        before: { quotaBytes: space.quotaBytes },
        after: { quotaBytes },
      });
      return { ...space, quotaBytes };
    });
  }

  /**
   * Refuses a change that would take its space over its quota, with the
   * numbers; a change that does not grow the workspace always passes, so
   * a space over its quota can still delete. Runs inside the head swap.
   */
  async checkQuota(manager: EntityManager, workspace: Workspace, trees: TreeStore, newRoot: string): Promise<void> {
    // A transaction writing many targets of one space reads the space once.
    const space = await this.spaces.get(manager, workspace.spaceId, () => manager.findOne(Space, { where: { id: workspace.spaceId } }));
    if (space?.quotaBytes === null || space?.quotaBytes === undefined) return;
    const [before, after] = await Promise.all([rootSize(trees, workspace.rootTreeId), rootSize(trees, newRoot)]);
    if (after <= before) return;
    const used = await this.spaceSize(manager, space.id, workspace);
    const wouldUse = used - before + after;
    if (wouldUse <= space.quotaBytes) return;
    throw overQuota(space, used, wouldUse, 'nothing was changed');
  }

  /**
   * Refuses a whole push, before it starts, when its targets together would
   * take a space beyond its quota. Computes the targets' new states only
   * when one of their spaces has a quota.
   */
  async checkPush(
    targets: readonly Workspace[],
    preview: (trees: TreeStore) => Promise<{ workspace: Workspace; root: string }[]>,
  ): Promise<void> {
    const spaceIds = [...new Set(targets.map((t) => t.spaceId))];
    const limited = (await this.db.manager.find(Space, { where: { id: In(spaceIds) } })).filter((s) => s.quotaBytes !== null);
    if (limited.length === 0) return;
    const session = this.trees.session();
    const changes = await preview(session);
    for (const space of limited) {
      let growth = 0;
      for (const { workspace, root } of changes) {
        if (workspace.spaceId === space.id) growth += (await rootSize(session, root)) - (await rootSize(session, workspace.rootTreeId));
      }
      if (growth <= 0) continue;
      const used = await this.spaceSize(this.db.manager, space.id);
      if (used + growth > space.quotaBytes!) throw overQuota(space, used, used + growth, 'the push was not started');
    }
  }

  /** Sum of the current states of a space's workspaces (`current` as the caller read it). */
  private async spaceSize(manager: EntityManager, spaceId: string, current?: Workspace): Promise<number> {
    const heads = await manager.find(Workspace, { select: { id: true, rootTreeId: true }, where: { spaceId } });
    const roots = heads.map((w) => (current && w.id === current.id ? current.rootTreeId : w.rootTreeId));
    const sizes = await this.rootSizes(roots);
    return roots.reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0);
  }

  private async rootSizes(rootIds: readonly string[]): Promise<Map<string, number>> {
    const roots = await this.trees.getMany(rootIds);
    return new Map([...roots].map(([id, entries]) => [id, sizeOf(entries)]));
  }
}

function overQuota(space: Space, used: number, wouldUse: number, outcome: string) {
  return conflict(
    `space '${space.name}' would use ${describeBytes(wouldUse)} of its ${describeBytes(space.quotaBytes ?? 0)} quota (now ${describeBytes(used)}); ${outcome}`,
    { quotaBytes: space.quotaBytes, usedBytes: used, wouldUseBytes: wouldUse },
  );
}

/** A state's size: its root lists the areas, each entry with the size of its whole subtree. */
function sizeOf(root: readonly TreeEntry[]): number {
  return root.reduce((sum, entry) => sum + entry.size, 0);
}

async function rootSize(trees: TreeStore, rootId: string): Promise<number> {
  return sizeOf(await trees.get(rootId));
}
