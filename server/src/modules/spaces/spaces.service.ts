import { randomUUID } from 'node:crypto';
import { checkLabel } from '../../core/labels';
import { EntityManager, In } from 'typeorm';
import type { Database } from '../../db/database';
import { canGrantRole, hasPersonalWorkspace, keepsSpaceRunning, mayCreateSpaces, ROLES, seesWholeRoster, STAFF_ROLES, type SpaceAction } from '../../core/policy';
import { badInput, conflict, forbidden, formatUtc, notFound } from '../../core/errors';
import { createdKey, keyset, newestFirst, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import { newSecret, sha256Hex } from '../../core/util/secrets';
import type { MailService, OutgoingMessage } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { type Actor, type UsersService } from '../users/users.service';
import { normaliseEmail, sameEmail } from '../users/email';
import type { NewWorkspace, WorkspacesService } from '../workspaces/workspaces.service';
import { Invitation } from './invitation.entity';
import { closedInvitation, invitationStatus, type InvitationStatus } from './invitation-state';
import { Membership, type Role } from './membership.entity';
import { Space, type SpaceKind } from './space.entity';
import { checkMemberDetails, memberIds, type MemberDetails } from './member-details';
import type { Access } from './access';
import { whereContains } from '../../db/text-search';
import { MEMBER_SEARCH_COLUMNS } from './member-search';
import { workspacePage, type WorkspacePageArgs } from './space-workspaces';
import type { Workspace } from '../workspaces/workspace.entity';

export interface MemberRow {
  membership: Membership;
  user: User;
}

/** Where member changes are recorded, inside their transaction (the audit trail). */
export interface MemberAudit {
  append(
    manager: EntityManager,
    event: { spaceId: string; actorId: string | null; action: string; subjectType: string; subjectId: string | null; studentId?: string | null; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
  ): Promise<unknown>;
}

/** The most members one bulk change may name. */
export const MAX_BULK_MEMBERS = 1000;

/** What the invitation page shows to whoever holds the link, and no more. */
export interface InvitationPreview {
  spaceName: string;
  spaceKind: SpaceKind;
  role: Role;
  invitedBy: string;
  email: string | null;
  expiresAt: Date;
  status: InvitationStatus;
  /** When it was used or withdrawn. */
  closedAt: Date | null;
}


/** Spaces, memberships and invitations. */
/** Invitations one list holds; the count says how many more there are. */
export const INVITATIONS_LISTED = 100;

export class SpacesService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly users: UsersService,
    private readonly workspaces: WorkspacesService,
    private readonly mail: MailService,
    private readonly webUrl: string,
    private readonly audit: MemberAudit,
  ) {}

  /** Runs in the transaction that adds members (set by the composition root: webhooks). */
  onJoined: (manager: EntityManager, memberships: readonly Membership[]) => Promise<unknown> = async () => undefined;

  async create(actor: Actor | null, input: { name: string; kind: SpaceKind; description?: string | null }): Promise<Space> {
    const a = this.policy.requireWritable(actor);
    if (!mayCreateSpaces(a.user, this.users.openSignUp)) {
      throw forbidden('only an instance admin can create spaces on this Stagecoach; ask whoever runs it (they can make you one with `npm run admin:create`)');
    }
    return this.workspaces.withNewWorkspaces((manager, createWorkspace) => this.insertSpace(manager, createWorkspace, a.user.id, input), a.user.id);
  }

  /**
   * A new space with `ownerId` as its admin and its MASTER and DISTRIBUTED
   * workspaces, inside the caller's transaction. Whoever calls it has decided
   * that the owner may create it.
   */
  async insertSpace(
    manager: EntityManager,
    createWorkspace: (spec: NewWorkspace) => Promise<unknown>,
    ownerId: string,
    input: { name: string; kind: SpaceKind; description?: string | null },
  ): Promise<Space> {
    const name = checkLabel(input.name, 'space name');
    const space = manager.create(Space, {
      id: randomUUID(),
      name,
      kind: input.kind,
      description: input.description ?? '',
      createdById: ownerId,
      createdAt: new Date(),
      quotaBytes: null,
      tasGrantExtensions: false,
    });
    await manager.insert(Space, space);
    await manager.insert(Membership, membershipRow(space.id, ownerId, 'ADMIN'));
    await createWorkspace({ spaceId: space.id, kind: 'MASTER', name: `${name} (master)`, ownerId: null });
    await createWorkspace({ spaceId: space.id, kind: 'DISTRIBUTED', name: `${name} (distributed)`, ownerId: null });
    return space;
  }

  async get(actor: Actor | null, spaceId: string) {
    return this.policy.space(actor, spaceId, 'read');
  }

  async update(actor: Actor | null, spaceId: string, input: { name?: string | null; description?: string | null; tasGrantExtensions?: boolean | null }) {
    const { space } = await this.policy.space(actor, spaceId, 'manage');
    if (input.name !== undefined && input.name !== null) {
      space.name = checkLabel(input.name, 'space name');
    }
    if (input.description !== undefined && input.description !== null) space.description = input.description;
    if (input.tasGrantExtensions !== undefined && input.tasGrantExtensions !== null) space.tasGrantExtensions = input.tasGrantExtensions;
    await this.db.manager.update(Space, { id: space.id }, { name: space.name, description: space.description, tasGrantExtensions: space.tasGrantExtensions });
    return space;
  }

  /** The caller's spaces, newest membership first. */
  async mine(actor: Actor | null, args: PageArgs): Promise<Page<{ space: Space; role: Role }>> {
    const a = this.policy.requireActor(actor);
    const request = pageRequest('Space', args, 2);
    const query = this.db.manager
      .createQueryBuilder(Membership, 'm')
      .innerJoinAndMapOne('m.space', Space, 's', 's.id = m.spaceId')
      .where('m.userId = :userId', { userId: a.user.id });
    const total = await query.getCount();
    const columns = [{ expr: 's.name', dir: 'ASC' as const }, { expr: 's.id', dir: 'ASC' as const }];
    const rows = (await keyset(query, columns, request).getMany()) as (Membership & { space: Space })[];
    return toPage(
      rows.map((m) => ({ space: m.space, role: m.role })),
      request,
      (r) => [r.space.name, r.space.id],
      total,
    );
  }

  /** Staff see the whole roster; others see the staff and themselves. */
  async members(
    actor: Actor | null,
    spaceId: string,
    args: PageArgs & { role?: Role | null; search?: string | null },
  ): Promise<Page<MemberRow>> {
    const { role, actor: a } = await this.policy.space(actor, spaceId, 'read');
    const request = pageRequest('Member', args, 2);
    const query = this.db.manager
      .createQueryBuilder(Membership, 'm')
      .innerJoinAndMapOne('m.user', User, 'u', 'u.id = m.userId')
      .where('m.spaceId = :spaceId', { spaceId });
    if (args.role) query.andWhere('m.role = :role', { role: args.role });
    whereContains(query, MEMBER_SEARCH_COLUMNS, args.search);
    if (!seesWholeRoster(role)) query.andWhere('(m.role IN (:...staff) OR m.userId = :me)', { staff: STAFF_ROLES, me: a.user.id });
    // The total is of every match, not of those after the cursor, so a pager can say "51–100 of 1,000".
    const count = await query.getCount();
    const columns = [{ expr: 'u.name', dir: 'ASC' as const }, { expr: 'u.id', dir: 'ASC' as const }];
    const rows = (await keyset(query, columns, request).getMany()) as (Membership & { user: User })[];
    return toPage(
      rows.map((m) => ({ membership: m, user: m.user })),
      request,
      (r) => [r.user.name, r.user.id],
      count,
    );
  }

  /** One page of the space's workspaces the caller may read, with the total that match (see `workspacePage`). */
  async workspaceList(actor: Actor | null, spaceId: string, args: WorkspacePageArgs): Promise<Page<Workspace>> {
    const { role, actor: a } = await this.policy.space(actor, spaceId, 'read');
    return workspacePage(this.db.manager, spaceId, role, a.user.id, args);
  }

  /** Adds an existing user (by e-mail) directly; members get their personal workspace. */
  async addMember(actor: Actor | null, spaceId: string, email: string, role: Role, options: { withPersonal?: boolean } = {}): Promise<MemberRow> {
    const { actor: a } = await this.offering(actor, spaceId, role);
    const user = await this.users.findByEmail(email);
    if (!user) throw notFound(`no account uses ${normaliseEmail(email)}; send an invitation instead`);
    const membership = await this.join(spaceId, user.id, role, a.user.id, options.withPersonal ?? true);
    return { membership, user };
  }

  async changeRole(actor: Actor | null, spaceId: string, userId: string, role: Role): Promise<MemberRow> {
    return (await this.changeRoles(actor, spaceId, [userId], role))[0];
  }

  /**
   * Gives these members `role`, all or none: refused when the caller may not
   * offer it or when no admin would be left. New MEMBERs get a personal
   * workspace. Recorded in the audit trail.
   */
  async changeRoles(actor: Actor | null, spaceId: string, userIds: readonly string[], role: Role): Promise<MemberRow[]> {
    const { actor: a } = await this.offering(actor, spaceId, role);
    const ids = memberIds(userIds, MAX_BULK_MEMBERS);
    return this.workspaces.withNewWorkspaces(async (manager) => {
      const memberships = await this.membershipsOf(manager, spaceId, ids);
      const changed = memberships.filter((m) => m.role !== role);
      await this.keepAnAdmin(manager, spaceId, changed.filter((m) => keepsSpaceRunning(m.role) && !keepsSpaceRunning(role)));
      if (changed.length) {
        await manager.update(Membership, { id: In(changed.map((m) => m.id)) }, { role });
        await this.audit.append(manager, {
          spaceId,
          actorId: a.user.id,
          action: 'member.role-changed',
          subjectType: 'space',
          subjectId: spaceId,
          before: { members: changed.map((m) => ({ userId: m.userId, role: m.role })) },
          after: { role },
        });
      }
      if (hasPersonalWorkspace(role)) for (const m of changed) await this.workspaces.ensurePersonal(spaceId, m.userId, a.user.id, manager);
      for (const m of changed) m.role = role;
      const users = new Map((await manager.find(User, { where: { id: In(ids) } })).map((u) => [u.id, u]));
      return memberships.map((membership) => ({ membership, user: users.get(membership.userId)! }));
    }, a.user.id);
  }

  /** Removes a membership; the member's personal workspace is kept (their work is never deleted with it). */
  async removeMember(actor: Actor | null, spaceId: string, userId: string): Promise<boolean> {
    await this.removeMembers(actor, spaceId, [userId]);
    return true;
  }

  /**
   * Removes these members, all or none; refused when no admin would be left.
   * Their personal workspaces and hand-ins are kept (staff still read them,
   * and a member who is added again finds their work). Recorded in the audit trail.
   */
  async removeMembers(actor: Actor | null, spaceId: string, userIds: readonly string[]): Promise<number> {
    const { actor: a } = await this.policy.space(actor, spaceId, 'manage');
    const ids = memberIds(userIds, MAX_BULK_MEMBERS);
    return this.db.transaction(async (manager) => {
      const memberships = await this.membershipsOf(manager, spaceId, ids);
      await this.keepAnAdmin(manager, spaceId, memberships.filter((m) => keepsSpaceRunning(m.role)));
      await manager.delete(Membership, { id: In(memberships.map((m) => m.id)) });
      await this.audit.append(manager, {
        spaceId,
        actorId: a.user.id,
        action: 'member.removed',
        subjectType: 'space',
        subjectId: spaceId,
        before: { members: memberships.map((m) => ({ userId: m.userId, role: m.role, studentNumber: m.studentNumber, section: m.section })) },
      });
      return memberships.length;
    });
  }

  /** Sets a member's student number and section (null clears one; undefined keeps it). */
  async updateMemberDetails(
    actor: Actor | null,
    spaceId: string,
    userId: string,
    details: { studentNumber?: string | null; section?: string | null },
  ): Promise<MemberRow> {
    const { actor: a } = await this.policy.space(actor, spaceId, 'manage');
    const checked = checkMemberDetails(details);
    return this.db.transaction(async (manager) => {
      const [membership] = await this.membershipsOf(manager, spaceId, [userId]);
      const before = { studentNumber: membership.studentNumber, section: membership.section };
      Object.assign(membership, checked);
      await manager.update(Membership, { id: membership.id }, { studentNumber: membership.studentNumber, section: membership.section });
      await this.audit.append(manager, {
        spaceId,
        actorId: a.user.id,
        action: 'member.details-changed',
        subjectType: 'space',
        subjectId: spaceId,
        studentId: userId,
        before,
        after: { studentNumber: membership.studentNumber, section: membership.section },
      });
      return { membership, user: await manager.findOneOrFail(User, { where: { id: userId } }) };
    });
  }

  async createInviteLink(actor: Actor | null, spaceId: string, role: Role, expiresInDays = 7) {
    const { actor: a } = await this.offering(actor, spaceId, role);
    return this.invite(spaceId, a.user.id, role, null, expiresInDays);
  }

  async inviteByEmail(actor: Actor | null, spaceId: string, email: string, role: Role, expiresInDays = 14) {
    const { space, actor: a } = await this.offering(actor, spaceId, role);
    const address = normaliseEmail(email);
    const result = await this.invite(spaceId, a.user.id, role, address, expiresInDays);
    await this.mailInvitation(space, a.user, result.invitation, result.url);
    return result;
  }

  /**
   * Sends an e-mail invitation again with a fresh link (the old link stops
   * working) valid as long as the first one was, from the admin who resends it.
   */
  async resendInvitation(actor: Actor | null, invitationId: string): Promise<Invitation> {
    const invitation = await this.db.manager.findOne(Invitation, { where: { id: invitationId } });
    if (!invitation) throw notFound(`invitation ${invitationId} does not exist`);
    const { space, actor: a } = await this.offering(actor, invitation.spaceId, invitation.role);
    if (!invitation.email) throw badInput('this invitation is a link, not an e-mail: create a new link instead');
    const status = invitationStatus(invitation);
    if (status === 'USED' || status === 'REVOKED') {
      throw conflict(`this invitation was ${status === 'USED' ? 'used' : 'withdrawn'} already; nothing was sent`);
    }
    const days = Math.max(1, Math.round((invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000));
    const fresh = this.secretFor(days);
    Object.assign(invitation, { tokenHash: fresh.tokenHash, expiresAt: fresh.expiresAt, createdAt: new Date(), createdById: a.user.id });
    await this.db.manager.update(
      Invitation,
      { id: invitation.id },
      { tokenHash: invitation.tokenHash, expiresAt: invitation.expiresAt, createdAt: invitation.createdAt, createdById: invitation.createdById },
    );
    await this.mailInvitation(space, a.user, invitation, fresh.url);
    return invitation;
  }

  /** What the invitation page shows: the space, the role, who invited and until when; null for an unknown link. */
  async describeInvitation(secret: string): Promise<InvitationPreview | null> {
    const invitation = await this.db.manager.findOne(Invitation, { where: { tokenHash: sha256Hex(secret.trim()) } });
    if (!invitation) return null;
    const [space, inviter] = await Promise.all([
      this.db.manager.findOneOrFail(Space, { where: { id: invitation.spaceId } }),
      this.users.getById(invitation.createdById),
    ]);
    return {
      spaceName: space.name,
      spaceKind: space.kind,
      role: invitation.role,
      invitedBy: inviter.name,
      email: invitation.email,
      expiresAt: invitation.expiresAt,
      status: invitationStatus(invitation),
      closedAt: invitation.acceptedAt ?? invitation.revokedAt,
    };
  }

  /** The invitations among `ids`; who may read them is the caller's to check (admins of their space). */
  async invitationsById(ids: readonly string[]): Promise<Invitation[]> {
    return ids.length ? this.db.manager.find(Invitation, { where: { id: In([...ids]) } }) : [];
  }

  /** One invitation, for an admin of its space (as the space's invitation list). */
  async invitation(actor: Actor | null, invitationId: string): Promise<Invitation> {
    const invitation = await this.db.manager.findOne(Invitation, { where: { id: invitationId } });
    if (!invitation) throw notFound(`invitation ${invitationId} does not exist`);
    await this.policy.space(actor, invitation.spaceId, 'manage');
    return invitation;
  }

  /** The newest invitations (at most `INVITATIONS_LISTED`); with `open`, only those still usable (not accepted, revoked or expired). */
  async invitations(actor: Actor | null, spaceId: string, open = false): Promise<Invitation[]> {
    await this.policy.space(actor, spaceId, 'manage');
    return this.invitationQuery(spaceId, open).orderBy('i.createdAt', 'DESC').addOrderBy('i.id', 'DESC').take(INVITATIONS_LISTED).getMany();
  }

  /** One page of the space's invitations (open ones only with `open`), newest first, with how many there are. */
  async invitationPage(actor: Actor | null, spaceId: string, open: boolean, args: PageArgs): Promise<Page<Invitation>> {
    await this.policy.space(actor, spaceId, 'manage');
    const request = pageRequest('Invitation', args, 2);
    const query = this.invitationQuery(spaceId, open);
    const total = await query.getCount();
    return toPage(await keyset(query, newestFirst('i'), request).getMany(), request, createdKey, total);
  }

  /** How many invitations there are (open ones only with `open`): what a list of the newest leaves out. */
  async invitationCount(actor: Actor | null, spaceId: string, open = false): Promise<number> {
    await this.policy.space(actor, spaceId, 'manage');
    return this.invitationQuery(spaceId, open).getCount();
  }

  private invitationQuery(spaceId: string, open: boolean) {
    const query = this.db.manager.createQueryBuilder(Invitation, 'i').where('i.spaceId = :spaceId', { spaceId });
    if (open) query.andWhere('i.acceptedAt IS NULL').andWhere('i.revokedAt IS NULL').andWhere('i.expiresAt > :now', { now: new Date() });
    return query;
  }

  async revokeInvitation(actor: Actor | null, invitationId: string): Promise<Invitation> {
    const invitation = await this.invitation(actor, invitationId);
    invitation.revokedAt = invitation.revokedAt ?? new Date();
    await this.db.manager.update(Invitation, { id: invitation.id }, { revokedAt: invitation.revokedAt });
    return invitation;
  }

  /**
   * Accepts an invitation. A signed-in caller joins with their account; anyone
   * else creates an account (name and password; the e-mail comes from an
   * e-mail invitation) and is signed in.
   */
  async accept(
    actor: Actor | null,
    secret: string,
    signUp?: { email?: string | null; name: string; password: string } | null,
  ): Promise<{ space: Space; user: User; session: string | null }> {
    const invitation = await this.openInvitation(secret);
    let user: User;
    let session: string | null = null;
    if (actor) {
      if (actor.readOnly) throw forbidden('a read-only token cannot accept invitations');
      refuseOtherAddress(invitation, actor.user.email);
      user = actor.user;
    } else {
      if (!signUp) throw badInput('sign in, or give a name and password to create an account');
      const email = invitation.email ?? signUp.email;
      if (!email) throw badInput('give the e-mail address for your new account');
      user = await this.users.createUser({ email, name: signUp.name, password: signUp.password });
      session = await this.users.startSession(user);
    }
    const claimed = await this.db.manager
      .createQueryBuilder()
      .update(Invitation)
      .set({ acceptedAt: new Date(), acceptedById: user.id })
      .where('id = :id AND acceptedAt IS NULL', { id: invitation.id })
      .execute();
    if (claimed.affected !== 1) throw conflict('this invitation was used already');
    const existing = await this.db.manager.findOne(Membership, { where: { spaceId: invitation.spaceId, userId: user.id } });
    if (!existing) {
      await this.join(invitation.spaceId, user.id, invitation.role, invitation.createdById, true, { studentNumber: invitation.studentNumber, section: invitation.section });
    }
    const space = await this.db.manager.findOneOrFail(Space, { where: { id: invitation.spaceId } });
    return { space, user, session };
  }

  /**
   * Refuses, as accepting would, an invitation that cannot be accepted (by
   * the account with this e-mail address, when given); changes nothing. For
   * signing in elsewhere first (single sign-on) and accepting after.
   */
  async checkInvitation(secret: string, email?: string): Promise<void> {
    const invitation = await this.openInvitation(secret);
    if (email !== undefined) refuseOtherAddress(invitation, email);
  }

  /** An invitation that may still be accepted: not used, withdrawn or expired, and its maker may still offer its role. */
  private async openInvitation(secret: string): Promise<Invitation> {
    const invitation = await this.db.manager.findOne(Invitation, { where: { tokenHash: sha256Hex(secret.trim()) } });
    if (!invitation) throw notFound('this invitation link is not valid: check that the whole link was copied, or ask for a new one');
    const inviter = await this.users.getById(invitation.createdById);
    const closed = closedInvitation(invitation, inviter.name);
    if (closed) throw closed;
    const inviterRole = await this.policy.role(inviter.id, invitation.spaceId);
    if (!inviterRole || !canGrantRole(inviterRole, invitation.role)) {
      throw forbidden(`${inviter.name} can no longer offer the role ${invitation.role} in this space; ask one of its admins for a new invitation`);
    }
    return invitation;
  }


  private async join(spaceId: string, userId: string, role: Role, byUserId: string, withPersonal = true, details?: MemberDetails): Promise<Membership> {
    const existing = await this.db.manager.findOne(Membership, { where: { spaceId, userId } });
    if (existing) throw conflict(`this user is a member already (${existing.role})`);
    return this.workspaces.withNewWorkspaces((manager) => this.insertMembership(manager, spaceId, userId, role, byUserId, withPersonal, details), byUserId);
  }

  /** A new membership (and a member's personal workspace), inside the caller's transaction; the caller has checked who may add it. */
  async insertMembership(
    manager: EntityManager,
    spaceId: string,
    userId: string,
    role: Role,
    byUserId: string | null,
    withPersonal = true,
    details?: MemberDetails,
  ): Promise<Membership> {
    const membership = membershipRow(spaceId, userId, role, details);
    await manager.insert(Membership, membership);
    if (hasPersonalWorkspace(role) && withPersonal) await this.workspaces.ensurePersonal(spaceId, userId, byUserId, manager);
    await this.onJoined(manager, [membership]);
    return membership;
  }

  /** Refuses a change that takes the admin role from every one of `losing` when no other admin would be left. */
  private async keepAnAdmin(manager: EntityManager, spaceId: string, losing: readonly Membership[]): Promise<void> {
    if (!losing.length) return;
    const admins = await manager.count(Membership, { where: { spaceId, role: In(ROLES.filter(keepsSpaceRunning)) } });
    if (admins <= losing.length) throw conflict('a space needs at least one admin; make someone else admin first');
  }

  /** These members' memberships; refused, naming them, when some are not members. */
  private async membershipsOf(manager: EntityManager, spaceId: string, userIds: readonly string[]): Promise<Membership[]> {
    const rows = await manager.find(Membership, { where: { spaceId, userId: In([...userIds]) } });
    if (rows.length !== userIds.length) {
      const found = new Set(rows.map((m) => m.userId));
      const missing = userIds.filter((id) => !found.has(id));
      throw notFound(`${missing.length === 1 ? `user ${missing[0]} is` : `users ${missing.join(', ')} are`} not a member of this space; nothing was changed`);
    }
    return rows;
  }

  /** The space, if the caller may do `action` (manage it, by default) and offer `role` in it. */
  async offering(actor: Actor | null, spaceId: string, role: Role, action: SpaceAction = 'manage') {
    const found = await this.policy.space(actor, spaceId, action);
    checkRole(role);
    if (!canGrantRole(found.role, role)) throw forbidden(`your role ${found.role} in '${found.space.name}' cannot offer the role ${role}`);
    return found;
  }

  private async invite(spaceId: string, createdById: string, role: Role, email: string | null, days: number) {
    const made = this.newInvitation(spaceId, createdById, role, email, days);
    await this.db.manager.insert(Invitation, made.invitation);
    return made;
  }

  /** A new invitation row (not yet stored), its secret and the link to send. */
  newInvitation(spaceId: string, createdById: string, role: Role, email: string | null, days: number, details?: MemberDetails) {
    if (!(days > 0 && days <= 90)) throw badInput('an invitation expires after 1 to 90 days');
    const fresh = this.secretFor(days);
    const invitation = Object.assign(new Invitation(), {
      id: randomUUID(),
      spaceId,
      email,
      role,
      tokenHash: fresh.tokenHash,
      createdById,
      createdAt: new Date(),
      expiresAt: fresh.expiresAt,
      acceptedAt: null,
      acceptedById: null,
      revokedAt: null,
      studentNumber: details?.studentNumber ?? null,
      section: details?.section ?? null,
    });
    return { invitation, token: fresh.secret, url: fresh.url };
  }

  /** A new invitation secret valid for `days`, the hash to store and the link to send. */
  private secretFor(days: number) {
    const secret = newSecret('sc_inv_');
    return { secret, tokenHash: sha256Hex(secret), expiresAt: new Date(Date.now() + days * 86_400_000), url: `${this.webUrl}/invite/${secret}` };
  }

  private async mailInvitation(space: Space, inviter: User, invitation: Invitation, url: string): Promise<void> {
    await this.mail.send(this.invitationMessage(space, inviter, invitation, url));
  }

  /** The e-mail that carries an invitation's link. */
  invitationMessage(space: Space, inviter: User, invitation: Invitation, url: string): OutgoingMessage {
    return {
      spaceId: space.id,
      to: invitation.email!,
      subject: `${inviter.name} invites you to ${space.name}`,
      body:
        `${inviter.name} invites you to join '${space.name}' on Stagecoach as ${invitation.role.toLowerCase()}.\n\n` +
        `Accept: ${url}\n\nThe link expires on ${formatUtc(invitation.expiresAt)}.`,
    };
  }
}

function refuseOtherAddress(invitation: Invitation, email: string): void {
  if (invitation.email && !sameEmail(invitation.email, email)) {
    throw forbidden(`this invitation is for ${invitation.email}; you are signed in as ${email}`);
  }
}

/** A new membership row; student number and section come from a roster (or are left empty). */
export function membershipRow(spaceId: string, userId: string, role: Role, details?: MemberDetails): Membership {
  return Object.assign(new Membership(), {
    id: randomUUID(),
    spaceId,
    userId,
    role,
    createdAt: new Date(),
    studentNumber: details?.studentNumber ?? null,
    section: details?.section ?? null,
    deactivatedAt: null,
  });
}

function checkRole(role: Role): void {
  if (!ROLES.includes(role)) throw badInput(`role must be one of ${ROLES.join(', ')}`);
}
