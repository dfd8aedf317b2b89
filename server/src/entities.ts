import { AuthToken } from './modules/users/auth-token.entity';
import { User } from './modules/users/user.entity';
import { PasswordReset } from './modules/users/password-reset.entity';
import { Invitation } from './modules/spaces/invitation.entity';
import { Membership } from './modules/spaces/membership.entity';
import { Space } from './modules/spaces/space.entity';
import { OutboxMessage } from './modules/mail/outbox-message.entity';
import { Commit } from './modules/workspaces/commit.entity';
import { Snapshot } from './modules/workspaces/snapshot.entity';
import { TreeRow } from './modules/workspaces/tree-row.entity';
import { Workspace } from './modules/workspaces/workspace.entity';
import { Assignment } from './modules/assignments/assignment.entity';
import { Extension } from './modules/assignments/extension.entity';
import { Grade } from './modules/assignments/grade.entity';
import { HandIn } from './modules/assignments/hand-in.entity';
import { AssignmentGroup, AssignmentGroupMember, GradeAdjustment } from './modules/assignments/assignment-group.entity';
import { WorkspaceMember } from './modules/workspaces/workspace-member.entity';
import { RegradeRequest } from './modules/assignments/regrade-request.entity';
import { Rubric } from './modules/assignments/rubric.entity';
import { RubricScore } from './modules/assignments/rubric-score.entity';
import { Annotation } from './modules/assignments/annotation.entity';
import { StudentAlias } from './modules/assignments/student-alias.entity';
import { ScheduledJob } from './modules/assignments/scheduled-job.entity';
import { AuditChain } from './modules/audit/audit-chain.entity';
import { AuditEvent } from './modules/audit/audit-event.entity';
import { Delivery } from './modules/distributions/delivery.entity';
import { DistributionTarget } from './modules/distributions/distribution-target.entity';
import { Distribution } from './modules/distributions/distribution.entity';
import { Notification } from './modules/notifications/notification.entity';
import { Bundle } from './modules/stage/bundle.entity';
import { StageItem } from './modules/stage/stage-item.entity';
import { MaintenanceLease } from './modules/storage/maintenance-lease.entity';
import { SignInAttempt } from './modules/sso/sign-in-attempt.entity';
import { UserIdentity } from './modules/sso/user-identity.entity';
import { WebhookDelivery } from './modules/webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from './modules/webhooks/webhook-endpoint.entity';
import { LtiContext } from './modules/lti/lti-context.entity';
import { LtiKey } from './modules/lti/lti-key.entity';
import { LtiLineItem } from './modules/lti/lti-line-item.entity';
import { LtiLogin } from './modules/lti/lti-login.entity';
import { LtiPlatform } from './modules/lti/lti-platform.entity';
import { LtiScore } from './modules/lti/lti-score.entity';

/** Every entity; the migrations must produce exactly this schema (checked by `npm run check`). */
export const entities = [
  User,
  AuthToken,
  PasswordReset,
  Space,
  Membership,
  Invitation,
  OutboxMessage,
  Workspace,
  Commit,
  Snapshot,
  TreeRow,
  StageItem,
  Bundle,
  Distribution,
  DistributionTarget,
  Delivery,
  Notification,
  AuditEvent,
  AuditChain,
  Assignment,
  Extension,
  HandIn,
  AssignmentGroup,
  AssignmentGroupMember,
  GradeAdjustment,
  WorkspaceMember,
  Grade,
  Rubric,
  RubricScore,
  RegradeRequest,
  Annotation,
  StudentAlias,
  ScheduledJob,
  MaintenanceLease,
  UserIdentity,
  SignInAttempt,
  WebhookEndpoint,
  WebhookDelivery,
  LtiPlatform,
  LtiKey,
  LtiLogin,
  LtiContext,
  LtiScore,
  LtiLineItem,
];
