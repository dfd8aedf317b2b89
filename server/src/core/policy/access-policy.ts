import { forbidden, notFound, unauthenticated } from '../errors';
import type { Actor } from './actor';
import type { Role } from './roles';
import { canGrantExtensions, canOnSpace, type SpaceAction, type SpaceFacts } from './spaces';
import { canReadWorkspace, canWriteWorkspace, dependsOnListing, type WorkspaceAction, type WorkspaceFacts } from './workspaces';

/**
 * What the policy reads to decide: memberships, spaces and workspaces. The
 * spaces module answers from the database (modules/spaces/access-facts.ts);
 * the policy itself names no feature module.
 */
export interface AccessFacts<S extends SpaceFacts, W extends WorkspaceFacts> {
  /** The user's role in the space, or null for a non-member. */
  role(userId: string, spaceId: string): Promise<Role | null>;
  /** The user's role in each of these spaces they belong to. */
  roles(userId: string, spaceIds: readonly string[]): Promise<Map<string, Role>>;
  space(spaceId: string): Promise<S | null>;
  workspace(workspaceId: string): Promise<W | null>;
  workspaces(workspaceIds: readonly string[]): Promise<W[]>;
  /** Among these members-only workspaces, those the user is listed for. */
  listedIn(userId: string, workspaceIds: readonly string[]): Promise<Set<string>>;
}

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
export class AccessPolicy<S extends SpaceFacts = SpaceFacts, W extends WorkspaceFacts = WorkspaceFacts> {
  constructor(private readonly facts: AccessFacts<S, W>) {}

  requireActor(actor: Actor | null): Actor {
    if (!actor) throw unauthenticated();
    return actor;
  }

  requireWritable(actor: Actor | null): Actor {
    const a = this.requireActor(actor);
    if (a.readOnly) throw forbidden('this API token is read-only');
    return a;
  }

  /** The user's role in the space, or null for a non-member. */
  role(userId: string, spaceId: string): Promise<Role | null> {
    return this.facts.role(userId, spaceId);
  }

  /** The space and the caller's role in it; NOT_FOUND for non-members. */
  async space(actor: Actor | null, spaceId: string, action: SpaceAction): Promise<{ space: S; role: Role; actor: Actor }> {
    const a = action === 'manage' || action === 'setQuota' ? this.requireWritable(actor) : this.requireActor(actor);
    const role = await this.facts.role(a.user.id, spaceId);
    const space = role ? await this.facts.space(spaceId) : null;
    if (!role || !space) throw notFound(`space ${spaceId} does not exist`);
    if (!canOnSpace(role, action)) {
      throw forbidden(
        action === 'manage' || action === 'setQuota'
          ? `only an admin of '${space.name}' can do this; your role is ${role}`
          : `your role ${role} in '${space.name}' cannot see this`,
      );
    }
    return { space, role, actor: a };
  }

  /** The space, if the caller may grant and revoke extensions in it. */
  async grantExtensions(actor: Actor | null, spaceId: string): Promise<{ space: S; role: Role; actor: Actor }> {
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
  async writableWorkspaces(actor: Actor | null, ids: readonly string[]): Promise<W[]> {
    const a = this.requireWritable(actor);
    const unique = [...new Set(ids)];
    const { byId, roles, listed } = await this.rolesFor(a, unique);
    for (const id of unique) {
      const workspace = byId.get(id);
      const role = workspace && roles.get(workspace.spaceId);
      if (!workspace || !role || !canReadWorkspace(role, workspace, a.user.id, listed.has(id))) throw notFound(`workspace ${id} does not exist`);
      if (!canWriteWorkspace(role, workspace, a.user.id, listed.has(id))) {
        throw forbidden(`your role ${role} cannot change the ${workspace.kind.toLowerCase()} workspace '${workspace.name}'`);
      }
    }
    return unique.map((id) => byId.get(id)!);
  }

  /**
   * Many workspaces the caller must be able to read, in two queries whatever
   * their number; an unreadable or unknown one is null in its place.
   */
  async readableWorkspaces(actor: Actor | null, ids: readonly string[]): Promise<(W | null)[]> {
    const a = this.requireActor(actor);
    const { byId, roles, listed } = await this.rolesFor(a, [...new Set(ids)]);
    return ids.map((id) => {
      const workspace = byId.get(id);
      const role = workspace && roles.get(workspace.spaceId);
      return workspace && role && canReadWorkspace(role, workspace, a.user.id, listed.has(id)) ? workspace : null;
    });
  }

  /** Whether the caller may change each of these workspaces, in one query whatever their number. */
  async writable(actor: Actor | null, workspaces: readonly W[]): Promise<boolean[]> {
    if (!actor || actor.readOnly) return workspaces.map(() => false);
    const roles = await this.rolesIn(actor, workspaces.map((w) => w.spaceId));
    const listed = await this.listed(actor, workspaces, roles);
    return workspaces.map((w) => {
      const role = roles.get(w.spaceId);
      return !!role && canReadWorkspace(role, w, actor.user.id, listed.has(w.id)) && canWriteWorkspace(role, w, actor.user.id, listed.has(w.id));
    });
  }

  /** The caller's role in each of these spaces they belong to. */
  private async rolesIn(a: Actor, spaceIds: readonly string[]): Promise<Map<string, Role>> {
    const unique = [...new Set(spaceIds)];
    return unique.length ? this.facts.roles(a.user.id, unique) : new Map();
  }

  /** The workspaces among `ids`, the caller's role in each of their spaces and the members-only ones they are listed for, in at most three queries. */
  private async rolesFor(a: Actor, ids: readonly string[]) {
    const workspaces = ids.length ? await this.facts.workspaces(ids) : [];
    const roles = await this.rolesIn(a, workspaces.map((w) => w.spaceId));
    return { byId: new Map(workspaces.map((w) => [w.id, w])), roles, listed: await this.listed(a, workspaces, roles) };
  }

  /** Of these workspaces, the members-only ones whose access depends on the caller being listed and that list them; one query, none when there are none. */
  private async listed(a: Actor, workspaces: readonly W[], roles: Map<string, Role>): Promise<Set<string>> {
    const ids = workspaces.filter((w) => roles.has(w.spaceId) && dependsOnListing(roles.get(w.spaceId)!, w)).map((w) => w.id);
    return ids.length ? this.facts.listedIn(a.user.id, ids) : new Set();
  }

  /** The workspace, if the caller may `action` it; unreadable workspaces are NOT_FOUND. */
  async workspace(
    actor: Actor | null,
    workspaceId: string,
    action: WorkspaceAction,
  ): Promise<{ workspace: W; role: Role; actor: Actor }> {
    const a = action === 'write' ? this.requireWritable(actor) : this.requireActor(actor);
    const workspace = await this.facts.workspace(workspaceId);
    const role = workspace ? await this.facts.role(a.user.id, workspace.spaceId) : null;
    const listed = !!workspace && !!role && dependsOnListing(role, workspace) && (await this.facts.listedIn(a.user.id, [workspace.id])).has(workspace.id);
    if (!workspace || !role || !canReadWorkspace(role, workspace, a.user.id, listed)) {
      throw notFound(`workspace ${workspaceId} does not exist`);
    }
    if (action === 'write' && !canWriteWorkspace(role, workspace, a.user.id, listed)) {
      throw forbidden(`your role ${role} cannot change the ${workspace.kind.toLowerCase()} workspace '${workspace.name}'`);
    }
    return { workspace, role, actor: a };
  }
}
