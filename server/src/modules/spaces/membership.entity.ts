import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

export type Role = 'ADMIN' | 'TA' | 'MEMBER' | 'VIEWER';

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
