import type { EntityManager } from 'typeorm';
import type { Role, WorkspaceKind } from '../../core/policy';
import { readableWorkspaceKinds } from '../../core/policy';
import { decodeCursor, pageSize, toPage, type Page } from '../../core/pagination';
import { whereContains } from '../../db/text-search';
import { User } from '../users/user.entity';
import { Workspace } from '../workspaces/workspace.entity';
import { Membership } from './membership.entity';
import { MEMBER_SEARCH_COLUMNS } from './member-search';

export interface WorkspacePageArgs {
  kind?: WorkspaceKind | null;
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Listing order: the course's own workspaces first, then by owner (or workspace) name. */
const KIND_ORDER = "CASE w.kind WHEN 'MASTER' THEN 0 WHEN 'DISTRIBUTED' THEN 1 WHEN 'SHARED' THEN 2 ELSE 3 END";
const NAME_ORDER = 'COALESCE(u.name, w.name)';

/**
 * One page of a space's workspaces that `role` (as `userId`) may read, with
 * the total of all that match. A search looks at the workspace's name and its
 * owner's name, e-mail address and student number. Two statements whatever
 * the size of the space.
 */
export async function workspacePage(manager: EntityManager, spaceId: string, role: Role, userId: string, args: WorkspacePageArgs): Promise<Page<Workspace>> {
  const size = pageSize(args.first);
  const key = decodeCursor(args.after, 3);
  const readable = readableWorkspaceKinds(role);
  const query = manager
    .createQueryBuilder(Workspace, 'w')
    .leftJoin(User, 'u', 'u.id = w.ownerId')
    .leftJoin(Membership, 'm', 'm.userId = w.ownerId AND m.spaceId = w.spaceId')
    .where('w.spaceId = :spaceId', { spaceId });
  if (readable.own.length) {
    query.andWhere('(w.kind IN (:...every) OR (w.kind IN (:...own) AND w.ownerId = :me))', { every: readable.every, own: readable.own, me: userId });
  } else {
    query.andWhere('w.kind IN (:...every)', { every: readable.every });
  }
  if (readable.listedOnly) {
    query.andWhere('(w.membersOnly = :open OR EXISTS (SELECT 1 FROM workspace_member wm WHERE wm.workspaceId = w.id AND wm.userId = :me))', { open: false, me: userId });
  }
  if (args.kind) query.andWhere('w.kind = :kind', { kind: args.kind });
  whereContains(query, ['LOWER(w.name)', ...MEMBER_SEARCH_COLUMNS], args.search);
  const count = await query.getCount();
  if (key) {
    query.andWhere(`(${KIND_ORDER} > :k OR (${KIND_ORDER} = :k AND (${NAME_ORDER} > :n OR (${NAME_ORDER} = :n AND w.id > :i))))`, { k: key[0], n: key[1], i: key[2] });
  }
  const rows = await query
    .addSelect(KIND_ORDER, 'kind_order')
    .addSelect(NAME_ORDER, 'name_order')
    .orderBy('kind_order', 'ASC')
    .addOrderBy('name_order', 'ASC')
    .addOrderBy('w.id', 'ASC')
    .limit(size + 1)
    .getRawAndEntities();
  const keys = new Map(rows.raw.map((r: Record<string, unknown>) => [r.w_id as string, [Number(r.kind_order), String(r.name_order)] as const]));
  return toPage(rows.entities, size, (w) => [...keys.get(w.id)!, w.id], count);
}
