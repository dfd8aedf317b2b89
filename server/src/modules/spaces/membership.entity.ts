import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';
import type { Role } from '../../core/policy/roles';

export type { Role };

@Entity('membership')
@Index('uq_membership_space_user', ['spaceId', 'userId'], { unique: true })
@Index('ix_membership_user', ['userId'])
export class Membership {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @RefColumn() userId: string;
  @StringColumn(16) role: Role;
  @DateTimeColumn() createdAt: Date;
}
