import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';
import type { Role } from '../../core/policy/roles';

export type { Role };

export const MAX_STUDENT_NUMBER = 64;
export const MAX_SECTION = 100;

@Entity('membership')
@Index('uq_membership_space_user', ['spaceId', 'userId'], { unique: true })
@Index('ix_membership_user', ['userId'])
export class Membership {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @RefColumn() userId: string;
  @StringColumn(16) role: Role;
  @DateTimeColumn() createdAt: Date;
  /** The university's number for this student, as the roster gives it; shown to staff and in exports. */
  @StringColumn(MAX_STUDENT_NUMBER, { nullable: true }) studentNumber: string | null;
  /** The student's section or group in this course. */
  @StringColumn(MAX_SECTION, { nullable: true }) section: string | null;
  /**
   * Set when the member left the course at its learning management system: the
   * membership (and their workspace and hand-ins) is kept, but gives no access
   * until a roster sync finds them enrolled again.
   */
  @DateTimeColumn({ nullable: true }) deactivatedAt: Date | null;
}
