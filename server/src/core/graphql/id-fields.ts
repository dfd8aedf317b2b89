/**
 * Which type of object each ID field of the schema names, read by
 * `globalIds` (global-ids.ts) to encode answers and decode arguments. A field
 * is looked up as `Type.field` (or `Type.field.arg` for an argument), then by
 * its bare name; an ID field found in neither fails the schema build, naming
 * the field, so a new one cannot slip through unencoded.
 *
 * `id` on an object type is that type's own id and needs no entry.
 * A list of several types accepts any of them (the first is the one answers
 * are encoded with); an empty list is a polymorphic id that accepts any type.
 */
export const ID_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // Field and argument names that mean the same thing wherever they appear.
  spaceId: ['Space'],
  workspaceId: ['Workspace'],
  workspaceIds: ['Workspace'],
  sourceWorkspaceId: ['Workspace'],
  excluding: ['Workspace'],
  snapshotId: ['Snapshot'],
  sourceSnapshotId: ['Snapshot'],
  fromSnapshotId: ['Snapshot'],
  commitId: ['Commit'],
  distributionId: ['Distribution'],
  originId: ['Distribution'],
  assignmentId: ['Assignment'],
  handInId: ['HandIn'],
  bundleId: ['Bundle'],
  fromBundleId: ['Bundle'],
  stageItemIds: ['StageItem'],
  groupId: ['AssignmentGroup'],
  criterionId: ['RubricCriterion'],
  levelId: ['RubricLevel'],
  endpointId: ['WebhookEndpoint'],
  userId: ['User'],
  userIds: ['User'],
  memberIds: ['User'],
  ownerId: ['User'],
  authorId: ['User'],
  actorId: ['User'],
  createdById: ['User'],
  // The one assessed: a user; under anonymous grading, for staff, a hidden student's handle; in a
  // group assignment, the group (rows of group work stand where a student's would, and answer its
  // id as a User's, so ids of the same column compare equal; an AssignmentGroup id is accepted too).
  studentId: ['User', 'StudentAlias', 'AssignmentGroup'],
  studentIds: ['User', 'StudentAlias', 'AssignmentGroup'],
  'ReturnGradesResult.returned': ['User', 'StudentAlias', 'AssignmentGroup'],
  'ReturnGradesResult.alreadyReturned': ['User', 'StudentAlias', 'AssignmentGroup'],

  // Inputs and arguments named `id` that are not the id of the type they sit on.
  'RubricCriterionInput.id': ['RubricCriterion'],
  'RubricLevelInput.id': ['RubricLevel'],
  'Mutation.deleteAnnotation': ['Annotation'],
  'Mutation.markNotificationsRead.ids': ['Notification'],

  // The audit trail's subject is any kind of thing: see AUDIT_SUBJECT_TYPES.
  'AuditEvent.subjectId': [],
  'Query.auditEvents.subjectId': [],
};

/** `id` arguments: the type of object each field's `id` names. */
export const ID_ARGUMENTS: Readonly<Record<string, string>> = {
  'Query.space': 'Space',
  'Mutation.updateSpace': 'Space',
  'Query.workspace': 'Workspace',
  'Query.snapshot': 'Snapshot',
  'Mutation.deleteSnapshot': 'Snapshot',
  'Mutation.restoreSnapshot': 'Snapshot',
  'Query.distribution': 'Distribution',
  'Query.previewRetry': 'Distribution',
  'Query.previewReversal': 'Distribution',
  'Mutation.cancelDistribution': 'Distribution',
  'Mutation.retryDistribution': 'Distribution',
  'Mutation.undoDistribution': 'Distribution',
  'Mutation.retractDistribution': 'Distribution',
  'Subscription.distributionProgress': 'Distribution',
  'Query.bundle': 'Bundle',
  'Mutation.deleteBundle': 'Bundle',
  'Query.assignment': 'Assignment',
  'Mutation.updateAssignment': 'Assignment',
  'Query.handIn': 'HandIn',
  'Mutation.revokeExtension': 'Extension',
  'Mutation.resolveRegrade': 'RegradeRequest',
  'Mutation.updateAnnotation': 'Annotation',
  'Mutation.deleteAnnotation': 'Annotation',
  'Mutation.revokeApiToken': 'ApiToken',
  'Mutation.resendInvitation': 'Invitation',
  'Mutation.revokeInvitation': 'Invitation',
  'Mutation.updateLtiPlatform': 'LtiPlatform',
  'Mutation.resendLtiScore': 'LtiScore',
  'Mutation.deleteWebhook': 'WebhookEndpoint',
  'Mutation.updateWebhook': 'WebhookEndpoint',
  'Mutation.rotateWebhookSecret': 'WebhookEndpoint',
  'Mutation.replayWebhookDelivery': 'WebhookDelivery',
};

/**
 * The audit trail's `subjectType` values and the GraphQL type their
 * `subjectId` names. A subject of another kind has no object of its own in
 * the API: its `subjectId` is answered as the raw id.
 */
export const AUDIT_SUBJECT_TYPES: Readonly<Record<string, string>> = {
  space: 'Space',
  workspace: 'Workspace',
  distribution: 'Distribution',
  assignment: 'Assignment',
  'hand-in': 'HandIn',
  webhook: 'WebhookEndpoint',
};
