import { Entity, EntityManager, In, Index } from 'typeorm';
import { IdColumn, RefColumn } from '../../db/columns';

/**
 * A person a members-only SHARED workspace is open to (a group's workspace).
 * Staff read and write such a workspace whatever this list says; other
 * students do not see it at all.
 */
@Entity('workspace_member')
@Index('uq_workspace_member', ['workspaceId', 'userId'], { unique: true })
@Index('ix_workspace_member_user', ['userId'])
export class WorkspaceMember {
  @IdColumn() id: string;
  @RefColumn() workspaceId: string;
  @RefColumn() userId: string;
}

/** Among these members-only workspaces, those `userId` is listed for; one query. */
export async function listedIn(manager: EntityManager, userId: string, workspaceIds: readonly string[]): Promise<Set<string>> {
  const rows = await manager.find(WorkspaceMember, { where: { userId, workspaceId: In([...workspaceIds]) }, select: { workspaceId: true } });
  return new Set(rows.map((r) => r.workspaceId));
}
