import { Entity } from 'typeorm';
import { BinaryColumn, HashColumn } from '../../db/columns';

/** An immutable tree in its canonical encoding, keyed by its hash. Insert-if-absent only. */
@Entity('tree')
export class TreeRow {
  @HashColumn({ primary: true }) id: string;
  @BinaryColumn() data: Buffer;
}
