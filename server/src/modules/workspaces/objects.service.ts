import { PassThrough, type Readable } from 'node:stream';
import { badInput, conflict, notFound } from '../../core/errors';
import type { BlobStore } from '../../core/storage/blob-store';
import { formatPath, isPrefixOf, parseAreaPath, parsePath } from '../../core/storage/paths';
import { editTree, getEntry, walkTree } from '../../core/storage/tree';
import type { EntryKind, TreeEntry } from '../../core/storage/types';
import type { Actor } from '../users/users.service';
import { ZipWriter } from '../../core/util/zip-writer';
import type { ChangeResult, WorkspaceStore } from './workspace-store';
import type { WorkspacesService } from './workspaces.service';
import type { WorkspaceAccess } from './workspace-access';

export interface EditOptions {
  expectedVersion?: number | null;
}

export interface PutOptions extends EditOptions {
  /** Refuse (CONFLICT) when something is at the path already, instead of replacing it. */
  ifAbsent?: boolean;
}

/**
 * Edits of a workspace's current state: folders, moves, deletes, uploads,
 * and the generic "put an object at a path" that tables and applications use.
 * Every edit is one compare-and-swap commit; a failed check changes nothing.
 */
export class ObjectsService {
  constructor(
    private readonly policy: WorkspaceAccess,
    private readonly store: WorkspaceStore,
    private readonly workspaces: WorkspacesService,
    readonly blobs: BlobStore,
  ) {}

  async createFolder(actor: Actor | null, workspaceId: string, path: string, options: EditOptions = {}) {
    const { actor: a } = await this.policy.workspace(actor, workspaceId, 'write');
    const { area, segments } = parseAreaPath(path);
    if (area !== 'files') throw badInput(`folders live under 'files/'; '${path}' is in '${area}/'`);
    this.workspaces.assertNotArea(segments);
    return this.change(a, workspaceId, `create folder ${formatPath(segments)}`, options, async (trees, root) => {
      const existing = await getEntry(trees, root, segments);
      if (existing) throw conflict(`'${formatPath(segments)}' exists already`);
      const empty = await trees.put([]);
      return editTree(trees, root, [{ path: segments, entry: { name: segments.at(-1)!, kind: 'DIRECTORY', id: empty, size: 0 } }]);
    });
  }

  /** Moves or renames within one area; the destination must be free. */
  async move(actor: Actor | null, workspaceId: string, from: string, to: string, options: EditOptions = {}) {
    const { actor: a } = await this.policy.workspace(actor, workspaceId, 'write');
    const source = parseAreaPath(from);
    const target = parseAreaPath(to);
    this.workspaces.assertNotArea(source.segments);
    this.workspaces.assertNotArea(target.segments);
    if (source.area !== target.area) throw badInput(`'${from}' and '${to}' are in different areas; an object stays in its area`);
    if (source.area !== 'files' && target.segments.length !== 2) throw badInput(`${source.area} cannot be put in folders`);
    if (isPrefixOf(source.segments, target.segments)) throw badInput(`cannot move '${from}' into itself`);
    const message = `move ${formatPath(source.segments)} to ${formatPath(target.segments)}`;
    return this.change(a, workspaceId, message, options, async (trees, root) => {
      const entry = await getEntry(trees, root, source.segments);
      if (!entry) throw notFound(`nothing at '${formatPath(source.segments)}'`);
      if (await getEntry(trees, root, target.segments)) throw conflict(`'${formatPath(target.segments)}' exists already`);
      return editTree(trees, root, [
        { path: source.segments, entry: null },
        { path: target.segments, entry },
      ]);
    });
  }

  async delete(actor: Actor | null, workspaceId: string, path: string, options: EditOptions = {}) {
    const { actor: a } = await this.policy.workspace(actor, workspaceId, 'write');
    const { segments } = parseAreaPath(path);
    this.workspaces.assertNotArea(segments);
    return this.change(a, workspaceId, `delete ${formatPath(segments)}`, options, async (trees, root) => {
      if (!(await getEntry(trees, root, segments))) throw notFound(`nothing at '${formatPath(segments)}'`);
      return editTree(trees, root, [{ path: segments, entry: null }]);
    });
  }

  /**
   * Streams an upload into the blob store, then places it at `path` (parents
   * are created). The bytes are stored before the head moves; a rejected
   * upload leaves the head untouched (an unreferenced blob is swept by GC).
   */
  async upload(
    actor: Actor | null,
    workspaceId: string,
    path: string,
    body: NodeJS.ReadableStream,
    options: PutOptions & { maxBytes: number },
  ) {
    const { actor: a, workspace } = await this.policy.workspace(actor, workspaceId, 'write');
    const { area, segments } = parseAreaPath(path);
    if (area !== 'files') throw badInput(`files are uploaded under 'files/'; use the table import for '${area}/'`);
    this.workspaces.assertNotArea(segments);
    // Refused before the bytes are read when the answer is already known; checked again when the head moves.
    if (options.expectedVersion != null && workspace.version !== options.expectedVersion) {
      throw await this.store.staleVersion(workspaceId, options.expectedVersion);
    }
    if (options.ifAbsent && (await getEntry(this.store.trees.reader, workspace.rootTreeId, segments))) throw exists(segments);
    const blob = await this.blobs.put(body, { maxBytes: options.maxBytes });
    return this.putObject(a, workspaceId, segments, 'FILE', blob, `upload ${formatPath(segments)}`, options);
  }

  /** Places a stored blob at `segments` as an object of `kind`, replacing an object of any non-folder kind. */
  async putObject(
    actor: Actor,
    workspaceId: string,
    segments: string[],
    kind: Exclude<EntryKind, 'DIRECTORY'>,
    blob: { id: string; size: number },
    message: string,
    options: PutOptions = {},
  ): Promise<ChangeResult> {
    return this.change(actor, workspaceId, message, options, async (trees, root) => {
      const existing = await getEntry(trees, root, segments);
      if (existing && options.ifAbsent) throw exists(segments);
      if (existing?.kind === 'DIRECTORY') throw conflict(`'${formatPath(segments)}' is a folder`);
      const entry: TreeEntry = { name: segments.at(-1)!, kind, id: blob.id, size: blob.size };
      return editTree(trees, root, [{ path: segments, entry }]);
    });
  }

  /** Opens a file (current state or snapshot) for download. */
  async openFile(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null) {
    const { entry } = await this.workspaces.entry(actor, workspaceId, path, snapshotId);
    if (entry.kind !== 'FILE') throw badInput(`'${entry.path}' is a ${entry.kind.toLowerCase()}, not a file`);
    return { entry, stream: await this.blobs.openRead(entry.id) };
  }

  /** A zip of a folder streamed as it is built: memory stays flat whatever the folder's size. */
  async zipFolder(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null) {
    const { entry, state } = await this.workspaces.entry(actor, workspaceId, path || 'files', snapshotId);
    if (entry.kind !== 'DIRECTORY') throw badInput(`'${entry.path}' is not a folder`);
    const name = parsePath(entry.path).at(-1) ?? 'files';
    const out = new PassThrough();
    void this.writeZip(this.store, entry.id, out).catch((error) => out.destroy(error));
    return { name: `${name}.zip`, stream: out as Readable, state };
  }

  private async writeZip(store: WorkspaceStore, treeId: string, out: PassThrough): Promise<void> {
    const zip = new ZipWriter(out);
    for await (const { path, entry } of walkTree(store.trees.reader, treeId)) {
      const name = formatPath(path);
      if (entry.kind === 'DIRECTORY') zip.folder(name);
      else if (entry.kind === 'FILE') await zip.file(name, async () => (await this.blobs.openRead(entry.id)) as Readable);
    }
    await zip.finish();
  }

  private change(
    actor: Actor,
    workspaceId: string,
    message: string,
    options: EditOptions,
    edit: Parameters<WorkspaceStore['change']>[1],
  ) {
    return this.store.change(workspaceId, edit, { authorId: actor.user.id, message }, {
      expectedVersion: options.expectedVersion ?? undefined,
    });
  }
}

const exists = (segments: string[]) =>
  conflict(`'${formatPath(segments)}' exists already; replace it knowingly, or choose another name`, { path: formatPath(segments), exists: true });
