import { Entity } from 'typeorm';
import { BigIntColumn, BoolColumn, DateTimeColumn, IdColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

export type SpaceKind = 'COURSE' | 'RESEARCH' | 'DATASET';

@Entity('space')
export class Space {
  @IdColumn() id: string;
  @StringColumn(200) name: string;
  @StringColumn(16) kind: SpaceKind;
  @TextColumn() description: string;
  @RefColumn() createdById: string;
  @DateTimeColumn() createdAt: Date;
  /** Most bytes the current states of the space's workspaces may hold together; null for no limit. */
  @BigIntColumn({ nullable: true }) quotaBytes: number | null;
  /** Admins may let the space's TAs grant and revoke extensions (off by default). */
  @BoolColumn() tasGrantExtensions: boolean;
}
