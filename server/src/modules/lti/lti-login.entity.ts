import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * A login initiated by a platform and not yet come back as a launch: the
 * nonce the id_token must carry, found by the hash of the `state` sent along.
 * Used once (deleted when the launch arrives); expires after a few minutes.
 */
@Entity('lti_login')
@Index('ix_lti_login_expiry', ['expiresAt'])
export class LtiLogin {
  @IdColumn() id: string;
  @Index('uq_lti_login_state', { unique: true })
  @HashColumn()
  stateHash: string;
  @StringColumn(128) nonce: string;
  @RefColumn() platformId: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() expiresAt: Date;
}
