import { Entity } from 'typeorm';
import { DateTimeColumn, IdColumn, JsonColumn } from '../../db/columns';
import type { JoseJwk } from './jose';

/**
 * One of this instance's own RS256 signing keys (the id is the JWKS `kid`).
 * The newest key without `retiredAt` signs; a retired key stays in the
 * published key set for a while, so what it signed can still be checked.
 */
@Entity('lti_key')
export class LtiKey {
  @IdColumn() id: string;
  @JsonColumn() publicJwk: JoseJwk;
  @JsonColumn() privateJwk: JoseJwk;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) retiredAt: Date | null;
}
