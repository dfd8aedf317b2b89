import type { EntryKind } from '../../core/storage/types';

/** A staged path resolved to content: what a push delivers, whatever the source does afterwards. */
export interface FrozenItem {
  /** Workspace-relative path starting with the area, e.g. 'files/week1'. */
  path: string;
  kind: EntryKind;
  /** Blob id, or tree id for a DIRECTORY. */
  id: string;
  size: number;
}
