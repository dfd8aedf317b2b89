import { pageRequest, slicePage, type Page, type PageArgs } from '../../core/pagination';
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
  args: PageArgs,
): Page<PagedEntry> {
  const page = slicePage(entries, pageRequest('Entry', args, 1, 100), (e) => [e.name]);
  return { ...page, nodes: page.nodes.map((e) => ({ ...e, path: formatPath([...folder, e.name]) })) };
}
