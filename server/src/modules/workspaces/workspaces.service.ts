import { randomUUID } from 'node:crypto';
import { checkLabel } from '../../core/labels';
import { EntityManager, In } from 'typeorm';
import type { Database } from '../../db/database';
import { canReadWorkspace } from '../../core/policy';
import { DomainError, conflict, notFound } from '../../core/errors';
import { keyset, pageRequest, slicePage, toPage, type Page, type PageArgs } from '../../core/pagination';
import { formatPath, parsePath } from '../../core/storage/paths';
import { directoryEntry, getEntry, listDirectory } from '../../core/storage/tree';
import { AREAS, type TreeEntry, type TreeStore } from '../../core/storage/types';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import { Commit } from './commit.entity';
import type { TreeSession } from './db-tree-store';
import { Snapshot } from './snapshot.entity';
import type { WorkspaceStore } from './workspace-store';
import { Workspace, type WorkspaceKind } from './workspace.entity';
import { listedIn, WorkspaceMember } from './workspace-member.entity';
import { inChunks } from '../../core/util/chunks';
import type { WorkspaceAccess } from './workspace-access';

export interface NewWorkspace {
  spaceId: string;
  kind: WorkspaceKind;
  name: string;
  ownerId: string | null;
  /** SHARED only: open to the listed members (and staff) rather than every member. */
  membersOnly?: boolean;
  /** Starting root; the three empty areas when omitted. */
  rootTreeId?: string;
  message?: string;
}

/** A readable state: a workspace's current state, or one of its snapshots. */
export interface ResolvedState {
  workspace: Workspace;
  snapshot: Snapshot | null;
  rootId: string;
  role: string;
  actor: Actor;
}

export interface ListedEntry extends TreeEntry {
  path: string;
}

/** Builds the root of a new, empty state: the three areas, each an empty folder. */
export async function initialRoot(trees: TreeStore): Promise<string> {
  const empty = await trees.put([]);
  return trees.put(AREAS.map((area) => directoryEntry(area, empty, [])));
}

/** Workspaces: creation, states, listing and history. Edits go through ObjectsService. */
export class WorkspacesService {
  constructor(
    private readonly db: Database,
    private readonly policy: WorkspaceAccess,
    readonly store: WorkspaceStore,
  ) {}

  /** Writes a session's new trees on their own (for states not yet any workspace's head). */
  async persist(session: TreeSession): Promise<void> {
    await this.db.transaction((manager) => session.flush(manager));
    session.committed();
  }

  /** Runs `work` in one transaction with a way to create workspaces (and their first commit). */
  async withNewWorkspaces<T>(
    work: (manager: EntityManager, create: (spec: NewWorkspace) => Promise<Workspace>) => Promise<T>,
    authorId: string | null,
  ): Promise<T> {
    const session = this.store.trees.session();
    const result = await this.db.transaction((manager) =>
      work(manager, (spec) => this.insertWorkspace(manager, session, spec, authorId)),
    );
    session.committed();
    return result;
  }

  private async insertWorkspace(
    manager: EntityManager,
    session: TreeSession,
    spec: NewWorkspace,
    authorId: string | null,
  ): Promise<Workspace> {
    const root = spec.rootTreeId ?? (await initialRoot(session));
    await session.flush(manager);
    const { workspace, commit } = newWorkspaceRows(spec, root, authorId);
    await manager.insert(Workspace, workspace);
    await manager.insert(Commit, commit);
    return workspace;
  }

  /**
   * Gives a member their personal workspace, starting from the space's
   * DISTRIBUTED state (so late joiners receive everything pushed to "all").
   */
  async ensurePersonal(spaceId: string, userId: string, byUserId: string | null, manager?: EntityManager): Promise<Workspace> {
    const one = (m: EntityManager) => this.ensurePersonals(spaceId, [userId], byUserId, m).then((all) => all[0]);
    return manager ? one(manager) : this.withNewWorkspaces((tx) => one(tx), byUserId);
  }

  /**
   * `ensurePersonal` for many members at once, inside the caller's
   * transaction, in a fixed number of queries and multi-row inserts.
   * Returns each member's workspace (existing or new); unknown users are left out.
   */
  async ensurePersonals(spaceId: string, userIds: readonly string[], byUserId: string | null, manager: EntityManager): Promise<Workspace[]> {
    if (!userIds.length) return [];
    const existing = await inChunks(userIds, (chunk) => manager.find(Workspace, { where: { spaceId, kind: 'PERSONAL', ownerId: In(chunk) } }));
    const have = new Set(existing.map((w) => w.ownerId));
    const missing = [...new Set(userIds.filter((id) => !have.has(id)))];
    if (!missing.length) return existing;
    const users = await inChunks(missing, (chunk) => manager.find(User, { where: { id: In(chunk) } }));
    const distributed = await manager.findOne(Workspace, { where: { spaceId, kind: 'DISTRIBUTED' } });
    const session = this.store.trees.session();
    const root = distributed?.rootTreeId ?? (await initialRoot(session));
    await session.flush(manager);
    const rows = users.map((user) =>
      newWorkspaceRows({ spaceId, kind: 'PERSONAL', name: user.name, ownerId: user.id, message: 'started with everything handed out so far' }, root, byUserId),
    );
    for (let i = 0; i < rows.length; i += 200) {
      await manager.insert(Workspace, rows.slice(i, i + 200).map((r) => r.workspace));
      await manager.insert(Commit, rows.slice(i, i + 200).map((r) => r.commit));
    }
    return [...existing, ...rows.map((r) => r.workspace)];
  }

  async createShared(actor: Actor | null, spaceId: string, name: string): Promise<Workspace> {
    const { actor: a } = await this.policy.space(actor, spaceId, 'manage');
    const label = checkLabel(name, 'workspace name');
    return this.withNewWorkspaces((m, create) => create({ spaceId, kind: 'SHARED', name: label, ownerId: null }), a.user.id);
  }

  async get(actor: Actor | null, workspaceId: string): Promise<Workspace> {
    return (await this.policy.workspace(actor, workspaceId, 'read')).workspace;
  }

  /** The workspaces of a space the caller may read, MASTER and DISTRIBUTED first, then by name. */
  async listInSpace(actor: Actor | null, spaceId: string, kind?: WorkspaceKind | null): Promise<Workspace[]> {
    const { role, actor: a } = await this.policy.space(actor, spaceId, 'read');
    const rows = await this.db.manager.find(Workspace, { where: { spaceId, ...(kind ? { kind } : {}) } });
    const order: Record<WorkspaceKind, number> = { MASTER: 0, DISTRIBUTED: 1, SHARED: 2, PERSONAL: 3 };
    const membersOnly = rows.filter((w) => w.membersOnly).map((w) => w.id);
    const listed = membersOnly.length ? await listedIn(this.db.manager, a.user.id, membersOnly) : new Set<string>();
    return rows
      .filter((w) => canReadWorkspace(role, w, a.user.id, listed.has(w.id)))
      .sort((x, y) => order[x.kind] - order[y.kind] || x.name.localeCompare(y.name));
  }

  /**
   * Sets who a members-only workspace is open to, inside the caller's
   * transaction: the rows not in `userIds` go, the missing ones are added.
   */
  async setListed(manager: EntityManager, workspaceId: string, userIds: readonly string[]): Promise<void> {
    const have = await manager.find(WorkspaceMember, { where: { workspaceId } });
    const wanted = new Set(userIds);
    const gone = have.filter((r) => !wanted.has(r.userId)).map((r) => r.id);
    if (gone.length) await manager.delete(WorkspaceMember, { id: In(gone) });
    const present = new Set(have.map((r) => r.userId));
    const added = [...wanted].filter((id) => !present.has(id)).map((userId) => ({ id: randomUUID(), workspaceId, userId }));
    if (added.length) await manager.insert(WorkspaceMember, added);
  }

  async byIds(ids: readonly string[]): Promise<Workspace[]> {
    return ids.length ? this.db.manager.find(Workspace, { where: { id: In([...ids]) } }) : [];
  }

  /** Resolves a readable state; `snapshotId` must belong to the workspace. */
  async state(actor: Actor | null, workspaceId: string, snapshotId?: string | null): Promise<ResolvedState> {
    const { workspace, role, actor: a } = await this.policy.workspace(actor, workspaceId, 'read');
    if (!snapshotId) return { workspace, snapshot: null, rootId: workspace.rootTreeId, role, actor: a };
    const snapshot = await this.db.manager.findOne(Snapshot, { where: { id: snapshotId, workspaceId } });
    if (!snapshot) throw notFound(`snapshot ${snapshotId} does not exist in workspace '${workspace.name}'`);
    return { workspace, snapshot, rootId: snapshot.rootTreeId, role, actor: a };
  }

  /** One page of a folder's entries in canonical order; the cursor is the last name seen. */
  async listFolder(
    actor: Actor | null,
    args: { workspaceId: string; path?: string | null; snapshotId?: string | null } & PageArgs,
  ): Promise<Page<ListedEntry>> {
    const { rootId } = await this.state(actor, args.workspaceId, args.snapshotId);
    const segments = parsePath(args.path ?? '');
    const request = pageRequest('Entry', args, 1, 100);
    const entries = await listDirectory(this.store.trees.reader, rootId, segments);
    const page = slicePage(entries, request, (e) => [e.name]);
    return { ...page, nodes: page.nodes.map((e) => ({ ...e, path: formatPath([...segments, e.name]) })) };
  }

  async entry(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null) {
    const state = await this.state(actor, workspaceId, snapshotId);
    const segments = parsePath(path);
    const entry = await getEntry(this.store.trees.reader, state.rootId, segments);
    if (!entry) throw notFound(`nothing at '${formatPath(segments)}' in '${state.workspace.name}'`);
    return { state, entry: { ...entry, path: formatPath(segments) } as ListedEntry };
  }

  /** The newest commit (up to `scan` back) after which `path` holds what it holds now. */
  async lastChange(workspace: Workspace, rootId: string, path: string, scan = 200): Promise<Commit | null> {
    const segments = parsePath(path);
    const current = await getEntry(this.store.trees.reader, rootId, segments);
    const commits = await this.db.manager.find(Commit, {
      where: { workspaceId: workspace.id },
      order: { version: 'DESC' },
      take: scan,
    });
    const startAt = commits.findIndex((c) => c.rootTreeId === rootId);
    let candidate: Commit | null = null;
    for (const commit of commits.slice(Math.max(startAt, 0))) {
      // An old commit's state may have been swept by the garbage collector (commits alone keep nothing alive).
      const there = await getEntry(this.store.trees.reader, commit.rootTreeId, segments).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (there === undefined || !sameEntry(there, current)) break;
      candidate = commit;
    }
    return candidate;
  }

  async history(actor: Actor | null, workspaceId: string, args: PageArgs): Promise<Page<Commit>> {
    await this.policy.workspace(actor, workspaceId, 'read');
    const request = pageRequest('Commit', args, 1);
    const query = this.db.manager.createQueryBuilder(Commit, 'c').where('c.workspaceId = :workspaceId', { workspaceId });
    const rows = await keyset(query, [{ expr: 'c.version', dir: 'DESC', param: Number }], request).getMany();
    const total = await this.db.manager.count(Commit, { where: { workspaceId } });
    return toPage(rows, request, (c) => [c.version], total);
  }

  /** Those of `ids` that are versions of a workspace the caller may read (its history): two or three queries whatever their number. */
  async commitsById(actor: Actor | null, ids: readonly string[]): Promise<Commit[]> {
    const commits = ids.length ? await this.db.manager.find(Commit, { where: { id: In([...ids]) } }) : [];
    const readable = await this.policy.readableWorkspaces(actor, commits.map((c) => c.workspaceId));
    return commits.filter((_, i) => readable[i]);
  }

  assertNotArea(segments: readonly string[]): void {
    if (segments.length < 2) throw conflict(`'${formatPath(segments)}' is an area of the workspace; change what is inside it`);
  }
}

function sameEntry(a: TreeEntry | null, b: TreeEntry | null): boolean {
  return a === b || (!!a && !!b && a.kind === b.kind && a.id === b.id);
}

/** A new workspace's row and its first commit (version 1 at `root`), not yet stored. */
function newWorkspaceRows(spec: NewWorkspace, root: string, authorId: string | null): { workspace: Workspace; commit: Commit } {
  const id = randomUUID();
  const commit = Object.assign(new Commit(), {
    id: randomUUID(),
    workspaceId: id,
    parentId: null,
    rootTreeId: root,
    version: 1,
    authorId,
    message: spec.message ?? 'created',
    distributionId: null,
    createdAt: new Date(),
  });
  const workspace = Object.assign(new Workspace(), {
    id,
    spaceId: spec.spaceId,
    kind: spec.kind,
    name: spec.name.slice(0, 200),
    ownerId: spec.ownerId,
    membersOnly: spec.membersOnly ?? false,
    rootTreeId: root,
    version: 1,
    headCommitId: commit.id,
    createdAt: commit.createdAt,
  });
  return { workspace, commit };
}
