import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { EventBus } from './core/pubsub';
import { DefaultDeny, MapErrors } from './core/graphql/guards';
import { SpacesResolver } from './modules/spaces/spaces.resolver';
import { UsersResolver } from './modules/users/users.resolver';
import { SsoResolver } from './modules/sso/sso.resolver';
import { DistributionsResolver, DistributionTargetResolver } from './modules/distributions/distributions.resolver';
import { NotificationsResolver } from './modules/notifications/notifications.resolver';
import { StageResolver } from './modules/stage/stage.resolver';
import { AssignmentsResolver } from './modules/assignments/assignments.resolver';
import { GradeResolver, GradingResolver } from './modules/assignments/grading.resolver';
import { AnnotationsResolver, FeedbackAnnotationsResolver } from './modules/assignments/annotations.resolver';
import { HandInResolver } from './modules/assignments/hand-in.resolver';
import {
  AssignmentRubricResolver,
  FeedbackRubricResolver,
  RubricsResolver,
  RubricTotalChangeResolver,
  StatusRubricResolver,
} from './modules/assignments/rubrics.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { SpaceStorageResolver, WorkspaceStorageResolver } from './modules/storage/storage.resolver';
import { CommitResolver, WorkspacesResolver } from './modules/workspaces/workspaces.resolver';
import { SpaceWorkspacesResolver } from './modules/spaces/space-workspaces.resolver';
import { OnboardingResolver } from './modules/onboarding/onboarding.resolver';
import { RosterResolver } from './modules/onboarding/roster.resolver';

export const resolvers = [
  UsersResolver,
  SsoResolver,
  SpacesResolver,
  SpaceWorkspacesResolver,
  WorkspacesResolver,
  OnboardingResolver,
  RosterResolver,
  CommitResolver,
  StageResolver,
  DistributionsResolver,
  DistributionTargetResolver,
  NotificationsResolver,
  AssignmentsResolver,
  GradingResolver,
  GradeResolver,
  AnnotationsResolver,
  FeedbackAnnotationsResolver,
  HandInResolver,
  RubricsResolver,
  RubricTotalChangeResolver,
  AssignmentRubricResolver,
  FeedbackRubricResolver,
  StatusRubricResolver,
  AuditResolver,
  SpaceStorageResolver,
  WorkspaceStorageResolver,
] as const;

/** Builds the executable schema. `emit` writes schema.graphql (used by `npm run schema`). */
export function createSchema(pubSub: EventBus, options: { emit?: string | false } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub: pubSub as never,
    globalMiddlewares: [MapErrors, DefaultDeny],
    validate: false,
    emitSchemaFile: options.emit ? { path: options.emit, sortedSchema: true } : false,
  });
}
