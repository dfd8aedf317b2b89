/**
 * Checks on incoming items shared by apply and retract.
 */
import { badInput } from '../../../core/errors';
import { formatPath } from '../../../core/storage/paths';
import { AREAS, type Area } from '../../../core/storage/types';
import type { IncomingItem } from './policy';
import { newDir, stored, type DraftNode, type OpenDir } from './tree-draft';

/**
 * Validates the shape of each item and drops every item whose exact path
 * occurs again later, so that of two items at one path the later wins.
 *
 * @throws DomainError BAD_USER_INPUT when a path does not start with an area,
 *   an entry's name differs from the last segment, or a whole area is given
 *   as anything but a folder.
 */
export function checkItems(items: readonly IncomingItem[]): IncomingItem[] {
  for (const { path, entry } of items) {
    const area = path[0];
    if (area === undefined || !(AREAS as readonly string[]).includes(area)) {
      throw badInput(
        `item path '${formatPath(path)}' must start with one of ${AREAS.map((a) => `'${a}'`).join(', ')}`,
      );
    }
    if (entry.name !== path[path.length - 1]) {
      throw badInput(
        `item at '${formatPath(path)}' is named '${entry.name}': its name must be the last name of its path`,
      );
    }
    if (path.length === 1 && entry.kind !== 'DIRECTORY') {
      throw badInput(`item '${area}' is a whole area and must be a folder`);
    }
  }
  const seen = new Set<string>();
  const kept: IncomingItem[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const key = JSON.stringify(items[i].path);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(items[i]);
  }
  return kept.reverse();
}

export function areaOf(item: IncomingItem): Area {
  return item.path[0] as Area;
}

/**
 * The incoming content at `path[0]` for an item whose entry sits at the end of
 * `path`: the entry itself, or in-memory folders leading down to it. Used
 * where the target has a leaf on the way, so the incoming side there is a folder.
 */
export function incomingAt(path: readonly string[], item: IncomingItem): DraftNode {
  return wrapIn(path, stored(item.entry));
}

/** `node` at the end of `path`, inside in-memory folders for `path[1..]`: the content to put at `path[0]`. */
export function wrapIn(path: readonly string[], node: DraftNode): DraftNode {
  for (let i = path.length - 1; i > 0; i--) {
    const dir: OpenDir = newDir();
    dir.children.set(path[i], node);
    if (node.type === 'open') node.parent = dir;
    node = dir;
  }
  return node;
}
