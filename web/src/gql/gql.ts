/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation AcceptInvitation($token: String!, $signUp: AcceptSignUpInput) {\n    acceptInvitation(token: $token, signUp: $signUp) {\n      space {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      ...UserSummary\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    readOnly\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!, $readOnly: Boolean!, $expiresInDays: Int) {\n    createApiToken(name: $name, readOnly: $readOnly, expiresInDays: $expiresInDays) {\n      secret\n      token {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      spaceName\n      spaceKind\n      role\n      invitedBy\n      email\n      expiresAt\n      status\n      closedAt\n    }\n    signUpSettings {\n      passwordRule\n      passwordMinLength\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  query SignUpSettings {\n    signUpSettings {\n      openSignUp\n      passwordRule\n      passwordMinLength\n    }\n  }\n": typeof types.SignUpSettingsDocument,
    "\n  fragment HandInFields on HandIn {\n    id\n    seq\n    handedInAt\n    contentHash\n    collected\n    identifier\n    message\n    missingPaths\n    sizeBytes\n  }\n": typeof types.HandInFieldsFragmentDoc,
    "\n  fragment StatusRow on StudentAssignmentStatus {\n    studentNumber\n    section\n    members {\n      name\n      studentNumber\n    }\n    status\n    deadline\n    late\n    lateByMinutes\n    keptPercent\n    finalPoints\n    handInCount\n    lastActivityAt\n    workspaceId\n    student {\n      ...UserSummary\n    }\n    extension {\n      id\n      deadline\n      reason\n    }\n    latestHandIn {\n      ...HandInFields\n    }\n    grade {\n      ...GradeFields\n    }\n    criterionPoints\n    openRegradeRequests\n  }\n": typeof types.StatusRowFragmentDoc,
    "\n  fragment AssignmentDetails on Assignment {\n    id\n    version\n    spaceId\n    title\n    instructions\n    deadline\n    timeZone\n    releaseAt\n    releasedAt\n    createdAt\n    updatedAt\n    distributionId\n    collectAtDeadline\n    anonymousGrading\n    groupWork\n    handBackVisible\n    handInPaths\n    maxPoints\n    gradingScheme\n    sizeLimitBytes\n    latePolicy {\n      mode\n      penaltyPercent\n      unit\n      floorPercent\n    }\n    items {\n      ...FrozenItemFields\n    }\n  }\n": typeof types.AssignmentDetailsFragmentDoc,
    "\n  fragment ExtensionFields on Extension {\n    id\n    studentId\n    deadline\n    reason\n    createdAt\n    revokedAt\n    revokeReason\n  }\n": typeof types.ExtensionFieldsFragmentDoc,
    "\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateAssignmentDocument,
    "\n  mutation UpdateAssignment($id: ID!, $input: UpdateAssignmentInput!, $expectedVersion: Int) {\n    updateAssignment(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...AssignmentDetails\n    }\n  }\n": typeof types.UpdateAssignmentDocument,
    "\n  mutation GrantExtension($assignmentId: ID!, $studentId: ID!, $deadline: DateTimeISO!, $reason: String!) {\n    grantExtension(assignmentId: $assignmentId, studentId: $studentId, deadline: $deadline, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n": typeof types.GrantExtensionDocument,
    "\n  mutation RevokeExtension($id: ID!, $reason: String!) {\n    revokeExtension(id: $id, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n": typeof types.RevokeExtensionDocument,
    "\n  mutation HandInAssignment($assignmentId: ID!, $identifier: String, $message: String, $allowMissing: Boolean!) {\n    handInAssignment(assignmentId: $assignmentId, identifier: $identifier, message: $message, allowMissing: $allowMissing) {\n      contentHash\n      handedInAt\n      deadline\n      late\n      handIn {\n        ...HandInFields\n      }\n    }\n  }\n": typeof types.HandInAssignmentDocument,
    "\n  mutation SetTaExtensions($spaceId: ID!, $allowed: Boolean!) {\n    updateSpace(id: $spaceId, input: { tasGrantExtensions: $allowed }) {\n      id\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n": typeof types.SetTaExtensionsDocument,
    "\n  query SpaceAssignments($spaceId: ID!) {\n    assignments(spaceId: $spaceId) {\n      ...AssignmentDetails\n      myStatus {\n        ...StatusRow\n      }\n    }\n  }\n": typeof types.SpaceAssignmentsDocument,
    "\n  query Assignment($id: ID!) {\n    assignment(id: $id) {\n      ...AssignmentDetails\n      extensions {\n        ...ExtensionFields\n      }\n    }\n  }\n": typeof types.AssignmentDocument,
    "\n  query MyHandIns($assignmentId: ID!) {\n    handIns(assignmentId: $assignmentId) {\n      ...HandInFields\n    }\n  }\n": typeof types.MyHandInsDocument,
    "\n  subscription AssignmentChanged($spaceId: ID!) {\n    assignmentChanged(spaceId: $spaceId) {\n      assignment {\n        id\n        updatedAt\n        releasedAt\n      }\n    }\n  }\n": typeof types.AssignmentChangedDocument,
    "\n  query AssignmentGroups($assignmentId: ID!) {\n    assignmentGroups(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n": typeof types.AssignmentGroupsDocument,
    "\n  fragment GroupFields on AssignmentGroup {\n    id\n    name\n    workspaceId\n    handedIn\n    members {\n      id\n      name\n    }\n  }\n": typeof types.GroupFieldsFragmentDoc,
    "\n  mutation GroupsFromRoster($assignmentId: ID!) {\n    groupsFromRoster(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n": typeof types.GroupsFromRosterDocument,
    "\n  mutation CreateGroup($assignmentId: ID!, $name: String!) {\n    createGroup(assignmentId: $assignmentId, name: $name) {\n      ...GroupFields\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  mutation RenameGroup($groupId: ID!, $name: String!) {\n    renameGroup(groupId: $groupId, name: $name) {\n      ...GroupFields\n    }\n  }\n": typeof types.RenameGroupDocument,
    "\n  mutation DeleteGroup($groupId: ID!) {\n    deleteGroup(groupId: $groupId)\n  }\n": typeof types.DeleteGroupDocument,
    "\n  mutation SetGroupMember($assignmentId: ID!, $userId: ID!, $groupId: ID) {\n    setGroupMember(assignmentId: $assignmentId, userId: $userId, groupId: $groupId) {\n      notice\n      groups {\n        ...GroupFields\n      }\n    }\n  }\n": typeof types.SetGroupMemberDocument,
    "\n  query MyGroup($assignmentId: ID!) {\n    myGroup(assignmentId: $assignmentId) {\n      id\n      name\n      workspaceId\n      members {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyGroupDocument,
    "\n  fragment GradeAdjustmentFields on GradeAdjustment {\n    studentId\n    groupId\n    points\n    reason\n    setAt\n  }\n": typeof types.GradeAdjustmentFieldsFragmentDoc,
    "\n  query GradeAdjustments($assignmentId: ID!) {\n    gradeAdjustments(assignmentId: $assignmentId) {\n      ...GradeAdjustmentFields\n    }\n  }\n": typeof types.GradeAdjustmentsDocument,
    "\n  mutation SetGradeAdjustment($assignmentId: ID!, $studentId: ID!, $points: Float!, $reason: String!) {\n    setGradeAdjustment(assignmentId: $assignmentId, studentId: $studentId, points: $points, reason: $reason) {\n      ...GradeAdjustmentFields\n    }\n  }\n": typeof types.SetGradeAdjustmentDocument,
    "\n  query HandInStatuses(\n    $assignmentId: ID!\n    $statuses: [StudentStatus!]\n    $sort: StatusSort\n    $descending: Boolean\n    $search: String\n    $first: Int!\n    $after: String\n  ) {\n    handInStatuses(\n      assignmentId: $assignmentId\n      statuses: $statuses\n      sort: $sort\n      descending: $descending\n      search: $search\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      counts {\n        status\n        count\n      }\n      nodes {\n        ...StatusRow\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.HandInStatusesDocument,
    "\n  subscription HandInStatus($assignmentId: ID!) {\n    handInStatus(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      row {\n        ...StatusRow\n      }\n      counts {\n        status\n        count\n      }\n    }\n  }\n": typeof types.HandInStatusDocument,
    "\n  query HandInSummary($assignmentId: ID!) {\n    handInSummary(assignmentId: $assignmentId) {\n      students\n      late\n      collected\n      graded\n      counts {\n        status\n        count\n      }\n      handInsOverTime {\n        at\n        count\n      }\n      points {\n        from\n        to\n        count\n      }\n    }\n  }\n": typeof types.HandInSummaryDocument,
    "\n  query PreviewAssignmentRelease($input: CreateAssignmentInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewAssignmentRelease(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n": typeof types.PreviewAssignmentReleaseDocument,
    "\n  query AssignmentRelease($id: ID!) {\n    assignment(id: $id) {\n      id\n      releaseAt\n      releasedAt\n      release {\n        id\n        status\n        createdAt\n        undoneAt\n        policies {\n          default\n          files\n          tables\n          applications\n        }\n        counts {\n          ...StatusCounts\n        }\n      }\n    }\n  }\n": typeof types.AssignmentReleaseDocument,
    "\n  query PreviewScheduledRelease($assignmentId: ID!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewScheduledRelease(assignmentId: $assignmentId) {\n      ...DistributionPreviewFields\n    }\n  }\n": typeof types.PreviewScheduledReleaseDocument,
    "\n  query SealedFiles($id: ID!) {\n    handIn(id: $id) {\n      id\n      files {\n        path\n        sizeBytes\n      }\n    }\n  }\n": typeof types.SealedFilesDocument,
    "\n  query AuditEvents(\n    $spaceId: ID!\n    $action: String\n    $actorId: ID\n    $studentId: ID\n    $from: DateTimeISO\n    $to: DateTimeISO\n    $first: Int!\n    $after: String\n  ) {\n    auditEvents(\n      spaceId: $spaceId\n      action: $action\n      actorId: $actorId\n      studentId: $studentId\n      from: $from\n      to: $to\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      nodes {\n        id\n        seq\n        action\n        createdAt\n        actorId\n        studentId\n        actor {\n          id\n          name\n        }\n        student {\n          id\n          name\n        }\n        subjectType\n        subjectId\n        before\n        after\n        hash\n        prevHash\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditPeople($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      staff: members(first: 100, role: TA) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n      admins: members(first: 100, role: ADMIN) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuditPeopleDocument,
    "\n  query VerifyAuditChain($spaceId: ID!) {\n    verifyAuditChain(spaceId: $spaceId) {\n      ok\n      events\n      brokenAt\n      problem\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      name\n      role\n      password\n    }\n  }\n": typeof types.DemoAccountsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...UserSummary\n      instanceAdmin\n    }\n  }\n": typeof types.MeDocument,
    "\n  query SignInProviders {\n    signInProviders {\n      id\n      name\n      startUrl\n    }\n  }\n": typeof types.SignInProvidersDocument,
    "\n  fragment UserSummary on User {\n    id\n    name\n    email\n  }\n": typeof types.UserSummaryFragmentDoc,
    "\n  fragment StatusCounts on TargetStatusCounts {\n    total\n    done\n    pending\n    running\n    succeeded\n    failed\n    conflict\n    cancelled\n  }\n": typeof types.StatusCountsFragmentDoc,
    "\n  fragment OutcomeTotals on OutcomeCounts {\n    added\n    replaced\n    unchanged\n    skipped\n    copied\n    removed\n    conflict\n  }\n": typeof types.OutcomeTotalsFragmentDoc,
    "\n  fragment TargetProgress on DistributionTarget {\n    id\n    workspaceId\n    status\n    attempts\n    error\n    finishedAt\n    snapshotId\n    workspace {\n      ...WorkspaceLabel\n    }\n    counts {\n      ...OutcomeTotals\n    }\n  }\n": typeof types.TargetProgressFragmentDoc,
    "\n  fragment TargetRow on DistributionTarget {\n    ...TargetProgress\n    kept\n    outcomes {\n      path\n      outcome\n      files\n      copiedTo\n    }\n  }\n": typeof types.TargetRowFragmentDoc,
    "\n  fragment DistributionState on Distribution {\n    id\n    status\n    counts {\n      ...StatusCounts\n    }\n  }\n": typeof types.DistributionStateFragmentDoc,
    "\n  fragment ProgressHead on DistributionProgress {\n    final\n    counts {\n      ...StatusCounts\n    }\n    distribution {\n      id\n      status\n    }\n  }\n": typeof types.ProgressHeadFragmentDoc,
    "\n  fragment FrozenItemFields on FrozenItem {\n    path\n    kind\n    size\n  }\n": typeof types.FrozenItemFieldsFragmentDoc,
    "\n  fragment TargetPreviewRow on TargetPreview {\n    changes\n    fails\n    upToDate\n    conflicts\n    lostEditCount\n    lostEdits {\n      path\n      outcome\n    }\n    replacedDelivered {\n      path\n      outcome\n    }\n    counts {\n      ...OutcomeTotals\n    }\n    workspace {\n      ...WorkspaceLabel\n    }\n  }\n": typeof types.TargetPreviewRowFragmentDoc,
    "\n  fragment DistributionPreviewFields on DistributionPreview {\n    targetCount\n    targetsWithConflicts\n    targetsLosingEdits\n    targetsChanging\n    targetsFailing\n    targetsUpToDate\n    totals {\n      ...OutcomeTotals\n    }\n    items {\n      ...FrozenItemFields\n    }\n    needingLook: targetList(first: 1, only: [LOSES_EDITS, CONFLICTS, FAILS]) {\n      totalCount\n    }\n    targetList(first: $first, after: $after, only: $only) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...TargetPreviewRow\n      }\n    }\n  }\n": typeof types.DistributionPreviewFieldsFragmentDoc,
    "\n  subscription DistributionProgress($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n      distribution {\n        startedAt\n        finishedAt\n      }\n      finished {\n        ...TargetProgress\n      }\n    }\n  }\n": typeof types.DistributionProgressDocument,
    "\n  subscription DistributionStatus($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n    }\n  }\n": typeof types.DistributionStatusDocument,
    "\n  mutation CancelDistribution($id: ID!) {\n    cancelDistribution(id: $id) {\n      ...DistributionState\n    }\n  }\n": typeof types.CancelDistributionDocument,
    "\n  mutation RetryDistribution($id: ID!, $policies: PoliciesInput) {\n    retryDistribution(id: $id, policies: $policies) {\n      ...DistributionState\n    }\n  }\n": typeof types.RetryDistributionDocument,
    "\n  mutation UndoDistribution($id: ID!, $workspaceIds: [ID!]) {\n    undoDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n": typeof types.UndoDistributionDocument,
    "\n  mutation RetractDistribution($id: ID!, $workspaceIds: [ID!]) {\n    retractDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n": typeof types.RetractDistributionDocument,
    "\n  query Distribution($id: ID!) {\n    distribution(id: $id) {\n      ...DistributionState\n      kind\n      spaceId\n      createdAt\n      startedAt\n      finishedAt\n      message\n      originId\n      createdBy {\n        id\n        name\n      }\n      reversals {\n        id\n        kind\n        status\n        createdAt\n        createdBy {\n          id\n          name\n        }\n      }\n      snapshotFirst\n      includeFutureMembers\n      sourceWorkspaceId\n      sourceSnapshotId\n      targetCount\n      policies {\n        default\n        files\n        tables\n        applications\n      }\n      items {\n        ...FrozenItemFields\n      }\n    }\n  }\n": typeof types.DistributionDocument,
    "\n  query DistributionTargets($id: ID!, $first: Int!, $after: String, $status: TargetStatus, $search: String) {\n    distribution(id: $id) {\n      id\n      targets(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        nodes {\n          ...TargetRow\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.DistributionTargetsDocument,
    "\n  query PreviewReversal($id: ID!, $kind: ReversalKind!, $workspaceIds: [ID!], $first: Int!, $after: String) {\n    previewReversal(id: $id, kind: $kind, workspaceIds: $workspaceIds) {\n      kind\n      targetCount\n      removedTotal\n      targetsWithKept\n      targetList(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        nodes {\n          removedCount\n          removed\n          kept\n          changes\n          workspace {\n            ...WorkspaceLabel\n          }\n        }\n      }\n    }\n  }\n": typeof types.PreviewReversalDocument,
    "\n  query PreviewRetry($id: ID!, $policies: PoliciesInput, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewRetry(id: $id, policies: $policies) {\n      ...DistributionPreviewFields\n    }\n  }\n": typeof types.PreviewRetryDocument,
    "\n  query SpaceDistributions($spaceId: ID!, $first: Int!, $after: String) {\n    distributions(spaceId: $spaceId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...DistributionState\n        kind\n        createdAt\n        finishedAt\n        message\n        originId\n        targetCount\n        includeFutureMembers\n        items {\n          path\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.SpaceDistributionsDocument,
    "\n  fragment AnnotationFields on Annotation {\n    id\n    handInId\n    handInSeq\n    olderHandIn\n    path\n    startLine\n    endLine\n    cellIndex\n    body\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.AnnotationFieldsFragmentDoc,
    "\n  query StudentAnnotations($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      assignmentId\n      studentId\n      returned\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n": typeof types.StudentAnnotationsDocument,
    "\n  query MyAnnotations($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n": typeof types.MyAnnotationsDocument,
    "\n  mutation CreateAnnotation($handInId: ID!, $input: CreateAnnotationInput!) {\n    createAnnotation(handInId: $handInId, input: $input) {\n      ...AnnotationFields\n    }\n  }\n": typeof types.CreateAnnotationDocument,
    "\n  mutation UpdateAnnotation($id: ID!, $body: String!) {\n    updateAnnotation(id: $id, body: $body) {\n      ...AnnotationFields\n    }\n  }\n": typeof types.UpdateAnnotationDocument,
    "\n  mutation DeleteAnnotation($id: ID!) {\n    deleteAnnotation(id: $id)\n  }\n": typeof types.DeleteAnnotationDocument,
    "\n  fragment GradeFields on Grade {\n    points\n    textGrade\n    comment\n    gradedAt\n    returnedAt\n  }\n": typeof types.GradeFieldsFragmentDoc,
    "\n  fragment FeedbackFields on Feedback {\n    ...FeedbackFilesState\n    version\n    returned\n    visibleToStudent\n    keptPercent\n    finalPoints\n    student {\n      ...UserSummary\n    }\n    grade {\n      ...GradeFields\n      handInId\n      gradedBy {\n        id\n        name\n      }\n    }\n    gradedHandIn {\n      id\n      seq\n    }\n  }\n": typeof types.FeedbackFieldsFragmentDoc,
    "\n  fragment FeedbackFilesState on Feedback {\n    assignmentId\n    studentId\n    filesHash\n    filesVersion\n  }\n": typeof types.FeedbackFilesStateFragmentDoc,
    "\n  query StudentGrading($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFields\n    }\n    handIns(assignmentId: $assignmentId, studentId: $studentId) {\n      ...HandInFields\n    }\n  }\n": typeof types.StudentGradingDocument,
    "\n  query FeedbackFiles($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFilesState\n      files(path: $path, first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n": typeof types.FeedbackFilesDocument,
    "\n  query HandInEntries($handInId: ID!, $path: String!, $first: Int!, $after: String) {\n    handInEntries(handInId: $handInId, path: $path, first: $first, after: $after) {\n      nodes {\n        ...EntryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.HandInEntriesDocument,
    "\n  query HandInChanges($handInId: ID!) {\n    handInChanges(handInId: $handInId) {\n      truncated\n      counts {\n        added\n        deleted\n        modified\n      }\n      files {\n        path\n        change\n        kind\n        oldSize\n        newSize\n        noLineDiff\n        hunks {\n          oldStart\n          oldLines\n          newStart\n          newLines\n          lines {\n            kind\n            oldNumber\n            newNumber\n            text\n            noNewlineAtEnd\n          }\n        }\n      }\n    }\n  }\n": typeof types.HandInChangesDocument,
    "\n  mutation SetGrade($assignmentId: ID!, $studentId: ID!, $input: SetGradeInput!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: $input, expectedVersion: $expectedVersion) {\n      ...FeedbackFields\n    }\n  }\n": typeof types.SetGradeDocument,
    "\n  mutation ReturnGrades($assignmentId: ID!, $studentIds: [ID!]) {\n    returnGrades(assignmentId: $assignmentId, studentIds: $studentIds) {\n      returned\n      alreadyReturned\n      returnedCount\n      returnedAt\n    }\n  }\n": typeof types.ReturnGradesDocument,
    "\n  mutation CopyHandInFileToFeedback($handInId: ID!, $path: String!, $to: String) {\n    copyHandInFileToFeedback(handInId: $handInId, path: $path, to: $to) {\n      ...FeedbackFilesState\n    }\n  }\n": typeof types.CopyHandInFileToFeedbackDocument,
    "\n  mutation DeleteFeedbackFile($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    deleteFeedbackFile(assignmentId: $assignmentId, studentId: $studentId, path: $path) {\n      ...FeedbackFilesState\n    }\n  }\n": typeof types.DeleteFeedbackFileDocument,
    "\n  query MyFeedback($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      ...FeedbackFields\n      files(first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n": typeof types.MyFeedbackDocument,
    "\n  mutation CopyFeedbackToWorkspace($assignmentId: ID!) {\n    copyFeedbackToWorkspace(assignmentId: $assignmentId) {\n      changed\n      path\n      workspace {\n        id\n      }\n      outcomes {\n        path\n        outcome\n        copiedTo\n      }\n    }\n  }\n": typeof types.CopyFeedbackToWorkspaceDocument,
    "\n  query GradingNeighbours($assignmentId: ID!, $studentId: ID!, $statuses: [StudentStatus!], $sort: StatusSort, $descending: Boolean, $search: String) {\n    gradingNeighbours(assignmentId: $assignmentId, studentId: $studentId, statuses: $statuses, sort: $sort, descending: $descending, search: $search) {\n      previous {\n        id\n        name\n      }\n      next {\n        id\n        name\n      }\n      position\n      total\n    }\n  }\n": typeof types.GradingNeighboursDocument,
    "\n  fragment RubricFields on Rubric {\n    id\n    version\n    maxPoints\n    comments\n    criteria {\n      id\n      title\n      description\n      maxPoints\n      levels {\n        id\n        title\n        points\n        description\n      }\n    }\n  }\n": typeof types.RubricFieldsFragmentDoc,
    "\n  fragment RegradeRequestFields on RegradeRequest {\n    id\n    studentId\n    criterionId\n    criterionTitle\n    message\n    createdAt\n    open\n    pointsBefore\n    pointsAfter\n    reply\n    resolvedAt\n  }\n": typeof types.RegradeRequestFieldsFragmentDoc,
    "\n  fragment CriterionScores on Feedback {\n    assignmentId\n    studentId\n    criteria {\n      criterionId\n      levelId\n      points\n      comment\n    }\n  }\n": typeof types.CriterionScoresFragmentDoc,
    "\n  query AssignmentRubric($id: ID!) {\n    assignment(id: $id) {\n      id\n      gradingScheme\n      maxPoints\n      rubric {\n        ...RubricFields\n      }\n    }\n  }\n": typeof types.AssignmentRubricDocument,
    "\n  query RubricPreview($assignmentId: ID!, $input: RubricInput!) {\n    rubricPreview(assignmentId: $assignmentId, input: $input) {\n      changedCount\n      returnedCount\n      needsConfirm\n      summary\n      removedPickedLevels {\n        criterion\n        level\n        students\n      }\n      changes {\n        studentId\n        student {\n          id\n          name\n        }\n        pointsBefore\n        pointsAfter\n        returned\n      }\n    }\n  }\n": typeof types.RubricPreviewDocument,
    "\n  mutation SaveRubric($assignmentId: ID!, $input: RubricInput!, $expectedVersion: Int, $confirm: Boolean!) {\n    saveRubric(assignmentId: $assignmentId, input: $input, expectedVersion: $expectedVersion, confirm: $confirm) {\n      rubric {\n        ...RubricFields\n      }\n      impact {\n        changedCount\n        returnedCount\n      }\n    }\n  }\n": typeof types.SaveRubricDocument,
    "\n  query GradeCriteria($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...CriterionScores\n      version\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n": typeof types.GradeCriteriaDocument,
    "\n  mutation GradeByRubric($assignmentId: ID!, $studentId: ID!, $criteria: [CriterionGradeInput!]!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: { criteria: $criteria }, expectedVersion: $expectedVersion) {\n      ...CriterionScores\n      version\n      finalPoints\n      keptPercent\n      grade {\n        points\n      }\n    }\n  }\n": typeof types.GradeByRubricDocument,
    "\n  query OpenRegradeRequests($assignmentId: ID!) {\n    regradeRequests(assignmentId: $assignmentId, openOnly: true) {\n      ...RegradeRequestFields\n    }\n  }\n": typeof types.OpenRegradeRequestsDocument,
    "\n  mutation RequestRegrade($assignmentId: ID!, $criterionId: ID, $message: String!) {\n    requestRegrade(assignmentId: $assignmentId, criterionId: $criterionId, message: $message) {\n      ...RegradeRequestFields\n    }\n  }\n": typeof types.RequestRegradeDocument,
    "\n  mutation ResolveRegrade($id: ID!, $reply: String!) {\n    resolveRegrade(id: $id, reply: $reply) {\n      ...RegradeRequestFields\n    }\n  }\n": typeof types.ResolveRegradeDocument,
    "\n  query MyRubricFeedback($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      rubric {\n        ...RubricFields\n      }\n    }\n    myFeedback(assignmentId: $assignmentId) {\n      ...CriterionScores\n      visibleToStudent\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n": typeof types.MyRubricFeedbackDocument,
    "\n  query LtiCourse($spaceId: ID!) {\n    ltiCourse(spaceId: $spaceId) {\n      platformName\n      title\n      rosterAvailable\n      rosterCheckedAt\n      rosterDifferences\n      rosterCheckError\n    }\n  }\n": typeof types.LtiCourseDocument,
    "\n  fragment LtiRosterLineFields on LtiRosterLine {\n    platformUserId\n    name\n    studentNumber\n    role\n    outcome\n    detail\n  }\n": typeof types.LtiRosterLineFieldsFragmentDoc,
    "\n  query PreviewLtiRosterSync($spaceId: ID!) {\n    previewLtiRosterSync(spaceId: $spaceId) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n": typeof types.PreviewLtiRosterSyncDocument,
    "\n  mutation ApplyLtiRosterSync($spaceId: ID!, $previewHash: String!) {\n    applyLtiRosterSync(spaceId: $spaceId, previewHash: $previewHash) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n": typeof types.ApplyLtiRosterSyncDocument,
    "\n  mutation RespondLtiDeepLink($request: String!, $assignmentId: ID!) {\n    respondLtiDeepLink(request: $request, assignmentId: $assignmentId) {\n      returnUrl\n      jwt\n    }\n  }\n": typeof types.RespondLtiDeepLinkDocument,
    "\n  fragment LtiPlatformFields on LtiPlatform {\n    id\n    name\n    issuer\n    clientId\n    deploymentIds\n    authUrl\n    tokenUrl\n    jwksUrl\n    linkByEmail\n  }\n": typeof types.LtiPlatformFieldsFragmentDoc,
    "\n  query LtiPlatforms {\n    ltiToolSettings {\n      loginUrl\n      launchUrl\n      jwksUrl\n      configUrl\n    }\n    ltiPlatforms {\n      ...LtiPlatformFields\n    }\n  }\n": typeof types.LtiPlatformsDocument,
    "\n  mutation RegisterLtiPlatform($input: LtiPlatformInput!) {\n    registerLtiPlatform(input: $input) {\n      ...LtiPlatformFields\n    }\n  }\n": typeof types.RegisterLtiPlatformDocument,
    "\n  fragment LtiScoreFields on LtiScore {\n    id\n    kind\n    status\n    score\n    attempts\n    nextAttemptAt\n    lastAttemptAt\n    lastResponseStatus\n    lastResponseBody\n    lastError\n    sentAt\n    createdAt\n  }\n": typeof types.LtiScoreFieldsFragmentDoc,
    "\n  query LtiScores($assignmentId: ID!, $studentId: ID!) {\n    ltiScores(assignmentId: $assignmentId, studentId: $studentId) {\n      ...LtiScoreFields\n    }\n  }\n": typeof types.LtiScoresDocument,
    "\n  mutation ResendLtiScore($id: ID!) {\n    resendLtiScore(id: $id) {\n      ...LtiScoreFields\n    }\n  }\n": typeof types.ResendLtiScoreDocument,
    "\n  fragment MemberFields on Member {\n    joinedAt\n    role\n    studentNumber\n    section\n    leftCourseAt\n    user {\n      ...UserSummary\n    }\n  }\n": typeof types.MemberFieldsFragmentDoc,
    "\n  fragment InvitationFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    studentNumber\n    section\n  }\n": typeof types.InvitationFieldsFragmentDoc,
    "\n  mutation CreateInviteLink($spaceId: ID!, $role: Role!, $expiresInDays: Int!) {\n    createInviteLink(spaceId: $spaceId, role: $role, expiresInDays: $expiresInDays) {\n      url\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n": typeof types.CreateInviteLinkDocument,
    "\n  mutation InviteByEmail($spaceId: ID!, $email: String!, $role: Role!) {\n    inviteByEmail(spaceId: $spaceId, email: $email, role: $role) {\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n": typeof types.InviteByEmailDocument,
    "\n  mutation AddMember($spaceId: ID!, $email: String!, $role: Role!) {\n    addMember(spaceId: $spaceId, email: $email, role: $role) {\n      ...MemberFields\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation ChangeMemberRole($spaceId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(spaceId: $spaceId, userId: $userId, role: $role) {\n      ...MemberFields\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation ChangeMemberRoles($spaceId: ID!, $userIds: [ID!]!, $role: Role!) {\n    changeMemberRoles(spaceId: $spaceId, userIds: $userIds, role: $role) {\n      ...MemberFields\n    }\n  }\n": typeof types.ChangeMemberRolesDocument,
    "\n  mutation RemoveMembers($spaceId: ID!, $userIds: [ID!]!) {\n    removeMembers(spaceId: $spaceId, userIds: $userIds)\n  }\n": typeof types.RemoveMembersDocument,
    "\n  mutation UpdateMemberDetails($spaceId: ID!, $userId: ID!, $input: MemberDetailsInput!) {\n    updateMemberDetails(spaceId: $spaceId, userId: $userId, input: $input) {\n      ...MemberFields\n    }\n  }\n": typeof types.UpdateMemberDetailsDocument,
    "\n  fragment RosterImportFields on RosterImport {\n    role\n    previewHash\n    applied\n    lines {\n      line\n      name\n      email\n      studentNumber\n      section\n      outcome\n      detail\n    }\n    totals {\n      lines\n      newInvitation\n      addExisting\n      update\n      alreadyMemberUnchanged\n      alreadyInvited\n      duplicate\n      invalid\n    }\n  }\n": typeof types.RosterImportFieldsFragmentDoc,
    "\n  query PreviewRosterImport($spaceId: ID!, $csv: String!, $role: Role!) {\n    previewRosterImport(spaceId: $spaceId, csv: $csv, role: $role) {\n      ...RosterImportFields\n    }\n  }\n": typeof types.PreviewRosterImportDocument,
    "\n  mutation ApplyRosterImport($spaceId: ID!, $csv: String!, $role: Role!, $previewHash: String!, $skipInvalid: Boolean!) {\n    applyRosterImport(spaceId: $spaceId, csv: $csv, role: $role, previewHash: $previewHash, skipInvalid: $skipInvalid) {\n      ...RosterImportFields\n    }\n  }\n": typeof types.ApplyRosterImportDocument,
    "\n  query SpaceInvitations($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      invitations(open: true) {\n        ...InvitationFields\n      }\n      invitationCount(open: true)\n    }\n  }\n": typeof types.SpaceInvitationsDocument,
    "\n  query SpaceMembers($spaceId: ID!, $first: Int!, $after: String, $role: Role, $search: String) {\n    space(id: $spaceId) {\n      id\n      members(first: $first, after: $after, role: $role, search: $search) {\n        totalCount\n        nodes {\n          ...MemberFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.SpaceMembersDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n    spaceId\n    distributionId\n    link\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      totalCount\n      nodes {\n        ...NotificationFields\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query MySpaces($first: Int!, $after: String) {\n    spaces(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        kind\n        myRole\n        description\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.MySpacesDocument,
    "\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      description\n      myRole\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n": typeof types.SpaceDocument,
    "\n  query SpaceWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      myRole\n      workspaces {\n        ...WorkspaceSummary\n      }\n    }\n  }\n": typeof types.SpaceWorkspacesDocument,
    "\n  query CourseWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      master: workspaces(kind: MASTER) {\n        ...WorkspaceSummary\n      }\n      distributed: workspaces(kind: DISTRIBUTED) {\n        ...WorkspaceSummary\n      }\n      shared: workspaces(kind: SHARED) {\n        ...WorkspaceSummary\n      }\n    }\n  }\n": typeof types.CourseWorkspacesDocument,
    "\n  query WorkspaceList($spaceId: ID!, $first: Int!, $after: String, $kind: WorkspaceKind, $search: String) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, kind: $kind, search: $search) {\n        totalCount\n        nodes {\n          ...WorkspaceSummary\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceListDocument,
    "\n  query PushTargets($spaceId: ID!, $first: Int!, $after: String, $search: String, $excluding: ID) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, search: $search, writable: true, excluding: $excluding) {\n        totalCount\n        nodes {\n          id\n          name\n          kind\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.PushTargetsDocument,
    "\n  query StagingRoles {\n    spaces(first: 100) {\n      nodes {\n        id\n        kind\n        myRole\n      }\n    }\n  }\n": typeof types.StagingRolesDocument,
    "\n  fragment BundleFields on Bundle {\n    id\n    name\n    description\n    createdAt\n    spaceId\n    sourceWorkspaceId\n    sourceSnapshotId\n    items {\n      ...FrozenItemFields\n    }\n  }\n": typeof types.BundleFieldsFragmentDoc,
    "\n  query Bundles($spaceId: ID!) {\n    bundles(spaceId: $spaceId) {\n      ...BundleFields\n    }\n  }\n": typeof types.BundlesDocument,
    "\n  query PreviewDistribution($input: PushInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    distributionPreview(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n": typeof types.PreviewDistributionDocument,
    "\n  mutation PushDistribution($input: PushInput!) {\n    createDistribution(input: $input) {\n      distribution {\n        id\n        status\n      }\n    }\n  }\n": typeof types.PushDistributionDocument,
    "\n  mutation RemoveFromStage($source: SourceInput!, $paths: [String!]!) {\n    removeFromStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n": typeof types.RemoveFromStageDocument,
    "\n  mutation ClearStage($source: SourceInput!) {\n    clearStage(source: $source)\n  }\n": typeof types.ClearStageDocument,
    "\n  mutation SaveBundle($source: SourceInput!, $name: String!, $description: String!) {\n    saveBundle(source: $source, name: $name, description: $description) {\n      ...BundleFields\n    }\n  }\n": typeof types.SaveBundleDocument,
    "\n  mutation DeleteBundle($id: ID!) {\n    deleteBundle(id: $id)\n  }\n": typeof types.DeleteBundleDocument,
    "\n  query Stages {\n    stages {\n      workspaceId\n      snapshotId\n      count\n    }\n  }\n": typeof types.StagesDocument,
    "\n  query Stage($source: SourceInput!, $workspaceId: ID!) {\n    stage(source: $source) {\n      ...StageItemFields\n    }\n    workspace(id: $workspaceId) {\n      id\n      name\n      kind\n      spaceId\n    }\n  }\n": typeof types.StageDocument,
    "\n  query StageSnapshot($id: ID!) {\n    snapshot(id: $id) {\n      id\n      label\n    }\n  }\n": typeof types.StageSnapshotDocument,
    "\n  mutation SetSpaceQuota($spaceId: ID!, $bytes: Float) {\n    setSpaceQuota(spaceId: $spaceId, bytes: $bytes) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n    }\n  }\n": typeof types.SetSpaceQuotaDocument,
    "\n  fragment StorageUseFields on StorageUse {\n    logicalBytes\n    exclusiveBytes\n  }\n": typeof types.StorageUseFieldsFragmentDoc,
    "\n  query SpaceStorage($id: ID!) {\n    space(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n      workspaces {\n        ...WorkspaceLabel\n        owner {\n          email\n        }\n        storageUse {\n          ...StorageUseFields\n        }\n      }\n    }\n  }\n": typeof types.SpaceStorageDocument,
    "\n  query WorkspaceStorage($id: ID!) {\n    workspace(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n      }\n    }\n  }\n": typeof types.WorkspaceStorageDocument,
    "\n  query Webhooks($spaceId: ID!) {\n    webhooks(spaceId: $spaceId) {\n      id\n      url\n      description\n      events\n      enabled\n      failureCount\n      disabledReason\n      createdAt\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        eventType\n        status\n        attempts\n        createdAt\n        lastAttemptAt\n        nextAttemptAt\n        lastResponseStatus\n        lastResponseBody\n        lastDurationMs\n        lastError\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      enabled\n      failureCount\n      disabledReason\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n    }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  mutation SnapshotFromVersion($workspaceId: ID!, $commitId: ID!, $label: String!) {\n    createSnapshot(workspaceId: $workspaceId, commitId: $commitId, label: $label) {\n      ...SnapshotFields\n    }\n  }\n": typeof types.SnapshotFromVersionDocument,
    "\n  query WorkspaceApplication($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      version\n      application(path: $path, snapshotId: $snapshotId) {\n        path\n        hash\n        config\n      }\n    }\n  }\n": typeof types.WorkspaceApplicationDocument,
    "\n  subscription WorkspaceChanged($workspaceId: ID!) {\n    workspaceChanged(workspaceId: $workspaceId) {\n      workspaceId\n      version\n      commitId\n    }\n  }\n": typeof types.WorkspaceChangedDocument,
    "\n  query WorkspaceEntries($id: ID!, $path: String!, $snapshotId: ID, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      version\n      entries(path: $path, snapshotId: $snapshotId, first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...EntryFields\n          hash\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceEntriesDocument,
    "\n  fragment WorkspaceLabel on Workspace {\n    id\n    name\n    kind\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.WorkspaceLabelFragmentDoc,
    "\n  fragment WorkspaceSummary on Workspace {\n    ...WorkspaceLabel\n    canWrite\n    ownerId\n    owner {\n      email\n    }\n  }\n": typeof types.WorkspaceSummaryFragmentDoc,
    "\n  fragment WorkspaceVersion on Workspace {\n    id\n    version\n  }\n": typeof types.WorkspaceVersionFragmentDoc,
    "\n  fragment EntryFields on Entry {\n    name\n    path\n    kind\n    size\n  }\n": typeof types.EntryFieldsFragmentDoc,
    "\n  fragment CommitFields on Commit {\n    id\n    version\n    message\n    createdAt\n    distributionId\n    author {\n      id\n      name\n    }\n  }\n": typeof types.CommitFieldsFragmentDoc,
    "\n  fragment SnapshotFields on Snapshot {\n    id\n    label\n    description\n    automatic\n    createdAt\n  }\n": typeof types.SnapshotFieldsFragmentDoc,
    "\n  fragment StageItemFields on StageItem {\n    id\n    path\n    createdAt\n    sourceWorkspaceId\n    sourceSnapshotId\n  }\n": typeof types.StageItemFieldsFragmentDoc,
    "\n  query WorkspaceHistory($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        nodes {\n          ...CommitFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceHistoryDocument,
    "\n  query WorkspaceSnapshots($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      snapshots(first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...SnapshotFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceSnapshotsDocument,
    "\n  query WorkspaceTable($id: ID!, $path: String!, $snapshotId: ID, $offset: Int!, $limit: Int!) {\n    workspace(id: $id) {\n      id\n      table(path: $path, snapshotId: $snapshotId, offset: $offset, limit: $limit) {\n        path\n        hash\n        offset\n        rowCount\n        columns {\n          name\n          type\n        }\n        rows\n      }\n    }\n  }\n": typeof types.WorkspaceTableDocument,
    "\n  mutation CreateFolder($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    createFolder(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n": typeof types.CreateFolderDocument,
    "\n  mutation MovePath($workspaceId: ID!, $from: String!, $to: String!, $expectedVersion: Int) {\n    movePath(workspaceId: $workspaceId, from: $from, to: $to, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n": typeof types.MovePathDocument,
    "\n  mutation DeletePath($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    deletePath(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n": typeof types.DeletePathDocument,
    "\n  mutation SaveApplication($workspaceId: ID!, $name: String!, $config: JSONObject!, $expectedVersion: Int) {\n    saveApplication(workspaceId: $workspaceId, name: $name, config: $config, expectedVersion: $expectedVersion) {\n      path\n      hash\n      config\n    }\n  }\n": typeof types.SaveApplicationDocument,
    "\n  mutation CreateSnapshot($workspaceId: ID!, $label: String!, $description: String!) {\n    createSnapshot(workspaceId: $workspaceId, label: $label, description: $description) {\n      ...SnapshotFields\n    }\n  }\n": typeof types.CreateSnapshotDocument,
    "\n  mutation RestoreSnapshot($id: ID!) {\n    restoreSnapshot(id: $id) {\n      backup {\n        id\n        label\n      }\n      workspace {\n        ...WorkspaceVersion\n      }\n    }\n  }\n": typeof types.RestoreSnapshotDocument,
    "\n  mutation DeleteSnapshot($id: ID!) {\n    deleteSnapshot(id: $id)\n  }\n": typeof types.DeleteSnapshotDocument,
    "\n  mutation AddToStage($source: SourceInput!, $paths: [String!]!) {\n    addToStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n": typeof types.AddToStageDocument,
    "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceLabel\n      spaceId\n      canWrite\n      version\n    }\n  }\n": typeof types.WorkspaceDocument,
    "\n  query WorkspaceSpaceRole($id: ID!) {\n    space(id: $id) {\n      id\n      kind\n      myRole\n    }\n  }\n": typeof types.WorkspaceSpaceRoleDocument,
    "\n  query WorkspaceObject($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      object(path: $path, snapshotId: $snapshotId) {\n        name\n        path\n        kind\n        size\n        hash\n        lastChange {\n          ...CommitFields\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceObjectDocument,
    "\n  query Snapshot($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n      workspaceId\n    }\n  }\n": typeof types.SnapshotDocument,
};
const documents: Documents = {
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation AcceptInvitation($token: String!, $signUp: AcceptSignUpInput) {\n    acceptInvitation(token: $token, signUp: $signUp) {\n      space {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      ...UserSummary\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    readOnly\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!, $readOnly: Boolean!, $expiresInDays: Int) {\n    createApiToken(name: $name, readOnly: $readOnly, expiresInDays: $expiresInDays) {\n      secret\n      token {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      spaceName\n      spaceKind\n      role\n      invitedBy\n      email\n      expiresAt\n      status\n      closedAt\n    }\n    signUpSettings {\n      passwordRule\n      passwordMinLength\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  query SignUpSettings {\n    signUpSettings {\n      openSignUp\n      passwordRule\n      passwordMinLength\n    }\n  }\n": types.SignUpSettingsDocument,
    "\n  fragment HandInFields on HandIn {\n    id\n    seq\n    handedInAt\n    contentHash\n    collected\n    identifier\n    message\n    missingPaths\n    sizeBytes\n  }\n": types.HandInFieldsFragmentDoc,
    "\n  fragment StatusRow on StudentAssignmentStatus {\n    studentNumber\n    section\n    members {\n      name\n      studentNumber\n    }\n    status\n    deadline\n    late\n    lateByMinutes\n    keptPercent\n    finalPoints\n    handInCount\n    lastActivityAt\n    workspaceId\n    student {\n      ...UserSummary\n    }\n    extension {\n      id\n      deadline\n      reason\n    }\n    latestHandIn {\n      ...HandInFields\n    }\n    grade {\n      ...GradeFields\n    }\n    criterionPoints\n    openRegradeRequests\n  }\n": types.StatusRowFragmentDoc,
    "\n  fragment AssignmentDetails on Assignment {\n    id\n    version\n    spaceId\n    title\n    instructions\n    deadline\n    timeZone\n    releaseAt\n    releasedAt\n    createdAt\n    updatedAt\n    distributionId\n    collectAtDeadline\n    anonymousGrading\n    groupWork\n    handBackVisible\n    handInPaths\n    maxPoints\n    gradingScheme\n    sizeLimitBytes\n    latePolicy {\n      mode\n      penaltyPercent\n      unit\n      floorPercent\n    }\n    items {\n      ...FrozenItemFields\n    }\n  }\n": types.AssignmentDetailsFragmentDoc,
    "\n  fragment ExtensionFields on Extension {\n    id\n    studentId\n    deadline\n    reason\n    createdAt\n    revokedAt\n    revokeReason\n  }\n": types.ExtensionFieldsFragmentDoc,
    "\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n": types.CreateAssignmentDocument,
    "\n  mutation UpdateAssignment($id: ID!, $input: UpdateAssignmentInput!, $expectedVersion: Int) {\n    updateAssignment(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...AssignmentDetails\n    }\n  }\n": types.UpdateAssignmentDocument,
    "\n  mutation GrantExtension($assignmentId: ID!, $studentId: ID!, $deadline: DateTimeISO!, $reason: String!) {\n    grantExtension(assignmentId: $assignmentId, studentId: $studentId, deadline: $deadline, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n": types.GrantExtensionDocument,
    "\n  mutation RevokeExtension($id: ID!, $reason: String!) {\n    revokeExtension(id: $id, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n": types.RevokeExtensionDocument,
    "\n  mutation HandInAssignment($assignmentId: ID!, $identifier: String, $message: String, $allowMissing: Boolean!) {\n    handInAssignment(assignmentId: $assignmentId, identifier: $identifier, message: $message, allowMissing: $allowMissing) {\n      contentHash\n      handedInAt\n      deadline\n      late\n      handIn {\n        ...HandInFields\n      }\n    }\n  }\n": types.HandInAssignmentDocument,
    "\n  mutation SetTaExtensions($spaceId: ID!, $allowed: Boolean!) {\n    updateSpace(id: $spaceId, input: { tasGrantExtensions: $allowed }) {\n      id\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n": types.SetTaExtensionsDocument,
    "\n  query SpaceAssignments($spaceId: ID!) {\n    assignments(spaceId: $spaceId) {\n      ...AssignmentDetails\n      myStatus {\n        ...StatusRow\n      }\n    }\n  }\n": types.SpaceAssignmentsDocument,
    "\n  query Assignment($id: ID!) {\n    assignment(id: $id) {\n      ...AssignmentDetails\n      extensions {\n        ...ExtensionFields\n      }\n    }\n  }\n": types.AssignmentDocument,
    "\n  query MyHandIns($assignmentId: ID!) {\n    handIns(assignmentId: $assignmentId) {\n      ...HandInFields\n    }\n  }\n": types.MyHandInsDocument,
    "\n  subscription AssignmentChanged($spaceId: ID!) {\n    assignmentChanged(spaceId: $spaceId) {\n      assignment {\n        id\n        updatedAt\n        releasedAt\n      }\n    }\n  }\n": types.AssignmentChangedDocument,
    "\n  query AssignmentGroups($assignmentId: ID!) {\n    assignmentGroups(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n": types.AssignmentGroupsDocument,
    "\n  fragment GroupFields on AssignmentGroup {\n    id\n    name\n    workspaceId\n    handedIn\n    members {\n      id\n      name\n    }\n  }\n": types.GroupFieldsFragmentDoc,
    "\n  mutation GroupsFromRoster($assignmentId: ID!) {\n    groupsFromRoster(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n": types.GroupsFromRosterDocument,
    "\n  mutation CreateGroup($assignmentId: ID!, $name: String!) {\n    createGroup(assignmentId: $assignmentId, name: $name) {\n      ...GroupFields\n    }\n  }\n": types.CreateGroupDocument,
    "\n  mutation RenameGroup($groupId: ID!, $name: String!) {\n    renameGroup(groupId: $groupId, name: $name) {\n      ...GroupFields\n    }\n  }\n": types.RenameGroupDocument,
    "\n  mutation DeleteGroup($groupId: ID!) {\n    deleteGroup(groupId: $groupId)\n  }\n": types.DeleteGroupDocument,
    "\n  mutation SetGroupMember($assignmentId: ID!, $userId: ID!, $groupId: ID) {\n    setGroupMember(assignmentId: $assignmentId, userId: $userId, groupId: $groupId) {\n      notice\n      groups {\n        ...GroupFields\n      }\n    }\n  }\n": types.SetGroupMemberDocument,
    "\n  query MyGroup($assignmentId: ID!) {\n    myGroup(assignmentId: $assignmentId) {\n      id\n      name\n      workspaceId\n      members {\n        id\n        name\n      }\n    }\n  }\n": types.MyGroupDocument,
    "\n  fragment GradeAdjustmentFields on GradeAdjustment {\n    studentId\n    groupId\n    points\n    reason\n    setAt\n  }\n": types.GradeAdjustmentFieldsFragmentDoc,
    "\n  query GradeAdjustments($assignmentId: ID!) {\n    gradeAdjustments(assignmentId: $assignmentId) {\n      ...GradeAdjustmentFields\n    }\n  }\n": types.GradeAdjustmentsDocument,
    "\n  mutation SetGradeAdjustment($assignmentId: ID!, $studentId: ID!, $points: Float!, $reason: String!) {\n    setGradeAdjustment(assignmentId: $assignmentId, studentId: $studentId, points: $points, reason: $reason) {\n      ...GradeAdjustmentFields\n    }\n  }\n": types.SetGradeAdjustmentDocument,
    "\n  query HandInStatuses(\n    $assignmentId: ID!\n    $statuses: [StudentStatus!]\n    $sort: StatusSort\n    $descending: Boolean\n    $search: String\n    $first: Int!\n    $after: String\n  ) {\n    handInStatuses(\n      assignmentId: $assignmentId\n      statuses: $statuses\n      sort: $sort\n      descending: $descending\n      search: $search\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      counts {\n        status\n        count\n      }\n      nodes {\n        ...StatusRow\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.HandInStatusesDocument,
    "\n  subscription HandInStatus($assignmentId: ID!) {\n    handInStatus(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      row {\n        ...StatusRow\n      }\n      counts {\n        status\n        count\n      }\n    }\n  }\n": types.HandInStatusDocument,
    "\n  query HandInSummary($assignmentId: ID!) {\n    handInSummary(assignmentId: $assignmentId) {\n      students\n      late\n      collected\n      graded\n      counts {\n        status\n        count\n      }\n      handInsOverTime {\n        at\n        count\n      }\n      points {\n        from\n        to\n        count\n      }\n    }\n  }\n": types.HandInSummaryDocument,
    "\n  query PreviewAssignmentRelease($input: CreateAssignmentInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewAssignmentRelease(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n": types.PreviewAssignmentReleaseDocument,
    "\n  query AssignmentRelease($id: ID!) {\n    assignment(id: $id) {\n      id\n      releaseAt\n      releasedAt\n      release {\n        id\n        status\n        createdAt\n        undoneAt\n        policies {\n          default\n          files\n          tables\n          applications\n        }\n        counts {\n          ...StatusCounts\n        }\n      }\n    }\n  }\n": types.AssignmentReleaseDocument,
    "\n  query PreviewScheduledRelease($assignmentId: ID!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewScheduledRelease(assignmentId: $assignmentId) {\n      ...DistributionPreviewFields\n    }\n  }\n": types.PreviewScheduledReleaseDocument,
    "\n  query SealedFiles($id: ID!) {\n    handIn(id: $id) {\n      id\n      files {\n        path\n        sizeBytes\n      }\n    }\n  }\n": types.SealedFilesDocument,
    "\n  query AuditEvents(\n    $spaceId: ID!\n    $action: String\n    $actorId: ID\n    $studentId: ID\n    $from: DateTimeISO\n    $to: DateTimeISO\n    $first: Int!\n    $after: String\n  ) {\n    auditEvents(\n      spaceId: $spaceId\n      action: $action\n      actorId: $actorId\n      studentId: $studentId\n      from: $from\n      to: $to\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      nodes {\n        id\n        seq\n        action\n        createdAt\n        actorId\n        studentId\n        actor {\n          id\n          name\n        }\n        student {\n          id\n          name\n        }\n        subjectType\n        subjectId\n        before\n        after\n        hash\n        prevHash\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditPeople($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      staff: members(first: 100, role: TA) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n      admins: members(first: 100, role: ADMIN) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AuditPeopleDocument,
    "\n  query VerifyAuditChain($spaceId: ID!) {\n    verifyAuditChain(spaceId: $spaceId) {\n      ok\n      events\n      brokenAt\n      problem\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      name\n      role\n      password\n    }\n  }\n": types.DemoAccountsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...UserSummary\n      instanceAdmin\n    }\n  }\n": types.MeDocument,
    "\n  query SignInProviders {\n    signInProviders {\n      id\n      name\n      startUrl\n    }\n  }\n": types.SignInProvidersDocument,
    "\n  fragment UserSummary on User {\n    id\n    name\n    email\n  }\n": types.UserSummaryFragmentDoc,
    "\n  fragment StatusCounts on TargetStatusCounts {\n    total\n    done\n    pending\n    running\n    succeeded\n    failed\n    conflict\n    cancelled\n  }\n": types.StatusCountsFragmentDoc,
    "\n  fragment OutcomeTotals on OutcomeCounts {\n    added\n    replaced\n    unchanged\n    skipped\n    copied\n    removed\n    conflict\n  }\n": types.OutcomeTotalsFragmentDoc,
    "\n  fragment TargetProgress on DistributionTarget {\n    id\n    workspaceId\n    status\n    attempts\n    error\n    finishedAt\n    snapshotId\n    workspace {\n      ...WorkspaceLabel\n    }\n    counts {\n      ...OutcomeTotals\n    }\n  }\n": types.TargetProgressFragmentDoc,
    "\n  fragment TargetRow on DistributionTarget {\n    ...TargetProgress\n    kept\n    outcomes {\n      path\n      outcome\n      files\n      copiedTo\n    }\n  }\n": types.TargetRowFragmentDoc,
    "\n  fragment DistributionState on Distribution {\n    id\n    status\n    counts {\n      ...StatusCounts\n    }\n  }\n": types.DistributionStateFragmentDoc,
    "\n  fragment ProgressHead on DistributionProgress {\n    final\n    counts {\n      ...StatusCounts\n    }\n    distribution {\n      id\n      status\n    }\n  }\n": types.ProgressHeadFragmentDoc,
    "\n  fragment FrozenItemFields on FrozenItem {\n    path\n    kind\n    size\n  }\n": types.FrozenItemFieldsFragmentDoc,
    "\n  fragment TargetPreviewRow on TargetPreview {\n    changes\n    fails\n    upToDate\n    conflicts\n    lostEditCount\n    lostEdits {\n      path\n      outcome\n    }\n    replacedDelivered {\n      path\n      outcome\n    }\n    counts {\n      ...OutcomeTotals\n    }\n    workspace {\n      ...WorkspaceLabel\n    }\n  }\n": types.TargetPreviewRowFragmentDoc,
    "\n  fragment DistributionPreviewFields on DistributionPreview {\n    targetCount\n    targetsWithConflicts\n    targetsLosingEdits\n    targetsChanging\n    targetsFailing\n    targetsUpToDate\n    totals {\n      ...OutcomeTotals\n    }\n    items {\n      ...FrozenItemFields\n    }\n    needingLook: targetList(first: 1, only: [LOSES_EDITS, CONFLICTS, FAILS]) {\n      totalCount\n    }\n    targetList(first: $first, after: $after, only: $only) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...TargetPreviewRow\n      }\n    }\n  }\n": types.DistributionPreviewFieldsFragmentDoc,
    "\n  subscription DistributionProgress($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n      distribution {\n        startedAt\n        finishedAt\n      }\n      finished {\n        ...TargetProgress\n      }\n    }\n  }\n": types.DistributionProgressDocument,
    "\n  subscription DistributionStatus($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n    }\n  }\n": types.DistributionStatusDocument,
    "\n  mutation CancelDistribution($id: ID!) {\n    cancelDistribution(id: $id) {\n      ...DistributionState\n    }\n  }\n": types.CancelDistributionDocument,
    "\n  mutation RetryDistribution($id: ID!, $policies: PoliciesInput) {\n    retryDistribution(id: $id, policies: $policies) {\n      ...DistributionState\n    }\n  }\n": types.RetryDistributionDocument,
    "\n  mutation UndoDistribution($id: ID!, $workspaceIds: [ID!]) {\n    undoDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n": types.UndoDistributionDocument,
    "\n  mutation RetractDistribution($id: ID!, $workspaceIds: [ID!]) {\n    retractDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n": types.RetractDistributionDocument,
    "\n  query Distribution($id: ID!) {\n    distribution(id: $id) {\n      ...DistributionState\n      kind\n      spaceId\n      createdAt\n      startedAt\n      finishedAt\n      message\n      originId\n      createdBy {\n        id\n        name\n      }\n      reversals {\n        id\n        kind\n        status\n        createdAt\n        createdBy {\n          id\n          name\n        }\n      }\n      snapshotFirst\n      includeFutureMembers\n      sourceWorkspaceId\n      sourceSnapshotId\n      targetCount\n      policies {\n        default\n        files\n        tables\n        applications\n      }\n      items {\n        ...FrozenItemFields\n      }\n    }\n  }\n": types.DistributionDocument,
    "\n  query DistributionTargets($id: ID!, $first: Int!, $after: String, $status: TargetStatus, $search: String) {\n    distribution(id: $id) {\n      id\n      targets(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        nodes {\n          ...TargetRow\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.DistributionTargetsDocument,
    "\n  query PreviewReversal($id: ID!, $kind: ReversalKind!, $workspaceIds: [ID!], $first: Int!, $after: String) {\n    previewReversal(id: $id, kind: $kind, workspaceIds: $workspaceIds) {\n      kind\n      targetCount\n      removedTotal\n      targetsWithKept\n      targetList(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        nodes {\n          removedCount\n          removed\n          kept\n          changes\n          workspace {\n            ...WorkspaceLabel\n          }\n        }\n      }\n    }\n  }\n": types.PreviewReversalDocument,
    "\n  query PreviewRetry($id: ID!, $policies: PoliciesInput, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewRetry(id: $id, policies: $policies) {\n      ...DistributionPreviewFields\n    }\n  }\n": types.PreviewRetryDocument,
    "\n  query SpaceDistributions($spaceId: ID!, $first: Int!, $after: String) {\n    distributions(spaceId: $spaceId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...DistributionState\n        kind\n        createdAt\n        finishedAt\n        message\n        originId\n        targetCount\n        includeFutureMembers\n        items {\n          path\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.SpaceDistributionsDocument,
    "\n  fragment AnnotationFields on Annotation {\n    id\n    handInId\n    handInSeq\n    olderHandIn\n    path\n    startLine\n    endLine\n    cellIndex\n    body\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.AnnotationFieldsFragmentDoc,
    "\n  query StudentAnnotations($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      assignmentId\n      studentId\n      returned\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n": types.StudentAnnotationsDocument,
    "\n  query MyAnnotations($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n": types.MyAnnotationsDocument,
    "\n  mutation CreateAnnotation($handInId: ID!, $input: CreateAnnotationInput!) {\n    createAnnotation(handInId: $handInId, input: $input) {\n      ...AnnotationFields\n    }\n  }\n": types.CreateAnnotationDocument,
    "\n  mutation UpdateAnnotation($id: ID!, $body: String!) {\n    updateAnnotation(id: $id, body: $body) {\n      ...AnnotationFields\n    }\n  }\n": types.UpdateAnnotationDocument,
    "\n  mutation DeleteAnnotation($id: ID!) {\n    deleteAnnotation(id: $id)\n  }\n": types.DeleteAnnotationDocument,
    "\n  fragment GradeFields on Grade {\n    points\n    textGrade\n    comment\n    gradedAt\n    returnedAt\n  }\n": types.GradeFieldsFragmentDoc,
    "\n  fragment FeedbackFields on Feedback {\n    ...FeedbackFilesState\n    version\n    returned\n    visibleToStudent\n    keptPercent\n    finalPoints\n    student {\n      ...UserSummary\n    }\n    grade {\n      ...GradeFields\n      handInId\n      gradedBy {\n        id\n        name\n      }\n    }\n    gradedHandIn {\n      id\n      seq\n    }\n  }\n": types.FeedbackFieldsFragmentDoc,
    "\n  fragment FeedbackFilesState on Feedback {\n    assignmentId\n    studentId\n    filesHash\n    filesVersion\n  }\n": types.FeedbackFilesStateFragmentDoc,
    "\n  query StudentGrading($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFields\n    }\n    handIns(assignmentId: $assignmentId, studentId: $studentId) {\n      ...HandInFields\n    }\n  }\n": types.StudentGradingDocument,
    "\n  query FeedbackFiles($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFilesState\n      files(path: $path, first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n": types.FeedbackFilesDocument,
    "\n  query HandInEntries($handInId: ID!, $path: String!, $first: Int!, $after: String) {\n    handInEntries(handInId: $handInId, path: $path, first: $first, after: $after) {\n      nodes {\n        ...EntryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.HandInEntriesDocument,
    "\n  query HandInChanges($handInId: ID!) {\n    handInChanges(handInId: $handInId) {\n      truncated\n      counts {\n        added\n        deleted\n        modified\n      }\n      files {\n        path\n        change\n        kind\n        oldSize\n        newSize\n        noLineDiff\n        hunks {\n          oldStart\n          oldLines\n          newStart\n          newLines\n          lines {\n            kind\n            oldNumber\n            newNumber\n            text\n            noNewlineAtEnd\n          }\n        }\n      }\n    }\n  }\n": types.HandInChangesDocument,
    "\n  mutation SetGrade($assignmentId: ID!, $studentId: ID!, $input: SetGradeInput!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: $input, expectedVersion: $expectedVersion) {\n      ...FeedbackFields\n    }\n  }\n": types.SetGradeDocument,
    "\n  mutation ReturnGrades($assignmentId: ID!, $studentIds: [ID!]) {\n    returnGrades(assignmentId: $assignmentId, studentIds: $studentIds) {\n      returned\n      alreadyReturned\n      returnedCount\n      returnedAt\n    }\n  }\n": types.ReturnGradesDocument,
    "\n  mutation CopyHandInFileToFeedback($handInId: ID!, $path: String!, $to: String) {\n    copyHandInFileToFeedback(handInId: $handInId, path: $path, to: $to) {\n      ...FeedbackFilesState\n    }\n  }\n": types.CopyHandInFileToFeedbackDocument,
    "\n  mutation DeleteFeedbackFile($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    deleteFeedbackFile(assignmentId: $assignmentId, studentId: $studentId, path: $path) {\n      ...FeedbackFilesState\n    }\n  }\n": types.DeleteFeedbackFileDocument,
    "\n  query MyFeedback($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      ...FeedbackFields\n      files(first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n": types.MyFeedbackDocument,
    "\n  mutation CopyFeedbackToWorkspace($assignmentId: ID!) {\n    copyFeedbackToWorkspace(assignmentId: $assignmentId) {\n      changed\n      path\n      workspace {\n        id\n      }\n      outcomes {\n        path\n        outcome\n        copiedTo\n      }\n    }\n  }\n": types.CopyFeedbackToWorkspaceDocument,
    "\n  query GradingNeighbours($assignmentId: ID!, $studentId: ID!, $statuses: [StudentStatus!], $sort: StatusSort, $descending: Boolean, $search: String) {\n    gradingNeighbours(assignmentId: $assignmentId, studentId: $studentId, statuses: $statuses, sort: $sort, descending: $descending, search: $search) {\n      previous {\n        id\n        name\n      }\n      next {\n        id\n        name\n      }\n      position\n      total\n    }\n  }\n": types.GradingNeighboursDocument,
    "\n  fragment RubricFields on Rubric {\n    id\n    version\n    maxPoints\n    comments\n    criteria {\n      id\n      title\n      description\n      maxPoints\n      levels {\n        id\n        title\n        points\n        description\n      }\n    }\n  }\n": types.RubricFieldsFragmentDoc,
    "\n  fragment RegradeRequestFields on RegradeRequest {\n    id\n    studentId\n    criterionId\n    criterionTitle\n    message\n    createdAt\n    open\n    pointsBefore\n    pointsAfter\n    reply\n    resolvedAt\n  }\n": types.RegradeRequestFieldsFragmentDoc,
    "\n  fragment CriterionScores on Feedback {\n    assignmentId\n    studentId\n    criteria {\n      criterionId\n      levelId\n      points\n      comment\n    }\n  }\n": types.CriterionScoresFragmentDoc,
    "\n  query AssignmentRubric($id: ID!) {\n    assignment(id: $id) {\n      id\n      gradingScheme\n      maxPoints\n      rubric {\n        ...RubricFields\n      }\n    }\n  }\n": types.AssignmentRubricDocument,
    "\n  query RubricPreview($assignmentId: ID!, $input: RubricInput!) {\n    rubricPreview(assignmentId: $assignmentId, input: $input) {\n      changedCount\n      returnedCount\n      needsConfirm\n      summary\n      removedPickedLevels {\n        criterion\n        level\n        students\n      }\n      changes {\n        studentId\n        student {\n          id\n          name\n        }\n        pointsBefore\n        pointsAfter\n        returned\n      }\n    }\n  }\n": types.RubricPreviewDocument,
    "\n  mutation SaveRubric($assignmentId: ID!, $input: RubricInput!, $expectedVersion: Int, $confirm: Boolean!) {\n    saveRubric(assignmentId: $assignmentId, input: $input, expectedVersion: $expectedVersion, confirm: $confirm) {\n      rubric {\n        ...RubricFields\n      }\n      impact {\n        changedCount\n        returnedCount\n      }\n    }\n  }\n": types.SaveRubricDocument,
    "\n  query GradeCriteria($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...CriterionScores\n      version\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n": types.GradeCriteriaDocument,
    "\n  mutation GradeByRubric($assignmentId: ID!, $studentId: ID!, $criteria: [CriterionGradeInput!]!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: { criteria: $criteria }, expectedVersion: $expectedVersion) {\n      ...CriterionScores\n      version\n      finalPoints\n      keptPercent\n      grade {\n        points\n      }\n    }\n  }\n": types.GradeByRubricDocument,
    "\n  query OpenRegradeRequests($assignmentId: ID!) {\n    regradeRequests(assignmentId: $assignmentId, openOnly: true) {\n      ...RegradeRequestFields\n    }\n  }\n": types.OpenRegradeRequestsDocument,
    "\n  mutation RequestRegrade($assignmentId: ID!, $criterionId: ID, $message: String!) {\n    requestRegrade(assignmentId: $assignmentId, criterionId: $criterionId, message: $message) {\n      ...RegradeRequestFields\n    }\n  }\n": types.RequestRegradeDocument,
    "\n  mutation ResolveRegrade($id: ID!, $reply: String!) {\n    resolveRegrade(id: $id, reply: $reply) {\n      ...RegradeRequestFields\n    }\n  }\n": types.ResolveRegradeDocument,
    "\n  query MyRubricFeedback($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      rubric {\n        ...RubricFields\n      }\n    }\n    myFeedback(assignmentId: $assignmentId) {\n      ...CriterionScores\n      visibleToStudent\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n": types.MyRubricFeedbackDocument,
    "\n  query LtiCourse($spaceId: ID!) {\n    ltiCourse(spaceId: $spaceId) {\n      platformName\n      title\n      rosterAvailable\n      rosterCheckedAt\n      rosterDifferences\n      rosterCheckError\n    }\n  }\n": types.LtiCourseDocument,
    "\n  fragment LtiRosterLineFields on LtiRosterLine {\n    platformUserId\n    name\n    studentNumber\n    role\n    outcome\n    detail\n  }\n": types.LtiRosterLineFieldsFragmentDoc,
    "\n  query PreviewLtiRosterSync($spaceId: ID!) {\n    previewLtiRosterSync(spaceId: $spaceId) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n": types.PreviewLtiRosterSyncDocument,
    "\n  mutation ApplyLtiRosterSync($spaceId: ID!, $previewHash: String!) {\n    applyLtiRosterSync(spaceId: $spaceId, previewHash: $previewHash) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n": types.ApplyLtiRosterSyncDocument,
    "\n  mutation RespondLtiDeepLink($request: String!, $assignmentId: ID!) {\n    respondLtiDeepLink(request: $request, assignmentId: $assignmentId) {\n      returnUrl\n      jwt\n    }\n  }\n": types.RespondLtiDeepLinkDocument,
    "\n  fragment LtiPlatformFields on LtiPlatform {\n    id\n    name\n    issuer\n    clientId\n    deploymentIds\n    authUrl\n    tokenUrl\n    jwksUrl\n    linkByEmail\n  }\n": types.LtiPlatformFieldsFragmentDoc,
    "\n  query LtiPlatforms {\n    ltiToolSettings {\n      loginUrl\n      launchUrl\n      jwksUrl\n      configUrl\n    }\n    ltiPlatforms {\n      ...LtiPlatformFields\n    }\n  }\n": types.LtiPlatformsDocument,
    "\n  mutation RegisterLtiPlatform($input: LtiPlatformInput!) {\n    registerLtiPlatform(input: $input) {\n      ...LtiPlatformFields\n    }\n  }\n": types.RegisterLtiPlatformDocument,
    "\n  fragment LtiScoreFields on LtiScore {\n    id\n    kind\n    status\n    score\n    attempts\n    nextAttemptAt\n    lastAttemptAt\n    lastResponseStatus\n    lastResponseBody\n    lastError\n    sentAt\n    createdAt\n  }\n": types.LtiScoreFieldsFragmentDoc,
    "\n  query LtiScores($assignmentId: ID!, $studentId: ID!) {\n    ltiScores(assignmentId: $assignmentId, studentId: $studentId) {\n      ...LtiScoreFields\n    }\n  }\n": types.LtiScoresDocument,
    "\n  mutation ResendLtiScore($id: ID!) {\n    resendLtiScore(id: $id) {\n      ...LtiScoreFields\n    }\n  }\n": types.ResendLtiScoreDocument,
    "\n  fragment MemberFields on Member {\n    joinedAt\n    role\n    studentNumber\n    section\n    leftCourseAt\n    user {\n      ...UserSummary\n    }\n  }\n": types.MemberFieldsFragmentDoc,
    "\n  fragment InvitationFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    studentNumber\n    section\n  }\n": types.InvitationFieldsFragmentDoc,
    "\n  mutation CreateInviteLink($spaceId: ID!, $role: Role!, $expiresInDays: Int!) {\n    createInviteLink(spaceId: $spaceId, role: $role, expiresInDays: $expiresInDays) {\n      url\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n": types.CreateInviteLinkDocument,
    "\n  mutation InviteByEmail($spaceId: ID!, $email: String!, $role: Role!) {\n    inviteByEmail(spaceId: $spaceId, email: $email, role: $role) {\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n": types.InviteByEmailDocument,
    "\n  mutation AddMember($spaceId: ID!, $email: String!, $role: Role!) {\n    addMember(spaceId: $spaceId, email: $email, role: $role) {\n      ...MemberFields\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation ChangeMemberRole($spaceId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(spaceId: $spaceId, userId: $userId, role: $role) {\n      ...MemberFields\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation ChangeMemberRoles($spaceId: ID!, $userIds: [ID!]!, $role: Role!) {\n    changeMemberRoles(spaceId: $spaceId, userIds: $userIds, role: $role) {\n      ...MemberFields\n    }\n  }\n": types.ChangeMemberRolesDocument,
    "\n  mutation RemoveMembers($spaceId: ID!, $userIds: [ID!]!) {\n    removeMembers(spaceId: $spaceId, userIds: $userIds)\n  }\n": types.RemoveMembersDocument,
    "\n  mutation UpdateMemberDetails($spaceId: ID!, $userId: ID!, $input: MemberDetailsInput!) {\n    updateMemberDetails(spaceId: $spaceId, userId: $userId, input: $input) {\n      ...MemberFields\n    }\n  }\n": types.UpdateMemberDetailsDocument,
    "\n  fragment RosterImportFields on RosterImport {\n    role\n    previewHash\n    applied\n    lines {\n      line\n      name\n      email\n      studentNumber\n      section\n      outcome\n      detail\n    }\n    totals {\n      lines\n      newInvitation\n      addExisting\n      update\n      alreadyMemberUnchanged\n      alreadyInvited\n      duplicate\n      invalid\n    }\n  }\n": types.RosterImportFieldsFragmentDoc,
    "\n  query PreviewRosterImport($spaceId: ID!, $csv: String!, $role: Role!) {\n    previewRosterImport(spaceId: $spaceId, csv: $csv, role: $role) {\n      ...RosterImportFields\n    }\n  }\n": types.PreviewRosterImportDocument,
    "\n  mutation ApplyRosterImport($spaceId: ID!, $csv: String!, $role: Role!, $previewHash: String!, $skipInvalid: Boolean!) {\n    applyRosterImport(spaceId: $spaceId, csv: $csv, role: $role, previewHash: $previewHash, skipInvalid: $skipInvalid) {\n      ...RosterImportFields\n    }\n  }\n": types.ApplyRosterImportDocument,
    "\n  query SpaceInvitations($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      invitations(open: true) {\n        ...InvitationFields\n      }\n      invitationCount(open: true)\n    }\n  }\n": types.SpaceInvitationsDocument,
    "\n  query SpaceMembers($spaceId: ID!, $first: Int!, $after: String, $role: Role, $search: String) {\n    space(id: $spaceId) {\n      id\n      members(first: $first, after: $after, role: $role, search: $search) {\n        totalCount\n        nodes {\n          ...MemberFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.SpaceMembersDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n    spaceId\n    distributionId\n    link\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      totalCount\n      nodes {\n        ...NotificationFields\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query MySpaces($first: Int!, $after: String) {\n    spaces(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        kind\n        myRole\n        description\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.MySpacesDocument,
    "\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      description\n      myRole\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n": types.SpaceDocument,
    "\n  query SpaceWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      myRole\n      workspaces {\n        ...WorkspaceSummary\n      }\n    }\n  }\n": types.SpaceWorkspacesDocument,
    "\n  query CourseWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      master: workspaces(kind: MASTER) {\n        ...WorkspaceSummary\n      }\n      distributed: workspaces(kind: DISTRIBUTED) {\n        ...WorkspaceSummary\n      }\n      shared: workspaces(kind: SHARED) {\n        ...WorkspaceSummary\n      }\n    }\n  }\n": types.CourseWorkspacesDocument,
    "\n  query WorkspaceList($spaceId: ID!, $first: Int!, $after: String, $kind: WorkspaceKind, $search: String) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, kind: $kind, search: $search) {\n        totalCount\n        nodes {\n          ...WorkspaceSummary\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.WorkspaceListDocument,
    "\n  query PushTargets($spaceId: ID!, $first: Int!, $after: String, $search: String, $excluding: ID) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, search: $search, writable: true, excluding: $excluding) {\n        totalCount\n        nodes {\n          id\n          name\n          kind\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.PushTargetsDocument,
    "\n  query StagingRoles {\n    spaces(first: 100) {\n      nodes {\n        id\n        kind\n        myRole\n      }\n    }\n  }\n": types.StagingRolesDocument,
    "\n  fragment BundleFields on Bundle {\n    id\n    name\n    description\n    createdAt\n    spaceId\n    sourceWorkspaceId\n    sourceSnapshotId\n    items {\n      ...FrozenItemFields\n    }\n  }\n": types.BundleFieldsFragmentDoc,
    "\n  query Bundles($spaceId: ID!) {\n    bundles(spaceId: $spaceId) {\n      ...BundleFields\n    }\n  }\n": types.BundlesDocument,
    "\n  query PreviewDistribution($input: PushInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    distributionPreview(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n": types.PreviewDistributionDocument,
    "\n  mutation PushDistribution($input: PushInput!) {\n    createDistribution(input: $input) {\n      distribution {\n        id\n        status\n      }\n    }\n  }\n": types.PushDistributionDocument,
    "\n  mutation RemoveFromStage($source: SourceInput!, $paths: [String!]!) {\n    removeFromStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n": types.RemoveFromStageDocument,
    "\n  mutation ClearStage($source: SourceInput!) {\n    clearStage(source: $source)\n  }\n": types.ClearStageDocument,
    "\n  mutation SaveBundle($source: SourceInput!, $name: String!, $description: String!) {\n    saveBundle(source: $source, name: $name, description: $description) {\n      ...BundleFields\n    }\n  }\n": types.SaveBundleDocument,
    "\n  mutation DeleteBundle($id: ID!) {\n    deleteBundle(id: $id)\n  }\n": types.DeleteBundleDocument,
    "\n  query Stages {\n    stages {\n      workspaceId\n      snapshotId\n      count\n    }\n  }\n": types.StagesDocument,
    "\n  query Stage($source: SourceInput!, $workspaceId: ID!) {\n    stage(source: $source) {\n      ...StageItemFields\n    }\n    workspace(id: $workspaceId) {\n      id\n      name\n      kind\n      spaceId\n    }\n  }\n": types.StageDocument,
    "\n  query StageSnapshot($id: ID!) {\n    snapshot(id: $id) {\n      id\n      label\n    }\n  }\n": types.StageSnapshotDocument,
    "\n  mutation SetSpaceQuota($spaceId: ID!, $bytes: Float) {\n    setSpaceQuota(spaceId: $spaceId, bytes: $bytes) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n    }\n  }\n": types.SetSpaceQuotaDocument,
    "\n  fragment StorageUseFields on StorageUse {\n    logicalBytes\n    exclusiveBytes\n  }\n": types.StorageUseFieldsFragmentDoc,
    "\n  query SpaceStorage($id: ID!) {\n    space(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n      workspaces {\n        ...WorkspaceLabel\n        owner {\n          email\n        }\n        storageUse {\n          ...StorageUseFields\n        }\n      }\n    }\n  }\n": types.SpaceStorageDocument,
    "\n  query WorkspaceStorage($id: ID!) {\n    workspace(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n      }\n    }\n  }\n": types.WorkspaceStorageDocument,
    "\n  query Webhooks($spaceId: ID!) {\n    webhooks(spaceId: $spaceId) {\n      id\n      url\n      description\n      events\n      enabled\n      failureCount\n      disabledReason\n      createdAt\n    }\n  }\n": types.WebhooksDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        eventType\n        status\n        attempts\n        createdAt\n        lastAttemptAt\n        nextAttemptAt\n        lastResponseStatus\n        lastResponseBody\n        lastDurationMs\n        lastError\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      enabled\n      failureCount\n      disabledReason\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": types.ReplayWebhookDeliveryDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n    }\n  }\n": types.SendTestWebhookDocument,
    "\n  mutation SnapshotFromVersion($workspaceId: ID!, $commitId: ID!, $label: String!) {\n    createSnapshot(workspaceId: $workspaceId, commitId: $commitId, label: $label) {\n      ...SnapshotFields\n    }\n  }\n": types.SnapshotFromVersionDocument,
    "\n  query WorkspaceApplication($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      version\n      application(path: $path, snapshotId: $snapshotId) {\n        path\n        hash\n        config\n      }\n    }\n  }\n": types.WorkspaceApplicationDocument,
    "\n  subscription WorkspaceChanged($workspaceId: ID!) {\n    workspaceChanged(workspaceId: $workspaceId) {\n      workspaceId\n      version\n      commitId\n    }\n  }\n": types.WorkspaceChangedDocument,
    "\n  query WorkspaceEntries($id: ID!, $path: String!, $snapshotId: ID, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      version\n      entries(path: $path, snapshotId: $snapshotId, first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...EntryFields\n          hash\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.WorkspaceEntriesDocument,
    "\n  fragment WorkspaceLabel on Workspace {\n    id\n    name\n    kind\n    owner {\n      id\n      name\n    }\n  }\n": types.WorkspaceLabelFragmentDoc,
    "\n  fragment WorkspaceSummary on Workspace {\n    ...WorkspaceLabel\n    canWrite\n    ownerId\n    owner {\n      email\n    }\n  }\n": types.WorkspaceSummaryFragmentDoc,
    "\n  fragment WorkspaceVersion on Workspace {\n    id\n    version\n  }\n": types.WorkspaceVersionFragmentDoc,
    "\n  fragment EntryFields on Entry {\n    name\n    path\n    kind\n    size\n  }\n": types.EntryFieldsFragmentDoc,
    "\n  fragment CommitFields on Commit {\n    id\n    version\n    message\n    createdAt\n    distributionId\n    author {\n      id\n      name\n    }\n  }\n": types.CommitFieldsFragmentDoc,
    "\n  fragment SnapshotFields on Snapshot {\n    id\n    label\n    description\n    automatic\n    createdAt\n  }\n": types.SnapshotFieldsFragmentDoc,
    "\n  fragment StageItemFields on StageItem {\n    id\n    path\n    createdAt\n    sourceWorkspaceId\n    sourceSnapshotId\n  }\n": types.StageItemFieldsFragmentDoc,
    "\n  query WorkspaceHistory($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        nodes {\n          ...CommitFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.WorkspaceHistoryDocument,
    "\n  query WorkspaceSnapshots($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      snapshots(first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...SnapshotFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.WorkspaceSnapshotsDocument,
    "\n  query WorkspaceTable($id: ID!, $path: String!, $snapshotId: ID, $offset: Int!, $limit: Int!) {\n    workspace(id: $id) {\n      id\n      table(path: $path, snapshotId: $snapshotId, offset: $offset, limit: $limit) {\n        path\n        hash\n        offset\n        rowCount\n        columns {\n          name\n          type\n        }\n        rows\n      }\n    }\n  }\n": types.WorkspaceTableDocument,
    "\n  mutation CreateFolder($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    createFolder(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n": types.CreateFolderDocument,
    "\n  mutation MovePath($workspaceId: ID!, $from: String!, $to: String!, $expectedVersion: Int) {\n    movePath(workspaceId: $workspaceId, from: $from, to: $to, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n": types.MovePathDocument,
    "\n  mutation DeletePath($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    deletePath(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n": types.DeletePathDocument,
    "\n  mutation SaveApplication($workspaceId: ID!, $name: String!, $config: JSONObject!, $expectedVersion: Int) {\n    saveApplication(workspaceId: $workspaceId, name: $name, config: $config, expectedVersion: $expectedVersion) {\n      path\n      hash\n      config\n    }\n  }\n": types.SaveApplicationDocument,
    "\n  mutation CreateSnapshot($workspaceId: ID!, $label: String!, $description: String!) {\n    createSnapshot(workspaceId: $workspaceId, label: $label, description: $description) {\n      ...SnapshotFields\n    }\n  }\n": types.CreateSnapshotDocument,
    "\n  mutation RestoreSnapshot($id: ID!) {\n    restoreSnapshot(id: $id) {\n      backup {\n        id\n        label\n      }\n      workspace {\n        ...WorkspaceVersion\n      }\n    }\n  }\n": types.RestoreSnapshotDocument,
    "\n  mutation DeleteSnapshot($id: ID!) {\n    deleteSnapshot(id: $id)\n  }\n": types.DeleteSnapshotDocument,
    "\n  mutation AddToStage($source: SourceInput!, $paths: [String!]!) {\n    addToStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n": types.AddToStageDocument,
    "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceLabel\n      spaceId\n      canWrite\n      version\n    }\n  }\n": types.WorkspaceDocument,
    "\n  query WorkspaceSpaceRole($id: ID!) {\n    space(id: $id) {\n      id\n      kind\n      myRole\n    }\n  }\n": types.WorkspaceSpaceRoleDocument,
    "\n  query WorkspaceObject($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      object(path: $path, snapshotId: $snapshotId) {\n        name\n        path\n        kind\n        size\n        hash\n        lastChange {\n          ...CommitFields\n        }\n      }\n    }\n  }\n": types.WorkspaceObjectDocument,
    "\n  query Snapshot($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n      workspaceId\n    }\n  }\n": types.SnapshotDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $signUp: AcceptSignUpInput) {\n    acceptInvitation(token: $token, signUp: $signUp) {\n      space {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $signUp: AcceptSignUpInput) {\n    acceptInvitation(token: $token, signUp: $signUp) {\n      space {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      ...UserSummary\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      ...UserSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    readOnly\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    readOnly\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $readOnly: Boolean!, $expiresInDays: Int) {\n    createApiToken(name: $name, readOnly: $readOnly, expiresInDays: $expiresInDays) {\n      secret\n      token {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!, $readOnly: Boolean!, $expiresInDays: Int) {\n    createApiToken(name: $name, readOnly: $readOnly, expiresInDays: $expiresInDays) {\n      secret\n      token {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      spaceName\n      spaceKind\n      role\n      invitedBy\n      email\n      expiresAt\n      status\n      closedAt\n    }\n    signUpSettings {\n      passwordRule\n      passwordMinLength\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      spaceName\n      spaceKind\n      role\n      invitedBy\n      email\n      expiresAt\n      status\n      closedAt\n    }\n    signUpSettings {\n      passwordRule\n      passwordMinLength\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignUpSettings {\n    signUpSettings {\n      openSignUp\n      passwordRule\n      passwordMinLength\n    }\n  }\n"): (typeof documents)["\n  query SignUpSettings {\n    signUpSettings {\n      openSignUp\n      passwordRule\n      passwordMinLength\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HandInFields on HandIn {\n    id\n    seq\n    handedInAt\n    contentHash\n    collected\n    identifier\n    message\n    missingPaths\n    sizeBytes\n  }\n"): (typeof documents)["\n  fragment HandInFields on HandIn {\n    id\n    seq\n    handedInAt\n    contentHash\n    collected\n    identifier\n    message\n    missingPaths\n    sizeBytes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusRow on StudentAssignmentStatus {\n    studentNumber\n    section\n    members {\n      name\n      studentNumber\n    }\n    status\n    deadline\n    late\n    lateByMinutes\n    keptPercent\n    finalPoints\n    handInCount\n    lastActivityAt\n    workspaceId\n    student {\n      ...UserSummary\n    }\n    extension {\n      id\n      deadline\n      reason\n    }\n    latestHandIn {\n      ...HandInFields\n    }\n    grade {\n      ...GradeFields\n    }\n    criterionPoints\n    openRegradeRequests\n  }\n"): (typeof documents)["\n  fragment StatusRow on StudentAssignmentStatus {\n    studentNumber\n    section\n    members {\n      name\n      studentNumber\n    }\n    status\n    deadline\n    late\n    lateByMinutes\n    keptPercent\n    finalPoints\n    handInCount\n    lastActivityAt\n    workspaceId\n    student {\n      ...UserSummary\n    }\n    extension {\n      id\n      deadline\n      reason\n    }\n    latestHandIn {\n      ...HandInFields\n    }\n    grade {\n      ...GradeFields\n    }\n    criterionPoints\n    openRegradeRequests\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssignmentDetails on Assignment {\n    id\n    version\n    spaceId\n    title\n    instructions\n    deadline\n    timeZone\n    releaseAt\n    releasedAt\n    createdAt\n    updatedAt\n    distributionId\n    collectAtDeadline\n    anonymousGrading\n    groupWork\n    handBackVisible\n    handInPaths\n    maxPoints\n    gradingScheme\n    sizeLimitBytes\n    latePolicy {\n      mode\n      penaltyPercent\n      unit\n      floorPercent\n    }\n    items {\n      ...FrozenItemFields\n    }\n  }\n"): (typeof documents)["\n  fragment AssignmentDetails on Assignment {\n    id\n    version\n    spaceId\n    title\n    instructions\n    deadline\n    timeZone\n    releaseAt\n    releasedAt\n    createdAt\n    updatedAt\n    distributionId\n    collectAtDeadline\n    anonymousGrading\n    groupWork\n    handBackVisible\n    handInPaths\n    maxPoints\n    gradingScheme\n    sizeLimitBytes\n    latePolicy {\n      mode\n      penaltyPercent\n      unit\n      floorPercent\n    }\n    items {\n      ...FrozenItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExtensionFields on Extension {\n    id\n    studentId\n    deadline\n    reason\n    createdAt\n    revokedAt\n    revokeReason\n  }\n"): (typeof documents)["\n  fragment ExtensionFields on Extension {\n    id\n    studentId\n    deadline\n    reason\n    createdAt\n    revokedAt\n    revokeReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAssignment($id: ID!, $input: UpdateAssignmentInput!, $expectedVersion: Int) {\n    updateAssignment(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...AssignmentDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAssignment($id: ID!, $input: UpdateAssignmentInput!, $expectedVersion: Int) {\n    updateAssignment(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...AssignmentDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantExtension($assignmentId: ID!, $studentId: ID!, $deadline: DateTimeISO!, $reason: String!) {\n    grantExtension(assignmentId: $assignmentId, studentId: $studentId, deadline: $deadline, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n"): (typeof documents)["\n  mutation GrantExtension($assignmentId: ID!, $studentId: ID!, $deadline: DateTimeISO!, $reason: String!) {\n    grantExtension(assignmentId: $assignmentId, studentId: $studentId, deadline: $deadline, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeExtension($id: ID!, $reason: String!) {\n    revokeExtension(id: $id, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeExtension($id: ID!, $reason: String!) {\n    revokeExtension(id: $id, reason: $reason) {\n      ...ExtensionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HandInAssignment($assignmentId: ID!, $identifier: String, $message: String, $allowMissing: Boolean!) {\n    handInAssignment(assignmentId: $assignmentId, identifier: $identifier, message: $message, allowMissing: $allowMissing) {\n      contentHash\n      handedInAt\n      deadline\n      late\n      handIn {\n        ...HandInFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HandInAssignment($assignmentId: ID!, $identifier: String, $message: String, $allowMissing: Boolean!) {\n    handInAssignment(assignmentId: $assignmentId, identifier: $identifier, message: $message, allowMissing: $allowMissing) {\n      contentHash\n      handedInAt\n      deadline\n      late\n      handIn {\n        ...HandInFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTaExtensions($spaceId: ID!, $allowed: Boolean!) {\n    updateSpace(id: $spaceId, input: { tasGrantExtensions: $allowed }) {\n      id\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n"): (typeof documents)["\n  mutation SetTaExtensions($spaceId: ID!, $allowed: Boolean!) {\n    updateSpace(id: $spaceId, input: { tasGrantExtensions: $allowed }) {\n      id\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceAssignments($spaceId: ID!) {\n    assignments(spaceId: $spaceId) {\n      ...AssignmentDetails\n      myStatus {\n        ...StatusRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpaceAssignments($spaceId: ID!) {\n    assignments(spaceId: $spaceId) {\n      ...AssignmentDetails\n      myStatus {\n        ...StatusRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assignment($id: ID!) {\n    assignment(id: $id) {\n      ...AssignmentDetails\n      extensions {\n        ...ExtensionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Assignment($id: ID!) {\n    assignment(id: $id) {\n      ...AssignmentDetails\n      extensions {\n        ...ExtensionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyHandIns($assignmentId: ID!) {\n    handIns(assignmentId: $assignmentId) {\n      ...HandInFields\n    }\n  }\n"): (typeof documents)["\n  query MyHandIns($assignmentId: ID!) {\n    handIns(assignmentId: $assignmentId) {\n      ...HandInFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AssignmentChanged($spaceId: ID!) {\n    assignmentChanged(spaceId: $spaceId) {\n      assignment {\n        id\n        updatedAt\n        releasedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AssignmentChanged($spaceId: ID!) {\n    assignmentChanged(spaceId: $spaceId) {\n      assignment {\n        id\n        updatedAt\n        releasedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentGroups($assignmentId: ID!) {\n    assignmentGroups(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n"): (typeof documents)["\n  query AssignmentGroups($assignmentId: ID!) {\n    assignmentGroups(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupFields on AssignmentGroup {\n    id\n    name\n    workspaceId\n    handedIn\n    members {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment GroupFields on AssignmentGroup {\n    id\n    name\n    workspaceId\n    handedIn\n    members {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsFromRoster($assignmentId: ID!) {\n    groupsFromRoster(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation GroupsFromRoster($assignmentId: ID!) {\n    groupsFromRoster(assignmentId: $assignmentId) {\n      ...GroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($assignmentId: ID!, $name: String!) {\n    createGroup(assignmentId: $assignmentId, name: $name) {\n      ...GroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroup($assignmentId: ID!, $name: String!) {\n    createGroup(assignmentId: $assignmentId, name: $name) {\n      ...GroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameGroup($groupId: ID!, $name: String!) {\n    renameGroup(groupId: $groupId, name: $name) {\n      ...GroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation RenameGroup($groupId: ID!, $name: String!) {\n    renameGroup(groupId: $groupId, name: $name) {\n      ...GroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGroup($groupId: ID!) {\n    deleteGroup(groupId: $groupId)\n  }\n"): (typeof documents)["\n  mutation DeleteGroup($groupId: ID!) {\n    deleteGroup(groupId: $groupId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroupMember($assignmentId: ID!, $userId: ID!, $groupId: ID) {\n    setGroupMember(assignmentId: $assignmentId, userId: $userId, groupId: $groupId) {\n      notice\n      groups {\n        ...GroupFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetGroupMember($assignmentId: ID!, $userId: ID!, $groupId: ID) {\n    setGroupMember(assignmentId: $assignmentId, userId: $userId, groupId: $groupId) {\n      notice\n      groups {\n        ...GroupFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyGroup($assignmentId: ID!) {\n    myGroup(assignmentId: $assignmentId) {\n      id\n      name\n      workspaceId\n      members {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyGroup($assignmentId: ID!) {\n    myGroup(assignmentId: $assignmentId) {\n      id\n      name\n      workspaceId\n      members {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GradeAdjustmentFields on GradeAdjustment {\n    studentId\n    groupId\n    points\n    reason\n    setAt\n  }\n"): (typeof documents)["\n  fragment GradeAdjustmentFields on GradeAdjustment {\n    studentId\n    groupId\n    points\n    reason\n    setAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GradeAdjustments($assignmentId: ID!) {\n    gradeAdjustments(assignmentId: $assignmentId) {\n      ...GradeAdjustmentFields\n    }\n  }\n"): (typeof documents)["\n  query GradeAdjustments($assignmentId: ID!) {\n    gradeAdjustments(assignmentId: $assignmentId) {\n      ...GradeAdjustmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGradeAdjustment($assignmentId: ID!, $studentId: ID!, $points: Float!, $reason: String!) {\n    setGradeAdjustment(assignmentId: $assignmentId, studentId: $studentId, points: $points, reason: $reason) {\n      ...GradeAdjustmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetGradeAdjustment($assignmentId: ID!, $studentId: ID!, $points: Float!, $reason: String!) {\n    setGradeAdjustment(assignmentId: $assignmentId, studentId: $studentId, points: $points, reason: $reason) {\n      ...GradeAdjustmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandInStatuses(\n    $assignmentId: ID!\n    $statuses: [StudentStatus!]\n    $sort: StatusSort\n    $descending: Boolean\n    $search: String\n    $first: Int!\n    $after: String\n  ) {\n    handInStatuses(\n      assignmentId: $assignmentId\n      statuses: $statuses\n      sort: $sort\n      descending: $descending\n      search: $search\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      counts {\n        status\n        count\n      }\n      nodes {\n        ...StatusRow\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query HandInStatuses(\n    $assignmentId: ID!\n    $statuses: [StudentStatus!]\n    $sort: StatusSort\n    $descending: Boolean\n    $search: String\n    $first: Int!\n    $after: String\n  ) {\n    handInStatuses(\n      assignmentId: $assignmentId\n      statuses: $statuses\n      sort: $sort\n      descending: $descending\n      search: $search\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      counts {\n        status\n        count\n      }\n      nodes {\n        ...StatusRow\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HandInStatus($assignmentId: ID!) {\n    handInStatus(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      row {\n        ...StatusRow\n      }\n      counts {\n        status\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription HandInStatus($assignmentId: ID!) {\n    handInStatus(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      row {\n        ...StatusRow\n      }\n      counts {\n        status\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandInSummary($assignmentId: ID!) {\n    handInSummary(assignmentId: $assignmentId) {\n      students\n      late\n      collected\n      graded\n      counts {\n        status\n        count\n      }\n      handInsOverTime {\n        at\n        count\n      }\n      points {\n        from\n        to\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query HandInSummary($assignmentId: ID!) {\n    handInSummary(assignmentId: $assignmentId) {\n      students\n      late\n      collected\n      graded\n      counts {\n        status\n        count\n      }\n      handInsOverTime {\n        at\n        count\n      }\n      points {\n        from\n        to\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewAssignmentRelease($input: CreateAssignmentInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewAssignmentRelease(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n"): (typeof documents)["\n  query PreviewAssignmentRelease($input: CreateAssignmentInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewAssignmentRelease(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentRelease($id: ID!) {\n    assignment(id: $id) {\n      id\n      releaseAt\n      releasedAt\n      release {\n        id\n        status\n        createdAt\n        undoneAt\n        policies {\n          default\n          files\n          tables\n          applications\n        }\n        counts {\n          ...StatusCounts\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssignmentRelease($id: ID!) {\n    assignment(id: $id) {\n      id\n      releaseAt\n      releasedAt\n      release {\n        id\n        status\n        createdAt\n        undoneAt\n        policies {\n          default\n          files\n          tables\n          applications\n        }\n        counts {\n          ...StatusCounts\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewScheduledRelease($assignmentId: ID!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewScheduledRelease(assignmentId: $assignmentId) {\n      ...DistributionPreviewFields\n    }\n  }\n"): (typeof documents)["\n  query PreviewScheduledRelease($assignmentId: ID!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewScheduledRelease(assignmentId: $assignmentId) {\n      ...DistributionPreviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SealedFiles($id: ID!) {\n    handIn(id: $id) {\n      id\n      files {\n        path\n        sizeBytes\n      }\n    }\n  }\n"): (typeof documents)["\n  query SealedFiles($id: ID!) {\n    handIn(id: $id) {\n      id\n      files {\n        path\n        sizeBytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents(\n    $spaceId: ID!\n    $action: String\n    $actorId: ID\n    $studentId: ID\n    $from: DateTimeISO\n    $to: DateTimeISO\n    $first: Int!\n    $after: String\n  ) {\n    auditEvents(\n      spaceId: $spaceId\n      action: $action\n      actorId: $actorId\n      studentId: $studentId\n      from: $from\n      to: $to\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      nodes {\n        id\n        seq\n        action\n        createdAt\n        actorId\n        studentId\n        actor {\n          id\n          name\n        }\n        student {\n          id\n          name\n        }\n        subjectType\n        subjectId\n        before\n        after\n        hash\n        prevHash\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents(\n    $spaceId: ID!\n    $action: String\n    $actorId: ID\n    $studentId: ID\n    $from: DateTimeISO\n    $to: DateTimeISO\n    $first: Int!\n    $after: String\n  ) {\n    auditEvents(\n      spaceId: $spaceId\n      action: $action\n      actorId: $actorId\n      studentId: $studentId\n      from: $from\n      to: $to\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      nodes {\n        id\n        seq\n        action\n        createdAt\n        actorId\n        studentId\n        actor {\n          id\n          name\n        }\n        student {\n          id\n          name\n        }\n        subjectType\n        subjectId\n        before\n        after\n        hash\n        prevHash\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPeople($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      staff: members(first: 100, role: TA) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n      admins: members(first: 100, role: ADMIN) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditPeople($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      staff: members(first: 100, role: TA) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n      admins: members(first: 100, role: ADMIN) {\n        nodes {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain($spaceId: ID!) {\n    verifyAuditChain(spaceId: $spaceId) {\n      ok\n      events\n      brokenAt\n      problem\n    }\n  }\n"): (typeof documents)["\n  query VerifyAuditChain($spaceId: ID!) {\n    verifyAuditChain(spaceId: $spaceId) {\n      ok\n      events\n      brokenAt\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      name\n      role\n      password\n    }\n  }\n"): (typeof documents)["\n  query DemoAccounts {\n    demoAccounts {\n      email\n      name\n      role\n      password\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...UserSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...UserSummary\n      instanceAdmin\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...UserSummary\n      instanceAdmin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInProviders {\n    signInProviders {\n      id\n      name\n      startUrl\n    }\n  }\n"): (typeof documents)["\n  query SignInProviders {\n    signInProviders {\n      id\n      name\n      startUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserSummary on User {\n    id\n    name\n    email\n  }\n"): (typeof documents)["\n  fragment UserSummary on User {\n    id\n    name\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusCounts on TargetStatusCounts {\n    total\n    done\n    pending\n    running\n    succeeded\n    failed\n    conflict\n    cancelled\n  }\n"): (typeof documents)["\n  fragment StatusCounts on TargetStatusCounts {\n    total\n    done\n    pending\n    running\n    succeeded\n    failed\n    conflict\n    cancelled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutcomeTotals on OutcomeCounts {\n    added\n    replaced\n    unchanged\n    skipped\n    copied\n    removed\n    conflict\n  }\n"): (typeof documents)["\n  fragment OutcomeTotals on OutcomeCounts {\n    added\n    replaced\n    unchanged\n    skipped\n    copied\n    removed\n    conflict\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TargetProgress on DistributionTarget {\n    id\n    workspaceId\n    status\n    attempts\n    error\n    finishedAt\n    snapshotId\n    workspace {\n      ...WorkspaceLabel\n    }\n    counts {\n      ...OutcomeTotals\n    }\n  }\n"): (typeof documents)["\n  fragment TargetProgress on DistributionTarget {\n    id\n    workspaceId\n    status\n    attempts\n    error\n    finishedAt\n    snapshotId\n    workspace {\n      ...WorkspaceLabel\n    }\n    counts {\n      ...OutcomeTotals\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TargetRow on DistributionTarget {\n    ...TargetProgress\n    kept\n    outcomes {\n      path\n      outcome\n      files\n      copiedTo\n    }\n  }\n"): (typeof documents)["\n  fragment TargetRow on DistributionTarget {\n    ...TargetProgress\n    kept\n    outcomes {\n      path\n      outcome\n      files\n      copiedTo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistributionState on Distribution {\n    id\n    status\n    counts {\n      ...StatusCounts\n    }\n  }\n"): (typeof documents)["\n  fragment DistributionState on Distribution {\n    id\n    status\n    counts {\n      ...StatusCounts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgressHead on DistributionProgress {\n    final\n    counts {\n      ...StatusCounts\n    }\n    distribution {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment ProgressHead on DistributionProgress {\n    final\n    counts {\n      ...StatusCounts\n    }\n    distribution {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FrozenItemFields on FrozenItem {\n    path\n    kind\n    size\n  }\n"): (typeof documents)["\n  fragment FrozenItemFields on FrozenItem {\n    path\n    kind\n    size\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TargetPreviewRow on TargetPreview {\n    changes\n    fails\n    upToDate\n    conflicts\n    lostEditCount\n    lostEdits {\n      path\n      outcome\n    }\n    replacedDelivered {\n      path\n      outcome\n    }\n    counts {\n      ...OutcomeTotals\n    }\n    workspace {\n      ...WorkspaceLabel\n    }\n  }\n"): (typeof documents)["\n  fragment TargetPreviewRow on TargetPreview {\n    changes\n    fails\n    upToDate\n    conflicts\n    lostEditCount\n    lostEdits {\n      path\n      outcome\n    }\n    replacedDelivered {\n      path\n      outcome\n    }\n    counts {\n      ...OutcomeTotals\n    }\n    workspace {\n      ...WorkspaceLabel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistributionPreviewFields on DistributionPreview {\n    targetCount\n    targetsWithConflicts\n    targetsLosingEdits\n    targetsChanging\n    targetsFailing\n    targetsUpToDate\n    totals {\n      ...OutcomeTotals\n    }\n    items {\n      ...FrozenItemFields\n    }\n    needingLook: targetList(first: 1, only: [LOSES_EDITS, CONFLICTS, FAILS]) {\n      totalCount\n    }\n    targetList(first: $first, after: $after, only: $only) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...TargetPreviewRow\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DistributionPreviewFields on DistributionPreview {\n    targetCount\n    targetsWithConflicts\n    targetsLosingEdits\n    targetsChanging\n    targetsFailing\n    targetsUpToDate\n    totals {\n      ...OutcomeTotals\n    }\n    items {\n      ...FrozenItemFields\n    }\n    needingLook: targetList(first: 1, only: [LOSES_EDITS, CONFLICTS, FAILS]) {\n      totalCount\n    }\n    targetList(first: $first, after: $after, only: $only) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...TargetPreviewRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DistributionProgress($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n      distribution {\n        startedAt\n        finishedAt\n      }\n      finished {\n        ...TargetProgress\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DistributionProgress($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n      distribution {\n        startedAt\n        finishedAt\n      }\n      finished {\n        ...TargetProgress\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DistributionStatus($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n    }\n  }\n"): (typeof documents)["\n  subscription DistributionStatus($id: ID!) {\n    distributionProgress(id: $id) {\n      ...ProgressHead\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelDistribution($id: ID!) {\n    cancelDistribution(id: $id) {\n      ...DistributionState\n    }\n  }\n"): (typeof documents)["\n  mutation CancelDistribution($id: ID!) {\n    cancelDistribution(id: $id) {\n      ...DistributionState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryDistribution($id: ID!, $policies: PoliciesInput) {\n    retryDistribution(id: $id, policies: $policies) {\n      ...DistributionState\n    }\n  }\n"): (typeof documents)["\n  mutation RetryDistribution($id: ID!, $policies: PoliciesInput) {\n    retryDistribution(id: $id, policies: $policies) {\n      ...DistributionState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoDistribution($id: ID!, $workspaceIds: [ID!]) {\n    undoDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UndoDistribution($id: ID!, $workspaceIds: [ID!]) {\n    undoDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetractDistribution($id: ID!, $workspaceIds: [ID!]) {\n    retractDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RetractDistribution($id: ID!, $workspaceIds: [ID!]) {\n    retractDistribution(id: $id, workspaceIds: $workspaceIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Distribution($id: ID!) {\n    distribution(id: $id) {\n      ...DistributionState\n      kind\n      spaceId\n      createdAt\n      startedAt\n      finishedAt\n      message\n      originId\n      createdBy {\n        id\n        name\n      }\n      reversals {\n        id\n        kind\n        status\n        createdAt\n        createdBy {\n          id\n          name\n        }\n      }\n      snapshotFirst\n      includeFutureMembers\n      sourceWorkspaceId\n      sourceSnapshotId\n      targetCount\n      policies {\n        default\n        files\n        tables\n        applications\n      }\n      items {\n        ...FrozenItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Distribution($id: ID!) {\n    distribution(id: $id) {\n      ...DistributionState\n      kind\n      spaceId\n      createdAt\n      startedAt\n      finishedAt\n      message\n      originId\n      createdBy {\n        id\n        name\n      }\n      reversals {\n        id\n        kind\n        status\n        createdAt\n        createdBy {\n          id\n          name\n        }\n      }\n      snapshotFirst\n      includeFutureMembers\n      sourceWorkspaceId\n      sourceSnapshotId\n      targetCount\n      policies {\n        default\n        files\n        tables\n        applications\n      }\n      items {\n        ...FrozenItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistributionTargets($id: ID!, $first: Int!, $after: String, $status: TargetStatus, $search: String) {\n    distribution(id: $id) {\n      id\n      targets(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        nodes {\n          ...TargetRow\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DistributionTargets($id: ID!, $first: Int!, $after: String, $status: TargetStatus, $search: String) {\n    distribution(id: $id) {\n      id\n      targets(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        nodes {\n          ...TargetRow\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewReversal($id: ID!, $kind: ReversalKind!, $workspaceIds: [ID!], $first: Int!, $after: String) {\n    previewReversal(id: $id, kind: $kind, workspaceIds: $workspaceIds) {\n      kind\n      targetCount\n      removedTotal\n      targetsWithKept\n      targetList(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        nodes {\n          removedCount\n          removed\n          kept\n          changes\n          workspace {\n            ...WorkspaceLabel\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewReversal($id: ID!, $kind: ReversalKind!, $workspaceIds: [ID!], $first: Int!, $after: String) {\n    previewReversal(id: $id, kind: $kind, workspaceIds: $workspaceIds) {\n      kind\n      targetCount\n      removedTotal\n      targetsWithKept\n      targetList(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        nodes {\n          removedCount\n          removed\n          kept\n          changes\n          workspace {\n            ...WorkspaceLabel\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewRetry($id: ID!, $policies: PoliciesInput, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewRetry(id: $id, policies: $policies) {\n      ...DistributionPreviewFields\n    }\n  }\n"): (typeof documents)["\n  query PreviewRetry($id: ID!, $policies: PoliciesInput, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    previewRetry(id: $id, policies: $policies) {\n      ...DistributionPreviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceDistributions($spaceId: ID!, $first: Int!, $after: String) {\n    distributions(spaceId: $spaceId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...DistributionState\n        kind\n        createdAt\n        finishedAt\n        message\n        originId\n        targetCount\n        includeFutureMembers\n        items {\n          path\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpaceDistributions($spaceId: ID!, $first: Int!, $after: String) {\n    distributions(spaceId: $spaceId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        ...DistributionState\n        kind\n        createdAt\n        finishedAt\n        message\n        originId\n        targetCount\n        includeFutureMembers\n        items {\n          path\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnnotationFields on Annotation {\n    id\n    handInId\n    handInSeq\n    olderHandIn\n    path\n    startLine\n    endLine\n    cellIndex\n    body\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AnnotationFields on Annotation {\n    id\n    handInId\n    handInSeq\n    olderHandIn\n    path\n    startLine\n    endLine\n    cellIndex\n    body\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudentAnnotations($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      assignmentId\n      studentId\n      returned\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudentAnnotations($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      assignmentId\n      studentId\n      returned\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAnnotations($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAnnotations($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      assignmentId\n      studentId\n      annotations {\n        ...AnnotationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAnnotation($handInId: ID!, $input: CreateAnnotationInput!) {\n    createAnnotation(handInId: $handInId, input: $input) {\n      ...AnnotationFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAnnotation($handInId: ID!, $input: CreateAnnotationInput!) {\n    createAnnotation(handInId: $handInId, input: $input) {\n      ...AnnotationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAnnotation($id: ID!, $body: String!) {\n    updateAnnotation(id: $id, body: $body) {\n      ...AnnotationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAnnotation($id: ID!, $body: String!) {\n    updateAnnotation(id: $id, body: $body) {\n      ...AnnotationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAnnotation($id: ID!) {\n    deleteAnnotation(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAnnotation($id: ID!) {\n    deleteAnnotation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GradeFields on Grade {\n    points\n    textGrade\n    comment\n    gradedAt\n    returnedAt\n  }\n"): (typeof documents)["\n  fragment GradeFields on Grade {\n    points\n    textGrade\n    comment\n    gradedAt\n    returnedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedbackFields on Feedback {\n    ...FeedbackFilesState\n    version\n    returned\n    visibleToStudent\n    keptPercent\n    finalPoints\n    student {\n      ...UserSummary\n    }\n    grade {\n      ...GradeFields\n      handInId\n      gradedBy {\n        id\n        name\n      }\n    }\n    gradedHandIn {\n      id\n      seq\n    }\n  }\n"): (typeof documents)["\n  fragment FeedbackFields on Feedback {\n    ...FeedbackFilesState\n    version\n    returned\n    visibleToStudent\n    keptPercent\n    finalPoints\n    student {\n      ...UserSummary\n    }\n    grade {\n      ...GradeFields\n      handInId\n      gradedBy {\n        id\n        name\n      }\n    }\n    gradedHandIn {\n      id\n      seq\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedbackFilesState on Feedback {\n    assignmentId\n    studentId\n    filesHash\n    filesVersion\n  }\n"): (typeof documents)["\n  fragment FeedbackFilesState on Feedback {\n    assignmentId\n    studentId\n    filesHash\n    filesVersion\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudentGrading($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFields\n    }\n    handIns(assignmentId: $assignmentId, studentId: $studentId) {\n      ...HandInFields\n    }\n  }\n"): (typeof documents)["\n  query StudentGrading($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFields\n    }\n    handIns(assignmentId: $assignmentId, studentId: $studentId) {\n      ...HandInFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedbackFiles($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFilesState\n      files(path: $path, first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FeedbackFiles($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...FeedbackFilesState\n      files(path: $path, first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandInEntries($handInId: ID!, $path: String!, $first: Int!, $after: String) {\n    handInEntries(handInId: $handInId, path: $path, first: $first, after: $after) {\n      nodes {\n        ...EntryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query HandInEntries($handInId: ID!, $path: String!, $first: Int!, $after: String) {\n    handInEntries(handInId: $handInId, path: $path, first: $first, after: $after) {\n      nodes {\n        ...EntryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandInChanges($handInId: ID!) {\n    handInChanges(handInId: $handInId) {\n      truncated\n      counts {\n        added\n        deleted\n        modified\n      }\n      files {\n        path\n        change\n        kind\n        oldSize\n        newSize\n        noLineDiff\n        hunks {\n          oldStart\n          oldLines\n          newStart\n          newLines\n          lines {\n            kind\n            oldNumber\n            newNumber\n            text\n            noNewlineAtEnd\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HandInChanges($handInId: ID!) {\n    handInChanges(handInId: $handInId) {\n      truncated\n      counts {\n        added\n        deleted\n        modified\n      }\n      files {\n        path\n        change\n        kind\n        oldSize\n        newSize\n        noLineDiff\n        hunks {\n          oldStart\n          oldLines\n          newStart\n          newLines\n          lines {\n            kind\n            oldNumber\n            newNumber\n            text\n            noNewlineAtEnd\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGrade($assignmentId: ID!, $studentId: ID!, $input: SetGradeInput!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: $input, expectedVersion: $expectedVersion) {\n      ...FeedbackFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetGrade($assignmentId: ID!, $studentId: ID!, $input: SetGradeInput!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: $input, expectedVersion: $expectedVersion) {\n      ...FeedbackFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnGrades($assignmentId: ID!, $studentIds: [ID!]) {\n    returnGrades(assignmentId: $assignmentId, studentIds: $studentIds) {\n      returned\n      alreadyReturned\n      returnedCount\n      returnedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnGrades($assignmentId: ID!, $studentIds: [ID!]) {\n    returnGrades(assignmentId: $assignmentId, studentIds: $studentIds) {\n      returned\n      alreadyReturned\n      returnedCount\n      returnedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyHandInFileToFeedback($handInId: ID!, $path: String!, $to: String) {\n    copyHandInFileToFeedback(handInId: $handInId, path: $path, to: $to) {\n      ...FeedbackFilesState\n    }\n  }\n"): (typeof documents)["\n  mutation CopyHandInFileToFeedback($handInId: ID!, $path: String!, $to: String) {\n    copyHandInFileToFeedback(handInId: $handInId, path: $path, to: $to) {\n      ...FeedbackFilesState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFeedbackFile($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    deleteFeedbackFile(assignmentId: $assignmentId, studentId: $studentId, path: $path) {\n      ...FeedbackFilesState\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteFeedbackFile($assignmentId: ID!, $studentId: ID!, $path: String!) {\n    deleteFeedbackFile(assignmentId: $assignmentId, studentId: $studentId, path: $path) {\n      ...FeedbackFilesState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFeedback($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      ...FeedbackFields\n      files(first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyFeedback($assignmentId: ID!) {\n    myFeedback(assignmentId: $assignmentId) {\n      ...FeedbackFields\n      files(first: 100) {\n        nodes {\n          ...EntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyFeedbackToWorkspace($assignmentId: ID!) {\n    copyFeedbackToWorkspace(assignmentId: $assignmentId) {\n      changed\n      path\n      workspace {\n        id\n      }\n      outcomes {\n        path\n        outcome\n        copiedTo\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CopyFeedbackToWorkspace($assignmentId: ID!) {\n    copyFeedbackToWorkspace(assignmentId: $assignmentId) {\n      changed\n      path\n      workspace {\n        id\n      }\n      outcomes {\n        path\n        outcome\n        copiedTo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GradingNeighbours($assignmentId: ID!, $studentId: ID!, $statuses: [StudentStatus!], $sort: StatusSort, $descending: Boolean, $search: String) {\n    gradingNeighbours(assignmentId: $assignmentId, studentId: $studentId, statuses: $statuses, sort: $sort, descending: $descending, search: $search) {\n      previous {\n        id\n        name\n      }\n      next {\n        id\n        name\n      }\n      position\n      total\n    }\n  }\n"): (typeof documents)["\n  query GradingNeighbours($assignmentId: ID!, $studentId: ID!, $statuses: [StudentStatus!], $sort: StatusSort, $descending: Boolean, $search: String) {\n    gradingNeighbours(assignmentId: $assignmentId, studentId: $studentId, statuses: $statuses, sort: $sort, descending: $descending, search: $search) {\n      previous {\n        id\n        name\n      }\n      next {\n        id\n        name\n      }\n      position\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RubricFields on Rubric {\n    id\n    version\n    maxPoints\n    comments\n    criteria {\n      id\n      title\n      description\n      maxPoints\n      levels {\n        id\n        title\n        points\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RubricFields on Rubric {\n    id\n    version\n    maxPoints\n    comments\n    criteria {\n      id\n      title\n      description\n      maxPoints\n      levels {\n        id\n        title\n        points\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegradeRequestFields on RegradeRequest {\n    id\n    studentId\n    criterionId\n    criterionTitle\n    message\n    createdAt\n    open\n    pointsBefore\n    pointsAfter\n    reply\n    resolvedAt\n  }\n"): (typeof documents)["\n  fragment RegradeRequestFields on RegradeRequest {\n    id\n    studentId\n    criterionId\n    criterionTitle\n    message\n    createdAt\n    open\n    pointsBefore\n    pointsAfter\n    reply\n    resolvedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CriterionScores on Feedback {\n    assignmentId\n    studentId\n    criteria {\n      criterionId\n      levelId\n      points\n      comment\n    }\n  }\n"): (typeof documents)["\n  fragment CriterionScores on Feedback {\n    assignmentId\n    studentId\n    criteria {\n      criterionId\n      levelId\n      points\n      comment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentRubric($id: ID!) {\n    assignment(id: $id) {\n      id\n      gradingScheme\n      maxPoints\n      rubric {\n        ...RubricFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssignmentRubric($id: ID!) {\n    assignment(id: $id) {\n      id\n      gradingScheme\n      maxPoints\n      rubric {\n        ...RubricFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RubricPreview($assignmentId: ID!, $input: RubricInput!) {\n    rubricPreview(assignmentId: $assignmentId, input: $input) {\n      changedCount\n      returnedCount\n      needsConfirm\n      summary\n      removedPickedLevels {\n        criterion\n        level\n        students\n      }\n      changes {\n        studentId\n        student {\n          id\n          name\n        }\n        pointsBefore\n        pointsAfter\n        returned\n      }\n    }\n  }\n"): (typeof documents)["\n  query RubricPreview($assignmentId: ID!, $input: RubricInput!) {\n    rubricPreview(assignmentId: $assignmentId, input: $input) {\n      changedCount\n      returnedCount\n      needsConfirm\n      summary\n      removedPickedLevels {\n        criterion\n        level\n        students\n      }\n      changes {\n        studentId\n        student {\n          id\n          name\n        }\n        pointsBefore\n        pointsAfter\n        returned\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveRubric($assignmentId: ID!, $input: RubricInput!, $expectedVersion: Int, $confirm: Boolean!) {\n    saveRubric(assignmentId: $assignmentId, input: $input, expectedVersion: $expectedVersion, confirm: $confirm) {\n      rubric {\n        ...RubricFields\n      }\n      impact {\n        changedCount\n        returnedCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveRubric($assignmentId: ID!, $input: RubricInput!, $expectedVersion: Int, $confirm: Boolean!) {\n    saveRubric(assignmentId: $assignmentId, input: $input, expectedVersion: $expectedVersion, confirm: $confirm) {\n      rubric {\n        ...RubricFields\n      }\n      impact {\n        changedCount\n        returnedCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GradeCriteria($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...CriterionScores\n      version\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query GradeCriteria($assignmentId: ID!, $studentId: ID!) {\n    feedback(assignmentId: $assignmentId, studentId: $studentId) {\n      ...CriterionScores\n      version\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GradeByRubric($assignmentId: ID!, $studentId: ID!, $criteria: [CriterionGradeInput!]!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: { criteria: $criteria }, expectedVersion: $expectedVersion) {\n      ...CriterionScores\n      version\n      finalPoints\n      keptPercent\n      grade {\n        points\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GradeByRubric($assignmentId: ID!, $studentId: ID!, $criteria: [CriterionGradeInput!]!, $expectedVersion: Int) {\n    setGrade(assignmentId: $assignmentId, studentId: $studentId, input: { criteria: $criteria }, expectedVersion: $expectedVersion) {\n      ...CriterionScores\n      version\n      finalPoints\n      keptPercent\n      grade {\n        points\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenRegradeRequests($assignmentId: ID!) {\n    regradeRequests(assignmentId: $assignmentId, openOnly: true) {\n      ...RegradeRequestFields\n    }\n  }\n"): (typeof documents)["\n  query OpenRegradeRequests($assignmentId: ID!) {\n    regradeRequests(assignmentId: $assignmentId, openOnly: true) {\n      ...RegradeRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestRegrade($assignmentId: ID!, $criterionId: ID, $message: String!) {\n    requestRegrade(assignmentId: $assignmentId, criterionId: $criterionId, message: $message) {\n      ...RegradeRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestRegrade($assignmentId: ID!, $criterionId: ID, $message: String!) {\n    requestRegrade(assignmentId: $assignmentId, criterionId: $criterionId, message: $message) {\n      ...RegradeRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveRegrade($id: ID!, $reply: String!) {\n    resolveRegrade(id: $id, reply: $reply) {\n      ...RegradeRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveRegrade($id: ID!, $reply: String!) {\n    resolveRegrade(id: $id, reply: $reply) {\n      ...RegradeRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRubricFeedback($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      rubric {\n        ...RubricFields\n      }\n    }\n    myFeedback(assignmentId: $assignmentId) {\n      ...CriterionScores\n      visibleToStudent\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyRubricFeedback($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      rubric {\n        ...RubricFields\n      }\n    }\n    myFeedback(assignmentId: $assignmentId) {\n      ...CriterionScores\n      visibleToStudent\n      regradeRequests {\n        ...RegradeRequestFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LtiCourse($spaceId: ID!) {\n    ltiCourse(spaceId: $spaceId) {\n      platformName\n      title\n      rosterAvailable\n      rosterCheckedAt\n      rosterDifferences\n      rosterCheckError\n    }\n  }\n"): (typeof documents)["\n  query LtiCourse($spaceId: ID!) {\n    ltiCourse(spaceId: $spaceId) {\n      platformName\n      title\n      rosterAvailable\n      rosterCheckedAt\n      rosterDifferences\n      rosterCheckError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LtiRosterLineFields on LtiRosterLine {\n    platformUserId\n    name\n    studentNumber\n    role\n    outcome\n    detail\n  }\n"): (typeof documents)["\n  fragment LtiRosterLineFields on LtiRosterLine {\n    platformUserId\n    name\n    studentNumber\n    role\n    outcome\n    detail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewLtiRosterSync($spaceId: ID!) {\n    previewLtiRosterSync(spaceId: $spaceId) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewLtiRosterSync($spaceId: ID!) {\n    previewLtiRosterSync(spaceId: $spaceId) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyLtiRosterSync($spaceId: ID!, $previewHash: String!) {\n    applyLtiRosterSync(spaceId: $spaceId, previewHash: $previewHash) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyLtiRosterSync($spaceId: ID!, $previewHash: String!) {\n    applyLtiRosterSync(spaceId: $spaceId, previewHash: $previewHash) {\n      previewHash\n      applied\n      lines {\n        ...LtiRosterLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondLtiDeepLink($request: String!, $assignmentId: ID!) {\n    respondLtiDeepLink(request: $request, assignmentId: $assignmentId) {\n      returnUrl\n      jwt\n    }\n  }\n"): (typeof documents)["\n  mutation RespondLtiDeepLink($request: String!, $assignmentId: ID!) {\n    respondLtiDeepLink(request: $request, assignmentId: $assignmentId) {\n      returnUrl\n      jwt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LtiPlatformFields on LtiPlatform {\n    id\n    name\n    issuer\n    clientId\n    deploymentIds\n    authUrl\n    tokenUrl\n    jwksUrl\n    linkByEmail\n  }\n"): (typeof documents)["\n  fragment LtiPlatformFields on LtiPlatform {\n    id\n    name\n    issuer\n    clientId\n    deploymentIds\n    authUrl\n    tokenUrl\n    jwksUrl\n    linkByEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LtiPlatforms {\n    ltiToolSettings {\n      loginUrl\n      launchUrl\n      jwksUrl\n      configUrl\n    }\n    ltiPlatforms {\n      ...LtiPlatformFields\n    }\n  }\n"): (typeof documents)["\n  query LtiPlatforms {\n    ltiToolSettings {\n      loginUrl\n      launchUrl\n      jwksUrl\n      configUrl\n    }\n    ltiPlatforms {\n      ...LtiPlatformFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterLtiPlatform($input: LtiPlatformInput!) {\n    registerLtiPlatform(input: $input) {\n      ...LtiPlatformFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterLtiPlatform($input: LtiPlatformInput!) {\n    registerLtiPlatform(input: $input) {\n      ...LtiPlatformFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LtiScoreFields on LtiScore {\n    id\n    kind\n    status\n    score\n    attempts\n    nextAttemptAt\n    lastAttemptAt\n    lastResponseStatus\n    lastResponseBody\n    lastError\n    sentAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment LtiScoreFields on LtiScore {\n    id\n    kind\n    status\n    score\n    attempts\n    nextAttemptAt\n    lastAttemptAt\n    lastResponseStatus\n    lastResponseBody\n    lastError\n    sentAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LtiScores($assignmentId: ID!, $studentId: ID!) {\n    ltiScores(assignmentId: $assignmentId, studentId: $studentId) {\n      ...LtiScoreFields\n    }\n  }\n"): (typeof documents)["\n  query LtiScores($assignmentId: ID!, $studentId: ID!) {\n    ltiScores(assignmentId: $assignmentId, studentId: $studentId) {\n      ...LtiScoreFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendLtiScore($id: ID!) {\n    resendLtiScore(id: $id) {\n      ...LtiScoreFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResendLtiScore($id: ID!) {\n    resendLtiScore(id: $id) {\n      ...LtiScoreFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member {\n    joinedAt\n    role\n    studentNumber\n    section\n    leftCourseAt\n    user {\n      ...UserSummary\n    }\n  }\n"): (typeof documents)["\n  fragment MemberFields on Member {\n    joinedAt\n    role\n    studentNumber\n    section\n    leftCourseAt\n    user {\n      ...UserSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    studentNumber\n    section\n  }\n"): (typeof documents)["\n  fragment InvitationFields on Invitation {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n    studentNumber\n    section\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInviteLink($spaceId: ID!, $role: Role!, $expiresInDays: Int!) {\n    createInviteLink(spaceId: $spaceId, role: $role, expiresInDays: $expiresInDays) {\n      url\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInviteLink($spaceId: ID!, $role: Role!, $expiresInDays: Int!) {\n    createInviteLink(spaceId: $spaceId, role: $role, expiresInDays: $expiresInDays) {\n      url\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteByEmail($spaceId: ID!, $email: String!, $role: Role!) {\n    inviteByEmail(spaceId: $spaceId, email: $email, role: $role) {\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteByEmail($spaceId: ID!, $email: String!, $role: Role!) {\n    inviteByEmail(spaceId: $spaceId, email: $email, role: $role) {\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($spaceId: ID!, $email: String!, $role: Role!) {\n    addMember(spaceId: $spaceId, email: $email, role: $role) {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddMember($spaceId: ID!, $email: String!, $role: Role!) {\n    addMember(spaceId: $spaceId, email: $email, role: $role) {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($spaceId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(spaceId: $spaceId, userId: $userId, role: $role) {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($spaceId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(spaceId: $spaceId, userId: $userId, role: $role) {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRoles($spaceId: ID!, $userIds: [ID!]!, $role: Role!) {\n    changeMemberRoles(spaceId: $spaceId, userIds: $userIds, role: $role) {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRoles($spaceId: ID!, $userIds: [ID!]!, $role: Role!) {\n    changeMemberRoles(spaceId: $spaceId, userIds: $userIds, role: $role) {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMembers($spaceId: ID!, $userIds: [ID!]!) {\n    removeMembers(spaceId: $spaceId, userIds: $userIds)\n  }\n"): (typeof documents)["\n  mutation RemoveMembers($spaceId: ID!, $userIds: [ID!]!) {\n    removeMembers(spaceId: $spaceId, userIds: $userIds)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberDetails($spaceId: ID!, $userId: ID!, $input: MemberDetailsInput!) {\n    updateMemberDetails(spaceId: $spaceId, userId: $userId, input: $input) {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberDetails($spaceId: ID!, $userId: ID!, $input: MemberDetailsInput!) {\n    updateMemberDetails(spaceId: $spaceId, userId: $userId, input: $input) {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RosterImportFields on RosterImport {\n    role\n    previewHash\n    applied\n    lines {\n      line\n      name\n      email\n      studentNumber\n      section\n      outcome\n      detail\n    }\n    totals {\n      lines\n      newInvitation\n      addExisting\n      update\n      alreadyMemberUnchanged\n      alreadyInvited\n      duplicate\n      invalid\n    }\n  }\n"): (typeof documents)["\n  fragment RosterImportFields on RosterImport {\n    role\n    previewHash\n    applied\n    lines {\n      line\n      name\n      email\n      studentNumber\n      section\n      outcome\n      detail\n    }\n    totals {\n      lines\n      newInvitation\n      addExisting\n      update\n      alreadyMemberUnchanged\n      alreadyInvited\n      duplicate\n      invalid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewRosterImport($spaceId: ID!, $csv: String!, $role: Role!) {\n    previewRosterImport(spaceId: $spaceId, csv: $csv, role: $role) {\n      ...RosterImportFields\n    }\n  }\n"): (typeof documents)["\n  query PreviewRosterImport($spaceId: ID!, $csv: String!, $role: Role!) {\n    previewRosterImport(spaceId: $spaceId, csv: $csv, role: $role) {\n      ...RosterImportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyRosterImport($spaceId: ID!, $csv: String!, $role: Role!, $previewHash: String!, $skipInvalid: Boolean!) {\n    applyRosterImport(spaceId: $spaceId, csv: $csv, role: $role, previewHash: $previewHash, skipInvalid: $skipInvalid) {\n      ...RosterImportFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyRosterImport($spaceId: ID!, $csv: String!, $role: Role!, $previewHash: String!, $skipInvalid: Boolean!) {\n    applyRosterImport(spaceId: $spaceId, csv: $csv, role: $role, previewHash: $previewHash, skipInvalid: $skipInvalid) {\n      ...RosterImportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceInvitations($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      invitations(open: true) {\n        ...InvitationFields\n      }\n      invitationCount(open: true)\n    }\n  }\n"): (typeof documents)["\n  query SpaceInvitations($spaceId: ID!) {\n    space(id: $spaceId) {\n      id\n      invitations(open: true) {\n        ...InvitationFields\n      }\n      invitationCount(open: true)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceMembers($spaceId: ID!, $first: Int!, $after: String, $role: Role, $search: String) {\n    space(id: $spaceId) {\n      id\n      members(first: $first, after: $after, role: $role, search: $search) {\n        totalCount\n        nodes {\n          ...MemberFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpaceMembers($spaceId: ID!, $first: Int!, $after: String, $role: Role, $search: String) {\n    space(id: $spaceId) {\n      id\n      members(first: $first, after: $after, role: $role, search: $search) {\n        totalCount\n        nodes {\n          ...MemberFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n    spaceId\n    distributionId\n    link\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n    spaceId\n    distributionId\n    link\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      totalCount\n      nodes {\n        ...NotificationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      totalCount\n      nodes {\n        ...NotificationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySpaces($first: Int!, $after: String) {\n    spaces(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        kind\n        myRole\n        description\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySpaces($first: Int!, $after: String) {\n    spaces(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        kind\n        myRole\n        description\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      description\n      myRole\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n"): (typeof documents)["\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      description\n      myRole\n      tasGrantExtensions\n      canGrantExtensions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      myRole\n      workspaces {\n        ...WorkspaceSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpaceWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      kind\n      myRole\n      workspaces {\n        ...WorkspaceSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CourseWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      master: workspaces(kind: MASTER) {\n        ...WorkspaceSummary\n      }\n      distributed: workspaces(kind: DISTRIBUTED) {\n        ...WorkspaceSummary\n      }\n      shared: workspaces(kind: SHARED) {\n        ...WorkspaceSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  query CourseWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      master: workspaces(kind: MASTER) {\n        ...WorkspaceSummary\n      }\n      distributed: workspaces(kind: DISTRIBUTED) {\n        ...WorkspaceSummary\n      }\n      shared: workspaces(kind: SHARED) {\n        ...WorkspaceSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceList($spaceId: ID!, $first: Int!, $after: String, $kind: WorkspaceKind, $search: String) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, kind: $kind, search: $search) {\n        totalCount\n        nodes {\n          ...WorkspaceSummary\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceList($spaceId: ID!, $first: Int!, $after: String, $kind: WorkspaceKind, $search: String) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, kind: $kind, search: $search) {\n        totalCount\n        nodes {\n          ...WorkspaceSummary\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PushTargets($spaceId: ID!, $first: Int!, $after: String, $search: String, $excluding: ID) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, search: $search, writable: true, excluding: $excluding) {\n        totalCount\n        nodes {\n          id\n          name\n          kind\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PushTargets($spaceId: ID!, $first: Int!, $after: String, $search: String, $excluding: ID) {\n    space(id: $spaceId) {\n      id\n      workspaceList(first: $first, after: $after, search: $search, writable: true, excluding: $excluding) {\n        totalCount\n        nodes {\n          id\n          name\n          kind\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StagingRoles {\n    spaces(first: 100) {\n      nodes {\n        id\n        kind\n        myRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query StagingRoles {\n    spaces(first: 100) {\n      nodes {\n        id\n        kind\n        myRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BundleFields on Bundle {\n    id\n    name\n    description\n    createdAt\n    spaceId\n    sourceWorkspaceId\n    sourceSnapshotId\n    items {\n      ...FrozenItemFields\n    }\n  }\n"): (typeof documents)["\n  fragment BundleFields on Bundle {\n    id\n    name\n    description\n    createdAt\n    spaceId\n    sourceWorkspaceId\n    sourceSnapshotId\n    items {\n      ...FrozenItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Bundles($spaceId: ID!) {\n    bundles(spaceId: $spaceId) {\n      ...BundleFields\n    }\n  }\n"): (typeof documents)["\n  query Bundles($spaceId: ID!) {\n    bundles(spaceId: $spaceId) {\n      ...BundleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewDistribution($input: PushInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    distributionPreview(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n"): (typeof documents)["\n  query PreviewDistribution($input: PushInput!, $first: Int!, $after: String, $only: [TargetPreviewFlag!]) {\n    distributionPreview(input: $input) {\n      ...DistributionPreviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushDistribution($input: PushInput!) {\n    createDistribution(input: $input) {\n      distribution {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PushDistribution($input: PushInput!) {\n    createDistribution(input: $input) {\n      distribution {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromStage($source: SourceInput!, $paths: [String!]!) {\n    removeFromStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveFromStage($source: SourceInput!, $paths: [String!]!) {\n    removeFromStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearStage($source: SourceInput!) {\n    clearStage(source: $source)\n  }\n"): (typeof documents)["\n  mutation ClearStage($source: SourceInput!) {\n    clearStage(source: $source)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveBundle($source: SourceInput!, $name: String!, $description: String!) {\n    saveBundle(source: $source, name: $name, description: $description) {\n      ...BundleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveBundle($source: SourceInput!, $name: String!, $description: String!) {\n    saveBundle(source: $source, name: $name, description: $description) {\n      ...BundleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBundle($id: ID!) {\n    deleteBundle(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteBundle($id: ID!) {\n    deleteBundle(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stages {\n    stages {\n      workspaceId\n      snapshotId\n      count\n    }\n  }\n"): (typeof documents)["\n  query Stages {\n    stages {\n      workspaceId\n      snapshotId\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stage($source: SourceInput!, $workspaceId: ID!) {\n    stage(source: $source) {\n      ...StageItemFields\n    }\n    workspace(id: $workspaceId) {\n      id\n      name\n      kind\n      spaceId\n    }\n  }\n"): (typeof documents)["\n  query Stage($source: SourceInput!, $workspaceId: ID!) {\n    stage(source: $source) {\n      ...StageItemFields\n    }\n    workspace(id: $workspaceId) {\n      id\n      name\n      kind\n      spaceId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StageSnapshot($id: ID!) {\n    snapshot(id: $id) {\n      id\n      label\n    }\n  }\n"): (typeof documents)["\n  query StageSnapshot($id: ID!) {\n    snapshot(id: $id) {\n      id\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSpaceQuota($spaceId: ID!, $bytes: Float) {\n    setSpaceQuota(spaceId: $spaceId, bytes: $bytes) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetSpaceQuota($spaceId: ID!, $bytes: Float) {\n    setSpaceQuota(spaceId: $spaceId, bytes: $bytes) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorageUseFields on StorageUse {\n    logicalBytes\n    exclusiveBytes\n  }\n"): (typeof documents)["\n  fragment StorageUseFields on StorageUse {\n    logicalBytes\n    exclusiveBytes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceStorage($id: ID!) {\n    space(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n      workspaces {\n        ...WorkspaceLabel\n        owner {\n          email\n        }\n        storageUse {\n          ...StorageUseFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpaceStorage($id: ID!) {\n    space(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n        quotaBytes\n      }\n      workspaces {\n        ...WorkspaceLabel\n        owner {\n          email\n        }\n        storageUse {\n          ...StorageUseFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceStorage($id: ID!) {\n    workspace(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceStorage($id: ID!) {\n    workspace(id: $id) {\n      id\n      storageUse {\n        ...StorageUseFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks($spaceId: ID!) {\n    webhooks(spaceId: $spaceId) {\n      id\n      url\n      description\n      events\n      enabled\n      failureCount\n      disabledReason\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Webhooks($spaceId: ID!) {\n    webhooks(spaceId: $spaceId) {\n      id\n      url\n      description\n      events\n      enabled\n      failureCount\n      disabledReason\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        eventType\n        status\n        attempts\n        createdAt\n        lastAttemptAt\n        nextAttemptAt\n        lastResponseStatus\n        lastResponseBody\n        lastDurationMs\n        lastError\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        eventType\n        status\n        attempts\n        createdAt\n        lastAttemptAt\n        nextAttemptAt\n        lastResponseStatus\n        lastResponseBody\n        lastDurationMs\n        lastError\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      enabled\n      failureCount\n      disabledReason\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      enabled\n      failureCount\n      disabledReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnapshotFromVersion($workspaceId: ID!, $commitId: ID!, $label: String!) {\n    createSnapshot(workspaceId: $workspaceId, commitId: $commitId, label: $label) {\n      ...SnapshotFields\n    }\n  }\n"): (typeof documents)["\n  mutation SnapshotFromVersion($workspaceId: ID!, $commitId: ID!, $label: String!) {\n    createSnapshot(workspaceId: $workspaceId, commitId: $commitId, label: $label) {\n      ...SnapshotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceApplication($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      version\n      application(path: $path, snapshotId: $snapshotId) {\n        path\n        hash\n        config\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceApplication($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      version\n      application(path: $path, snapshotId: $snapshotId) {\n        path\n        hash\n        config\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkspaceChanged($workspaceId: ID!) {\n    workspaceChanged(workspaceId: $workspaceId) {\n      workspaceId\n      version\n      commitId\n    }\n  }\n"): (typeof documents)["\n  subscription WorkspaceChanged($workspaceId: ID!) {\n    workspaceChanged(workspaceId: $workspaceId) {\n      workspaceId\n      version\n      commitId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceEntries($id: ID!, $path: String!, $snapshotId: ID, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      version\n      entries(path: $path, snapshotId: $snapshotId, first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...EntryFields\n          hash\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceEntries($id: ID!, $path: String!, $snapshotId: ID, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      version\n      entries(path: $path, snapshotId: $snapshotId, first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...EntryFields\n          hash\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceLabel on Workspace {\n    id\n    name\n    kind\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment WorkspaceLabel on Workspace {\n    id\n    name\n    kind\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceSummary on Workspace {\n    ...WorkspaceLabel\n    canWrite\n    ownerId\n    owner {\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment WorkspaceSummary on Workspace {\n    ...WorkspaceLabel\n    canWrite\n    ownerId\n    owner {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceVersion on Workspace {\n    id\n    version\n  }\n"): (typeof documents)["\n  fragment WorkspaceVersion on Workspace {\n    id\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntryFields on Entry {\n    name\n    path\n    kind\n    size\n  }\n"): (typeof documents)["\n  fragment EntryFields on Entry {\n    name\n    path\n    kind\n    size\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommitFields on Commit {\n    id\n    version\n    message\n    createdAt\n    distributionId\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CommitFields on Commit {\n    id\n    version\n    message\n    createdAt\n    distributionId\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SnapshotFields on Snapshot {\n    id\n    label\n    description\n    automatic\n    createdAt\n  }\n"): (typeof documents)["\n  fragment SnapshotFields on Snapshot {\n    id\n    label\n    description\n    automatic\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StageItemFields on StageItem {\n    id\n    path\n    createdAt\n    sourceWorkspaceId\n    sourceSnapshotId\n  }\n"): (typeof documents)["\n  fragment StageItemFields on StageItem {\n    id\n    path\n    createdAt\n    sourceWorkspaceId\n    sourceSnapshotId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceHistory($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        nodes {\n          ...CommitFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceHistory($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        nodes {\n          ...CommitFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSnapshots($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      snapshots(first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...SnapshotFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceSnapshots($id: ID!, $first: Int!, $after: String) {\n    workspace(id: $id) {\n      id\n      snapshots(first: $first, after: $after) {\n        totalCount\n        nodes {\n          ...SnapshotFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceTable($id: ID!, $path: String!, $snapshotId: ID, $offset: Int!, $limit: Int!) {\n    workspace(id: $id) {\n      id\n      table(path: $path, snapshotId: $snapshotId, offset: $offset, limit: $limit) {\n        path\n        hash\n        offset\n        rowCount\n        columns {\n          name\n          type\n        }\n        rows\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceTable($id: ID!, $path: String!, $snapshotId: ID, $offset: Int!, $limit: Int!) {\n    workspace(id: $id) {\n      id\n      table(path: $path, snapshotId: $snapshotId, offset: $offset, limit: $limit) {\n        path\n        hash\n        offset\n        rowCount\n        columns {\n          name\n          type\n        }\n        rows\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFolder($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    createFolder(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFolder($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    createFolder(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MovePath($workspaceId: ID!, $from: String!, $to: String!, $expectedVersion: Int) {\n    movePath(workspaceId: $workspaceId, from: $from, to: $to, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n"): (typeof documents)["\n  mutation MovePath($workspaceId: ID!, $from: String!, $to: String!, $expectedVersion: Int) {\n    movePath(workspaceId: $workspaceId, from: $from, to: $to, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePath($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    deletePath(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePath($workspaceId: ID!, $path: String!, $expectedVersion: Int) {\n    deletePath(workspaceId: $workspaceId, path: $path, expectedVersion: $expectedVersion) {\n      ...WorkspaceVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveApplication($workspaceId: ID!, $name: String!, $config: JSONObject!, $expectedVersion: Int) {\n    saveApplication(workspaceId: $workspaceId, name: $name, config: $config, expectedVersion: $expectedVersion) {\n      path\n      hash\n      config\n    }\n  }\n"): (typeof documents)["\n  mutation SaveApplication($workspaceId: ID!, $name: String!, $config: JSONObject!, $expectedVersion: Int) {\n    saveApplication(workspaceId: $workspaceId, name: $name, config: $config, expectedVersion: $expectedVersion) {\n      path\n      hash\n      config\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSnapshot($workspaceId: ID!, $label: String!, $description: String!) {\n    createSnapshot(workspaceId: $workspaceId, label: $label, description: $description) {\n      ...SnapshotFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSnapshot($workspaceId: ID!, $label: String!, $description: String!) {\n    createSnapshot(workspaceId: $workspaceId, label: $label, description: $description) {\n      ...SnapshotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreSnapshot($id: ID!) {\n    restoreSnapshot(id: $id) {\n      backup {\n        id\n        label\n      }\n      workspace {\n        ...WorkspaceVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreSnapshot($id: ID!) {\n    restoreSnapshot(id: $id) {\n      backup {\n        id\n        label\n      }\n      workspace {\n        ...WorkspaceVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSnapshot($id: ID!) {\n    deleteSnapshot(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSnapshot($id: ID!) {\n    deleteSnapshot(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToStage($source: SourceInput!, $paths: [String!]!) {\n    addToStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddToStage($source: SourceInput!, $paths: [String!]!) {\n    addToStage(source: $source, paths: $paths) {\n      ...StageItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceLabel\n      spaceId\n      canWrite\n      version\n    }\n  }\n"): (typeof documents)["\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceLabel\n      spaceId\n      canWrite\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSpaceRole($id: ID!) {\n    space(id: $id) {\n      id\n      kind\n      myRole\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceSpaceRole($id: ID!) {\n    space(id: $id) {\n      id\n      kind\n      myRole\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceObject($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      object(path: $path, snapshotId: $snapshotId) {\n        name\n        path\n        kind\n        size\n        hash\n        lastChange {\n          ...CommitFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceObject($id: ID!, $path: String!, $snapshotId: ID) {\n    workspace(id: $id) {\n      id\n      object(path: $path, snapshotId: $snapshotId) {\n        name\n        path\n        kind\n        size\n        hash\n        lastChange {\n          ...CommitFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshot($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n      workspaceId\n    }\n  }\n"): (typeof documents)["\n  query Snapshot($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n      workspaceId\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;