import { Entity } from 'typeorm';
import { BigIntColumn, BinaryColumn, HashColumn } from '../../db/columns';

/**
 * An immutable tree in its canonical encoding, keyed by its hash. Insert-if-absent,
 * except that writing an existing tree again refreshes `seenAt`.
 */
@Entity('tree')
export class TreeRow {
  @HashColumn({ primary: true }) id: string;
  @BinaryColumn() data: Buffer;
  /**
   * When the tree was last written (epoch ms; 0 for trees older than this
   * column). The garbage collector never sweeps a tree seen within its grace
   * period, so a change that reuses an unreferenced tree keeps it.
   */
  @BigIntColumn({ default: 0 }) seenAt: number;
}
