import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, RefColumn } from '../../db/columns';

/**
 * A request to set a new password: the link's secret is mailed and only its
 * SHA-256 kept. Used once, before `expiresAt`.
 */
@Entity('password_reset')
@Index('ix_password_reset_user', ['userId'])
export class PasswordReset {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Index('uq_password_reset_token', { unique: true })
  @HashColumn()
  tokenHash: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() expiresAt: Date;
  @DateTimeColumn({ nullable: true }) usedAt: Date | null;
}
