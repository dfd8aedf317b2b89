/**
 * Retraction: taking delivered entries back without touching the recipient's edits.
 */
import { formatPath } from '../../../core/storage/paths';
import type { TreeStore } from '../../../core/storage/types';
import { checkItems, incomingAt } from './items';
import type { IncomingItem } from './policy';
import {
  compareSegments,
  isDir,
  sameContent,
  sortedNames,
  stored,
  TreeDraft,
  type DraftNode,
  type OpenDir,
} from './tree-draft';

/** The result of {@link retractItems}; paths are sorted. */
export interface RetractResult {
  root: string;
  /** Paths deleted: delivered entries still as delivered, and `KEEP_BOTH` copies holding delivered content. */
  removed: string[];
  /** Delivered paths that now hold something else, left in place. */
  kept: string[];
}

/**
 * Removes from `currentRoot` the `delivered` entries the recipient has not
 * changed.
 *
 * Where the current tree holds exactly the delivered content (same kind and
 * id) the entry is deleted, a whole folder at once when it is unchanged;
 * where it holds something else it stays and is listed in `kept`; where it is
 * missing nothing happens. Inside delivered folders the comparison goes leaf
 * by leaf. Copies that `KEEP_BOTH` put beside an entry (`x (incoming N).ext`)
 * are deleted when they hold exactly the delivered content. A folder emptied
 * by the retraction is removed, both inside a delivered folder and on the
 * way down to a delivered entry, but never an area itself.
 *
 * @throws DomainError BAD_USER_INPUT for a malformed item (see `checkItems`).
 */
export async function retractItems(
  store: TreeStore,
  currentRoot: string,
  delivered: readonly IncomingItem[],
): Promise<RetractResult> {
  const draft = await TreeDraft.open(store, currentRoot);
  const run = new RetractRun(draft);
  for (const item of checkItems(delivered)) await run.retractItem(item);
  const root = await draft.write();
  return { root, removed: run.sorted(run.removed), kept: run.sorted(run.kept) };
}

class RetractRun {
  readonly removed: (readonly string[])[] = [];
  readonly kept: (readonly string[])[] = [];

  constructor(private readonly draft: TreeDraft) {}

  async retractItem(item: IncomingItem): Promise<void> {
    const { path } = item;
    // folders[i] is the open folder at path.slice(0, i).
    const folders: OpenDir[] = [this.draft.root];
    let removedAny = false;
    for (let depth = 0; depth < path.length - 1; depth++) {
      const dir = folders[depth];
      const name = path[depth];
      // Where a file stood in the way when the entry was delivered, KEEP_BOTH copied the delivery beside that file.
      if (depth > 0 && this.removeCopies(dir, name, incomingAt(path.slice(depth), item), path.slice(0, depth + 1))) {
        removedAny = true;
      }
      const opened = await this.draft.openChild(dir, name);
      if (opened === null) break;
      folders.push(opened);
    }
    if (folders.length === path.length) {
      if (await this.at(folders[path.length - 1], path[path.length - 1], stored(item.entry), path)) removedAny = true;
    }
    if (!removedAny) return;
    // Remove folders on the way that the retraction emptied, deepest first; folders[1] is the area and stays.
    for (let depth = folders.length - 1; depth >= 2; depth--) {
      if (folders[depth].children.size > 0) break;
      this.draft.remove(folders[depth - 1], path[depth - 1]);
    }
  }

  /** Retracts `delivered` from `name` in `dir`; true when something was removed. */
  private async at(dir: OpenDir, name: string, delivered: DraftNode, path: readonly string[]): Promise<boolean> {
    const copiesRemoved = this.removeCopies(dir, name, delivered, path);
    const current = dir.children.get(name);
    if (current === undefined) return copiesRemoved;
    if (sameContent(current, delivered)) {
      this.draft.remove(dir, name);
      this.removed.push(path);
      return true;
    }
    if (isDir(current) && isDir(delivered)) {
      const target = (await this.draft.openChild(dir, name))!;
      const children = await this.draft.childrenOf(delivered);
      let inner = false;
      for (const childName of sortedNames(children.keys())) {
        if (await this.at(target, childName, children.get(childName)!, [...path, childName])) inner = true;
      }
      if (inner && target.children.size === 0) this.draft.remove(dir, name);
      return copiesRemoved || inner;
    }
    this.kept.push(path);
    return copiesRemoved;
  }

  /** Deletes the copies of `name` in `dir` that hold exactly `delivered`; true when there were any. */
  private removeCopies(dir: OpenDir, name: string, delivered: DraftNode, path: readonly string[]): boolean {
    let any = false;
    for (const copy of this.draft.copiesOf(dir, name, isDir(delivered))) {
      if (sameContent(dir.children.get(copy), delivered)) {
        this.draft.remove(dir, copy);
        this.removed.push([...path.slice(0, -1), copy]);
        any = true;
      }
    }
    return any;
  }

  sorted(paths: (readonly string[])[]): string[] {
    return [...paths].sort(compareSegments).map(formatPath);
  }
}
