import { In, type EntityManager } from 'typeorm';
import { canManageWebhooks, ROLES } from '../../core/policy';
import { logger } from '../../core/logger';
import type { NotificationsService } from '../notifications/notifications.service';
import { dashboardLink } from '../notifications/dashboard-links';
import { Membership } from '../spaces/membership.entity';
import type { WebhookEndpoint } from './webhook-endpoint.entity';

/**
 * Tells the admins of an endpoint's space that it was disabled: a
 * notification written in the transaction that disabled it, then announced
 * and e-mailed after the commit.
 */
export function disabledNotice(notifications: NotificationsService) {
  return async (m: EntityManager, endpoint: WebhookEndpoint, reason: string): Promise<() => Promise<void>> => {
    const admins = await m.find(Membership, { where: { spaceId: endpoint.spaceId, role: In(ROLES.filter(canManageWebhooks)) } });
    const notes = await notifications.add(
      m,
      admins.map((admin) => ({
        userId: admin.userId,
        spaceId: endpoint.spaceId,
        kind: 'WEBHOOK_DISABLED',
        title: `Webhook to ${endpoint.url.slice(0, 200)} was disabled`,
        body: `Stagecoach stopped sending events to ${endpoint.url}: it was ${reason}. Deliveries wait until an admin enables the endpoint again; failed ones can be replayed.`,
        distributionId: null,
        link: dashboardLink.spaceWebhooks(endpoint.spaceId),
        actorId: null,
      })),
    );
    return async () => {
      notifications.announce(notes);
      await notifications.email(notes).catch((err: unknown) => logger.error({ err, endpointId: endpoint.id }, 'webhook notice could not be e-mailed'));
    };
  };
}
