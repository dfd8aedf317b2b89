/**
 * Undo of one applied change that keeps what the recipient did since.
 */
import { formatPath } from '../../../core/storage/paths';
import type { TreeStore } from '../../../core/storage/types';
import {
  compareSegments,
  isDir,
  newDir,
  sameContent,
  sortedNames,
  stored,
  TreeDraft,
  type DraftNode,
  type OpenDir,
} from './tree-draft';

/** The result of {@link revertChange}; paths are sorted. */
export interface RevertResult {
  root: string;
  /**
   * Paths set back to their value before the change; a folder path stands for
   * a subtree the change added, removed or replaced as a whole.
   */
  reverted: string[];
  /** Paths left alone because the recipient changed them since. */
  kept: string[];
}

/**
 * Reverts the change that turned `beforeRoot` into `afterRoot`, applied to
 * `currentRoot`, which may hold later edits.
 *
 * For every path where before and after differ: where the current tree still
 * holds exactly the after value (same kind and id, or both absent) it is set
 * back to the before value, which restores or deletes it (`reverted`); where
 * it already holds the before value nothing is needed; anything else is the
 * recipient's and stays (`kept`). Folders are compared by id first, so an
 * untouched subtree is reverted as a whole and an equal one never opened. A
 * folder the change created that ends up empty is removed.
 *
 * With no edits in between (`currentRoot === afterRoot`) the result is `beforeRoot`.
 */
export async function revertChange(
  store: TreeStore,
  currentRoot: string,
  beforeRoot: string,
  afterRoot: string,
): Promise<RevertResult> {
  const draft = await TreeDraft.open(store, currentRoot);
  const run = new RevertRun(draft);
  await run.inside(draft.root, rootNode(beforeRoot), rootNode(afterRoot), []);
  const root = await draft.write();
  return { root, reverted: run.sorted(run.reverted), kept: run.sorted(run.kept) };
}

function rootNode(id: string): DraftNode {
  return stored({ name: '', kind: 'DIRECTORY', id, size: 0 });
}

class RevertRun {
  readonly reverted: (readonly string[])[] = [];
  readonly kept: (readonly string[])[] = [];

  constructor(private readonly draft: TreeDraft) {}

  /** Reverts inside the folder `target` every child that differs between the folders `before` and `after`. */
  async inside(
    target: OpenDir,
    before: DraftNode | undefined,
    after: DraftNode | undefined,
    path: readonly string[],
  ): Promise<void> {
    const was = before === undefined ? new Map<string, DraftNode>() : await this.draft.childrenOf(before);
    const is = after === undefined ? new Map<string, DraftNode>() : await this.draft.childrenOf(after);
    for (const name of sortedNames(new Set([...was.keys(), ...is.keys()]))) {
      const b = was.get(name);
      const a = is.get(name);
      if (!sameContent(b, a)) await this.at(target, name, b, a, [...path, name]);
    }
  }

  /** Reverts `name` in `dir`, where the change turned `before` into `after` (they differ). */
  private async at(
    dir: OpenDir,
    name: string,
    before: DraftNode | undefined,
    after: DraftNode | undefined,
    path: readonly string[],
  ): Promise<void> {
    const current = dir.children.get(name);
    if (sameContent(current, after)) {
      if (before === undefined) this.draft.remove(dir, name);
      else this.draft.set(dir, name, before);
      await this.differences(before, after, path, this.reverted);
      return;
    }
    if (sameContent(current, before)) return;

    const beforeDir = isDir(before);
    if ((beforeDir || isDir(after)) && (current === undefined || isDir(current))) {
      // Folders on one side at least: revert leaf by leaf below, keeping the recipient's changes.
      let target: OpenDir;
      if (current === undefined) {
        target = newDir();
        this.draft.set(dir, name, target);
      } else {
        target = (await this.draft.openChild(dir, name))!;
      }
      await this.inside(target, beforeDir ? before : undefined, isDir(after) ? after : undefined, path);
      if (target.children.size === 0 && (!beforeDir || current === undefined)) this.draft.remove(dir, name);
      if (before !== undefined && !beforeDir) {
        // The before value is a leaf: it can come back only where nothing of the recipient's remains.
        if (dir.children.has(name)) {
          this.kept.push(path);
        } else {
          this.draft.set(dir, name, before);
          this.reverted.push(path);
        }
      }
      return;
    }
    this.kept.push(path);
  }

  /**
   * Lists where `before` and `after` differ, as coarsely as possible: a path
   * below which everything differs (added, removed, or a leaf changed) stands
   * for its subtree, and equal subtrees are skipped unread.
   */
  private async differences(
    before: DraftNode | undefined,
    after: DraftNode | undefined,
    path: readonly string[],
    into: (readonly string[])[],
  ): Promise<void> {
    if (sameContent(before, after)) return;
    if (!isDir(before) || !isDir(after)) {
      into.push(path);
      return;
    }
    const was = await this.draft.childrenOf(before!);
    const is = await this.draft.childrenOf(after!);
    for (const name of sortedNames(new Set([...was.keys(), ...is.keys()]))) {
      await this.differences(was.get(name), is.get(name), [...path, name], into);
    }
  }

  sorted(paths: (readonly string[])[]): string[] {
    return [...paths].sort(compareSegments).map(formatPath);
  }
}
