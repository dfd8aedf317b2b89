import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, StringColumn } from '../../db/columns';

/**
 * A sign-in sent to an OpenID Connect provider and not yet come back: what the
 * callback must check (state, nonce, PKCE verifier) and what it does after
 * (invitation, page). Found by the hash of a random cookie; used once; expires.
 */
@Entity('sign_in_attempt')
@Index('ix_sign_in_attempt_expiry', ['expiresAt'])
export class SignInAttempt {
  @IdColumn() id: string;
  @Index('uq_sign_in_attempt_key', { unique: true })
  @HashColumn()
  keyHash: string;
  /** The configured issuer's id, as in `/auth/oidc/<id>/callback`. */
  @StringColumn(40) issuerId: string;
  @StringColumn(128) state: string;
  @StringColumn(128) nonce: string;
  @StringColumn(128) codeVerifier: string;
  /** An invitation secret to accept once signed in. */
  @StringColumn(255, { nullable: true }) invite: string | null;
  /** The dashboard path to land on. */
  @StringColumn(1000, { nullable: true }) next: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() expiresAt: Date;
}
