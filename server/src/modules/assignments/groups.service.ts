import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import type { Database } from '../../db/database';
import { canManageGroups, seesGroup } from '../../core/policy';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { checkLabel } from '../../core/labels';
import type { AuditService } from '../audit/audit.service';
import type { DistributionsService } from '../distributions/distributions.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Notification } from '../notifications/notification.entity';
import type { Access } from '../spaces/access';
import { Membership } from '../spaces/membership.entity';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { Assignment } from './assignment.entity';
import { AssignmentGroup, AssignmentGroupMember } from './assignment-group.entity';
import type { AssignmentsService } from './assignments.service';
import { HandIn } from './hand-in.entity';

/** A group as the API shows it: its members and whether it has handed in. */
export interface GroupView {
  group: AssignmentGroup;
  memberIds: string[];
  handedIn: boolean;
}

export interface MemberMove {
  groups: GroupView[];
  /** Set when the move touches a group that has handed in: what happens to the student's grade. */
  notice: string | null;
}

/**
 * The groups of a group assignment. Each group has one members-only SHARED
 * workspace, created with the group and listing exactly its members; the
 * material goes there (when the group is made after the release, or at the
 * release). A student is in at most one group of an assignment. Membership
 * may change after hand-ins: a student keeps the grade of the group whose
 * hand-in sealed them in, and the change says so.
 */
export class GroupsService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly workspaces: WorkspacesService,
    private readonly assignments: AssignmentsService,
    private readonly distributions: DistributionsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Staff: every group; a student: the group they are in (or none). */
  async list(actor: Actor | null, assignmentId: string): Promise<GroupView[]> {
    return this.visible(actor, assignmentId);
  }

  /** One group, to whoever `list` shows it: staff, and its members. */
  async get(actor: Actor | null, groupId: string): Promise<GroupView | null> {
    const group = await this.db.manager.findOne(AssignmentGroup, { where: { id: groupId } });
    return group && ((await this.visible(actor, group.assignmentId, [group.id]))[0] ?? null);
  }

  /** The groups of an assignment (these only, when given) the caller may see. */
  private async visible(actor: Actor | null, assignmentId: string, groupIds?: readonly string[]): Promise<GroupView[]> {
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    const views = await this.views(this.db.manager, assignment.id, groupIds);
    return views.filter((v) => seesGroup(role, v.memberIds.includes(a.user.id)));
  }

  /** The caller's group of a group assignment; null when they are in none. */
  async mine(actor: Actor | null, assignmentId: string): Promise<GroupView | null> {
    const { assignment, actor: a } = await this.assignments.access(actor, assignmentId);
    const group = await this.groupOf(this.db.manager, assignment.id, a.user.id);
    return group ? ((await this.views(this.db.manager, assignment.id, [group.id]))[0] ?? null) : null;
  }

  /**
   * Admins: one group per value of the roster's section/group column, with
   * the students who have it. Students already in a group stay where they
   * are; a group of that name that exists already receives the others.
   */
  async fromRoster(actor: Actor | null, assignmentId: string): Promise<GroupView[]> {
    const { assignment, actor: a } = await this.manageable(actor, assignmentId);
    const students = await this.db.manager.find(Membership, { where: { spaceId: assignment.spaceId, role: 'MEMBER', deactivatedAt: IsNull() } });
    const placed = new Set((await this.db.manager.find(AssignmentGroupMember, { where: { assignmentId }, select: { userId: true } })).map((r) => r.userId));
    const bySection = new Map<string, string[]>();
    for (const s of students) {
      const section = s.section?.trim();
      if (!section || placed.has(s.userId)) continue;
      bySection.set(section, [...(bySection.get(section) ?? []), s.userId]);
    }
    if (bySection.size === 0) {
      throw badInput(
        students.some((s) => s.section?.trim())
          ? 'every student with a section or group in the roster is in a group already'
          : "no student has a section or group in the roster: import a roster with a 'group' (or 'section') column, or make groups by hand",
      );
    }
    const touched = await this.writeGroups(a, assignment, [...bySection].map(([name, memberIds]) => ({ name: checkLabel(name, 'group name'), memberIds })), 'group.from-roster');
    return this.views(this.db.manager, assignment.id, touched);
  }

  /** Admins: a group by hand, with its first members (none is fine). */
  async create(actor: Actor | null, assignmentId: string, name: string, memberIds: readonly string[]): Promise<GroupView> {
    const { assignment, actor: a } = await this.manageable(actor, assignmentId);
    const label = checkLabel(name, 'group name');
    await this.requireStudents(assignment, memberIds);
    const taken = await this.db.manager.find(AssignmentGroupMember, { where: { assignmentId, userId: In([...new Set(memberIds)]) } });
    if (taken.length) {
      const names = await this.names(taken.map((t) => t.userId));
      const groups = new Map((await this.db.manager.find(AssignmentGroup, { where: { id: In(taken.map((t) => t.groupId)) } })).map((g) => [g.id, g.name]));
      throw badInput(
        `${taken.map((t) => `${names.get(t.userId)} is in group '${groups.get(t.groupId)}'`).join('; ')} already: a student is in one group only; move them instead`,
        { userIds: taken.map((t) => t.userId) },
      );
    }
    if (await this.db.manager.findOne(AssignmentGroup, { where: { assignmentId, name: label } })) throw conflict(`a group named '${label}' exists already`);
    const [id] = await this.writeGroups(a, assignment, [{ name: label, memberIds: [...new Set(memberIds)] }], 'group.created');
    return (await this.views(this.db.manager, assignment.id, [id]))[0];
  }

  async rename(actor: Actor | null, groupId: string, name: string): Promise<GroupView> {
    const group = await this.findGroup(groupId);
    const { assignment, actor: a } = await this.manageable(actor, group.assignmentId);
    const label = checkLabel(name, 'group name');
    if (label === group.name) return (await this.views(this.db.manager, assignment.id, [group.id]))[0];
    if (await this.db.manager.findOne(AssignmentGroup, { where: { assignmentId: assignment.id, name: label } })) throw conflict(`a group named '${label}' exists already`);
    await this.db.transaction(async (m) => {
      await m.update(AssignmentGroup, { id: group.id }, { name: label });
      await this.audited(m, assignment, a, 'group.renamed', { groupId: group.id, name: group.name }, { groupId: group.id, name: label });
    });
    return (await this.views(this.db.manager, assignment.id, [group.id]))[0];
  }

  /**
   * Admins: removes a group that has not handed in. Its workspace stays
   * (nothing of the students' work is destroyed) but is open to staff only.
   */
  async remove(actor: Actor | null, groupId: string): Promise<boolean> {
    const group = await this.findGroup(groupId);
    const { assignment, actor: a } = await this.manageable(actor, group.assignmentId);
    if (await this.db.manager.findOne(HandIn, { where: { assignmentId: assignment.id, studentId: group.id }, select: { id: true } })) {
      throw conflict(`group '${group.name}' has handed in: its hand-ins and grade belong to it, so it cannot be deleted; move its members instead`);
    }
    await this.db.transaction(async (m) => {
      const members = await m.find(AssignmentGroupMember, { where: { groupId: group.id } });
      await m.delete(AssignmentGroupMember, { groupId: group.id });
      await m.delete(AssignmentGroup, { id: group.id });
      await this.workspaces.setListed(m, group.workspaceId, []);
      await this.audited(m, assignment, a, 'group.deleted', { groupId: group.id, name: group.name, memberIds: members.map((r) => r.userId) }, null);
    });
    return true;
  }

  /**
   * Admins: puts a student in a group (adding or moving them), or takes them
   * out of every group with `groupId` null.
   */
  async setMember(actor: Actor | null, assignmentId: string, userId: string, groupId: string | null): Promise<MemberMove> {
    const { assignment, actor: a } = await this.manageable(actor, assignmentId);
    await this.requireStudents(assignment, [userId]);
    const target = groupId ? await this.findGroup(groupId) : null;
    if (target && target.assignmentId !== assignment.id) throw badInput(`group ${groupId} is not a group of this assignment`);
    const current = await this.groupOf(this.db.manager, assignment.id, userId);
    if ((current?.id ?? null) === (target?.id ?? null)) return { groups: await this.views(this.db.manager, assignment.id, current ? [current.id] : []), notice: null };
    const sealedWith = await this.sealedWith(assignment.id, userId);
    await this.db.transaction(async (m) => {
      await m.delete(AssignmentGroupMember, { assignmentId: assignment.id, userId });
      if (target) await m.insert(AssignmentGroupMember, { id: randomUUID(), assignmentId: assignment.id, groupId: target.id, userId });
      for (const g of [current, target]) if (g) await this.workspaces.setListed(m, g.workspaceId, await this.memberIds(m, g.id));
      await this.audited(m, assignment, a, 'group.member-moved', { userId, groupId: current?.id ?? null }, { userId, groupId: target?.id ?? null });
    });
    const name = (await this.names([userId])).get(userId);
    const notice = sealedWith
      ? `${name} handed in with group '${sealedWith.name}' and keeps that group's grade; the new group's hand-ins do not include them unless the new group hands in again`
      : null;
    return { groups: await this.views(this.db.manager, assignment.id, [current?.id, target?.id].filter((id): id is string => !!id)), notice };
  }

  /** The group a student is in for this assignment. */
  async groupOf(manager: EntityManager, assignmentId: string, userId: string): Promise<AssignmentGroup | null> {
    const row = await manager.findOne(AssignmentGroupMember, { where: { assignmentId, userId } });
    return row ? manager.findOne(AssignmentGroup, { where: { id: row.groupId } }) : null;
  }

  async memberIds(manager: EntityManager, groupId: string): Promise<string[]> {
    return (await manager.find(AssignmentGroupMember, { where: { groupId }, order: { userId: 'ASC' } })).map((r) => r.userId);
  }

  /** The group whose latest hand-in sealed this student in, if any. */
  async sealedWith(assignmentId: string, userId: string): Promise<AssignmentGroup | null> {
    const handIns = await this.db.manager.find(HandIn, { where: { assignmentId }, order: { handedInAt: 'DESC', seq: 'DESC' }, select: { studentId: true, groupMemberIds: true } });
    const found = handIns.find((h) => h.groupMemberIds?.includes(userId));
    return found ? this.db.manager.findOne(AssignmentGroup, { where: { id: found.studentId } }) : null;
  }

  /** Tells every member of a group that it handed in, in the hand-in's transaction. */
  notifyHandIn(m: EntityManager, assignment: Assignment, group: AssignmentGroup, memberIds: readonly string[], by: Actor['user'], receipt: string): Promise<Notification[]> {
    const title = `'${group.name}' handed in '${assignment.title}'`.slice(0, 300);
    const body = `${by.name} handed in for your group. Receipt: ${receipt}.`;
    return this.notifications.add(
      m,
      memberIds.map((userId) => ({ userId, spaceId: assignment.spaceId, kind: 'GROUP_HAND_IN', title, body, distributionId: null, actorId: by.id })),
    );
  }

  announce(notes: readonly Notification[]): void {
    this.notifications.announce(notes);
  }

  /**
   * Pushes the assignment's frozen material to these group workspaces, as
   * the release does for single students. Nothing before the release or
   * without a handout.
   */
  async deliver(actor: Actor, assignment: Assignment, workspaceIds: readonly string[]): Promise<string | null> {
    if (!assignment.releasedAt || assignment.items.length === 0 || workspaceIds.length === 0) return null;
    const plan = await this.distributions.plan(
      actor,
      this.assignments.pushInput(
        assignment,
        { workspaceId: assignment.sourceWorkspaceId, snapshotId: assignment.sourceSnapshotId },
        { frozenItems: assignment.items, targets: { workspaceIds: [...workspaceIds] } },
      ),
    );
    // The first push of material is the assignment's release (it also fixes the choice of groups).
    const distribution = await this.db.transaction(async (m) => {
      const pushed = await this.distributions.pushPlanned(m, plan);
      await m.update(Assignment, { id: assignment.id, distributionId: IsNull() }, { distributionId: pushed.id });
      return pushed;
    });
    return distribution.id;
  }

  private async manageable(actor: Actor | null, assignmentId: string) {
    const { assignment } = await this.assignments.access(actor, assignmentId);
    const { role, actor: a } = await this.policy.space(actor, assignment.spaceId, 'read');
    this.policy.requireWritable(actor);
    if (!canManageGroups(role)) throw forbidden(`only an admin of the course forms groups; your role is ${role}`);
    if (!assignment.groupWork) throw conflict(`'${assignment.title}' is not for groups: choose groups when creating an assignment`);
    return { assignment, actor: a };
  }

  private async findGroup(groupId: string): Promise<AssignmentGroup> {
    const group = await this.db.manager.findOne(AssignmentGroup, { where: { id: groupId } });
    if (!group) throw notFound(`group ${groupId} does not exist`);
    return group;
  }

  /** Every id must be an active student of the course; the first unknown one is named. */
  private async requireStudents(assignment: Assignment, userIds: readonly string[]): Promise<void> {
    const unique = [...new Set(userIds)];
    if (!unique.length) return;
    const found = new Set(
      (await this.db.manager.find(Membership, { where: { spaceId: assignment.spaceId, role: 'MEMBER', deactivatedAt: IsNull(), userId: In(unique) }, select: { userId: true } })).map(
        (r) => r.userId,
      ),
    );
    const unknown = unique.filter((id) => !found.has(id));
    if (unknown.length) throw badInput(`not a student of this course: ${unknown.join(', ')}`, { userIds: unknown });
  }

  private async names(userIds: readonly string[]): Promise<Map<string, string>> {
    const users = userIds.length ? await this.db.manager.find(User, { where: { id: In([...new Set(userIds)]) }, select: { id: true, name: true } }) : [];
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /**
   * Creates the named groups that do not exist (each with its members-only
   * workspace) and adds the members, in one transaction; then delivers the
   * material to the new workspaces. Returns the ids of the groups touched.
   */
  private async writeGroups(a: Actor, assignment: Assignment, wanted: { name: string; memberIds: string[] }[], action: string): Promise<string[]> {
    const created: AssignmentGroup[] = [];
    const touched = await this.workspaces.withNewWorkspaces(async (m, createWorkspace) => {
      const existing = new Map((await m.find(AssignmentGroup, { where: { assignmentId: assignment.id } })).map((g) => [g.name, g]));
      const ids: string[] = [];
      for (const { name, memberIds } of wanted) {
        let group = existing.get(name);
        if (!group) {
          const workspace = await createWorkspace({ spaceId: assignment.spaceId, kind: 'SHARED', name: `${assignment.title}: ${name}`, ownerId: null, membersOnly: true });
          group = Object.assign(new AssignmentGroup(), { id: randomUUID(), assignmentId: assignment.id, name, workspaceId: workspace.id, createdAt: new Date() });
          await m.insert(AssignmentGroup, group);
          created.push(group);
        }
        if (memberIds.length) await m.insert(AssignmentGroupMember, memberIds.map((userId) => ({ id: randomUUID(), assignmentId: assignment.id, groupId: group.id, userId })));
        await this.workspaces.setListed(m, group.workspaceId, await this.memberIds(m, group.id));
        await this.audited(m, assignment, a, action, null, { groupId: group.id, name, memberIds });
        ids.push(group.id);
      }
      return ids;
    }, a.user.id);
    await this.deliver(a, assignment, created.map((g) => g.workspaceId));
    return touched;
  }

  private async views(manager: EntityManager, assignmentId: string, groupIds?: readonly string[]): Promise<GroupView[]> {
    if (groupIds && !groupIds.length) return [];
    const groups = await manager.find(AssignmentGroup, { where: { assignmentId, ...(groupIds ? { id: In([...groupIds]) } : {}) }, order: { name: 'ASC' } });
    if (!groups.length) return [];
    const ids = groups.map((g) => g.id);
    const members = await manager.find(AssignmentGroupMember, { where: { groupId: In(ids) } });
    const handedIn = new Set((await manager.find(HandIn, { where: { assignmentId, studentId: In(ids) }, select: { studentId: true } })).map((h) => h.studentId));
    return groups.map((group) => ({ group, memberIds: members.filter((r) => r.groupId === group.id).map((r) => r.userId).sort(), handedIn: handedIn.has(group.id) }));
  }

  private audited(m: EntityManager, assignment: Assignment, a: Actor, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
    return this.audit.append(m, { spaceId: assignment.spaceId, actorId: a.user.id, action, subjectType: 'assignment', subjectId: assignment.id, before, after });
  }
}
