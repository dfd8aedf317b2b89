import type { EntityManager } from 'typeorm';
import type { Role, WorkspaceKind } from '../../core/policy';
import { readableWorkspaceKinds, writableWorkspaceKinds } from '../../core/policy';
import { keyset, pageRequest, toPage, type Page, type PageArgs } from '../../core/pagination';
import { whereContains } from '../../db/text-search';
import { User } from '../users/user.entity';
import { Workspace } from '../workspaces/workspace.entity';
import { Membership } from './membership.entity';
import { MEMBER_SEARCH_COLUMNS } from './member-search';

export interface WorkspacePageArgs extends PageArgs {
  kind?: WorkspaceKind | null;
  search?: string | null;
  /** Only those the caller may change (the targets a push could reach). */
  writable?: boolean | null;
  /** Leave this workspace out (a push's source). */
  excluding?: string | null;
}

/** Listing order: the course's own workspaces first, then by owner (or workspace) name. */
const KIND_ORDER = "CASE w.kind WHEN 'MASTER' THEN 0 WHEN 'DISTRIBUTED' THEN 1 WHEN 'SHARED' THEN 2 ELSE 3 END";
const NAME_ORDER = 'COALESCE(u.name, w.name)';

/**
 * One page of a space's workspaces that `role` (as `userId`) may read (or
 * change, with `writable`), with
 * the total of all that match. A search looks at the workspace's name and its
 * owner's name, e-mail address and student number. Two statements whatever
 * the size of the space.
 */
export async function workspacePage(manager: EntityManager, spaceId: string, role: Role, userId: string, args: WorkspacePageArgs): Promise<Page<Workspace>> {
  const request = pageRequest('Workspace', args, 3);
  const allowed = args.writable ? writableWorkspaceKinds(role) : readableWorkspaceKinds(role);
  const query = manager
    .createQueryBuilder(Workspace, 'w')
    .leftJoin(User, 'u', 'u.id = w.ownerId')
    .leftJoin(Membership, 'm', 'm.userId = w.ownerId AND m.spaceId = w.spaceId')
    .where('w.spaceId = :spaceId', { spaceId });
  const kinds = [
    ...(allowed.every.length ? ['w.kind IN (:...every)'] : []),
    ...(allowed.own.length ? ['(w.kind IN (:...own) AND w.ownerId = :me)'] : []),
  ];
  query.andWhere(kinds.length ? `(${kinds.join(' OR ')})` : '1 = 0', { every: allowed.every, own: allowed.own, me: userId });
  if (allowed.listedOnly) {
    query.andWhere('(w.membersOnly = :open OR EXISTS (SELECT 1 FROM workspace_member wm WHERE wm.workspaceId = w.id AND wm.userId = :me))', { open: false, me: userId });
  }
  if (args.kind) query.andWhere('w.kind = :kind', { kind: args.kind });
  if (args.excluding) query.andWhere('w.id <> :excluding', { excluding: args.excluding });
  whereContains(query, ['LOWER(w.name)', ...MEMBER_SEARCH_COLUMNS], args.search);
  const count = await query.getCount();
  query.addSelect(KIND_ORDER, 'kind_order').addSelect(NAME_ORDER, 'name_order');
  const columns = [
    { expr: KIND_ORDER, orderBy: 'kind_order', dir: 'ASC' as const },
    { expr: NAME_ORDER, orderBy: 'name_order', dir: 'ASC' as const },
    { expr: 'w.id', dir: 'ASC' as const },
  ];
  const rows = await keyset(query, columns, request, 'limit').getRawAndEntities();
  const keys = new Map(rows.raw.map((r: Record<string, unknown>) => [r.w_id as string, [Number(r.kind_order), String(r.name_order)] as const]));
  return toPage(rows.entities, request, (w) => [...keys.get(w.id)!, w.id], count);
}
