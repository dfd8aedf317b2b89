import { logger } from '../../core/logger';
import { countTarget } from '../../core/metrics';
import type { EventBus } from '../../core/pubsub';
import type { Notification } from '../notifications/notification.entity';
import type { NotificationsService } from '../notifications/notifications.service';
import type { WorkspaceStore } from '../workspaces/workspace-store';
import type { Commit } from '../workspaces/commit.entity';
import type { Workspace } from '../workspaces/workspace.entity';
import type { DistributionTarget, TargetStatus } from './distribution-target.entity';
import type { Distribution, DistributionStatus } from './distribution.entity';

/**
 * What follows a committed target or distribution: the workspace's and the
 * distribution's live events, the recipients' notifications and e-mails,
 * metrics and logs. Called only after the transaction committed.
 */
export class DistributionEffects {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly notifications: NotificationsService,
    private readonly events: EventBus,
  ) {}

  async targetApplied(
    distribution: Distribution,
    target: DistributionTarget,
    workspace: Workspace,
    status: TargetStatus,
    commit: Commit | null,
    notes: readonly Notification[],
  ): Promise<void> {
    if (commit) this.store.announce(commit, workspace);
    this.progress(distribution.id, target.id);
    countTarget(status);
    logger.debug({ distributionId: distribution.id, targetId: target.id, workspaceId: target.workspaceId, status }, 'target applied');
    this.notifications.announce(notes);
    if (notes.length && distribution.options.emailRecipients) await this.notifications.email(notes);
  }

  targetFailed(target: DistributionTarget): void {
    this.progress(target.distributionId, target.id);
    countTarget('FAILED');
  }

  distributionFinished(distributionId: string, status: DistributionStatus, targets: Record<TargetStatus, number>): void {
    const present = Object.entries(targets).filter(([, n]) => n > 0);
    logger.info({ distributionId, status, targets: Object.fromEntries(present) }, 'distribution finished');
    this.progress(distributionId, null);
  }

  private progress(distributionId: string, targetId: string | null): void {
    this.events.publish('DISTRIBUTION_PROGRESS', distributionId, { distributionId, targetId });
  }
}
