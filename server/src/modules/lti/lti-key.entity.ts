import { Entity } from 'typeorm';
import { DateTimeColumn, IdColumn, JsonColumn } from '../../db/columns';
import type { JoseJwk } from './jose';
import type { SealedJwk } from './lti-key-seal';

/**
 * One of this instance's own RS256 signing keys (the id is the JWKS `kid`).
 * The newest key without `retiredAt` signs; a retired key stays in the
 * published key set for a while, so what it signed can still be checked.
 */
@Entity('lti_key')
export class LtiKey {
  @IdColumn() id: string;
  @JsonColumn() publicJwk: JoseJwk;
  /** Encrypted (AES-256-GCM) when `LTI_KEY_SECRET` was set at its creation. */
  @JsonColumn() privateJwk: JoseJwk | SealedJwk;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) retiredAt: Date | null;
}
