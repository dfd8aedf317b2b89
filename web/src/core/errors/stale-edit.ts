import type { CombinedError } from '@urql/core';
import { errorExtension } from './error-message';

/** The change that made a save stale, as the API reports it on a CONFLICT. */
export interface StaleEdit {
  /** Who made it; null for an automatic change. */
  byName: string | null;
  byId: string | null;
  /** When, as an ISO time. */
  at: string;
  /** The version now current: saving from it overwrites the change knowingly. */
  currentVersion: number;
}

/** The change that won, when `error` is the refusal of a save made from an older version; else null. */
export function staleEditOf(error: CombinedError | null | undefined): StaleEdit | null {
  const at = errorExtension(error, 'CONFLICT', 'changedAt');
  const currentVersion = errorExtension(error, 'CONFLICT', 'currentVersion');
  if (typeof at !== 'string' || typeof currentVersion !== 'number') return null;
  const by = errorExtension(error, 'CONFLICT', 'changedBy') as { id?: unknown; name?: unknown } | null | undefined;
  return { byName: typeof by?.name === 'string' ? by.name : null, byId: typeof by?.id === 'string' ? by.id : null, at, currentVersion };
}
