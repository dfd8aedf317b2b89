import type { Services } from '../services';
import type { Actor } from '../modules/users/users.service';
import { collectGarbage, round, summarize, timed, type Summary } from './stats';

export interface SnapshotResult {
  repetitions: number;
  small: Summary & { files: number };
  large: Summary & { files: number };
  /** Median of the large workspace over median of the small one; O(1) snapshots keep it near 1. */
  ratioMedian: number;
  ratioP95: number;
  /** Tree rows and blob bytes written while taking every snapshot: both should be 0. */
  treeRowsWritten: number;
  blobBytesWritten: number;
}

const WARM_UP = 5;

/**
 * Times `services.snapshots.create` on a small and a large workspace,
 * alternating between them so drift in the machine's speed hits both alike.
 */
export async function benchSnapshots(
  services: Services,
  actor: Actor,
  small: { workspaceId: string; files: number },
  large: { workspaceId: string; files: number },
  repetitions: number,
): Promise<SnapshotResult> {
  for (let i = 0; i < WARM_UP; i++) {
    await services.snapshots.create(actor, small.workspaceId, `warm-up ${i}`);
    await services.snapshots.create(actor, large.workspaceId, `warm-up ${i}`);
  }
  collectGarbage();
  const rowsBefore = services.trees.rowsWritten;
  const bytesBefore = services.blobs.bytesWritten;
  const smallMs: number[] = [];
  const largeMs: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    // Alternate which goes first, so neither always runs right after the other's insert.
    const order = i % 2 ? ([small, large] as const) : ([large, small] as const);
    for (const target of order) {
      const { ms } = await timed(() => services.snapshots.create(actor, target.workspaceId, `bench ${i}`));
      (target === small ? smallMs : largeMs).push(ms);
    }
  }
  const s = summarize(smallMs);
  const l = summarize(largeMs);
  return {
    repetitions,
    small: { ...s, files: small.files },
    large: { ...l, files: large.files },
    ratioMedian: round(l.medianMs / s.medianMs, 2),
    ratioP95: round(l.p95Ms / s.p95Ms, 2),
    treeRowsWritten: services.trees.rowsWritten - rowsBefore,
    blobBytesWritten: services.blobs.bytesWritten - bytesBefore,
  };
}
