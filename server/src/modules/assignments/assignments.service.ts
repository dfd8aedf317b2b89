import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import type { Database } from '../../db/database';
import { canTurnOnAnonymousGrading, isStudent, seesUnreleasedAssignments } from '../../core/policy';
import { badInput, conflict, notFound, staleSave } from '../../core/errors';
import { byTime, keyset, pageRequest, timeKey, toPage, type Page, type PageArgs } from '../../core/pagination';
import type { EventBus } from '../../core/pubsub';
import { formatPath, parseAreaPath } from '../../core/storage/paths';
import type { AuditService } from '../audit/audit.service';
import type { DistributionsService, PushInput } from '../distributions/distributions.service';
import type { Policies } from '../distributions/engine/policy';
import type { Role } from '../spaces/membership.entity';
import { Membership } from '../spaces/membership.entity';
import { Workspace } from '../workspaces/workspace.entity';
import type { Actor } from '../users/users.service';
import { personRef } from '../users/person-ref';
import { Assignment, type GradingScheme, type LatePolicy } from './assignment.entity';
import { validateLatePolicy } from './deadlines';
import { Extension } from './extension.entity';
import { Grade } from './grade.entity';
import { HandIn } from './hand-in.entity';
import { AssignmentGroup } from './assignment-group.entity';
import { groupWorkspaceIds } from './group-subjects';
import { pendingJob, ScheduledJob } from './scheduled-job.entity';
import type { Access } from '../spaces/access';
import type { Anonymity } from './anonymity';

export interface AssignmentInput {
  spaceId: string;
  title: string;
  instructions?: string | null;
  source?: { workspaceId: string; snapshotId?: string | null } | null;
  paths?: string[] | null;
  bundleId?: string | null;
  policies?: Partial<Policies> | null;
  message?: string | null;
  releaseAt?: Date | null;
  deadline: Date;
  timeZone?: string | null;
  handInPaths?: string[] | null;
  extraHandInPaths?: string[] | null;
  sizeLimitBytes?: number | null;
  latePolicy?: Partial<LatePolicy> | null;
  gradingScheme?: GradingScheme | null;
  maxPoints?: number | null;
  handBackVisible?: boolean | null;
  collectAtDeadline?: boolean | null;
  anonymousGrading?: boolean | null;
  /** For groups: one shared workspace, hand-in and grade per group (see GroupsService). */
  groupWork?: boolean | null;
}

export type AssignmentUpdate = Partial<
  Pick<
    AssignmentInput,
    'title' | 'instructions' | 'deadline' | 'timeZone' | 'handInPaths' | 'sizeLimitBytes' | 'latePolicy' | 'gradingScheme' | 'maxPoints' | 'handBackVisible' | 'collectAtDeadline' | 'anonymousGrading' | 'releaseAt' | 'groupWork'
  >
>;

export const DEFAULT_SIZE_LIMIT = 100 * 1024 * 1024;
const DEFAULT_LATE: LatePolicy = { mode: 'ACCEPT', penaltyPercent: 0, unit: 'DAY', floorPercent: 0 };

/** Fields the audit trail records before and after an edit. */
const AUDITED = [
  'title',
  'instructions',
  'deadline',
  'timeZone',
  'handInPaths',
  'sizeLimitBytes',
  'latePolicy',
  'gradingScheme',
  'maxPoints',
  'handBackVisible',
  'collectAtDeadline',
  'anonymousGrading',
  'releaseAt',
  'groupWork',
] as const;

/**
 * Assignments: created from a stage, a bundle or paths, released (now or at
 * a time) as a push to every student, with a deadline processed by the worker.
 * Only admins create and change them; every change is audited.
 */
export class AssignmentsService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly distributions: DistributionsService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly wake: () => void,
    private readonly anonymity: Anonymity,
  ) {}

  pushInput(a: Pick<Assignment, 'spaceId' | 'message' | 'policies'>, source: PushInput['source'], extra: Partial<PushInput>): PushInput {
    return {
      source,
      targets: { spaceId: a.spaceId, roles: ['MEMBER'], includeFutureMembers: true },
      policies: a.policies,
      message: a.message,
      snapshotFirst: true,
      ...extra,
    };
  }

  /** The release as a push: material, every student (and future ones), the chosen policies (default PRESERVE_EDITS). */
  private async releasePlan(actor: Actor | null, input: AssignmentInput) {
    const { actor: a } = await this.policy.space(actor, input.spaceId, 'manage');
    const policies: Policies = { default: 'PRESERVE_EDITS', ...(input.policies ?? {}) } as Policies;
    // `paths: []` is an assignment without a handout: students hand in only paths they create.
    const noHandout = input.paths?.length === 0 && !input.bundleId;
    const plan = await this.distributions.plan(a, {
      ...this.pushInput({ spaceId: input.spaceId, message: input.message ?? '', policies }, input.source ?? null, noHandout ? { frozenItems: [] } : {}),
      paths: input.paths ?? undefined,
      bundleId: input.bundleId ?? undefined,
    });
    if (plan.sourceWorkspace.spaceId !== input.spaceId) throw badInput('the material must come from a workspace of the same space');
    return plan;
  }

  /**
   * What releasing the material would do to each student's workspace as it is
   * now, under the chosen policies: the same preview as a push. A later
   * release meets the workspaces as they are then. Writes nothing.
   */
  async previewRelease(actor: Actor | null, input: AssignmentInput) {
    const plan = await this.releasePlan(actor, input);
    return this.distributions.previewPlan(input.groupWork ? await this.toGroups(plan, null) : plan);
  }

  /**
   * A group assignment's release reaches only its groups' members-only
   * workspaces, the ones made so far (none before the assignment exists),
   * never a student's personal workspace: the same targets the release uses.
   */
  private async toGroups<P extends { actor: Actor; targets: Workspace[] }>(plan: P, assignmentId: string | null): Promise<P> {
    const ids = assignmentId ? await groupWorkspaceIds(this.db.manager, assignmentId) : [];
    return { ...plan, targets: ids.length ? await this.distributions.resolveTargets(plan.actor, { workspaceIds: ids }) : [] };
  }

  /** A created assignment's release as a push: exactly the material frozen at creation. */
  frozenReleasePlan(actor: Actor, assignment: Assignment) {
    return this.distributions.plan(
      actor,
      this.pushInput(assignment, { workspaceId: assignment.sourceWorkspaceId, snapshotId: assignment.sourceSnapshotId }, { frozenItems: assignment.items }),
    );
  }

  /** Admins: what a scheduled release would do if it ran now. Writes nothing. */
  async previewScheduledRelease(actor: Actor | null, id: string) {
    const assignment = await this.get(actor, id);
    const { actor: a } = await this.policy.space(actor, assignment.spaceId, 'manage');
    if (assignment.releasedAt) throw conflict('the assignment is released already: its release shows what happened');
    const plan = await this.frozenReleasePlan(a, assignment);
    return this.distributions.previewPlan(assignment.groupWork ? await this.toGroups(plan, assignment.id) : plan);
  }

  async create(actor: Actor | null, input: AssignmentInput): Promise<Assignment> {
    const plan = await this.releasePlan(actor, input);
    const a = plan.actor;
    const title = input.title.trim();
    if (!title || title.length > 300) throw badInput('title must be 1 to 300 characters long');
    const now = new Date();
    const releaseAt = input.releaseAt ?? now;
    const handInPaths = normaliseHandInPaths([...(input.handInPaths ?? plan.items.map((i) => i.path)), ...(input.extraHandInPaths ?? [])]);
    const assignment = this.db.manager.create(Assignment, {
      id: randomUUID(),
      spaceId: input.spaceId,
      title,
      instructions: input.instructions ?? '',
      sourceWorkspaceId: plan.source.workspaceId,
      sourceSnapshotId: plan.source.snapshotId,
      items: plan.items,
      policies: plan.policies,
      message: (input.message ?? '').slice(0, 2000),
      releaseAt,
      releasedAt: null,
      distributionId: null,
      deadline: input.deadline,
      timeZone: checkTimeZone(input.timeZone ?? 'UTC'),
      handInPaths,
      sizeLimitBytes: input.sizeLimitBytes ?? DEFAULT_SIZE_LIMIT,
      latePolicy: { ...DEFAULT_LATE, ...(input.latePolicy ?? {}) },
      gradingScheme: input.gradingScheme ?? 'POINTS',
      maxPoints: input.maxPoints ?? (input.gradingScheme === 'TEXT' ? null : 100),
      handBackVisible: input.handBackVisible ?? true,
      collectAtDeadline: input.collectAtDeadline ?? false,
      anonymousGrading: input.anonymousGrading ?? false,
      groupWork: input.groupWork ?? false,
      createdById: a.user.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
      updatedById: a.user.id,
    });
    this.validate(assignment);
    // Released now: the push is written with the assignment, so its page can show the release at once.
    const releaseNow = releaseAt.getTime() <= now.getTime();
    await this.db.transaction(async (m) => {
      if (releaseNow) {
        // Without a handout there is nothing to push: releasing only makes the assignment visible.
        // For groups the material goes to each group's workspace as the group is made.
        if (plan.items.length > 0 && !assignment.groupWork) assignment.distributionId = (await this.distributions.pushPlanned(m, plan)).id;
        assignment.releasedAt = now;
      }
      await m.insert(Assignment, assignment);
      if (!releaseNow) await this.schedule(m, assignment, 'RELEASE', releaseAt);
      if (assignment.collectAtDeadline) await this.schedule(m, assignment, 'COLLECT', assignment.deadline);
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: 'assignment.created',
        subjectType: 'assignment',
        subjectId: assignment.id,
        after: snapshotOf(assignment),
      });
    });
    this.announce(assignment);
    this.wake();
    if (releaseNow) this.changedFor(assignment.id, null);
    return assignment;
  }

  /** Edits any field; the deadline in force moves with it (nothing about lateness is stored). */
  /**
   * Edits an assignment. With `expectedVersion` (the version the form was
   * opened at) an assignment changed since is refused, naming who changed it
   * and when; concurrent edits never silently overwrite each other.
   */
  async update(actor: Actor | null, id: string, changes: AssignmentUpdate, expectedVersion?: number | null): Promise<Assignment> {
    const before = await this.get(actor, id);
    await this.policy.space(actor, before.spaceId, 'manage');
    const a = this.policy.requireWritable(actor);
    if (expectedVersion != null && before.version !== expectedVersion) throw await this.staleEdit(id, expectedVersion);
    const after = Object.assign(new Assignment(), before);
    if (changes.title !== undefined && changes.title !== null) after.title = changes.title.trim();
    if (changes.instructions !== undefined && changes.instructions !== null) after.instructions = changes.instructions;
    if (changes.deadline) after.deadline = changes.deadline;
    if (changes.timeZone) after.timeZone = checkTimeZone(changes.timeZone);
    if (changes.handInPaths) after.handInPaths = normaliseHandInPaths(changes.handInPaths);
    if (changes.sizeLimitBytes !== undefined && changes.sizeLimitBytes !== null) after.sizeLimitBytes = changes.sizeLimitBytes;
    if (changes.latePolicy) after.latePolicy = { ...before.latePolicy, ...changes.latePolicy };
    if (changes.gradingScheme) after.gradingScheme = changes.gradingScheme;
    if (changes.maxPoints !== undefined) after.maxPoints = changes.maxPoints;
    if (changes.handBackVisible !== undefined && changes.handBackVisible !== null) after.handBackVisible = changes.handBackVisible;
    if (changes.collectAtDeadline !== undefined && changes.collectAtDeadline !== null) after.collectAtDeadline = changes.collectAtDeadline;
    if (changes.anonymousGrading !== undefined && changes.anonymousGrading !== null) after.anonymousGrading = changes.anonymousGrading;
    if (after.anonymousGrading && !before.anonymousGrading && !canTurnOnAnonymousGrading(await this.feedbackReturned(id))) {
      throw conflict('anonymous grading cannot be turned on: feedback of this assignment has been returned, so staff have seen the names already');
    }
    if (changes.groupWork !== undefined && changes.groupWork !== null && changes.groupWork !== before.groupWork) {
      const refusal = await this.groupWorkFixed(before);
      if (refusal) throw conflict(refusal);
      after.groupWork = changes.groupWork;
    }
    if (changes.releaseAt) {
      if (before.releasedAt) throw conflict('the assignment is released already; its release time cannot change');
      after.releaseAt = changes.releaseAt;
    }
    if (!after.title || after.title.length > 300) throw badInput('title must be 1 to 300 characters long');
    this.validate(after);
    after.updatedAt = new Date();
    after.updatedById = a.user.id;
    after.version = before.version + 1;
    const changed = AUDITED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length === 0) return before;
    await this.db.transaction(async (m) => {
      // Compare-and-swap on the version read above: an edit that landed in between is never overwritten.
      const fields = Object.fromEntries([...changed.map((k) => [k, after[k]]), ['updatedAt', after.updatedAt], ['updatedById', a.user.id], ['version', after.version]]);
      const swapped = await m.update(Assignment, { id, version: before.version }, fields as never);
      if (swapped.affected !== 1) throw await this.staleEdit(id, expectedVersion ?? before.version);
      if (changed.includes('releaseAt')) await this.reschedule(m, after, 'RELEASE', null, after.releaseAt);
      if (changed.includes('deadline') || changed.includes('collectAtDeadline')) {
        await this.reschedule(m, after, 'COLLECT', null, after.collectAtDeadline ? after.deadline : null);
      }
      await this.audit.append(m, {
        spaceId: after.spaceId,
        actorId: a.user.id,
        action: 'assignment.edited',
        subjectType: 'assignment',
        subjectId: id,
        before: pick(before, changed),
        after: pick(after, changed),
      });
    });
    this.changedFor(after.id, null);
    this.announce(after);
    this.wake();
    return after;
  }

  /** Why an assignment can no longer switch between single students and groups, or null while it can. */
  private async groupWorkFixed(a: Assignment): Promise<string | null> {
    if (await this.db.manager.findOne(HandIn, { where: { assignmentId: a.id }, select: { id: true } })) {
      return `'${a.title}' has hand-ins already: it cannot switch ${a.groupWork ? 'back to single students' : 'to groups'}; create a new assignment instead`;
    }
    if (a.distributionId) {
      return `the material of '${a.title}' was pushed already (to ${a.groupWork ? 'the group workspaces' : "each student's workspace"}): it cannot switch ${a.groupWork ? 'back to single students' : 'to groups'}; create a new assignment instead`;
    }
    return null;
  }

  /** The CONFLICT for an edit from `expected`: names who made the latest edit, and when. */
  /** Whether any student of the assignment has had feedback returned. */
  private async feedbackReturned(assignmentId: string): Promise<boolean> {
    return this.db.manager.exists(Grade, { where: { assignmentId, returnedAt: Not(IsNull()) } });
  }

  private async staleEdit(id: string, expected: number) {
    const current = await this.db.manager.findOneOrFail(Assignment, { where: { id } });
    return staleSave(
      `assignment '${current.title}'`,
      { by: await personRef(this.db.manager, current.updatedById), at: current.updatedAt },
      { currentVersion: current.version, expectedVersion: expected },
    );
  }

  /** Staff see every assignment of their space; students only released ones. */
  async get(actor: Actor | null, id: string): Promise<Assignment> {
    return (await this.access(actor, id)).assignment;
  }

  /** The assignment, if the caller may see it, with their role in its space: one membership lookup. */
  async access(actor: Actor | null, id: string): Promise<{ assignment: Assignment; role: Role; actor: Actor }> {
    const assignment = await this.db.manager.findOne(Assignment, { where: { id } });
    if (!assignment) throw notFound(`assignment ${id} does not exist`);
    const { role, actor: a } = await this.policy.space(actor, assignment.spaceId, 'read').catch(() => {
      throw notFound(`assignment ${id} does not exist`);
    });
    if (!seesUnreleasedAssignments(role) && !assignment.releasedAt) throw notFound(`assignment ${id} does not exist`);
    return { assignment, role, actor: a };
  }

  async roleIn(actor: Actor | null, assignment: Assignment): Promise<{ role: Role; actor: Actor }> {
    const { role, actor: a } = await this.policy.space(actor, assignment.spaceId, 'read');
    return { role, actor: a };
  }

  async list(actor: Actor | null, spaceId: string): Promise<Assignment[]> {
    const { role } = await this.policy.space(actor, spaceId, 'read');
    const rows = await this.db.manager.find(Assignment, { where: { spaceId }, order: { deadline: 'ASC' } });
    return seesUnreleasedAssignments(role) ? rows : rows.filter((r) => r.releasedAt);
  }

  /** One page of a space's assignments by deadline (students: released ones), with how many there are. */
  async page(actor: Actor | null, spaceId: string, args: PageArgs): Promise<Page<Assignment>> {
    const { role } = await this.policy.space(actor, spaceId, 'read');
    const request = pageRequest('Assignment', args, 2);
    const query = this.db.manager.createQueryBuilder(Assignment, 'a').where('a.spaceId = :spaceId', { spaceId });
    if (!seesUnreleasedAssignments(role)) query.andWhere('a.releasedAt IS NOT NULL');
    const total = await query.getCount();
    return toPage(await keyset(query, byTime('a', 'deadline', 'ASC'), request).getMany(), request, timeKey('deadline'), total);
  }

  async extensions(assignmentId: string, studentIds?: readonly string[]): Promise<Extension[]> {
    return this.db.manager.find(Extension, {
      where: { assignmentId, ...(studentIds ? { studentId: In([...studentIds]) } : {}) },
      order: { createdAt: 'ASC' },
    });
  }

  async grantExtension(actor: Actor | null, assignmentId: string, studentId: string, deadline: Date, reason: string): Promise<Extension> {
    const assignment = await this.get(actor, assignmentId);
    const { actor: a } = await this.policy.grantExtensions(actor, assignment.spaceId);
    studentId = await this.studentOf(assignment, studentId);
    if (!reason.trim()) throw badInput('give a reason for the extension (it is kept in the audit trail)');
    if (deadline.getTime() <= assignment.deadline.getTime()) throw badInput('an extension must end after the assignment deadline');
    const extension = this.db.manager.create(Extension, {
      id: randomUUID(),
      assignmentId,
      studentId,
      deadline,
      reason: reason.trim().slice(0, 1000),
      grantedById: a.user.id,
      createdAt: new Date(),
      revokedAt: null,
      revokedById: null,
      revokeReason: null,
    });
    await this.db.transaction(async (m) => {
      await m.insert(Extension, extension);
      if (assignment.collectAtDeadline) await this.reschedule(m, assignment, 'COLLECT', studentId, deadline);
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: 'extension.granted',
        subjectType: 'assignment',
        subjectId: assignmentId,
        studentId,
        after: { deadline: deadline.toISOString(), reason: extension.reason },
      });
    });
    this.changedFor(assignmentId, studentId);
    this.announce(assignment);
    return extension;
  }

  /** One extension by id, whoever may see it; NOT_FOUND when there is none. */
  async extension(extensionId: string): Promise<Extension> {
    const extension = await this.db.manager.findOne(Extension, { where: { id: extensionId } });
    if (!extension) throw notFound(`extension ${extensionId} does not exist`);
    return extension;
  }

  async revokeExtension(actor: Actor | null, extensionId: string, reason: string): Promise<Extension> {
    const extension = await this.extension(extensionId);
    const assignment = await this.get(actor, extension.assignmentId);
    const { actor: a } = await this.policy.grantExtensions(actor, assignment.spaceId);
    if (extension.revokedAt) throw conflict('this extension was revoked already');
    if (!reason.trim()) throw badInput('give a reason for revoking the extension');
    Object.assign(extension, { revokedAt: new Date(), revokedById: a.user.id, revokeReason: reason.trim().slice(0, 1000) });
    await this.db.transaction(async (m) => {
      await m.update(Extension, { id: extensionId }, { revokedAt: extension.revokedAt, revokedById: a.user.id, revokeReason: extension.revokeReason });
      const remaining = (await m.find(Extension, { where: { assignmentId: assignment.id, studentId: extension.studentId } })).filter((e) => !e.revokedAt);
      const next = remaining.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0];
      if (assignment.collectAtDeadline) await this.reschedule(m, assignment, 'COLLECT', extension.studentId, next ? next.deadline : null);
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: 'extension.revoked',
        subjectType: 'assignment',
        subjectId: assignment.id,
        studentId: extension.studentId,
        before: { deadline: extension.deadline.toISOString() },
        after: { reason: extension.revokeReason },
      });
    });
    this.changedFor(assignment.id, extension.studentId);
    this.announce(assignment);
    return extension;
  }

  /**
   * A student changed their own workspace: their status may move from
   * NOT_STARTED to IN_PROGRESS in the space's open assignments.
   */
  async noteActivity(workspace: Pick<Workspace, 'kind' | 'ownerId' | 'spaceId'>, authorId: string | null): Promise<void> {
    if (!authorId || workspace.kind !== 'PERSONAL' || workspace.ownerId !== authorId) return;
    const open = await this.db.manager.find(Assignment, {
      where: { spaceId: workspace.spaceId, releasedAt: Not(IsNull()), deadline: MoreThan(new Date(Date.now() - 90 * 86_400_000)) },
      select: { id: true },
    });
    for (const a of open) this.changedFor(a.id, authorId);
  }

  /** Tells live followers that a student's (or, with null, everyone's) status may have changed. Call after commit. */
  changedFor(assignmentId: string, studentId: string | null): void {
    this.events.publish('HAND_IN_STATUS', assignmentId, { assignmentId, studentId, at: Date.now() });
  }

  /** Tells the space's open pages that the assignment was created, edited or released. Call after commit. */
  announce(assignment: Pick<Assignment, 'id' | 'spaceId' | 'releasedAt'>): void {
    this.events.publish('ASSIGNMENT_CHANGED', assignment.spaceId, { spaceId: assignment.spaceId, assignmentId: assignment.id, released: !!assignment.releasedAt });
  }

  /**
   * The user ids of the students that ids sent by staff name (a handle under
   * anonymous grading, see `Anonymity.studentsOf`), each a student of the
   * course: where every staff call naming students starts.
   */
  async studentsOf(assignment: Assignment, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const userIds = await this.anonymity.studentsOf(assignment, ids);
    if (assignment.groupWork) {
      // A group assignment is graded per group: staff name groups.
      const groups = new Set((await this.db.manager.find(AssignmentGroup, { where: { assignmentId: assignment.id, id: In([...new Set(userIds)]) }, select: { id: true } })).map((g) => g.id));
      const unknown = ids.find((_, i) => !groups.has(userIds[i]));
      if (unknown !== undefined) throw notFound(`${unknown} is not a group of this assignment: a group assignment is graded per group`);
      return userIds;
    }
    const members = await this.db.manager.find(Membership, { where: { spaceId: assignment.spaceId, userId: In([...new Set(userIds)]) } });
    const students = new Set(members.filter((m) => isStudent(m.role)).map((m) => m.userId));
    const outside = ids.find((_, i) => !students.has(userIds[i]));
    if (outside !== undefined) throw notFound(`user ${outside} is not a student of this space`);
    return userIds;
  }

  /** The id staff are shown for each of these students (see `Anonymity.shownIds`). */
  shownIds(assignment: Assignment, studentIds: readonly string[]): Promise<Map<string, string>> {
    return this.anonymity.shownIds(assignment, studentIds);
  }

  async studentOf(assignment: Assignment, id: string): Promise<string> {
    const [userId] = await this.studentsOf(assignment, [id]);
    return userId;
  }

  async requireStudent(spaceId: string, studentId: string): Promise<Membership> {
    const membership = await this.db.manager.findOne(Membership, { where: { spaceId, userId: studentId } });
    if (!membership || !isStudent(membership.role)) throw notFound(`user ${studentId} is not a student of this space`);
    return membership;
  }

  private validate(a: Assignment): void {
    const late = validateLatePolicy(a.latePolicy);
    if (late) throw badInput(late);
    if (Number.isNaN(a.deadline.getTime())) throw badInput('deadline is not a valid time');
    if (a.deadline.getTime() <= a.releaseAt.getTime()) throw badInput('the deadline must come after the release');
    if (!(a.sizeLimitBytes > 0)) throw badInput('sizeLimitBytes must be above 0');
    if (a.gradingScheme === 'POINTS' && !(a.maxPoints && a.maxPoints > 0)) throw badInput('maxPoints must be above 0 for POINTS grading');
    if (a.handInPaths.length === 0) {
      throw badInput(
        a.items.length === 0
          ? 'an assignment without a handout needs at least one hand-in path: the paths students create and hand in'
          : 'give at least one hand-in path',
      );
    }
  }

  private async schedule(m: EntityManager, a: Assignment, kind: 'RELEASE' | 'COLLECT', runAt: Date, studentId: string | null = null) {
    await m.insert(ScheduledJob, pendingJob(kind, a.id, runAt, studentId));
  }

  /** Replaces a pending job's time (or cancels it with null); a job that ran is not run again. */
  private async reschedule(m: EntityManager, a: Assignment, kind: 'RELEASE' | 'COLLECT', studentId: string | null, runAt: Date | null) {
    const where = { assignmentId: a.id, kind, status: 'PENDING' as const, studentId: studentId ?? IsNull() };
    const pending = await m.find(ScheduledJob, { where });
    for (const job of pending) await m.update(ScheduledJob, { id: job.id }, { status: 'CANCELLED' });
    if (runAt) await this.schedule(m, a, kind, runAt, studentId);
  }
}

function normaliseHandInPaths(paths: readonly string[]): string[] {
  const out = [...new Set(paths.map((p) => formatPath(parseAreaPath(p).segments)))];
  for (const p of out) if (p.split('/').length < 2) throw badInput(`hand-in path '${p}' is a whole area; name files or folders inside it`);
  return out.sort();
}

function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw badInput(`time zone '${zone}' is not known; use an IANA name such as 'Europe/Zurich'`);
  }
}

function snapshotOf(a: Assignment): Record<string, unknown> {
  return pick(a, AUDITED);
}

function pick(a: Assignment, keys: readonly (typeof AUDITED)[number][]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, a[k] instanceof Date ? (a[k] as Date).toISOString() : a[k]]));
}
