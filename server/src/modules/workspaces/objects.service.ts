import { PassThrough, type Readable } from 'node:stream';
import { badInput, conflict, DomainError, notFound } from '../../core/errors';
import { formatSize } from '../../core/upload-limit';
import { TaskPool } from '../../core/util/task-pool';
import type { TreeEdit } from '../../core/storage/tree-edit';
import { MAX_ARCHIVE_ENTRIES, tarEntries, tooManyEntries, zipEntries, type ArchiveFormat } from './archive-entries';
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
    const result = await this.putObject(a, workspaceId, segments, 'FILE', blob, `upload ${formatPath(segments)}`, options);
    return { ...result, blob };
  }

  /**
   * Unpacks a zip or tar into the folder `path` as ONE commit: every file's
   * bytes are stored as they stream in (a zip is stored whole first, since its
   * directory is at its end), every name is checked like an upload's, and
   * nothing changes unless the whole archive is sound. Files already in the
   * folder are replaced (or, with `ifAbsent`, the unpacking is refused naming
   * them); a file that is already there with the same bytes is left as it is.
   */
  async unpack(actor: Actor | null, workspaceId: string, path: string, body: NodeJS.ReadableStream, options: PutOptions & { maxBytes: number; format: ArchiveFormat }) {
    const { actor: a, workspace } = await this.policy.workspace(actor, workspaceId, 'write');
    const { area, segments: base } = parseAreaPath(path);
    if (area !== 'files') throw badInput(`archives are unpacked under 'files/'; '${path}' is in '${area}/'`);
    if (options.expectedVersion != null && workspace.version !== options.expectedVersion) {
      throw await this.store.staleVersion(workspaceId, options.expectedVersion);
    }
    const archive = await this.readArchive(body, options);
    const target = formatPath(base);
    const summary = { added: 0, replaced: 0, unchanged: 0 };
    const message = `unpack ${archive.files.length} file(s) into ${target}`;
    const result = await this.change(a, workspaceId, message, options, async (trees, root) => {
      Object.assign(summary, { added: 0, replaced: 0, unchanged: 0 });
      const edits: TreeEdit[] = [];
      const present: string[] = [];
      for (const file of archive.files) {
        const at = [...base, ...file.segments];
        const existing = await getEntry(trees, root, at);
        if (existing?.kind === 'DIRECTORY') throw conflict(`'${formatPath(at)}' is a folder; the archive has a file there`);
        if (existing && options.ifAbsent) present.push(formatPath(at));
        if (existing?.kind === 'FILE' && existing.id === file.blob.id) {
          summary.unchanged++;
          continue;
        }
        summary[existing ? 'replaced' : 'added']++;
        edits.push({ path: at, entry: { name: at.at(-1)!, kind: 'FILE', id: file.blob.id, size: file.blob.size } });
      }
      if (present.length > 0) {
        throw conflict(
          `${present.length} of the archive's files exist already (${present.slice(0, 5).map((p) => `'${p}'`).join(', ')}${present.length > 5 ? ', …' : ''}); unpack without If-None-Match to replace them`,
          { paths: present.slice(0, 100), exists: true },
        );
      }
      const empty = archive.emptyFolders.length > 0 ? await trees.put([]) : null;
      for (const folder of archive.emptyFolders) {
        const at = [...base, ...folder];
        const existing = await getEntry(trees, root, at);
        if (existing && existing.kind !== 'DIRECTORY') throw conflict(`'${formatPath(at)}' is a file; the archive has a folder there`);
        if (!existing) edits.push({ path: at, entry: { name: at.at(-1)!, kind: 'DIRECTORY', id: empty!, size: 0 } });
      }
      return editTree(trees, root, edits);
    });
    return { ...result, path: target, files: archive.files.length, folders: archive.folders, bytes: archive.bytes, ...summary };
  }

  /**
   * Stores an archive's files as blobs and checks its names; nothing is placed
   * in a workspace yet. Files are stored several at a time (each one's bytes
   * made durable before the commit may name them); the files together may
   * hold at most `maxBytes`, counted as they are unpacked.
   */
  private async readArchive(body: NodeJS.ReadableStream, options: { maxBytes: number; format: ArchiveFormat }) {
    const files = new Map<string, { segments: string[]; blob: { id: string; size: number } }>();
    const folders = new Map<string, string[]>();
    let count = 0;
    let bytes = 0;
    const tooLarge = () =>
      badInput(`the archive's files add up to more than the limit of ${formatSize(options.maxBytes)}: split it, or ask the administrator to raise MAX_UPLOAD_BYTES`, {
        limitBytes: options.maxBytes,
      });
    // Every file's bytes count towards the archive's limit as they arrive, whichever file they belong to.
    const counted = async function* (source: NodeJS.ReadableStream | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (bytes > options.maxBytes) throw tooLarge();
        yield chunk;
      }
    };
    const zip = options.format === 'zip' ? await this.blobs.openParts((await this.blobs.put(body, { maxBytes: options.maxBytes })).id) : null;
    const entries = zip ? zipEntries(zip) : tarEntries(body, options.format === 'tar.gz');
    const pool = new TaskPool(ARCHIVE_WRITERS);
    try {
      for await (const entry of entries) {
        // `./` (tar's name for the folder itself) and the resource forks macOS adds to zips are not content.
        const name = entry.name.replace(/^(\.\/)+/, '');
        if (name === '' || name === '.' || /^__MACOSX(\/|$)/.test(name)) continue;
        if (++count > MAX_ARCHIVE_ENTRIES) throw tooManyEntries();
        let segments: string[];
        try {
          segments = parsePath(name);
        } catch (error) {
          throw error instanceof DomainError ? badInput(`archive entry: ${error.message}`) : error;
        }
        const key = formatPath(segments);
        if (files.has(key) || folders.has(key)) throw badInput(`archive entry '${key}' appears twice`);
        if (entry.directory) {
          folders.set(key, segments);
          continue;
        }
        files.set(key, { segments, blob: { id: '', size: 0 } });
        const source = counted(await entry.open());
        // A tar's entries stream one after the other: a small file is read whole so the next can start.
        const buffered = entry.sequential && entry.size <= BUFFERED_ENTRY_BYTES ? await readAll(source) : null;
        const store = async () => {
          const blob = buffered ? await this.blobs.putBuffer(buffered) : await this.blobs.put(source);
          files.set(key, { segments, blob: { id: blob.id, size: blob.size } });
        };
        if (entry.sequential && !buffered) {
          await pool.drain();
          await store();
        } else {
          await pool.add(store);
        }
      }
      await pool.drain();
    } catch (error) {
      await pool.settle();
      throw error;
    } finally {
      await zip?.close();
    }
    if (count === 0) throw badInput('the archive holds no files or folders');
    // Every folder that holds something in the archive; a file may not stand where one of them is.
    const parents = new Set<string>();
    for (const segments of [...files.values()].map((f) => f.segments).concat([...folders.values()])) {
      for (let i = 1; i < segments.length; i++) parents.add(formatPath(segments.slice(0, i)));
    }
    const clash = [...files.keys()].find((key) => parents.has(key));
    if (clash) throw badInput(`archive entry '${clash}' is a file, and other entries are inside a folder of that name`);
    return {
      files: [...files.values()],
      folders: folders.size,
      emptyFolders: [...folders.entries()].filter(([key]) => !parents.has(key)).map(([, segments]) => segments),
      bytes,
    };
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

  /** A file (current state or snapshot) the caller may download; its bytes are read by the caller. */
  async openFile(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null) {
    const { entry } = await this.workspaces.entry(actor, workspaceId, path, snapshotId);
    if (entry.kind !== 'FILE') throw badInput(`'${entry.path}' is a ${entry.kind.toLowerCase()}, not a file`);
    return { entry };
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

/** Files of an archive stored at once: their writes (and the waits for the disk) overlap. */
const ARCHIVE_WRITERS = 16;
/** A tar entry up to this size is read into memory so the stream can go on to the next one while it is stored. */
const BUFFERED_ENTRY_BYTES = 1024 * 1024;

async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const exists = (segments: string[]) =>
  conflict(`'${formatPath(segments)}' exists already; replace it knowingly, or choose another name`, { path: formatPath(segments), exists: true });
