import { badInput } from '../../core/errors';
import { decodeCursor, pageSize, toPage, type Page } from '../../core/pagination';
import { formatPath } from '../../core/storage/paths';
import type { TreeEntry } from '../../core/storage/types';

export interface PagedEntry extends TreeEntry {
  /** Path from the root of the tree listed (a sealed hand-in, a feedback tree). */
  path: string;
}

/** One page of a folder's entries in canonical order; the cursor is the last name seen (as for workspace folders). */
export function entryPage(
  entries: readonly TreeEntry[],
  folder: readonly string[],
  args: { first?: number | null; after?: string | null },
): Page<PagedEntry> {
  const size = pageSize(args.first, 100);
  const key = decodeCursor(args.after, 1);
  const start = key ? entries.findIndex((e) => e.name === key[0]) + 1 : 0;
  if (key && start === 0) throw badInput('cursor does not name an entry of this folder; start from the first page');
  const slice = entries.slice(start, start + size + 1).map((e) => ({ ...e, path: formatPath([...folder, e.name]) }));
  return toPage(slice, size, (e) => [e.name], entries.length);
}
