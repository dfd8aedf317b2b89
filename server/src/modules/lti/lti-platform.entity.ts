import { Entity, Index } from 'typeorm';
import { BoolColumn, DateTimeColumn, IdColumn, JsonColumn, StringColumn } from '../../db/columns';

/**
 * A learning management system (Canvas, Moodle, Blackboard…) registered by an
 * instance admin: who it is (`issuer`, and the `clientId` it gave this tool),
 * which of its deployments may launch, and where its login, token and key
 * endpoints are.
 */
@Entity('lti_platform')
@Index('uq_lti_platform_client', ['issuer', 'clientId'], { unique: true })
export class LtiPlatform {
  @IdColumn() id: string;
  @StringColumn(100) name: string;
  /** The platform's issuer identifier, exactly as its id_tokens state it (`iss`). */
  @StringColumn(255) issuer: string;
  /** The client id the platform assigned to this tool (the id_token's `aud`). */
  @StringColumn(255) clientId: string;
  /** The deployment ids allowed to launch; a launch from any other is refused. */
  @JsonColumn() deploymentIds: string[];
  /** The platform's OIDC authorisation endpoint, where login initiation sends the browser. */
  @StringColumn(1000) authUrl: string;
  /** The platform's OAuth2 token endpoint (client credentials, for roster and grade services). */
  @StringColumn(1000) tokenUrl: string;
  /** The platform's public keys, which sign its id_tokens. */
  @StringColumn(1000) jwksUrl: string;
  /**
   * Whether a person launching for the first time is linked to an existing
   * account with the e-mail address the platform sends. Off by default: the
   * platform's address is trusted only when the admin says so.
   */
  @BoolColumn() linkByEmail: boolean;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

/** The issuer under which a platform's users are kept as identities (`user_identity`): per registration, so two registrations never share a subject. */
export function identityIssuer(platform: Pick<LtiPlatform, 'id'>): string {
  return `lti:${platform.id}`;
}
