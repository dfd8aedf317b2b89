import { In } from 'typeorm';
import type { Database } from '../../db/database';
import type { Actor } from '../../modules/users/users.service';
import { Membership, type Role } from '../../modules/spaces/membership.entity';
import { Space } from '../../modules/spaces/space.entity';
import { Workspace } from '../../modules/workspaces/workspace.entity';
import { forbidden, notFound, unauthenticated } from '../errors';
import { canGrantExtensions, canOnSpace, type SpaceAction } from './spaces';
import { canReadWorkspace, canWriteWorkspace, type WorkspaceAction } from './workspaces';

/**
 * The one place access is decided. Every service asks it before reading or
 * writing; resolvers and routes never decide access. Default deny. The rules
 * themselves are pure functions, one file per subject beside this one
 * (spaces, workspaces, distributions, bundles, assignments, audit); this
 * class looks up the caller's membership and applies them.
 *
 * A non-member is told the space or workspace does not exist, so existence
 * does not leak. A read-only token never writes.
 */
export class AccessPolicy {
  constructor(private readonly db: Database) {}

  requireActor(actor: Actor | null): Actor {
    if (!actor) throw unauthenticated();
    return actor;
  }

  requireWritable(actor: Actor | null): Actor {
    const a = this.requireActor(actor);
    if (a.readOnly) throw forbidden('this API token is read-only');
    return a;
  }

  async membership(userId: string, spaceId: string): Promise<Membership | null> {
    return this.db.manager.findOne(Membership, { where: { spaceId, userId } });
  }

  /** The space and the caller's role in it; NOT_FOUND for non-members. */
  async space(actor: Actor | null, spaceId: string, action: SpaceAction): Promise<{ space: Space; role: Role; actor: Actor }> {
    const a = action === 'manage' || action === 'setQuota' ? this.requireWritable(actor) : this.requireActor(actor);
    const membership = await this.membership(a.user.id, spaceId);
    const space = membership ? await this.db.manager.findOne(Space, { where: { id: spaceId } }) : null;
    if (!membership || !space) throw notFound(`space ${spaceId} does not exist`);
    if (!canOnSpace(membership.role, action)) {
      throw forbidden(
        action === 'manage' || action === 'setQuota'
          ? `only an admin of '${space.name}' can do this; your role is ${membership.role}`
          : `your role ${membership.role} in '${space.name}' cannot see this`,
      );
    }
    return { space, role: membership.role, actor: a };
  }

  /** The space, if the caller may grant and revoke extensions in it. */
  async grantExtensions(actor: Actor | null, spaceId: string): Promise<{ space: Space; role: Role; actor: Actor }> {
    this.requireWritable(actor);
    const found = await this.space(actor, spaceId, 'read');
    if (!canGrantExtensions(found.role, found.space)) {
      throw forbidden(
        found.role === 'TA'
          ? `TAs of '${found.space.name}' may not grant extensions; an admin can allow it in the space's settings`
          : `only an admin of '${found.space.name}' can grant extensions; your role is ${found.role}`,
      );
    }
    return found;
  }

  /**
   * Many workspaces the caller must be able to change (a push's targets), in
   * two queries whatever their number. The first that fails is named.
   */
  async writableWorkspaces(actor: Actor | null, ids: readonly string[]): Promise<Workspace[]> {
    const a = this.requireWritable(actor);
    const unique = [...new Set(ids)];
    const { byId, roles } = await this.rolesFor(a, unique);
    for (const id of unique) {
      const workspace = byId.get(id);
      const role = workspace && roles.get(workspace.spaceId);
      if (!workspace || !role || !canReadWorkspace(role, workspace, a.user.id)) throw notFound(`workspace ${id} does not exist`);
      if (!canWriteWorkspace(role, workspace, a.user.id)) {
        throw forbidden(`your role ${role} cannot change the ${workspace.kind.toLowerCase()} workspace '${workspace.name}'`);
      }
    }
    return unique.map((id) => byId.get(id)!);
  }

  /**
   * Many workspaces the caller must be able to read, in two queries whatever
   * their number; an unreadable or unknown one is null in its place.
   */
  async readableWorkspaces(actor: Actor | null, ids: readonly string[]): Promise<(Workspace | null)[]> {
    const a = this.requireActor(actor);
    const { byId, roles } = await this.rolesFor(a, [...new Set(ids)]);
    return ids.map((id) => {
      const workspace = byId.get(id);
      const role = workspace && roles.get(workspace.spaceId);
      return workspace && role && canReadWorkspace(role, workspace, a.user.id) ? workspace : null;
    });
  }

  /** Whether the caller may change each of these workspaces, in one query whatever their number. */
  async writable(actor: Actor | null, workspaces: readonly Workspace[]): Promise<boolean[]> {
    if (!actor || actor.readOnly) return workspaces.map(() => false);
    const roles = await this.rolesIn(actor, workspaces.map((w) => w.spaceId));
    return workspaces.map((w) => {
      const role = roles.get(w.spaceId);
      return !!role && canReadWorkspace(role, w, actor.user.id) && canWriteWorkspace(role, w, actor.user.id);
    });
  }

  /** The caller's role in each of these spaces they belong to. */
  private async rolesIn(a: Actor, spaceIds: readonly string[]): Promise<Map<string, Role>> {
    const unique = [...new Set(spaceIds)];
    const memberships = unique.length ? await this.db.manager.find(Membership, { where: { userId: a.user.id, spaceId: In(unique) } }) : [];
    return new Map(memberships.map((m) => [m.spaceId, m.role]));
  }

  /** The workspaces among `ids` and the caller's role in each of their spaces, in two queries. */
  private async rolesFor(a: Actor, ids: readonly string[]) {
    const workspaces = ids.length ? await this.db.manager.find(Workspace, { where: { id: In(ids) } }) : [];
    return { byId: new Map(workspaces.map((w) => [w.id, w])), roles: await this.rolesIn(a, workspaces.map((w) => w.spaceId)) };
  }

  /** The workspace, if the caller may `action` it; unreadable workspaces are NOT_FOUND. */
  async workspace(
    actor: Actor | null,
    workspaceId: string,
    action: WorkspaceAction,
  ): Promise<{ workspace: Workspace; role: Role; actor: Actor }> {
    const a = action === 'write' ? this.requireWritable(actor) : this.requireActor(actor);
    const workspace = await this.db.manager.findOne(Workspace, { where: { id: workspaceId } });
    const membership = workspace ? await this.membership(a.user.id, workspace.spaceId) : null;
    if (!workspace || !membership || !canReadWorkspace(membership.role, workspace, a.user.id)) {
      throw notFound(`workspace ${workspaceId} does not exist`);
    }
    if (action === 'write' && !canWriteWorkspace(membership.role, workspace, a.user.id)) {
      throw forbidden(`your role ${membership.role} cannot change the ${workspace.kind.toLowerCase()} workspace '${workspace.name}'`);
    }
    return { workspace, role: membership.role, actor: a };
  }
}
