import type { BlobStore } from '../../core/storage/blob-store';
import type { Database } from '../../db/database';
import { historyKeptSince, reach, readRoots } from './reachability';

export interface FsckReport {
  roots: number;
  treesReached: number;
  blobsReferenced: number;
  blobsChecked: number;
  bytesChecked: number;
  /** One line per problem, naming the object and where it is used; empty when the store is sound. */
  problems: string[];
}

/**
 * Checks the content store against what uses it: every tree reachable from
 * the roots (heads, snapshots, hand-ins, feedback, bundles, pushes,
 * deliveries) is present, every blob they reference is present, and every
 * stored blob's bytes hash to its id. Reads everything and changes nothing.
 */
export async function fsck(
  db: Database,
  blobs: BlobStore,
  progress: (line: string) => void = () => undefined,
  /** The history kept readable, as the garbage collector keeps it (HISTORY_RETENTION_DAYS). */
  historyRetentionDays = 0,
): Promise<FsckReport> {
  const roots = await readRoots(db, historyKeptSince(historyRetentionDays));
  const reached = await reach(db, roots);
  progress(`${roots.length} roots reach ${reached.trees.size} trees and ${reached.blobs.size} blobs`);
  const problems = reached.missingTrees.map((t) => `tree ${t.id} is missing: ${t.label}`);
  const stored = new Set<string>();
  let bytesChecked = 0;
  for await (const id of blobs.list()) {
    stored.add(id);
    const health = await blobs.check(id);
    if (health.ok) bytesChecked += health.size;
    else if (health.problem === 'corrupt') {
      const use = reached.blobs.get(id);
      problems.push(`blob ${id} is damaged (${health.detail}): ${use ? use.foundAt : 'not referenced'}`);
    }
  }
  for (const [id, use] of reached.blobs) {
    if (!stored.has(id)) problems.push(`blob ${id} is missing: ${use.foundAt}`);
  }
  return {
    roots: roots.length,
    treesReached: reached.trees.size,
    blobsReferenced: reached.blobs.size,
    blobsChecked: stored.size,
    bytesChecked,
    problems,
  };
}
