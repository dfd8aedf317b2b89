import { logger } from './core/logger';
import type { AppConfig } from './config';
import type { Database } from './db/database';
import { ApplicationsService } from './modules/applications/applications.service';
import { MailService } from './modules/mail/mail.service';
import { SpacesService } from './modules/spaces/spaces.service';
import { TablesService } from './modules/tables/tables.service';
import { UsersService } from './modules/users/users.service';
import { LoginThrottle } from './modules/users/login-throttle';
import { LimiterStore } from './core/rate-limit';
import { RequestBudget } from './core/graphql/request-cost';
import { PasswordResetService } from './modules/users/password-reset.service';
import { DbTreeStore } from './modules/workspaces/db-tree-store';
import { ObjectsService } from './modules/workspaces/objects.service';
import { SnapshotsService } from './modules/workspaces/snapshots.service';
import { WorkspaceStore } from './modules/workspaces/workspace-store';
import type { Workspace } from './modules/workspaces/workspace.entity';
import { WorkspacesService } from './modules/workspaces/workspaces.service';
import { AssignmentJobs } from './modules/assignments/assignment-jobs';
import { AssignmentsService } from './modules/assignments/assignments.service';
import { HandInsService } from './modules/assignments/hand-ins.service';
import { GroupsService } from './modules/assignments/groups.service';
import { AdjustmentsService } from './modules/assignments/adjustments.service';
import { StatusService } from './modules/assignments/status.service';
import { Anonymity } from './modules/assignments/anonymity';
import { DiffService } from './modules/assignments/diff.service';
import { GradeExportService } from './modules/assignments/grade-export.service';
import { FeedbackService } from './modules/assignments/feedback.service';
import { GradeNotices } from './modules/assignments/grade-notices';
import { GradeReturnsService } from './modules/assignments/grade-returns.service';
import { GradesService } from './modules/assignments/grades.service';
import { AnnotationsService } from './modules/assignments/annotations.service';
import { GradingAccess } from './modules/assignments/grading-access';
import { RegradesService } from './modules/assignments/regrades.service';
import { RubricScores } from './modules/assignments/rubric-scores';
import { RubricsService } from './modules/assignments/rubrics.service';
import { StaffNotices } from './modules/assignments/staff-notices';
import { AuditService } from './modules/audit/audit.service';
import { DeliveryStore } from './modules/distributions/delivery-store';
import { DistributionWorker, type WorkerOptions } from './modules/distributions/distribution-worker';
import { DistributionEffects } from './modules/distributions/distribution-effects';
import { DistributionsService } from './modules/distributions/distributions.service';
import { TargetCommit } from './modules/distributions/target-commit';
import { targetExecutors } from './modules/distributions/target-executors';
import { Merger } from './modules/distributions/merger';
import { ProgressHub } from './modules/distributions/progress';
import { AssignmentLive } from './modules/assignments/assignment-live';
import { WorkspaceLive } from './modules/workspaces/workspace-live';
import { NotificationsService } from './modules/notifications/notifications.service';
import { StageService } from './modules/stage/stage.service';
import { OnboardingService } from './modules/onboarding/onboarding.service';
import { RosterImportService } from './modules/onboarding/roster-import.service';
import { GarbageCollector } from './modules/storage/garbage-collector';
import { StorageUseService } from './modules/storage/storage-use.service';
import { SsoService } from './modules/sso/sso.service';
import { LtiKeysService } from './modules/lti/lti-keys.service';
import { LtiLaunchService } from './modules/lti/lti-launch.service';
import { LtiDeepLinkingService } from './modules/lti/lti-deep-linking.service';
import { LtiPlatformsService } from './modules/lti/lti-platforms.service';
import { LtiRosterService } from './modules/lti/lti-roster.service';
import { LtiServiceToken } from './modules/lti/lti-service-token';
import { LtiScores } from './modules/lti/lti-scores';
import { createAccess } from './modules/spaces/access';
import { WebhookOutbox } from './modules/webhooks/webhook-outbox';
import { WebhookSender } from './modules/webhooks/webhook-sender';
import { WebhooksService } from './modules/webhooks/webhooks.service';
import { disabledNotice } from './modules/webhooks/webhook-notices';
import type { EventBus } from './core/pubsub';
import { openBlobStore } from './core/storage/open-blob-store';

/** The service graph, built once per process. */
export function createServices(config: AppConfig, db: Database, events: EventBus, workerOptions: Partial<WorkerOptions> = {}) {
  const policy = createAccess(db);
  // Rate-limit counters (login guesses, request budgets), shared through Redis when configured.
  const limiters = new LimiterStore(config.redisUrl);
  const requestBudget = new RequestBudget(limiters, config.requestBudget);
  const blobs = openBlobStore(config.blobStore);
  const trees = new DbTreeStore(db);
  const onCommit: { also?: (workspace: Workspace, authorId: string | null) => void } = {};
  const store = new WorkspaceStore(db, trees, (commit, workspace) => {
    events.publish('WORKSPACE_CHANGED', commit.workspaceId, {
      workspaceId: commit.workspaceId,
      version: commit.version,
      commitId: commit.id,
    });
    onCommit.also?.(workspace, commit.authorId);
  });
  store.guard = (manager, workspace, sessionTrees, root) => storageUse.checkQuota(manager, workspace, sessionTrees, root);
  const users = new UsersService(db, config.sessionDays, config.passwordHashing, new LoginThrottle(limiters), config.allowSignUp);
  const mail = new MailService(db, config.smtpUrl, config.mailFrom);
  const passwordResets = new PasswordResetService(db, users, mail, config.webUrl);
  const workspaces = new WorkspacesService(db, policy, store);
  const objects = new ObjectsService(policy, store, workspaces, blobs);
  const audit = new AuditService(db);
  const spaces = new SpacesService(db, policy, users, workspaces, mail, config.webUrl, audit);
  const snapshots = new SnapshotsService(db, policy, store);
  const storageUse = new StorageUseService(db, policy, trees, audit, config.historyRetentionDays);
  const notifications = new NotificationsService(db, policy, events, mail, config.webUrl);
  const stage = new StageService(db, policy, workspaces);
  const webhookOutbox = new WebhookOutbox(() => worker.wake());
  spaces.onJoined = (manager, memberships) =>
    memberships.length
      ? webhookOutbox.emitEach(
          manager,
          memberships[0].spaceId,
          'member.joined',
          memberships.map((m) => ({ userId: m.userId, role: m.role, joinedAt: m.createdAt.toISOString() })),
        )
      : Promise.resolve(0);
  const deliveries = new DeliveryStore(db);
  const merger = new Merger(trees, deliveries);
  const worker = new DistributionWorker(
    db,
    store,
    targetExecutors(db, deliveries, merger),
    new TargetCommit(db, store, snapshots, audit, notifications, webhookOutbox),
    new DistributionEffects(store, notifications, events),
    webhookOutbox,
    workerOptions,
  );
  const distributions = new DistributionsService(db, policy, workspaces, stage, audit, merger, () => worker.wake());
  distributions.pushGuard = (targets, preview) => storageUse.checkPush(targets, preview);
  const anonymity = new Anonymity(db);
  const assignments = new AssignmentsService(db, policy, distributions, audit, events, () => worker.wake(), anonymity);
  const staffNotices = new StaffNotices(notifications, config.handInDigestMs, anonymity);
  const ltiKeys = new LtiKeysService(db, config.ltiKeySecret);
  const ltiServiceToken = new LtiServiceToken(ltiKeys);
  const status = new StatusService(db, assignments, anonymity);
  const grading = new GradingAccess(db, policy, assignments, status);
  const ltiScores = new LtiScores(db, ltiServiceToken, audit, grading, { owner: `${worker.id}:lti-scores`, leaseMs: worker.options.leaseMs, batchSize: 10 }, () => worker.wake());
  worker.addDuty(() => ltiScores.startDue());
  const adjustments = new AdjustmentsService(db, grading, audit);
  const groups = new GroupsService(db, policy, workspaces, assignments, distributions, audit, notifications);
  const handIns = new HandInsService(db, policy, workspaces, assignments, audit, staffNotices, webhookOutbox, groups, ltiScores);
  const jobs = new AssignmentJobs(db, workspaces, distributions, assignments, handIns, staffNotices, worker.id, worker.options.leaseMs, webhookOutbox, groups);
  worker.addDuty(() => jobs.runDue());
  const gc = new GarbageCollector(db, trees, blobs, { graceMs: config.gcGraceMs, intervalMs: config.gcIntervalMs, holder: worker.id, historyRetentionDays: config.historyRetentionDays });
  worker.addDuty(() => gc.runIfDue());
  const webhookSender = new WebhookSender(db, disabledNotice(notifications), {
    owner: `${worker.id}:webhooks`,
    leaseMs: Math.max(worker.options.leaseMs, 2 * config.webhookTimeoutMs),
    timeoutMs: config.webhookTimeoutMs,
    allowPrivate: config.webhookAllowPrivate,
    disableAfter: config.webhookDisableAfter,
    disableAfterMs: 24 * 60 * 60_000,
    batchSize: 10,
  });
  worker.addDuty(() => webhookSender.startDue());
  const webhooks = new WebhooksService(db, policy, audit, webhookOutbox, { allowPrivate: config.webhookAllowPrivate });
  const gradeNotices = new GradeNotices(notifications);
  const rubricScores = new RubricScores(db);
  const grades = new GradesService(db, grading, audit, gradeNotices, rubricScores);
  const rubrics = new RubricsService(db, policy, assignments, rubricScores, audit, gradeNotices, anonymity);
  const regrades = new RegradesService(db, policy, assignments, grading, rubricScores, audit, gradeNotices);
  const feedback = new FeedbackService(db, policy, grading, handIns, store, blobs, audit);
  const gradeReturns = new GradeReturnsService(db, grading, audit, gradeNotices, webhookOutbox, ltiScores);
  const handInDiffs = new DiffService(handIns, trees, blobs);
  const annotations = new AnnotationsService(db, grading, trees, blobs, audit, gradeNotices);
  const gradeExports = new GradeExportService(db, policy, assignments, status, trees.reader, blobs, audit, rubricScores);
  const ltiDeepLinking = new LtiDeepLinkingService(db, policy, ltiKeys, assignments, config);
  const assignmentLive = new AssignmentLive(db, events, status);
  status.live = assignmentLive;
  onCommit.also = (workspace, authorId) =>
    void assignments.noteActivity(workspace, authorId).catch((err: unknown) => logger.error({ err, workspaceId: workspace.id }, 'assignment activity could not be noted'));
  return {
    limiters,
    requestBudget,
    config,
    db,
    events,
    policy,
    blobs,
    trees,
    store,
    users,
    passwordResets,
    mail,
    workspaces,
    objects,
    spaces,
    snapshots,
    audit,
    anonymity,
    notifications,
    stage,
    deliveries,
    merger,
    worker,
    distributions,
    progress: new ProgressHub(db, events, distributions),
    assignmentLive,
    workspaceLive: new WorkspaceLive(events),
    assignments,
    handIns,
    groups,
    adjustments,
    jobs,
    gc,
    webhookOutbox,
    webhookSender,
    webhooks,
    storageUse,
    status,
    grades,
    grading,
    rubricScores,
    rubrics,
    regrades,
    feedback,
    gradeReturns,
    handInDiffs,
    annotations,
    gradeExports,
    sso: new SsoService(db, users, spaces, config),
    ltiKeys,
    ltiScores,
    ltiRoster: new LtiRosterService(db, policy, users, spaces, workspaces, ltiServiceToken, audit),
    ltiPlatforms: new LtiPlatformsService(db, policy, config.env === 'production'),
    ltiLaunch: new LtiLaunchService(db, users, spaces, workspaces, config, ltiDeepLinking),
    ltiDeepLinking,
    onboarding: new OnboardingService(policy, users, spaces, workspaces, stage, snapshots),
    rosterImport: new RosterImportService(db, spaces, workspaces, mail, audit),
    tables: new TablesService(policy, workspaces, objects),
    applications: new ApplicationsService(policy, workspaces, objects),
  };
}

export type Services = ReturnType<typeof createServices>;

declare module './core/graphql/context' {
  // The resolvers' context carries exactly this graph.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppServices extends Services {}
}
