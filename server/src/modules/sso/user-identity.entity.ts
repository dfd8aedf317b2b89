import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

/** An account's login at an OpenID Connect provider: that provider's subject signs in this user. */
@Entity('user_identity')
@Index('uq_user_identity_subject', ['issuer', 'subject'], { unique: true })
@Index('ix_user_identity_user', ['userId'])
export class UserIdentity {
  @IdColumn() id: string;
  /** The issuer identifier as the provider states it (`iss`), not the configured id, so renaming a button keeps the link. */
  @StringColumn(255) issuer: string;
  @StringColumn(255) subject: string;
  @RefColumn() userId: string;
  @DateTimeColumn() createdAt: Date;
}
