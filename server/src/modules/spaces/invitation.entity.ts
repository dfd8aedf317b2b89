import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';
import { MAX_SECTION, MAX_STUDENT_NUMBER, type Role } from './membership.entity';

/** An expiring invitation: a link anyone holding it may accept, or one bound to an e-mail address. */
@Entity('invitation')
@Index('ix_invitation_space', ['spaceId'])
export class Invitation {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @StringColumn(320, { nullable: true }) email: string | null;
  @StringColumn(16) role: Role;
  @Index('uq_invitation_token', { unique: true })
  @HashColumn()
  tokenHash: string;
  @RefColumn() createdById: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() expiresAt: Date;
  @DateTimeColumn({ nullable: true }) acceptedAt: Date | null;
  @RefColumn({ nullable: true }) acceptedById: string | null;
  @DateTimeColumn({ nullable: true }) revokedAt: Date | null;
  /** Carried onto the membership when the invitation is accepted (roster imports). */
  @StringColumn(MAX_STUDENT_NUMBER, { nullable: true }) studentNumber: string | null;
  @StringColumn(MAX_SECTION, { nullable: true }) section: string | null;
}
