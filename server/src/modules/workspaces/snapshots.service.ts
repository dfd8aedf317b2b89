import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { badInput, notFound } from '../../core/errors';
import { createdKey, keyset, newestFirst, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import type { Actor } from '../users/users.service';
import { Commit } from './commit.entity';
import { Snapshot } from './snapshot.entity';
import type { WorkspaceStore } from './workspace-store';
import { Workspace } from './workspace.entity';
import type { WorkspaceAccess } from './workspace-access';

/** Snapshots are named pointers to commits: creating one costs the same for 10 files or 10,000. */
export class SnapshotsService {
  constructor(
    private readonly db: Database,
    private readonly policy: WorkspaceAccess,
    private readonly store: WorkspaceStore,
  ) {}

  /**
   * A snapshot of the current state, or of an earlier version of the same
   * workspace (a commit of its history), so that version can be browsed and
   * restored from like any snapshot.
   */
  async create(actor: Actor | null, workspaceId: string, label: string, description = '', commitId?: string | null): Promise<Snapshot> {
    const { workspace, actor: a } = await this.policy.workspace(actor, workspaceId, 'write');
    const name = label.trim();
    if (!name || name.length > 200) throw badInput('snapshot label must be 1 to 200 characters long');
    if (!commitId) return this.take(this.db.manager, workspace, name, description, a.user.id, false);
    const commit = await this.db.manager.findOne(Commit, { where: { id: commitId, workspaceId } });
    if (!commit) throw notFound(`version ${commitId} is not in the history of '${workspace.name}'`);
    const at = Object.assign(new Workspace(), workspace, { headCommitId: commit.id, rootTreeId: commit.rootTreeId });
    return this.take(this.db.manager, at, name, description, a.user.id, false);
  }

  /** Inserts a snapshot of the head `workspace` holds; `manager` lets callers include it in their transaction. */
  async take(
    manager: EntityManager,
    workspace: Workspace,
    label: string,
    description: string,
    createdById: string | null,
    automatic: boolean,
  ): Promise<Snapshot> {
    if (!workspace.headCommitId) throw notFound(`workspace '${workspace.name}' has no commit yet`);
    const snapshot = manager.create(Snapshot, {
      id: randomUUID(),
      workspaceId: workspace.id,
      commitId: workspace.headCommitId,
      rootTreeId: workspace.rootTreeId,
      label,
      description,
      automatic,
      createdById,
      createdAt: new Date(),
    });
    await manager.insert(Snapshot, snapshot);
    return snapshot;
  }

  async list(actor: Actor | null, workspaceId: string, args: PageArgs): Promise<Page<Snapshot>> {
    await this.policy.workspace(actor, workspaceId, 'read');
    const request = pageRequest('Snapshot', args, 2);
    const query = this.db.manager.createQueryBuilder(Snapshot, 's').where('s.workspaceId = :workspaceId', { workspaceId });
    const rows = await keyset(query, newestFirst('s'), request).getMany();
    const total = await this.db.manager.count(Snapshot, { where: { workspaceId } });
    return toPage(rows, request, createdKey, total);
  }

  async get(actor: Actor | null, snapshotId: string): Promise<Snapshot> {
    const snapshot = await this.db.manager.findOne(Snapshot, { where: { id: snapshotId } });
    if (!snapshot) throw notFound(`snapshot ${snapshotId} does not exist`);
    await this.policy.workspace(actor, snapshot.workspaceId, 'read').catch(() => {
      throw notFound(`snapshot ${snapshotId} does not exist`);
    });
    return snapshot;
  }

  /** Deleting a snapshot removes the pointer only; the content goes when nothing else holds it (GC). */
  async delete(actor: Actor | null, snapshotId: string): Promise<boolean> {
    const snapshot = await this.get(actor, snapshotId);
    await this.policy.workspace(actor, snapshot.workspaceId, 'write');
    await this.db.manager.delete(Snapshot, { id: snapshot.id });
    return true;
  }

  /**
   * Full restore: the current state becomes the snapshot's, after an automatic
   * backup snapshot of the state it replaces (taken in the same transaction).
   */
  async restore(actor: Actor | null, snapshotId: string) {
    const snapshot = await this.get(actor, snapshotId);
    const { actor: a } = await this.policy.workspace(actor, snapshot.workspaceId, 'write');
    let backup: Snapshot | null = null;
    const result = await this.store.change(
      snapshot.workspaceId,
      async () => snapshot.rootTreeId,
      { authorId: a.user.id, message: `restore snapshot '${snapshot.label}'` },
      {
        alsoWrite: async (manager, commit) => {
          const before = await manager.findOneOrFail(Commit, { where: { id: commit.parentId! } });
          const workspace = Object.assign(new Workspace(), { id: snapshot.workspaceId, headCommitId: before.id, rootTreeId: before.rootTreeId, name: '' });
          backup = await this.take(manager, workspace, `before restoring '${snapshot.label}'`, '', a.user.id, true);
        },
      },
    );
    return { workspace: result.workspace, backup: backup as Snapshot | null, changed: result.changed };
  }
}
