import { In, IsNull } from 'typeorm';
import { AccessPolicy, type AccessFacts } from '../../core/policy';
import type { Database } from '../../db/database';
import { Workspace } from '../workspaces/workspace.entity';
import { listedIn } from '../workspaces/workspace-member.entity';
import { Membership, type Role } from './membership.entity';
import { Space } from './space.entity';

/** The access policy over this codebase's spaces and workspaces. */
export type Access = AccessPolicy<Space, Workspace>;

/** Memberships, spaces and workspaces as the access policy reads them, from the database. */
export class DbAccessFacts implements AccessFacts<Space, Workspace> {
  constructor(private readonly db: Database) {}

  async role(userId: string, spaceId: string): Promise<Role | null> {
    return (await this.db.manager.findOne(Membership, { where: { spaceId, userId, deactivatedAt: IsNull() } }))?.role ?? null;
  }

  async roles(userId: string, spaceIds: readonly string[]): Promise<Map<string, Role>> {
    const rows = await this.db.manager.find(Membership, { where: { userId, spaceId: In([...spaceIds]), deactivatedAt: IsNull() } });
    return new Map(rows.map((m) => [m.spaceId, m.role]));
  }

  space(spaceId: string): Promise<Space | null> {
    return this.db.manager.findOne(Space, { where: { id: spaceId } });
  }

  listedIn(userId: string, workspaceIds: readonly string[]): Promise<Set<string>> {
    return listedIn(this.db.manager, userId, workspaceIds);
  }

  workspace(workspaceId: string): Promise<Workspace | null> {
    return this.db.manager.findOne(Workspace, { where: { id: workspaceId } });
  }

  workspaces(workspaceIds: readonly string[]): Promise<Workspace[]> {
    return this.db.manager.find(Workspace, { where: { id: In([...workspaceIds]) } });
  }
}

export const createAccess = (db: Database): Access => new AccessPolicy(new DbAccessFacts(db));
