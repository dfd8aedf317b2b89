import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import { byId, loaderOf } from '../../core/graphql/loaders';
import { throughQuery, type NodeLookups } from '../../core/graphql/node.resolver';
import { userById } from '../users/user-loader';
import { UserType } from '../users/users.types';
import type { ListedEntry } from './workspaces.service';
import type { Workspace } from './workspace.entity';
import {
  ApplicationType,
  ColumnTypeInput,
  CommitConnection,
  CommitType,
  EntryConnection,
  ObjectDetailsType,
  RestoreResult,
  SnapshotConnection,
  SnapshotType,
  TablePage,
  WorkspaceEvent,
  WorkspaceType,
} from './workspaces.types';

const entryNode = (e: ListedEntry) => ({ name: e.name, path: e.path, kind: e.kind, hash: e.id, size: e.size });

const loadReadableCommits = byId((ids, ctx) => ctx.services.workspaces.commitsById(ctx.actor, ids));

/** node(id:): workspaces and snapshots as their own lookups read them; a version to whoever may read its workspace's history. */
export const workspaceNodes: NodeLookups = {
  Workspace: throughQuery('workspace'),
  Snapshot: throughQuery('snapshot'),
  Commit: (raw, ctx) => loaderOf(ctx, 'node:Commit', loadReadableCommits).load(raw),
};

@Resolver(() => WorkspaceType)
export class WorkspacesResolver {
  @Query(() => WorkspaceType, { nullable: true, description: "One workspace by id. Staff of its space read every workspace; others read their own, the space's DISTRIBUTED workspace and SHARED ones they belong to. Null with a NOT_FOUND error when it does not exist or is hidden from the caller; the rest of the response stands." })
  workspace(@Arg('id', () => ID, { description: 'The workspace.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.workspaces.get(ctx.actor, id);
  }

  @Query(() => SnapshotType, { nullable: true, description: 'One snapshot by id; whoever may read its workspace. Null with a NOT_FOUND error when it does not exist or is hidden from the caller; the rest of the response stands.' })
  snapshot(@Arg('id', () => ID, { description: 'The snapshot.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.snapshots.get(ctx.actor, id);
  }

  @FieldResolver(() => UserType, { description: 'The owner of a PERSONAL workspace; null for other kinds.', nullable: true })
  owner(@Root() workspace: Workspace, @Ctx() ctx: GraphQLContext) {
    return userById(ctx, workspace.ownerId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may change this workspace.' })
  async canWrite(@Root() workspace: Workspace, @Ctx() ctx: GraphQLContext) {
    return loaderOf(ctx, 'workspaceWritable', (workspaces: readonly Workspace[]) => ctx.services.policy.writable(ctx.actor, workspaces)).load(workspace);
  }

  @FieldResolver(() => EntryConnection, { description: "A folder's entries (current state, or a snapshot's)." })
  async entries(
    @Root() workspace: Workspace,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('path', { description: 'Folder to list, workspace-relative; the top when empty.', defaultValue: '' }) path: string,
    @Arg('snapshotId', () => ID, { description: 'Read this snapshot of the workspace instead of its current state.', nullable: true }) snapshotId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const result = await ctx.services.workspaces.listFolder(ctx.actor, { workspaceId: workspace.id, path, snapshotId, ...page });
    return toConnection(result, entryNode);
  }

  @FieldResolver(() => ObjectDetailsType, { description: 'An object at a path: kind, size, hash and last change.' })
  async object(
    @Root() workspace: Workspace,
    @Arg('path', { description: 'Workspace-relative path of the object.' }) path: string,
    @Arg('snapshotId', () => ID, { description: 'Read this snapshot of the workspace instead of its current state.', nullable: true }) snapshotId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { state, entry } = await ctx.services.workspaces.entry(ctx.actor, workspace.id, path, snapshotId);
    const lastChange = await ctx.services.workspaces.lastChange(state.workspace, state.rootId, entry.path);
    return { ...entryNode(entry), lastChange };
  }

  @FieldResolver(() => CommitConnection, { description: 'The versions of the workspace (its history), newest first.' })
  async history(@Root() workspace: Workspace, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.workspaces.history(ctx.actor, workspace.id, page), (c) => c);
  }

  @FieldResolver(() => SnapshotConnection, { description: 'Snapshots, newest first.' })
  async snapshots(@Root() workspace: Workspace, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.snapshots.list(ctx.actor, workspace.id, page), (s) => s);
  }

  @FieldResolver(() => TablePage, { description: "A page of a table's rows with its column types." })
  async table(
    @Root() workspace: Workspace,
    @Arg('path', { description: 'Workspace-relative path of the table.' }) path: string,
    @Arg('snapshotId', () => ID, { description: 'Read this snapshot of the workspace instead of its current state.', nullable: true }) snapshotId: string | null,
    @Arg('offset', () => Int, { description: 'Rows to skip from the start.', defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { description: 'Most rows to return.', defaultValue: 100 }) limit: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = await ctx.services.tables.rows(ctx.actor, workspace.id, path, snapshotId, offset, limit);
    return { path: page.entry.path, hash: page.entry.id, columns: page.columns, rowCount: page.rowCount, offset, rows: page.rows };
  }

  @FieldResolver(() => ApplicationType, { description: 'An application configuration.' })
  async application(
    @Root() workspace: Workspace,
    @Arg('path', { description: 'Workspace-relative path of the application.' }) path: string,
    @Arg('snapshotId', () => ID, { description: 'Read this snapshot of the workspace instead of its current state.', nullable: true }) snapshotId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const app = await ctx.services.applications.get(ctx.actor, workspace.id, path, snapshotId);
    return { path: app.path, hash: app.id, config: app.config };
  }

  @Mutation(() => WorkspaceType, { description: 'A SHARED workspace for group work (admins).' })
  createSharedWorkspace(@Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string, @Arg('name', { description: 'Name of the workspace; must not be empty.' }) name: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.workspaces.createShared(ctx.actor, spaceId, name);
  }

  @Mutation(() => WorkspaceType, { description: 'Creates an empty folder; returns the workspace at its new version. Whoever may change the workspace.' })
  async createFolder(
    @Arg('workspaceId', () => ID, { description: 'The workspace.' }) workspaceId: string,
    @Arg('path', { description: 'Workspace-relative path of the new folder.' }) path: string,
    @Arg('expectedVersion', () => Int, { description: 'The workspace version the caller last saw; a different current version is refused with CONFLICT. Not checked when omitted.', nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await ctx.services.objects.createFolder(ctx.actor, workspaceId, path, { expectedVersion })).workspace;
  }

  @Mutation(() => WorkspaceType, { description: 'Moves or renames a file, folder, table or application within its area.' })
  async movePath(
    @Arg('workspaceId', () => ID, { description: 'The workspace.' }) workspaceId: string,
    @Arg('from', { description: 'Current workspace-relative path.' }) from: string,
    @Arg('to', { description: 'New workspace-relative path; must not exist yet.' }) to: string,
    @Arg('expectedVersion', () => Int, { description: 'The workspace version the caller last saw; a different current version is refused with CONFLICT. Not checked when omitted.', nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await ctx.services.objects.move(ctx.actor, workspaceId, from, to, { expectedVersion })).workspace;
  }

  @Mutation(() => WorkspaceType, { description: 'Deletes a file, folder (with everything inside), table or application; returns the workspace at its new version. Whoever may change the workspace; earlier versions keep the content.' })
  async deletePath(
    @Arg('workspaceId', () => ID, { description: 'The workspace.' }) workspaceId: string,
    @Arg('path', { description: 'Workspace-relative path to delete.' }) path: string,
    @Arg('expectedVersion', () => Int, { description: 'The workspace version the caller last saw; a different current version is refused with CONFLICT. Not checked when omitted.', nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await ctx.services.objects.delete(ctx.actor, workspaceId, path, { expectedVersion })).workspace;
  }

  @Mutation(() => ApplicationType, { description: 'Creates or replaces an application configuration; an invalid one is refused naming the field.' })
  async saveApplication(
    @Arg('workspaceId', () => ID, { description: 'The workspace.' }) workspaceId: string,
    @Arg('name', { description: 'Name of the application (its file name in the applications area).' }) name: string,
    @Arg('config', () => GraphQLJSONObject, { description: 'The configuration: image, packages, environment, resources, startCommand, ports.' }) config: Record<string, unknown>,
    @Arg('expectedVersion', () => Int, { description: 'The workspace version the caller last saw; a different current version is refused with CONFLICT. Not checked when omitted.', nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const saved = await ctx.services.applications.save(ctx.actor, workspaceId, name, config, expectedVersion);
    return { path: saved.path, hash: saved.id, config: saved.config };
  }

  @Mutation(() => WorkspaceType, { description: "Re-types a table's columns; refused (nothing changes) when a value does not fit." })
  async changeTableColumnTypes(
    @Arg('workspaceId', () => ID, { description: 'The workspace.' }) workspaceId: string,
    @Arg('path', { description: 'Workspace-relative path of the table.' }) path: string,
    @Arg('columns', () => [ColumnTypeInput], { description: 'The columns to re-type; others keep their type.' }) columns: ColumnTypeInput[],
    @Arg('expectedVersion', () => Int, { description: 'The workspace version the caller last saw; a different current version is refused with CONFLICT. Not checked when omitted.', nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
    return (await ctx.services.tables.changeColumnTypes(ctx.actor, workspaceId, path, types, expectedVersion)).workspace;
  }

  @Mutation(() => SnapshotType, { description: 'Names the current state, or an earlier version (commitId, from the history), as a snapshot.' })
  createSnapshot(
    @Arg('workspaceId', () => ID, { description: 'The workspace.' }) workspaceId: string,
    @Arg('label', { description: 'Short name of the snapshot; must not be empty.' }) label: string,
    @Arg('description', { description: 'What the snapshot is for; empty when omitted.', defaultValue: '' }) description: string,
    @Arg('commitId', () => ID, { nullable: true, description: 'A version from the workspace history; the current state when omitted.' }) commitId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.snapshots.create(ctx.actor, workspaceId, label, description, commitId);
  }

  @Mutation(() => Boolean, { description: "Deletes a snapshot; true when deleted. Whoever may change its workspace; the workspace's history is kept." })
  deleteSnapshot(@Arg('id', () => ID, { description: 'The snapshot to delete.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.snapshots.delete(ctx.actor, id);
  }

  @Mutation(() => RestoreResult, { description: "Full restore: the current state becomes the snapshot's, after an automatic backup snapshot." })
  restoreSnapshot(@Arg('id', () => ID, { description: 'The snapshot to restore.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.snapshots.restore(ctx.actor, id);
  }

  @Subscription(() => WorkspaceEvent, {
    description: 'Each new version of a workspace the caller may read; a burst of versions arrives as its latest, at most about ten events a second.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      await ctx.services.policy.workspace(ctx.actor, args.workspaceId, 'read');
      return ctx.services.workspaceLive.stream(args.workspaceId);
    },
  })
  workspaceChanged(@Arg('workspaceId', () => ID, { description: 'The workspace to follow.' }) _workspaceId: string, @Root() event: WorkspaceEvent) {
    return event;
  }
}

@Resolver(() => CommitType)
export class CommitResolver {
  @FieldResolver(() => UserType, { description: 'Who made the version; null for the system.', nullable: true })
  author(@Root() commit: CommitType, @Ctx() ctx: GraphQLContext) {
    return userById(ctx, commit.authorId);
  }
}

