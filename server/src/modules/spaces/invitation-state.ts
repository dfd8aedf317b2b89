import { badInput, conflict, formatUtc, type DomainError } from '../../core/errors';
import type { Invitation } from './invitation.entity';

export type InvitationStatus = 'OPEN' | 'USED' | 'REVOKED' | 'EXPIRED';

/** Where an invitation stands: used, withdrawn and expired ones can no longer be accepted. */
export function invitationStatus(invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = Date.now()): InvitationStatus {
  if (invitation.acceptedAt) return 'USED';
  if (invitation.revokedAt) return 'REVOKED';
  if (invitation.expiresAt.getTime() <= now) return 'EXPIRED';
  return 'OPEN';
}

/** Why an invitation can no longer be accepted, in words a person can act on; null while it is open. */
export function closedInvitation(invitation: Invitation, inviterName: string): DomainError | null {
  switch (invitationStatus(invitation)) {
    case 'OPEN':
      return null;
    case 'USED':
      return conflict(`this invitation was used already (${formatUtc(invitation.acceptedAt!)}); ask ${inviterName} for a new one`);
    case 'REVOKED':
      return badInput(`this invitation was withdrawn (${formatUtc(invitation.revokedAt!)}); ask ${inviterName} for a new one`);
    case 'EXPIRED':
      return badInput(`this invitation expired on ${formatUtc(invitation.expiresAt)}; ask ${inviterName} for a new one`);
  }
}
