import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, JsonColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';
import type { FrozenItem } from './frozen-item';

/** A named, frozen set of items (content ids), pushable again later; its content is kept alive by GC. */
@Entity('bundle')
@Index('ix_bundle_space', ['spaceId', 'createdAt'])
export class Bundle {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @RefColumn() ownerId: string;
  @StringColumn(200) name: string;
  @TextColumn() description: string;
  @RefColumn() sourceWorkspaceId: string;
  @RefColumn({ nullable: true }) sourceSnapshotId: string | null;
  @JsonColumn() items: FrozenItem[];
  @DateTimeColumn() createdAt: Date;
}
