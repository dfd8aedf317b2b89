import { Entity, Index } from 'typeorm';
import { BoolColumn, DateTimeColumn, HashColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

export type TokenKind = 'SESSION' | 'PERSONAL';

/**
 * A bearer credential: a login session or a personal API token. Only the
 * SHA-256 of the secret is stored (secrets are 256 random bits, so a slow
 * hash adds nothing); the secret itself is shown once.
 */
@Entity('auth_token')
@Index('ix_auth_token_user', ['userId', 'kind'])
export class AuthToken {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @StringColumn(16) kind: TokenKind;
  @StringColumn(200) name: string;
  @Index('uq_auth_token_hash', { unique: true })
  @HashColumn()
  tokenHash: string;
  /** First characters of the secret, so a user can tell tokens apart. */
  @StringColumn(16) prefix: string;
  @BoolColumn() readOnly: boolean;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) lastUsedAt: Date | null;
  @DateTimeColumn({ nullable: true }) expiresAt: Date | null;
  @DateTimeColumn({ nullable: true }) revokedAt: Date | null;
}
