import type { EntityManager } from 'typeorm';
import { isTransientDbError, type Database } from './database';

interface Piece<T> {
  work: (m: EntityManager) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<T> {
  /** The most pieces one transaction takes; the rest wait for the next. */
  maxGroup: number;
  /** Transactions at once (each on a connection of its own); pieces wait for the first lane free. */
  lanes: number;
  /** Runs in the transaction after its pieces, with what each returned: the writes best made once for all (e.g. their audit events). */
  beforeCommit?: (m: EntityManager, values: T[]) => Promise<void>;
}

/** Thrown inside the transaction to undo it when one piece failed; the group runs again without that piece. */
class PieceFailed extends Error {}

/**
 * Writes of several callers in one transaction (group commit). Pieces run
 * one after another on the transaction's connection, and one COMMIT (and one
 * pass of `beforeCommit`) serves them all. A piece that throws is rare (its
 * head moved, its lease passed): its caller gets the error, the transaction
 * is undone and runs again without it, so no other piece commits anything it
 * wrote beside the failed one. Pieces handed in while a transaction runs go
 * into the next one free, so a lone caller waits for no one. A caller hears of its
 * piece only once the transaction committed; when the transaction as a whole
 * fails (a deadlock or lost connection past the database's own retries),
 * every caller of the group gets that error and nothing of the group is written.
 */
export class GroupCommit<T> {
  private readonly waiting: Piece<T>[] = [];
  /** Lanes running now. */
  private running = 0;

  constructor(
    private readonly db: Database,
    private readonly options: GroupCommitOptions<T>,
  ) {}

  run(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve, reject });
      if (this.running < this.options.lanes) void this.drain();
    });
  }

  /** One lane: transactions one after another while pieces wait. */
  private async drain(): Promise<void> {
    this.running++;
    try {
      while (this.waiting.length > 0) await this.commitGroup(this.waiting.splice(0, this.options.maxGroup));
    } finally {
      this.running--;
    }
  }

  private async commitGroup(group: Piece<T>[]): Promise<void> {
    let pieces = group;
    while (pieces.length > 0) {
      let values: T[] = [];
      let failed: { piece: Piece<T>; error: unknown } | null = null;
      try {
        await this.db.transaction(async (m) => {
          // A transaction run again (after a deadlock, or without a failed piece) starts its pieces afresh.
          values = [];
          for (const piece of pieces) {
            try {
              values.push(await piece.work(m));
            } catch (error) {
              // The database undid the whole transaction, not only this piece: the group fails together.
              if (isTransientDbError(error)) throw error;
              failed = { piece, error };
              throw new PieceFailed();
            }
          }
          await this.options.beforeCommit?.(m, values);
        });
      } catch (error) {
        const culprit = failed as { piece: Piece<T>; error: unknown } | null;
        if (!(error instanceof PieceFailed) || !culprit) {
          for (const piece of pieces) piece.reject(error);
          return;
        }
        culprit.piece.reject(culprit.error);
        pieces = pieces.filter((piece) => piece !== culprit.piece);
        continue;
      }
      pieces.forEach((piece, i) => piece.resolve(values[i]));
      return;
    }
  }
}
