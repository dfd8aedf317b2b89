import { randomUUID } from 'node:crypto';
import { checkLabel } from '../../core/labels';
import { In, type EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { seesEveryBundle } from '../../core/policy';
import { badInput, notFound } from '../../core/errors';
import { createdKey, keyset, newestFirst, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import { sha256Hex } from '../../core/util/secrets';
import { formatPath, isPrefixOf, parsePath } from '../../core/storage/paths';
import { getEntry } from '../../core/storage/tree';
import { AREAS } from '../../core/storage/types';
import type { FrozenItem } from './frozen-item';
import type { Actor } from '../users/users.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { Bundle } from './bundle.entity';
import { StageItem } from './stage-item.entity';
import type { Access } from '../spaces/access';

export interface SourceRef {
  workspaceId: string;
  snapshotId?: string | null;
}

const MAX_STAGE_ITEMS = 1000;

/**
 * The stage: per user and source state, the paths waiting to be pushed.
 * Resolving freezes them to content ids; a bundle is a saved, frozen stage.
 */
export class StageService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly workspaces: WorkspacesService,
  ) {}

  async add(actor: Actor | null, source: SourceRef, paths: readonly string[]): Promise<StageItem[]> {
    const state = await this.workspaces.state(actor, source.workspaceId, source.snapshotId);
    const normalised = [...new Set(paths.map((p) => formatPath(parsePath(p))))];
    for (const path of normalised) {
      const segments = parsePath(path);
      if (segments.length > 0 && !(AREAS as readonly string[]).includes(segments[0])) {
        throw badInput(`'${path}' is not in files/, tables/ or applications/`);
      }
      if (!(await getEntry(this.workspaces.store.trees.reader, state.rootId, segments))) {
        throw notFound(`nothing at '${path}' in '${state.workspace.name}'${state.snapshot ? ` (snapshot '${state.snapshot.label}')` : ''}`);
      }
    }
    const key = this.key(state.actor.user.id, source);
    const existing = await this.db.manager.find(StageItem, { where: key });
    if (existing.length + normalised.length > MAX_STAGE_ITEMS) throw badInput(`a stage holds at most ${MAX_STAGE_ITEMS} items`);
    const have = new Set(existing.map((i) => i.path));
    const rows = normalised
      .filter((path) => !have.has(path))
      .map((path) => ({ id: randomUUID(), ...key, sourceSnapshotId: source.snapshotId ?? null, path, pathHash: sha256Hex(path), createdAt: new Date() }));
    if (rows.length) await this.db.manager.insert(StageItem, rows);
    return this.list(actor, source);
  }

  async remove(actor: Actor | null, source: SourceRef, paths: readonly string[]): Promise<StageItem[]> {
    const a = this.policy.requireWritable(actor);
    await this.workspaces.state(a, source.workspaceId, source.snapshotId);
    await this.unstagePushed(this.db.manager, a.user.id, source, { paths });
    return this.list(actor, source);
  }

  /**
   * Takes what a push sent off `userId`'s stage of `source`, in the push's
   * transaction: the chosen items, the pushed paths, or (neither given) all of it.
   */
  async unstagePushed(m: EntityManager, userId: string, source: SourceRef, pushed: { ids?: readonly string[] | null; paths?: readonly string[] | null }): Promise<void> {
    if (pushed.ids) {
      if (pushed.ids.length) await m.delete(StageItem, { userId, id: In([...new Set(pushed.ids)]) });
    } else if (pushed.paths) {
      await m.delete(StageItem, { ...this.key(userId, source), pathHash: In(pushed.paths.map((p) => sha256Hex(formatPath(parsePath(p))))) });
    } else {
      await m.delete(StageItem, this.key(userId, source));
    }
  }

  /**
   * The source and paths of chosen items of the caller's stage.
   *
   * @throws DomainError BAD_USER_INPUT when no id is given or the items come
   *   from more than one source state; NOT_FOUND naming an id not on the stage.
   */
  async picked(actor: Actor | null, ids: readonly string[]): Promise<{ source: { workspaceId: string; snapshotId: string | null }; paths: string[] }> {
    const a = this.policy.requireActor(actor);
    const unique = [...new Set(ids)];
    if (unique.length === 0) throw badInput('no stage items chosen: choose at least one staged item to push');
    if (unique.length > MAX_STAGE_ITEMS) throw badInput(`a stage holds at most ${MAX_STAGE_ITEMS} items`);
    const rows = await this.db.manager.find(StageItem, { where: { userId: a.user.id, id: In(unique) } });
    const missing = unique.find((id) => !rows.some((r) => r.id === id));
    if (missing !== undefined) throw notFound(`stage item ${missing} is not on your stage (it was pushed and cleared, or removed)`);
    if (new Set(rows.map((r) => `${r.sourceWorkspaceId}:${r.sourceKey}`)).size > 1) {
      throw badInput('the chosen stage items come from different sources: push the items of one source at a time');
    }
    return { source: { workspaceId: rows[0].sourceWorkspaceId, snapshotId: rows[0].sourceSnapshotId }, paths: rows.map((r) => r.path) };
  }

  async clear(actor: Actor | null, source: SourceRef): Promise<boolean> {
    const a = this.policy.requireWritable(actor);
    await this.workspaces.state(a, source.workspaceId, source.snapshotId);
    await this.unstagePushed(this.db.manager, a.user.id, source, {});
    return true;
  }

  /** The caller's stage for a source they can still read. */
  async list(actor: Actor | null, source: SourceRef): Promise<StageItem[]> {
    const { actor: a } = await this.workspaces.state(actor, source.workspaceId, source.snapshotId);
    return this.db.manager.find(StageItem, { where: this.key(a.user.id, source), order: { path: 'ASC' } });
  }

  /** One item of the caller's own stage, while they can still read its source (as `list` reads the stage). */
  async item(actor: Actor | null, id: string): Promise<StageItem | null> {
    const a = this.policy.requireActor(actor);
    const item = await this.db.manager.findOne(StageItem, { where: { id, userId: a.user.id } });
    if (!item) return null;
    await this.workspaces.state(a, item.sourceWorkspaceId, item.sourceSnapshotId);
    return item;
  }

  /** Every non-empty stage of the caller, one row per source state. */
  async sources(actor: Actor | null): Promise<{ workspaceId: string; snapshotId: string | null; count: number }[]> {
    const a = this.policy.requireActor(actor);
    const rows: { workspaceId: string; snapshotId: string | null; count: string | number }[] = await this.db.manager
      .createQueryBuilder(StageItem, 's')
      .select('s.sourceWorkspaceId', 'workspaceId')
      .addSelect('s.sourceSnapshotId', 'snapshotId')
      .addSelect('COUNT(*)', 'count')
      .where('s.userId = :userId', { userId: a.user.id })
      .groupBy('s.sourceWorkspaceId')
      .addGroupBy('s.sourceSnapshotId')
      .getRawMany();
    return rows.map((r) => ({ workspaceId: r.workspaceId, snapshotId: r.snapshotId, count: Number(r.count) }));
  }

  /**
   * Freezes paths of a source state to content. '' stands for the whole state
   * (its three areas); a path inside another staged path is covered by it.
   */
  async resolve(actor: Actor | null, source: SourceRef, paths: readonly string[]): Promise<FrozenItem[]> {
    const state = await this.workspaces.state(actor, source.workspaceId, source.snapshotId);
    const expanded = paths.flatMap((p) => (parsePath(p).length === 0 ? [...AREAS] : [formatPath(parsePath(p))]));
    const unique = [...new Set(expanded)].map(parsePath).sort((a, b) => a.length - b.length);
    const kept: string[][] = [];
    for (const path of unique) if (!kept.some((k) => isPrefixOf(k, path))) kept.push(path);
    if (kept.length === 0) throw badInput('nothing is staged: add files, folders, tables or applications first');
    const items: FrozenItem[] = [];
    for (const segments of kept) {
      const entry = await getEntry(this.workspaces.store.trees.reader, state.rootId, segments);
      if (!entry) throw notFound(`'${formatPath(segments)}' is no longer in '${state.workspace.name}'; remove it from the stage`);
      items.push({ path: formatPath(segments), kind: entry.kind, id: entry.id, size: entry.size });
    }
    return items.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** The staged items of a source, frozen. */
  async resolveStage(actor: Actor | null, source: SourceRef): Promise<FrozenItem[]> {
    const staged = await this.list(actor, source);
    return this.resolve(actor, source, staged.map((s) => s.path));
  }

  async saveBundle(actor: Actor | null, source: SourceRef, name: string, description = ''): Promise<Bundle> {
    const a = this.policy.requireWritable(actor);
    const label = checkLabel(name, 'bundle name');
    const items = await this.resolveStage(actor, source);
    const workspace = await this.workspaces.get(actor, source.workspaceId);
    const bundle = this.db.manager.create(Bundle, {
      id: randomUUID(),
      spaceId: workspace.spaceId,
      ownerId: a.user.id,
      name: label,
      description,
      sourceWorkspaceId: source.workspaceId,
      sourceSnapshotId: source.snapshotId ?? null,
      items,
      createdAt: new Date(),
    });
    await this.db.manager.insert(Bundle, bundle);
    return bundle;
  }

  /** A bundle the caller may use: its owner, or staff of its space. */
  async bundle(actor: Actor | null, id: string): Promise<Bundle> {
    const a = this.policy.requireActor(actor);
    const bundle = await this.db.manager.findOne(Bundle, { where: { id } });
    if (!bundle) throw notFound(`bundle ${id} does not exist`);
    if (bundle.ownerId !== a.user.id) {
      const role = await this.policy.role(a.user.id, bundle.spaceId);
      if (!role || !seesEveryBundle(role)) throw notFound(`bundle ${id} does not exist`);
    }
    return bundle;
  }

  async bundles(actor: Actor | null, spaceId: string): Promise<Bundle[]> {
    const { role, actor: a } = await this.policy.space(actor, spaceId, 'read');
    const where = seesEveryBundle(role) ? { spaceId } : { spaceId, ownerId: a.user.id };
    return this.db.manager.find(Bundle, { where, order: { createdAt: 'DESC' }, take: 100 });
  }

  /** One page of a space's bundles, newest first (staff see all, others their own). */
  async bundlePage(actor: Actor | null, spaceId: string, args: PageArgs): Promise<Page<Bundle>> {
    const { role, actor: a } = await this.policy.space(actor, spaceId, 'read');
    const request = pageRequest('Bundle', args, 2);
    const query = this.db.manager.createQueryBuilder(Bundle, 'b').where('b.spaceId = :spaceId', { spaceId });
    if (!seesEveryBundle(role)) query.andWhere('b.ownerId = :me', { me: a.user.id });
    const total = await query.getCount();
    return toPage(await keyset(query, newestFirst('b'), request).getMany(), request, createdKey, total);
  }

  async deleteBundle(actor: Actor | null, id: string): Promise<boolean> {
    const bundle = await this.bundle(actor, id);
    const a = this.policy.requireWritable(actor);
    if (bundle.ownerId !== a.user.id) await this.policy.space(actor, bundle.spaceId, 'manage');
    await this.db.manager.delete(Bundle, { id });
    return true;
  }

  private key(userId: string, source: SourceRef) {
    return { userId, sourceWorkspaceId: source.workspaceId, sourceKey: source.snapshotId ?? '' };
  }
}
