import { canonicalJson } from '../../core/util/canonical-json';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager, In, MoreThanOrEqual, Not } from 'typeorm';
import type { Database } from '../../db/database';
import { seesEveryDistribution } from '../../core/policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { createdKey, keyset, newestFirst, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import type { TreeStore } from '../../core/storage/types';
import type { AuditService } from '../audit/audit.service';
import { Membership, type Role } from '../spaces/membership.entity';
import type { StageService } from '../stage/stage.service';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import { Workspace } from '../workspaces/workspace.entity';
import { whereContains } from '../../db/text-search';
import { MEMBER_SEARCH_COLUMNS } from '../spaces/member-search';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { DistributionTarget, type TargetStatus } from './distribution-target.entity';
import { countTargetsByStatus } from './distribution-targets.repository';
import { Distribution, type DistributionKind, type DistributionOptions, type DistributionStatus } from './distribution.entity';
import { POLICIES, type Policies, type Policy } from './engine/policy';
import type { FrozenItem } from '../stage/frozen-item';
import type { Merger } from './merger';
import { reversalChange } from './reversal';
import type { Access } from '../spaces/access';

export type ReversalKind = Exclude<DistributionKind, 'PUSH'>;

export interface TargetSpec {
  workspaceIds?: string[] | null;
  /** Every PERSONAL workspace of this space whose owner has one of `roles` (default MEMBER). */
  spaceId?: string | null;
  roles?: Role[] | null;
  /** Also push to the space's DISTRIBUTED workspace, where members who join later start from. */
  includeFutureMembers?: boolean | null;
}

export interface PushInput {
  source?: { workspaceId: string; snapshotId?: string | null } | null;
  /** Paths of the source to push; when absent, the caller's stage for the source. */
  paths?: string[] | null;
  /** Exactly these items of the caller's stage, instead of `source` and `paths`. */
  stageItemIds?: string[] | null;
  /** Remove the pushed items from the caller's stage once the push is created. */
  clearStage?: boolean | null;
  bundleId?: string | null;
  targets: TargetSpec;
  policies?: Partial<Policies> | null;
  snapshotFirst?: boolean | null;
  message?: string | null;
  emailRecipients?: boolean | null;
  idempotencyKey?: string | null;
  /** Items frozen earlier (an assignment's material); the source must still be readable. */
  frozenItems?: FrozenItem[] | null;
}

export interface TargetCounts {
  total: number;
  byStatus: Record<TargetStatus, number>;
}

const TERMINAL: readonly DistributionStatus[] = ['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'];
const INSERT_BATCH = 500;

/**
 * Creating, previewing and steering distributions. Execution is the worker's
 * (DistributionWorker): this service only writes the rows it will claim.
 */
/** The statuses of a target that is done with, one way or another. */
const FINISHED_TARGET = ['SUCCEEDED', 'CONFLICT', 'FAILED', 'CANCELLED'];

export class DistributionsService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly workspaces: WorkspacesService,
    private readonly stage: StageService,
    private readonly audit: AuditService,
    private readonly merger: Merger,
    private readonly wake: () => void,
  ) {}

  /**
   * Asked before a push is created, with its targets and a way to compute
   * each target's new root (into the given tree store) if needed; throws to
   * refuse the whole push (a space quota). Set by the composition root.
   */
  pushGuard: (targets: readonly Workspace[], preview: (trees: TreeStore) => Promise<{ workspace: Workspace; root: string }[]>) => Promise<void> = async () =>
    undefined;

  /** Resolves a push's source, frozen items and target workspaces, checking every permission. */
  async plan(actor: Actor | null, input: PushInput) {
    const a = this.policy.requireWritable(actor);
    let source: { workspaceId: string; snapshotId: string | null };
    let items: FrozenItem[];
    if (input.stageItemIds) {
      if (input.bundleId || input.paths || input.frozenItems) throw badInput('give stageItemIds, or paths, or a bundle: only one of them');
      const picked = await this.stage.picked(a, input.stageItemIds);
      source = picked.source;
      if (input.source && (input.source.workspaceId !== source.workspaceId || (input.source.snapshotId ?? null) !== source.snapshotId)) {
        throw badInput('the stage items come from another source than the one given; leave out source or give theirs');
      }
      items = await this.stage.resolve(a, source, picked.paths);
    } else if (input.bundleId) {
      if (input.clearStage) throw badInput('clearStage applies to staged items; a bundle is not on the stage');
      const bundle = await this.stage.bundle(a, input.bundleId);
      source = { workspaceId: bundle.sourceWorkspaceId, snapshotId: bundle.sourceSnapshotId };
      items = bundle.items;
    } else {
      if (!input.source) throw badInput('give a source (workspace and optional snapshot) or a bundle');
      source = { workspaceId: input.source.workspaceId, snapshotId: input.source.snapshotId ?? null };
      items = input.frozenItems
        ? input.frozenItems
        : input.paths
          ? await this.stage.resolve(a, source, input.paths)
          : await this.stage.resolveStage(a, source);
    }
    const sourceWorkspace = await this.workspaces.get(a, source.workspaceId);
    const targets = await this.resolveTargets(a, input.targets);
    const policies = normalisePolicies(input.policies);
    const options: DistributionOptions = {
      snapshotFirst: input.snapshotFirst ?? true,
      includeFutureMembers: !!input.targets.includeFutureMembers,
      message: (input.message ?? '').slice(0, 5000),
      emailRecipients: !!input.emailRecipients,
    };
    return { actor: a, source, sourceWorkspace, items, targets, policies, options };
  }

  async resolveTargets(actor: Actor, spec: TargetSpec): Promise<Workspace[]> {
    const ids = new Set(spec.workspaceIds ?? []);
    if (spec.spaceId) {
      const roles = spec.roles?.length ? spec.roles : (['MEMBER'] as Role[]);
      await this.policy.space(actor, spec.spaceId, 'read');
      const owners = await this.db.manager.find(Membership, { where: { spaceId: spec.spaceId, role: In(roles) } });
      const ownerIds = new Set(owners.map((m) => m.userId));
      const personal = await this.db.manager.find(Workspace, { where: { spaceId: spec.spaceId, kind: 'PERSONAL' } });
      for (const w of personal) if (w.ownerId && ownerIds.has(w.ownerId)) ids.add(w.id);
      if (spec.includeFutureMembers) {
        const distributed = await this.db.manager.findOne(Workspace, { where: { spaceId: spec.spaceId, kind: 'DISTRIBUTED' } });
        if (distributed) ids.add(distributed.id);
      }
    } else if (spec.includeFutureMembers) {
      throw badInput('includeFutureMembers needs targets.spaceId: the space whose future members receive the push');
    }
    if (ids.size === 0) throw badInput('the push has no targets: choose workspaces, or a space with members of the chosen roles');
    return this.policy.writableWorkspaces(actor, [...ids]);
  }

  /**
   * Creates the distribution and its targets in one transaction; the worker
   * executes it. The same idempotency key with the same input returns the
   * first distribution; with other input it is refused.
   */
  async push(actor: Actor | null, input: PushInput): Promise<Distribution> {
    const a = this.policy.requireWritable(actor);
    const inputHash = hashInput(input);
    const key = input.idempotencyKey?.trim() || null;
    if (key) {
      if (key.length > 200) throw badInput('idempotencyKey must be at most 200 characters');
      const existing = await this.db.manager.findOne(Distribution, { where: { createdById: a.user.id, idempotencyKey: key } });
      if (existing) {
        if (existing.inputHash !== inputHash) {
          throw conflict(`idempotency key '${key}' was used for a different push (${existing.id}); use a new key`, { distributionId: existing.id });
        }
        return existing;
      }
    }
    const plan = await this.plan(a, input);
    await this.pushGuard(plan.targets, async (session) => {
      const results = await this.merger.preview(plan.source.workspaceId, plan.items, plan.policies, plan.targets, session);
      return results.map(({ workspace, result }) => ({ workspace, root: result.root }));
    });
    // The stage is cleared with the push or not at all.
    const distribution = await this.db.transaction(async (m) => {
      const created = await this.insert(a, 'PUSH', plan.sourceWorkspace.spaceId, plan.source, plan.items, plan.policies, plan.options, plan.targets, { idempotencyKey: key, inputHash }, m);
      if (input.clearStage) await this.stage.unstagePushed(m, a.user.id, plan.source, { ids: input.stageItemIds, paths: input.paths });
      return created;
    });
    this.wake();
    return distribution;
  }

  /** Writes a planned push inside the caller's transaction (an assignment's release). */
  async pushPlanned(manager: EntityManager, plan: Awaited<ReturnType<DistributionsService['plan']>>): Promise<Distribution> {
    return this.insert(plan.actor, 'PUSH', plan.sourceWorkspace.spaceId, plan.source, plan.items, plan.policies, plan.options, plan.targets, {
      idempotencyKey: null,
      inputHash: hashInput({ items: plan.items, targets: plan.targets.map((t) => t.id), at: Date.now() }),
    }, manager);
  }

  /** What a push would do to each target, computed by the same merge and writing nothing. */
  async preview(actor: Actor | null, input: PushInput) {
    return this.previewPlan(await this.plan(actor, input));
  }

  async previewPlan(plan: Awaited<ReturnType<DistributionsService['plan']>>) {
    const started = Date.now();
    const results = await this.merger.preview(plan.source.workspaceId, plan.items, plan.policies, plan.targets);
    return { ...plan, results, elapsedMs: Date.now() - started };
  }

  async get(actor: Actor | null, id: string): Promise<Distribution> {
    const distribution = await this.db.manager.findOne(Distribution, { where: { id } });
    if (!distribution) throw notFound(`distribution ${id} does not exist`);
    await this.requireView(actor, distribution);
    return distribution;
  }

  /** Staff of the space and the creator see a distribution. */
  async requireView(actor: Actor | null, distribution: Distribution): Promise<void> {
    const a = this.policy.requireActor(actor);
    if (distribution.createdById === a.user.id) return;
    const role = await this.policy.role(a.user.id, distribution.spaceId);
    if (!role || !seesEveryDistribution(role)) throw notFound(`distribution ${distribution.id} does not exist`);
  }

  async list(actor: Actor | null, spaceId: string, args: PageArgs): Promise<Page<Distribution>> {
    const { role, actor: a } = await this.policy.space(actor, spaceId, 'read');
    const request = pageRequest('Distribution', args, 2);
    const query = this.db.manager.createQueryBuilder(Distribution, 'd').where('d.spaceId = :spaceId', { spaceId });
    if (!seesEveryDistribution(role)) query.andWhere('d.createdById = :me', { me: a.user.id });
    const total = await query.getCount();
    return toPage(await keyset(query, newestFirst('d'), request).getMany(), request, createdKey, total);
  }

  async counts(distributionId: string): Promise<TargetCounts> {
    const byStatus = await countTargetsByStatus(this.db.manager, distributionId);
    return { total: Object.values(byStatus).reduce((x, y) => x + y, 0), byStatus };
  }

  async targets(
    actor: Actor | null,
    distributionId: string,
    args: PageArgs & { status?: TargetStatus | null; search?: string | null },
  ): Promise<Page<DistributionTarget>> {
    await this.get(actor, distributionId);
    const request = pageRequest('DistributionTarget', args, 1, 100);
    const query = this.db.manager.createQueryBuilder(DistributionTarget, 't').where('t.distributionId = :distributionId', { distributionId });
    if (args.status) query.andWhere('t.status = :status', { status: args.status });
    if (args.search?.trim()) {
      query
        .innerJoin(Workspace, 'w', 'w.id = t.workspaceId')
        .leftJoin(User, 'u', 'u.id = w.ownerId')
        .leftJoin(Membership, 'm', 'm.userId = w.ownerId AND m.spaceId = w.spaceId');
      whereContains(query, ['LOWER(w.name)', ...MEMBER_SEARCH_COLUMNS], args.search);
    }
    // The total is of every match, not of those after the cursor, so a pager can say "51–100 of 1,000".
    const count = await query.getCount();
    const rows = await keyset(query, [{ expr: 't.workspaceId', dir: 'ASC' }], request).getMany();
    return toPage(rows, request, (t) => [t.workspaceId], count);
  }

  async finishedTargets(distributionId: string, limit: number): Promise<DistributionTarget[]> {
    // The newest `limit`, returned in the order they finished.
    const newest = await this.db.manager.find(DistributionTarget, {
      where: { distributionId, status: In(FINISHED_TARGET) },
      order: { finishedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return newest.reverse();
  }

  /** Targets that finished at or after `since`, but for those in `except`, in the order they finished. */
  async finishedSince(distributionId: string, since: Date, except: ReadonlySet<string>): Promise<DistributionTarget[]> {
    const rows = await this.db.manager.find(DistributionTarget, {
      where: { distributionId, status: In(FINISHED_TARGET), finishedAt: MoreThanOrEqual(since) },
      select: { id: true },
    });
    const missed = await this.targetsByIds(rows.map((r) => r.id).filter((id) => !except.has(id)));
    return missed.sort((a, b) => +a.finishedAt! - +b.finishedAt! || a.id.localeCompare(b.id));
  }

  async targetsByIds(ids: readonly string[]): Promise<DistributionTarget[]> {
    return ids.length ? this.db.manager.find(DistributionTarget, { where: { id: In([...ids]) } }) : [];
  }

  /** Stops pending targets; targets already applied stay applied (undo them if needed). */
  async cancel(actor: Actor | null, id: string): Promise<Distribution> {
    const distribution = await this.requireManage(actor, id);
    if (TERMINAL.includes(distribution.status)) throw conflict(`distribution is ${distribution.status.toLowerCase()} already`);
    await this.db.transaction(async (m) => {
      await m.update(DistributionTarget, { distributionId: id, status: 'PENDING' }, { status: 'CANCELLED', finishedAt: new Date() });
      await m.update(Distribution, { id }, { status: 'CANCELLED', finishedAt: new Date() });
      await this.audit.append(m, auditOf(distribution, actor!, 'distribution.cancelled'));
    });
    this.wake();
    return this.get(actor, id);
  }

  /**
   * Puts failed and conflicting targets back in the queue, optionally under
   * other policies (a push only); targets already applied are not touched again.
   */
  async retry(actor: Actor | null, id: string, policies?: Partial<Policies> | null): Promise<Distribution> {
    const distribution = await this.requireManage(actor, id);
    const next = this.retryPolicies(distribution, policies);
    await this.failedTargets(distribution);
    await this.db.transaction(async (m) => {
      await m.update(
        DistributionTarget,
        { distributionId: id, status: In(['FAILED', 'CONFLICT']) },
        { status: 'PENDING', leaseOwner: null, leaseExpiresAt: null, error: null, finishedAt: null },
      );
      await m.update(Distribution, { id }, { status: 'QUEUED', finishedAt: null, policies: next });
      await this.audit.append(m, {
        ...auditOf(distribution, actor!, 'distribution.retried'),
        before: { policies: distribution.policies },
        after: { policies: next },
      });
    });
    this.wake();
    return this.get(actor, id);
  }

  /** What a retry would do to the failed and conflicting targets, under the given (or the same) policies. Writes nothing. */
  async previewRetry(actor: Actor | null, id: string, policies?: Partial<Policies> | null) {
    const distribution = await this.requireManage(actor, id);
    if (distribution.kind !== 'PUSH') throw badInput('only a push has a retry preview; an undo or retraction is retried as it was (see previewReversal)');
    const next = this.retryPolicies(distribution, policies);
    const targets = await this.failedTargets(distribution);
    const workspaces = await this.policy.writableWorkspaces(actor, targets.map((t) => t.workspaceId));
    const results = await this.merger.preview(distribution.sourceWorkspaceId, distribution.items, next, workspaces);
    return { items: distribution.items, policies: next, results };
  }

  private retryPolicies(distribution: Distribution, policies: Partial<Policies> | null | undefined): Policies {
    if (!policies) return distribution.policies;
    if (distribution.kind !== 'PUSH') throw badInput(`an ${distribution.kind === 'UNDO' ? 'undo' : 'retraction'} has no conflict policy to change`);
    return normalisePolicies(policies);
  }

  private async failedTargets(distribution: Distribution): Promise<DistributionTarget[]> {
    if (!TERMINAL.includes(distribution.status)) throw conflict('the distribution is still running; retry once it has finished');
    const targets = await this.db.manager.find(DistributionTarget, { where: { distributionId: distribution.id, status: In(['FAILED', 'CONFLICT']) } });
    if (targets.length === 0) throw conflict('no target of this distribution failed');
    return targets;
  }

  /**
   * Undo (revert what the push changed, keeping later edits) or retract
   * (remove delivered entries the recipient has not changed), for all
   * applied targets or the given workspaces. Runs as its own distribution.
   * A target already undone or retracted is not reversed again: asking for
   * it is a CONFLICT naming the earlier reversal.
   */
  async reverse(actor: Actor | null, id: string, kind: ReversalKind, workspaceIds?: string[] | null): Promise<Distribution> {
    const { origin, targets } = await this.reversalTargets(actor, id, kind, workspaceIds);
    const workspaces = await this.policy.writableWorkspaces(actor, targets.map((t) => t.workspaceId));
    return this.insert(
      this.policy.requireWritable(actor),
      kind,
      origin.spaceId,
      { workspaceId: origin.sourceWorkspaceId, snapshotId: origin.sourceSnapshotId },
      origin.items,
      origin.policies,
      { ...origin.options, snapshotFirst: true, emailRecipients: false, message: '' },
      workspaces,
      { idempotencyKey: null, inputHash: hashInput({ kind, id, workspaceIds }), originId: id },
    );
  }

  /** What an undo or retraction would take back from each target and what it would keep. Writes nothing. */
  async previewReversal(actor: Actor | null, id: string, kind: ReversalKind, workspaceIds?: string[] | null) {
    const { origin, targets } = await this.reversalTargets(actor, id, kind, workspaceIds);
    const workspaces = await this.policy.writableWorkspaces(actor, targets.map((t) => t.workspaceId));
    const byWorkspace = new Map(targets.map((t) => [t.workspaceId, t]));
    const session = this.workspaces.store.trees.session();
    const results = [];
    for (const workspace of workspaces) {
      const change = await reversalChange(session, kind, workspace.rootTreeId, byWorkspace.get(workspace.id)!, origin.items);
      results.push({ workspace, change, changes: change.root !== workspace.rootTreeId });
    }
    return { kind, results };
  }

  /** Undos and retractions of a push that have not failed or been cancelled, oldest first. */
  async reversalsOf(originIds: readonly string[]): Promise<Distribution[]> {
    if (originIds.length === 0) return [];
    return this.db.manager.find(Distribution, {
      where: { originId: In([...originIds]), status: Not(In(['FAILED', 'CANCELLED'])) },
      order: { createdAt: 'ASC' },
    });
  }

  private async reversalTargets(actor: Actor | null, id: string, kind: ReversalKind, workspaceIds?: string[] | null) {
    const origin = await this.requireManage(actor, id);
    const verb = kind === 'UNDO' ? 'undone' : 'retracted';
    if (origin.kind !== 'PUSH') throw badInput(`only a push can be ${verb}; this is an ${origin.kind === 'UNDO' ? 'undo' : 'retraction'}`);
    if (!TERMINAL.includes(origin.status)) throw conflict(`the push is still running; cancel it or wait until it has finished before it can be ${verb}`);
    const applied = await this.db.manager.find(DistributionTarget, {
      where: { distributionId: id, status: 'SUCCEEDED', ...(workspaceIds?.length ? { workspaceId: In(workspaceIds) } : {}) },
    });
    const changed = applied.filter((t) => kind === 'RETRACT' || t.commitId);
    if (changed.length === 0) throw conflict('no target of this distribution was changed by it');
    const earlier = await this.reversalsOf([id]);
    const covering = new Map<string, Distribution>();
    if (earlier.length) {
      const rows = await this.db.manager.find(DistributionTarget, {
        where: { distributionId: In(earlier.map((d) => d.id)), status: In(['PENDING', 'RUNNING', 'SUCCEEDED']) },
        select: { distributionId: true, workspaceId: true },
      });
      const byId = new Map(earlier.map((d) => [d.id, d]));
      for (const row of rows) if (!covering.has(row.workspaceId)) covering.set(row.workspaceId, byId.get(row.distributionId)!);
    }
    const targets = changed.filter((t) => !covering.has(t.workspaceId));
    const refused = changed.find((t) => covering.has(t.workspaceId));
    // Named workspaces must all still be reversible; for "every target", those not yet reversed are enough.
    if (refused && (targets.length === 0 || workspaceIds?.length)) {
      const previous = covering.get(refused.workspaceId)!;
      const by = await this.db.manager.findOne(User, { where: { id: previous.createdById } });
      throw conflict(
        `this push was already ${previous.kind === 'UNDO' ? 'undone' : 'retracted'} by ${by?.name ?? 'someone'} at ${previous.createdAt.toISOString()} ` +
          `(${previous.kind === 'UNDO' ? 'undo' : 'retraction'} ${previous.id}); it cannot be ${verb} again`,
        { distributionId: previous.id },
      );
    }
    return { origin, targets };
  }

  private async requireManage(actor: Actor | null, id: string): Promise<Distribution> {
    const distribution = await this.get(actor, id);
    const a = this.policy.requireWritable(actor);
    if (distribution.createdById !== a.user.id) await this.policy.space(actor, distribution.spaceId, 'manage');
    return distribution;
  }

  private async insert(
    actor: Actor,
    kind: DistributionKind,
    spaceId: string,
    source: { workspaceId: string; snapshotId: string | null },
    items: FrozenItem[],
    policies: Policies,
    options: DistributionOptions,
    targets: Workspace[],
    extra: { idempotencyKey: string | null; inputHash: string; originId?: string },
    manager?: EntityManager,
  ): Promise<Distribution> {
    const distribution = this.db.manager.create(Distribution, {
      id: randomUUID(),
      kind,
      spaceId,
      createdById: actor.user.id,
      sourceWorkspaceId: source.workspaceId,
      sourceSnapshotId: source.snapshotId,
      originId: extra.originId ?? null,
      items,
      policies,
      options,
      status: 'QUEUED',
      targetCount: targets.length,
      idempotencyKey: extra.idempotencyKey,
      inputHash: extra.inputHash,
      error: null,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
    });
    const rows = targets.map((w) => ({ id: randomUUID(), distributionId: distribution.id, workspaceId: w.id, status: 'PENDING' as const, attempts: 0 }));
    const write = async (m: EntityManager) => {
      await m.insert(Distribution, distribution);
      for (let i = 0; i < rows.length; i += INSERT_BATCH) await m.insert(DistributionTarget, rows.slice(i, i + INSERT_BATCH));
      await this.audit.append(
        m,
        auditOf(distribution, actor, kind === 'PUSH' ? 'distribution.pushed' : kind === 'UNDO' ? 'distribution.undone' : 'distribution.retracted', {
          items: items.map((i) => i.path),
          targets: targets.length,
          policies,
          originId: extra.originId ?? null,
        }),
      );
    };
    if (manager) await write(manager);
    else await this.db.transaction(write);
    this.wake();
    return distribution;
  }
}

export function normalisePolicies(input: Partial<Policies> | null | undefined): Policies {
  const policies: Policies = { default: input?.default ?? 'OVERWRITE' };
  for (const area of ['files', 'tables', 'applications'] as const) if (input?.[area]) policies[area] = input[area];
  for (const p of Object.values(policies) as Policy[]) if (!POLICIES.includes(p)) throw badInput(`policy must be one of ${POLICIES.join(', ')}`);
  return policies;
}

/** What an idempotency key is held to: the push's input, without the key and without empty fields. */
function hashInput(input: unknown): string {
  const pruned = JSON.parse(JSON.stringify(input, (key, value: unknown) => (key === 'idempotencyKey' || value === null ? undefined : value)) ?? 'null');
  return createHash('sha256').update(canonicalJson(pruned)).digest('hex');
}

function auditOf(d: Distribution, actor: Actor, action: string, after: Record<string, unknown> | null = null) {
  return { spaceId: d.spaceId, actorId: actor.user.id, action, subjectType: 'distribution', subjectId: d.id, after };
}

