import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { conflict, notFound, staleSave } from '../../core/errors';
import type { TreeStore } from '../../core/storage/types';
import { personRef } from '../users/person-ref';
import { Commit } from './commit.entity';
import { DbTreeStore, TreeSession } from './db-tree-store';
import { Workspace } from './workspace.entity';

export interface ChangeMeta {
  authorId: string | null;
  message: string;
  distributionId?: string | null;
}

export interface ChangeOptions {
  /** The head version the caller saw; a different current version is a CONFLICT instead of a retry. */
  expectedVersion?: number;
  /** More writes that must commit or roll back with the head swap (e.g. an audit event). */
  alsoWrite?: (manager: EntityManager, commit: Commit) => Promise<void>;
  maxAttempts?: number;
}

export interface ChangeResult {
  workspace: Workspace;
  commit: Commit | null;
  changed: boolean;
}

/** Thrown inside a transaction when the head moved; the change is rebuilt from the new head. */
export class StaleHead extends Error {
  constructor(readonly current: number) {
    super('stale head');
  }
}

/**
 * The only code that moves a workspace head. Every change builds a new root
 * from the head it read and swaps it in with compare-and-swap on `version`,
 * writing the commit in the same transaction; the loser of a race rebuilds
 * from the winner's head, so concurrent writers never lose each other's work.
 */
export class WorkspaceStore {
  /** Asked before every head swap with the new root; throws to refuse it (the space's quota). */
  guard: (manager: EntityManager, workspace: Workspace, trees: TreeStore, root: string) => Promise<void> = async () => undefined;

  constructor(
    private readonly db: Database,
    readonly trees: DbTreeStore,
    /** Told after each commit is durable (events go out after commit, never before). */
    private readonly onCommit: (commit: Commit, workspace: Workspace) => void = () => undefined,
  ) {}

  async get(id: string, manager: EntityManager = this.db.manager): Promise<Workspace> {
    const workspace = await manager.findOne(Workspace, { where: { id } });
    if (!workspace) throw notFound(`workspace ${id} does not exist`);
    return workspace;
  }

  /**
   * Applies `edit` to the current root and commits the result. `edit` may run
   * more than once (after losing a race), so it must be a pure function of the
   * root it is given. A result equal to the current root commits nothing.
   */
  async change(
    workspaceId: string,
    edit: (trees: TreeStore, root: string, workspace: Workspace) => Promise<string>,
    meta: ChangeMeta,
    options: ChangeOptions = {},
  ): Promise<ChangeResult> {
    const attempts = options.maxAttempts ?? 50;
    for (let attempt = 1; ; attempt++) {
      const workspace = await this.get(workspaceId);
      if (options.expectedVersion !== undefined && workspace.version !== options.expectedVersion) {
        throw await this.staleVersion(workspace.id, options.expectedVersion);
      }
      const session = this.trees.session();
      const root = await edit(session, workspace.rootTreeId, workspace);
      if (root === workspace.rootTreeId) return { workspace, commit: null, changed: false };
      try {
        const result = await this.db.transaction((manager) =>
          this.swap(manager, session, workspace, root, meta, options.alsoWrite),
        );
        session.committed();
        this.onCommit(result.commit, result.workspace);
        return { ...result, changed: true };
      } catch (error) {
        if (!(error instanceof StaleHead)) throw error;
        if (options.expectedVersion !== undefined) throw await this.staleVersion(workspace.id, options.expectedVersion);
        if (attempt >= attempts) throw conflict(`workspace ${workspace.name} is changing too fast; try again`);
      }
    }
  }

  /** The CONFLICT for a save from `expected`: names the author and time of the head commit, the change that won. */
  async staleVersion(workspaceId: string, expected: number) {
    const workspace = await this.get(workspaceId);
    const head = workspace.headCommitId ? await this.db.manager.findOne(Commit, { where: { id: workspace.headCommitId } }) : null;
    return staleSave(
      `workspace '${workspace.name}'`,
      { by: await personRef(this.db.manager, head?.authorId ?? null), at: head?.createdAt ?? workspace.createdAt, what: head?.message },
      { currentVersion: workspace.version, expectedVersion: expected },
    );
  }

  /** Announces a commit made through {@link swap} (to `workspace`) once its transaction has committed. */
  announce(commit: Commit, workspace: Workspace): void {
    this.onCommit(commit, workspace);
  }

  /**
   * Compare-and-swap of the head inside an open transaction, with the commit
   * row (callers announce it after their transaction commits). Callers that already hold a transaction (the distribution worker)
   * use this directly; a stale head throws and rolls their transaction back.
   */
  async swap(
    manager: EntityManager,
    session: TreeSession,
    workspace: Workspace,
    root: string,
    meta: ChangeMeta,
    alsoWrite?: (manager: EntityManager, commit: Commit) => Promise<void>,
  ): Promise<{ workspace: Workspace; commit: Commit }> {
    await this.guard(manager, workspace, session, root);
    await session.flush(manager);
    const commit = manager.create(Commit, {
      id: randomUUID(),
      workspaceId: workspace.id,
      parentId: workspace.headCommitId,
      rootTreeId: root,
      version: workspace.version + 1,
      authorId: meta.authorId,
      message: meta.message.slice(0, 1000),
      distributionId: meta.distributionId ?? null,
      createdAt: new Date(),
    });
    const result = await manager
      .createQueryBuilder()
      .update(Workspace)
      .set({ rootTreeId: root, version: commit.version, headCommitId: commit.id })
      .where('id = :id AND version = :version', { id: workspace.id, version: workspace.version })
      .execute();
    if (result.affected !== 1) {
      const current = await manager.findOne(Workspace, { where: { id: workspace.id } });
      throw new StaleHead(current?.version ?? -1);
    }
    await manager.insert(Commit, commit);
    if (alsoWrite) await alsoWrite(manager, commit);
    return {
      workspace: Object.assign(new Workspace(), workspace, {
        rootTreeId: root,
        version: commit.version,
        headCommitId: commit.id,
      }),
      commit,
    };
  }
}
