import type { EntityManager } from 'typeorm';

/**
 * Reads remembered for the rest of one transaction, per key. Inside a
 * transaction a plain read of the same row gives the same answer again
 * (InnoDB's repeatable read serves it from the transaction's snapshot;
 * SQLite's transactions run one at a time), so a transaction that writes
 * many targets reads, say, their distribution once.
 */
export class TransactionMemo<V> {
  private readonly byTransaction = new WeakMap<EntityManager, Map<string, Promise<V>>>();

  /** `read()`'s answer for `key` in `m`'s transaction; outside a transaction, read afresh each time. */
  get(m: EntityManager, key: string, read: () => Promise<V>): Promise<V> {
    if (!m.queryRunner?.isTransactionActive) return read();
    let known = this.byTransaction.get(m);
    if (!known) this.byTransaction.set(m, (known = new Map()));
    let value = known.get(key);
    if (!value) {
      value = read();
      known.set(key, value);
    }
    return value;
  }
}
