import type { GradePassback } from './grade-passback';
import type { WebhookOutbox } from '../webhooks/webhook-outbox';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isUniqueViolation, type Database } from '../../db/database';
import { handsInForGroup, seesEveryStudent } from '../../core/policy';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { byTime, keyset, pageRequest, timeKey, toPage, type Page, type PageArgs } from '../../core/pagination';
import { parsePath } from '../../core/storage/paths';
import { editTree, EMPTY_TREE_ID, getEntry, listDirectory, walkTree } from '../../core/storage/tree';
import type { TreeEdit } from '../../core/storage/tree';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import type { TreeSession } from '../workspaces/db-tree-store';
import { Workspace } from '../workspaces/workspace.entity';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import type { Assignment } from './assignment.entity';
import type { AssignmentsService } from './assignments.service';
import { accepts, effectiveDeadline, lateBy } from './deadlines';
import { HandIn } from './hand-in.entity';
import type { GroupsService } from './groups.service';
import type { StaffNotices } from './staff-notices';
import type { Notification } from '../notifications/notification.entity';
import type { Access } from '../spaces/access';

export interface HandInRequest {
  identifier?: string | null;
  message?: string | null;
  /** Confirms handing in although some hand-in paths are missing. */
  allowMissing?: boolean | null;
}

/**
 * Hand-ins: sealing the hand-in paths of a student's workspace into a tree of
 * their own. Sealing copies no bytes (content-addressed); the sealed tree is
 * out of reach of later edits. Every hand-in is kept.
 */
/** Opening the same hand-in again within this window is not audited again. */
const OPENED_WINDOW_MS = 10 * 60_000;

export class HandInsService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly workspaces: WorkspacesService,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditService,
    private readonly staff: StaffNotices,
    private readonly webhooks: WebhookOutbox,
    private readonly groups: GroupsService,
    private readonly passback: GradePassback | null = null,
  ) {}

  /** The student's own PERSONAL workspace in the assignment's space. */
  async studentWorkspace(assignment: Assignment, studentId: string, manager: EntityManager = this.db.manager): Promise<Workspace> {
    const ws = await manager.findOne(Workspace, { where: { spaceId: assignment.spaceId, kind: 'PERSONAL', ownerId: studentId } });
    if (!ws) throw notFound('you have no workspace in this course');
    return ws;
  }

  private async groupWorkspace(workspaceId: string): Promise<Workspace> {
    const ws = await this.db.manager.findOne(Workspace, { where: { id: workspaceId } });
    if (!ws) throw notFound("your group's workspace no longer exists; ask your instructor");
    return ws;
  }

  async handIn(actor: Actor | null, assignmentId: string, request: HandInRequest = {}) {
    const assignment = await this.assignments.get(actor, assignmentId);
    const a = this.policy.requireWritable(actor);
    const membership = await this.assignments.requireStudent(assignment.spaceId, a.user.id).catch(() => {
      throw forbidden('only students of the course hand in');
    });
    // A group's hand-in is keyed by the group, sealed from its shared workspace, and lists the members it seals in.
    const group = assignment.groupWork ? await this.groups.groupOf(this.db.manager, assignment.id, a.user.id) : null;
    if (assignment.groupWork && !handsInForGroup(membership.role, !!group)) {
      throw forbidden(`'${assignment.title}' is handed in by groups and you are in none yet; ask your instructor to put you in one`);
    }
    const memberIds = group ? await this.groups.memberIds(this.db.manager, group.id) : null;
    const handerId = group?.id ?? a.user.id;
    const extensions = await this.assignments.extensions(assignment.id, [a.user.id]);
    const deadline = effectiveDeadline(assignment, extensions);
    const now = new Date();
    if (!accepts(assignment.latePolicy, now, deadline)) {
      throw conflict(`the deadline (${deadline.toISOString()}) has passed and this assignment accepts no late hand-ins`, {
        deadline: deadline.toISOString(),
      });
    }
    const identifier = request.identifier?.trim() || null;
    if (identifier && identifier.length > 200) throw badInput('identifier must be at most 200 characters');
    const workspace = group ? await this.groupWorkspace(group.workspaceId) : await this.studentWorkspace(assignment, a.user.id);
    const session = this.workspaces.store.trees.session();
    const sealed = await this.seal(session, assignment, workspace.rootTreeId);
    if (sealed.missing.length && !request.allowMissing) {
      throw badInput(`these hand-in paths are missing: ${sealed.missing.join(', ')}; create them, or confirm handing in without them`, {
        missing: sealed.missing,
      });
    }
    if (sealed.size > assignment.sizeLimitBytes) {
      throw badInput(`the hand-in is ${sealed.size} bytes; the limit is ${assignment.sizeLimitBytes} bytes`, { size: sealed.size, limit: assignment.sizeLimitBytes });
    }
    const meta = { at: now, identifier, message: request.message ?? '', collected: false, actorId: a.user.id, groupMemberIds: memberIds };
    const late = lateBy(now, deadline) > 0;
    let handIn: HandIn;
    let notes: Notification[] = [];
    for (let attempt = 1; ; attempt++) {
      try {
        handIn = await this.db.transaction(async (m) => {
          const recorded = await this.record(m, session, assignment, handerId, workspace, sealed, meta);
          notes = await this.staff.afterHandIn(m, assignment, recorded, late, group ? `${group.name} (${a.user.name})` : a.user.name);
          if (group && memberIds) notes = [...notes, ...(await this.groups.notifyHandIn(m, assignment, group, memberIds, a.user, recorded.rootTreeId))];
          return recorded;
        });
        break;
      } catch (error) {
        // Two hand-ins of one student at the same instant race for the next number (take the one after),
        // and two first hand-ins of a window for its digest job (the retry finds it).
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
    session.committed();
    this.passback?.wake();
    this.assignments.changedFor(assignment.id, handerId);
    this.staff.announce(notes);
    return { handIn, deadline, late };
  }

  /** Builds the sealed tree: each hand-in path present in `root`, at the same path. */
  async seal(session: TreeSession, assignment: Assignment, root: string) {
    const edits: TreeEdit[] = [];
    const missing: string[] = [];
    for (const path of assignment.handInPaths) {
      const segments = parsePath(path);
      const entry = await getEntry(session, root, segments);
      if (entry) edits.push({ path: segments, entry });
      else missing.push(path);
    }
    const sealedRoot = await editTree(session, EMPTY_TREE_ID, edits);
    const size = edits.reduce((sum, e) => sum + (e.entry?.size ?? 0), 0);
    return { root: sealedRoot, missing, size };
  }

  /** Inserts a hand-in (the next in sequence) with its audit event, in the caller's transaction. */
  async record(
    m: EntityManager,
    session: TreeSession,
    assignment: Assignment,
    studentId: string,
    workspace: Workspace,
    sealed: { root: string; missing: string[]; size: number },
    meta: { at: Date; identifier: string | null; message: string; collected: boolean; actorId: string | null; groupMemberIds?: string[] | null },
  ): Promise<HandIn> {
    await session.flush(m);
    const last = await m.findOne(HandIn, { where: { assignmentId: assignment.id, studentId }, order: { seq: 'DESC' } });
    const handIn = m.create(HandIn, {
      id: randomUUID(),
      assignmentId: assignment.id,
      studentId,
      workspaceId: workspace.id,
      seq: (last?.seq ?? 0) + 1,
      rootTreeId: sealed.root,
      sizeBytes: sealed.size,
      handedInAt: meta.at,
      identifier: meta.identifier,
      message: meta.message.slice(0, 5000),
      missingPaths: sealed.missing,
      collected: meta.collected,
      groupMemberIds: meta.groupMemberIds ?? null,
    });
    await m.insert(HandIn, handIn);
    await this.audit.append(m, {
      spaceId: assignment.spaceId,
      actorId: meta.actorId,
      action: meta.collected ? 'hand-in.collected' : 'hand-in.submitted',
      subjectType: 'assignment',
      subjectId: assignment.id,
      studentId,
      after: { handInId: handIn.id, seq: handIn.seq, contentHash: handIn.rootTreeId, size: handIn.sizeBytes, missing: handIn.missingPaths, at: meta.at.toISOString() },
    });
    await this.webhooks.emit(m, assignment.spaceId, 'hand_in.submitted', {
      assignmentId: assignment.id,
      handInId: handIn.id,
      studentId,
      seq: handIn.seq,
      handedInAt: meta.at.toISOString(),
      contentHash: handIn.rootTreeId,
      sizeBytes: handIn.sizeBytes,
      missingPaths: handIn.missingPaths,
      collected: meta.collected,
    });
    await this.passback?.handedIn(m, assignment, studentId, meta.at);
    return handIn;
  }

  /** A hand-in the caller may see: the student's own, or any for the course's staff (opening is audited). */
  async get(actor: Actor | null, handInId: string, audit: 'opened' | 'downloaded' | null = null): Promise<{ handIn: HandIn; assignment: Assignment; staff: boolean }> {
    const handIn = await this.db.manager.findOne(HandIn, { where: { id: handInId } });
    if (!handIn) throw notFound(`hand-in ${handInId} does not exist`);
    const assignment = await this.assignments.get(actor, handIn.assignmentId).catch(() => {
      throw notFound(`hand-in ${handInId} does not exist`);
    });
    const { role, actor: a } = await this.assignments.roleIn(actor, assignment);
    const staff = seesEveryStudent(role);
    if (!staff && handIn.studentId !== a.user.id && !handIn.groupMemberIds?.includes(a.user.id)) throw notFound(`hand-in ${handInId} does not exist`);
    if (staff && audit) {
      const event = { spaceId: assignment.spaceId, actorId: a.user.id, action: `hand-in.${audit}`, subjectType: 'hand-in', subjectId: handIn.id, studentId: handIn.studentId };
      // Opening reads the hand-in in several requests (the page, its files, its changes): one event per grader and window.
      await this.db.transaction((m) => (audit === 'opened' ? this.audit.appendOnce(m, event, OPENED_WINDOW_MS) : this.audit.append(m, event)));
    }
    return { handIn, assignment, staff };
  }

  /** Staff see a hidden student's hand-ins under the student's handle (see `Anonymity`). */
  async list(actor: Actor | null, assignmentId: string, studentId?: string | null): Promise<HandIn[]> {
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    const staff = seesEveryStudent(role);
    if (!staff && studentId && studentId !== a.user.id) throw notFound(`no hand-ins of user ${studentId} for you to see`);
    const own = assignment.groupWork && !staff ? ((await this.groups.groupOf(this.db.manager, assignment.id, a.user.id))?.id ?? a.user.id) : a.user.id;
    const who = !staff ? own : studentId ? await this.assignments.studentOf(assignment, studentId) : undefined;
    const found = await this.db.manager.find(HandIn, { where: { assignmentId, ...(who ? { studentId: who } : {}) }, order: { studentId: 'ASC', seq: 'ASC' } });
    return staff ? this.asShown(assignment, found) : found;
  }

  /**
   * One page of hand-ins, oldest first (see {@link list}). The cursor holds the
   * time and the hand-in's id, never a student's id.
   */
  async page(actor: Actor | null, assignmentId: string, studentId: string | null, args: PageArgs): Promise<Page<HandIn>> {
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    const staff = seesEveryStudent(role);
    if (!staff && studentId && studentId !== a.user.id) throw notFound(`no hand-ins of user ${studentId} for you to see`);
    const who = !staff ? a.user.id : studentId ? await this.assignments.studentOf(assignment, studentId) : undefined;
    const request = pageRequest('HandIn', args, 2);
    const query = this.db.manager.createQueryBuilder(HandIn, 'h').where('h.assignmentId = :assignmentId', { assignmentId });
    if (who) query.andWhere('h.studentId = :who', { who });
    const total = await query.getCount();
    const page = toPage(await keyset(query, byTime('h', 'handedInAt', 'ASC'), request).getMany(), request, timeKey('handedInAt'), total);
    return staff ? { ...page, nodes: await this.asShown(assignment, page.nodes) } : page;
  }

  /** One hand-in as the caller is shown it (see {@link list}); opening it is audited. */
  async shown(actor: Actor | null, handInId: string): Promise<HandIn> {
    const { handIn, assignment, staff } = await this.get(actor, handInId, 'opened');
    return staff ? (await this.asShown(assignment, [handIn]))[0] : handIn;
  }

  private async asShown(assignment: Assignment, handIns: HandIn[]): Promise<HandIn[]> {
    const shown = await this.assignments.shownIds(assignment, handIns.map((h) => h.studentId));
    return handIns.map((h) => (shown.get(h.studentId) === h.studentId ? h : Object.assign(new HandIn(), h, { studentId: shown.get(h.studentId)! })));
  }

  async listFolder(actor: Actor | null, handInId: string, path: string) {
    const { handIn } = await this.get(actor, handInId, 'opened');
    const segments = parsePath(path);
    return (await listDirectory(this.workspaces.store.trees.reader, handIn.rootTreeId, segments)).map((e) => ({ ...e, path: [...segments, e.name].join('/') }));
  }

  async openFile(actor: Actor | null, handInId: string, path: string) {
    const { handIn } = await this.get(actor, handInId, 'downloaded');
    const entry = await getEntry(this.workspaces.store.trees.reader, handIn.rootTreeId, parsePath(path));
    if (!entry || entry.kind !== 'FILE') throw notFound(`no file '${path}' in this hand-in`);
    return { entry, handIn };
  }

  /** Every leaf of a sealed tree, for diffs and zips. */
  async *leaves(rootTreeId: string) {
    for await (const item of walkTree(this.workspaces.store.trees.reader, rootTreeId)) if (item.entry.kind !== 'DIRECTORY') yield item;
  }
}
