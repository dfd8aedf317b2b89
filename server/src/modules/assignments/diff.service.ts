import { notFound } from '../../core/errors';
import type { Page, PageArgs } from '../../core/pagination';
import type { BlobStore } from '../../core/storage/blob-store';
import { parsePath } from '../../core/storage/paths';
import { editTree, EMPTY_TREE_ID, getEntry, listDirectory, type TreeEdit } from '../../core/storage/tree';
import type { Actor } from '../users/users.service';
import type { DbTreeStore, TreeSession } from '../workspaces/db-tree-store';
import type { Assignment } from './assignment.entity';
import { entryPage, type PagedEntry } from './entry-page';
import type { HandIn } from './hand-in.entity';
import type { HandInsService } from './hand-ins.service';
import { decodeText, lineDiff, type Hunk } from './line-diff';
import { treeChanges, type TreeChange } from './tree-changes';

/** Files above this size are reported as modified without a line diff. */
export const MAX_DIFF_BYTES = 1024 * 1024;
/** Bytes read for line diffs in one request, so a hand-in of many large files stays cheap to open. */
const DIFF_BUDGET_BYTES = 16 * 1024 * 1024;

export type NoLineDiff = 'NOT_A_FILE' | 'BINARY' | 'TOO_LARGE' | 'TOO_COMPLEX' | 'BUDGET_EXHAUSTED';

export interface FileChange extends TreeChange {
  /** For a modified text file: the hunks from the distributed to the handed-in version. */
  hunks: Hunk[] | null;
  /** Why a modified file has no line diff. */
  noLineDiff: NoLineDiff | null;
}

export interface HandInChanges {
  handIn: HandIn;
  assignment: Assignment;
  files: FileChange[];
  /** More changes than listed (the list stops at 10,000). */
  truncated: boolean;
}

/** The material as one tree; its new trees stay in the session's memory and are never written. */
function materialTree(session: TreeSession, assignment: Assignment): Promise<string> {
  const edits: TreeEdit[] = assignment.items.map((item) => {
    const path = parsePath(item.path);
    return { path, entry: { name: path.at(-1)!, kind: item.kind, id: item.id, size: item.size } };
  });
  return editTree(session, EMPTY_TREE_ID, edits);
}

/**
 * What a grader looks at in a sealed hand-in: its folders, and what changed
 * against the material the assignment distributed. Access (and the audit of
 * staff opening a hand-in) is the hand-ins service's.
 */
export class DiffService {
  constructor(
    private readonly handIns: HandInsService,
    private readonly trees: DbTreeStore,
    private readonly blobs: BlobStore,
  ) {}

  /**
   * Added, modified and deleted leaves within the assignment's hand-in paths,
   * from the frozen material to the sealed hand-in, with a line diff for each
   * modified text file up to {@link MAX_DIFF_BYTES}.
   */
  async changes(actor: Actor | null, handInId: string): Promise<HandInChanges> {
    const { handIn, assignment } = await this.handIns.get(actor, handInId, 'opened');
    const session = this.trees.session();
    const material = await materialTree(session, assignment);
    const { changes, truncated } = await treeChanges(session, material, handIn.rootTreeId, assignment.handInPaths.map(parsePath));
    let budget = DIFF_BUDGET_BYTES;
    const files: FileChange[] = [];
    for (const change of changes) {
      if (change.change !== 'MODIFIED') {
        files.push({ ...change, hunks: null, noLineDiff: null });
        continue;
      }
      // A MODIFIED change has an entry on both sides.
      const before = change.before!;
      const after = change.after!;
      let noLineDiff: NoLineDiff | null = null;
      if (change.kind !== 'FILE') noLineDiff = 'NOT_A_FILE';
      else if (before.size > MAX_DIFF_BYTES || after.size > MAX_DIFF_BYTES) noLineDiff = 'TOO_LARGE';
      else if (before.size + after.size > budget) noLineDiff = 'BUDGET_EXHAUSTED';
      if (noLineDiff) {
        files.push({ ...change, hunks: null, noLineDiff });
        continue;
      }
      budget -= before.size + after.size;
      const [oldText, newText] = await Promise.all([this.blobs.read(before.id), this.blobs.read(after.id)]).then((b) => b.map(decodeText));
      const hunks = oldText === null || newText === null ? null : lineDiff(oldText, newText);
      files.push({ ...change, hunks, noLineDiff: oldText === null || newText === null ? 'BINARY' : hunks ? null : 'TOO_COMPLEX' });
    }
    return { handIn, assignment, files, truncated };
  }

  /**
   * A file as the assignment distributed it, for comparing a hand-in's file
   * with its original side by side (what `changes` reports as modified or deleted).
   */
  async openMaterialFile(actor: Actor | null, handInId: string, path: string) {
    const { handIn, assignment } = await this.handIns.get(actor, handInId, 'downloaded');
    const session = this.trees.session();
    const entry = await getEntry(session, await materialTree(session, assignment), parsePath(path));
    if (!entry || entry.kind !== 'FILE') throw notFound(`no file '${path}' in the material of this hand-in`);
    return { entry, handIn };
  }

  /** One page of a folder of a sealed hand-in (the student's own, or any for staff). */
  async entries(actor: Actor | null, handInId: string, path: string, page: PageArgs): Promise<Page<PagedEntry>> {
    const { handIn } = await this.handIns.get(actor, handInId, 'opened');
    const segments = parsePath(path);
    return entryPage(await listDirectory(this.trees.reader, handIn.rootTreeId, segments), segments, page);
  }
}
