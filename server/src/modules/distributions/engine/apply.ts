/**
 * The merge at the heart of a push: incoming items into a target root, under
 * a conflict policy per area.
 */
import { formatPath, isPrefixOf } from '../../../core/storage/paths';
import type { TreeStore } from '../../../core/storage/types';
import { copyName } from './copy-names';
import { areaOf, checkItems, incomingAt, wrapIn } from './items';
import {
  OUTCOMES,
  policyFor,
  type ApplyOptions,
  type ApplyResult,
  type IncomingItem,
  type Outcome,
  type PathOutcome,
  type Policy,
} from './policy';
import {
  compareSegments,
  entryOf,
  isDir,
  newDir,
  sameContent,
  sortedNames,
  stored,
  TreeDraft,
  type DraftNode,
  type OpenDir,
} from './tree-draft';

/**
 * Applies `items` to the tree `targetRoot` and returns the new root with an
 * outcome per path. Pure over trees: the only writes are new trees in `store`
 * (none when the push fails or changes nothing).
 *
 * Semantics:
 * - Content is equal when kind and id are. Folders merge: differences are
 *   judged per leaf (file, table, application), and a leaf meeting a folder is
 *   a difference. Only `MIRROR` replaces whole folders, and only at pushed paths.
 * - Items apply in the order given, each seeing the result of the earlier
 *   ones; of two items at exactly the same path only the later counts.
 * - `MIRROR` makes each pushed path exactly its incoming content (items
 *   inside another item's path compose with it, later over earlier) and
 *   reports `REMOVED` for what goes inside it. Nothing outside the pushed
 *   paths is touched, except a leaf standing where a pushed path needs a
 *   folder, which is replaced; an item at an area root (`['files']`) mirrors
 *   the whole area. Under every policy, entries outside the pushed paths and
 *   their folders stay as they are.
 * - With `options.lastDelivered`, each `REPLACED` and `REMOVED` outcome says
 *   whether the target's entry was the recipient's own (`edited`: it differs
 *   from what was last delivered there) or still the delivered content.
 * - A difference in a `FAIL` area fails the whole push: the root is returned
 *   unchanged and every `CONFLICT` is listed, with the other outcomes as they
 *   would have been.
 * - Outcomes are coarse: a subtree added, removed or equal as a whole is one
 *   outcome with its leaf count, and the equal leaves of a merged folder are
 *   summed into one `UNCHANGED` outcome for that folder.
 *
 * Subtrees with equal ids are never opened, a folder the target lacks is added
 * without being read (only its leaf count, memoised per tree id), and each
 * changed folder is written once.
 *
 * @throws DomainError BAD_USER_INPUT for a malformed item (see `checkItems`)
 *   or a name the tree encoding rejects.
 */
export async function applyItems(
  store: TreeStore,
  targetRoot: string,
  items: readonly IncomingItem[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  const draft = await TreeDraft.open(store, targetRoot);
  const run = new ApplyRun(draft, options);
  const mirrored: IncomingItem[] = [];
  for (const item of checkItems(items)) {
    const policy = policyFor(options.policies, areaOf(item));
    if (policy === 'MIRROR') mirrored.push(item);
    else await run.applyItem(item, policy);
  }
  if (mirrored.length > 0) await run.mirrorItems(mirrored);

  const root = run.failed ? targetRoot : await draft.write();
  return { root, changed: root !== targetRoot, failed: run.failed, ...run.report() };
}

/** Sums leaves that were equal, to be reported as one `UNCHANGED` outcome for their folder. */
class Tally {
  files = 0;
  any = false;
  add(files: number): void {
    this.files += files;
    this.any = true;
  }
}

class ApplyRun {
  failed = false;
  private readonly outcomes: { segments: readonly string[]; outcome: PathOutcome }[] = [];

  constructor(
    private readonly draft: TreeDraft,
    private readonly options: ApplyOptions,
  ) {}

  /**
   * Opens (or makes) the folders leading to `path`. Returns the folder holding
   * `path[depth]`: its last segment, or a leaf standing where a folder is needed.
   */
  private async folderOf(path: readonly string[]): Promise<{ dir: OpenDir; depth: number }> {
    let dir = this.draft.root;
    for (let depth = 0; depth < path.length - 1; depth++) {
      const name = path[depth];
      const child = dir.children.get(name);
      if (child === undefined) {
        const created = newDir();
        this.draft.set(dir, name, created);
        dir = created;
      } else if (isDir(child)) {
        dir = (await this.draft.openChild(dir, name))!;
      } else {
        return { dir, depth };
      }
    }
    return { dir, depth: path.length - 1 };
  }

  async applyItem(item: IncomingItem, policy: Policy): Promise<void> {
    const { path } = item;
    const { dir, depth } = await this.folderOf(path);
    if (depth < path.length - 1) {
      // A leaf where the item needs a folder: a difference at this level.
      await this.merge(dir, path[depth], incomingAt(path.slice(depth), item), path.slice(0, depth + 1), policy, new Tally());
      return;
    }
    const tally = new Tally();
    await this.merge(dir, path[path.length - 1], stored(item.entry), path, policy, tally);
    if (tally.any) this.record(path, 'UNCHANGED', tally.files);
  }

  /**
   * Merges `incoming` into `dir` at `name`. Equal content is added to `tally`
   * for the caller to report; everything else is recorded here.
   */
  private async merge(
    dir: OpenDir,
    name: string,
    incoming: DraftNode,
    path: readonly string[],
    policy: Policy,
    tally: Tally,
  ): Promise<void> {
    const current = dir.children.get(name);
    if (current === undefined) {
      this.draft.set(dir, name, incoming);
      this.record(path, 'ADDED', await this.draft.count(incoming));
      return;
    }
    if (sameContent(current, incoming)) {
      tally.add(await this.draft.count(incoming));
      return;
    }
    if (isDir(current) && isDir(incoming)) {
      const target = (await this.draft.openChild(dir, name))!;
      const children = await this.draft.childrenOf(incoming);
      const inner = new Tally();
      for (const childName of sortedNames(children.keys())) {
        await this.merge(target, childName, children.get(childName)!, [...path, childName], policy, inner);
      }
      if (inner.any) this.record(path, 'UNCHANGED', inner.files);
      return;
    }
    await this.resolve(dir, name, current, incoming, path, policy, tally);
  }

  /** Different content at a leaf (or a leaf meeting a folder): the policy decides. */
  private async resolve(
    dir: OpenDir,
    name: string,
    current: DraftNode,
    incoming: DraftNode,
    path: readonly string[],
    policy: Policy,
    tally: Tally,
  ): Promise<void> {
    switch (policy) {
      case 'OVERWRITE':
        return this.replace(dir, name, current, incoming, path);
      case 'SKIP_EXISTING':
        return this.record(path, 'SKIPPED', await this.leavesAt(incoming));
      case 'KEEP_BOTH':
        return this.keepBoth(dir, name, incoming, path, tally);
      case 'PRESERVE_EDITS': {
        const delivered = this.options.lastDelivered ? await this.options.lastDelivered(path) : undefined;
        // Unedited means the target still holds exactly what was delivered; anything else is the recipient's.
        const unedited = delivered !== undefined && entryOf(current, name).id === delivered;
        return unedited ? this.replace(dir, name, current, incoming, path) : this.keepBoth(dir, name, incoming, path, tally);
      }
      case 'FAIL':
        this.failed = true;
        return this.record(path, 'CONFLICT', await this.leavesAt(incoming));
      case 'MIRROR':
        throw new Error('MIRROR items are applied by mirrorItems, never merged');
    }
  }

  private async replace(dir: OpenDir, name: string, current: DraftNode, incoming: DraftNode, path: readonly string[]): Promise<void> {
    this.draft.set(dir, name, incoming);
    await this.recordLoss(path, 'REPLACED', current, await this.leavesAt(incoming));
  }

  /**
   * Records a `REPLACED` or `REMOVED` outcome, and whether what goes was the
   * recipient's own: anything but exactly what was last delivered at `path`.
   */
  private async recordLoss(path: readonly string[], outcome: 'REPLACED' | 'REMOVED', current: DraftNode, files: number): Promise<void> {
    const lastDelivered = this.options.lastDelivered;
    if (lastDelivered === undefined) return this.record(path, outcome, files);
    const delivered = await lastDelivered(path);
    const edited = delivered === undefined || entryOf(current, path[path.length - 1]).id !== delivered;
    this.record(path, outcome, files, undefined, edited);
  }

  /**
   * Leaves concerned by a difference: those incoming, but at least 1, since
   * a difference always has a leaf on one side (an empty folder meeting a file
   * still replaces, skips or conflicts with that file).
   */
  private async leavesAt(incoming: DraftNode): Promise<number> {
    return Math.max(1, await this.draft.count(incoming));
  }

  /**
   * Puts `incoming` beside the target's entry under the first free copy name,
   * unless some copy name there already holds the same content: then a
   * repeated or resumed push finds its earlier copy and writes nothing.
   */
  private async keepBoth(
    dir: OpenDir,
    name: string,
    incoming: DraftNode,
    path: readonly string[],
    tally: Tally,
  ): Promise<void> {
    const folder = isDir(incoming);
    for (const existing of this.draft.copiesOf(dir, name, folder)) {
      if (sameContent(dir.children.get(existing), incoming)) {
        tally.add(await this.draft.count(incoming));
        return;
      }
    }
    let n = 1;
    while (dir.children.has(copyName(name, folder, n))) n++;
    const copy = copyName(name, folder, n);
    this.draft.set(dir, copy, incoming);
    this.record(path, 'COPIED', await this.leavesAt(incoming), [...path.slice(0, -1), copy]);
  }

  /**
   * Makes each outermost pushed path exactly its wanted content: the items at
   * and inside it composed in memory (later over earlier), compared with the
   * target's entry there, and swapped in where they differ. Only the folders
   * leading to a pushed path are opened; their other entries stay as they are.
   */
  async mirrorItems(items: readonly IncomingItem[]): Promise<void> {
    // A holder folder lets an item at `[area]` replace the area like any other entry.
    const holder = newDir();
    for (const item of items) {
      let dir = holder;
      for (const name of item.path.slice(0, -1)) {
        const opened = await this.draft.openChild(dir, name);
        if (opened !== null) {
          dir = opened;
        } else {
          const created = newDir();
          this.draft.set(dir, name, created);
          dir = created;
        }
      }
      this.draft.set(dir, item.entry.name, stored(item.entry));
    }
    // Sorted segment-wise, a path inside another comes after it with no outermost path in between.
    const outermost: (readonly string[])[] = [];
    for (const path of items.map((i) => i.path).sort(compareSegments)) {
      const last = outermost[outermost.length - 1];
      if (last === undefined || !isPrefixOf(last, path)) outermost.push(path);
    }
    for (const path of outermost) {
      let wanted: DraftNode = holder;
      // Every folder on the way to a pushed path was opened or made in the holder above.
      for (const name of path) wanted = (wanted as OpenDir).children.get(name)!;
      await this.mirrorAt(path, wanted);
    }
  }

  private async mirrorAt(path: readonly string[], wanted: DraftNode): Promise<void> {
    const { dir, depth } = await this.folderOf(path);
    const name = path[depth];
    if (depth < path.length - 1) {
      // A leaf where the pushed path needs a folder: it is replaced by the folders leading to the pushed content.
      const leaf = dir.children.get(name)!;
      const incoming = wrapIn(path.slice(depth), wanted);
      this.draft.set(dir, name, incoming);
      return this.recordLoss(path.slice(0, depth + 1), 'REPLACED', leaf, await this.leavesAt(incoming));
    }
    const current = dir.children.get(name);
    const tally = new Tally();
    await this.diff(current, wanted, path, tally);
    if (tally.any) this.record(path, 'UNCHANGED', tally.files);
    if (!sameContent(current, wanted)) this.draft.set(dir, name, wanted);
  }

  /** Records how `current` becomes `wanted` at `path`, descending only where folders differ. */
  private async diff(
    current: DraftNode | undefined,
    wanted: DraftNode | undefined,
    path: readonly string[],
    tally: Tally,
  ): Promise<void> {
    if (current === undefined && wanted === undefined) return;
    if (wanted === undefined) return this.recordLoss(path, 'REMOVED', current!, await this.draft.count(current!));
    if (current === undefined) return this.record(path, 'ADDED', await this.draft.count(wanted));
    if (sameContent(current, wanted)) return tally.add(await this.draft.count(wanted));
    if (isDir(current) && isDir(wanted)) {
      const have = await this.draft.childrenOf(current);
      const want = await this.draft.childrenOf(wanted);
      const inner = new Tally();
      for (const name of sortedNames(new Set([...have.keys(), ...want.keys()]))) {
        await this.diff(have.get(name), want.get(name), [...path, name], inner);
      }
      if (inner.any) this.record(path, 'UNCHANGED', inner.files);
      return;
    }
    await this.recordLoss(path, 'REPLACED', current, await this.leavesAt(wanted));
  }

  private record(segments: readonly string[], outcome: Outcome, files: number, copiedTo?: readonly string[], edited?: boolean): void {
    const entry: PathOutcome = { path: formatPath(segments), outcome, files };
    if (copiedTo !== undefined) entry.copiedTo = formatPath(copiedTo);
    if (edited !== undefined) entry.edited = edited;
    this.outcomes.push({ segments, outcome: entry });
  }

  report(): { outcomes: PathOutcome[]; counts: Record<Outcome, number> } {
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    for (const { outcome } of this.outcomes) counts[outcome.outcome] += outcome.files;
    const outcomes = [...this.outcomes].sort((a, b) => compareSegments(a.segments, b.segments)).map((o) => o.outcome);
    return { outcomes, counts };
  }
}
