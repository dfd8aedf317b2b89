import 'reflect-metadata';
import { buildSchema, emitSchemaDefinitionFile } from 'type-graphql';
import { GraphQLSchema } from 'graphql';
import type { EventBus } from './core/pubsub';
import { DefaultDeny, MapErrors } from './core/graphql/guards';
import { LIMITS } from './core/graphql/request-cost';
import { decodeIdArguments, globalIds, type ArgumentDecoders } from './core/graphql/global-ids';
import { assertEveryNodeHasLookup, NodeResolver, registerNodeLookups } from './core/graphql/node.resolver';
import { SpacesResolver, spaceNodes } from './modules/spaces/spaces.resolver';
import { UsersResolver, userNodes } from './modules/users/users.resolver';
import { SsoResolver } from './modules/sso/sso.resolver';
import { LtiResolver, ltiNodes } from './modules/lti/lti.resolver';
import { distributionNodes, DistributionPreviewResolver, DistributionsResolver, DistributionTargetResolver, ReversalPreviewResolver } from './modules/distributions/distributions.resolver';
import { notificationNodes, NotificationsResolver } from './modules/notifications/notifications.resolver';
import { StageResolver, stageNodes } from './modules/stage/stage.resolver';
import { assignmentNodes, AssignmentsResolver } from './modules/assignments/assignments.resolver';
import { GradeResolver, GradingResolver } from './modules/assignments/grading.resolver';
import { groupNodes, GroupsResolver } from './modules/assignments/groups.resolver';
import { annotationNodes, AnnotationsResolver, FeedbackAnnotationsResolver } from './modules/assignments/annotations.resolver';
import { HandInResolver } from './modules/assignments/hand-in.resolver';
import { shownStudentResolvers } from './modules/assignments/shown-students';
import {
  AssignmentRubricResolver,
  FeedbackRubricResolver,
  rubricNodes,
  RubricsResolver,
  RubricTotalChangeResolver,
  StatusRubricResolver,
} from './modules/assignments/rubrics.resolver';
import { auditNodes, AuditResolver } from './modules/audit/audit.resolver';
import { WebhooksResolver, webhookNodes } from './modules/webhooks/webhooks.resolver';
import { SpaceStorageResolver, WorkspaceStorageResolver } from './modules/storage/storage.resolver';
import { CommitResolver, workspaceNodes, WorkspacesResolver } from './modules/workspaces/workspaces.resolver';
import { SpaceWorkspacesResolver } from './modules/spaces/space-workspaces.resolver';
import { OnboardingResolver } from './modules/onboarding/onboarding.resolver';
import { RosterResolver } from './modules/onboarding/roster.resolver';

export const resolvers = [
  NodeResolver,
  UsersResolver,
  SsoResolver,
  LtiResolver,
  SpacesResolver,
  SpaceWorkspacesResolver,
  WorkspacesResolver,
  OnboardingResolver,
  RosterResolver,
  CommitResolver,
  StageResolver,
  DistributionsResolver,
  DistributionTargetResolver,
  DistributionPreviewResolver,
  ReversalPreviewResolver,
  NotificationsResolver,
  WebhooksResolver,
  AssignmentsResolver,
  GradingResolver,
  GradeResolver,
  GroupsResolver,
  AnnotationsResolver,
  FeedbackAnnotationsResolver,
  ...shownStudentResolvers,
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

/** What node(id:) reads each Node type with, offered by the module that owns the type. */
const nodeLookups = [
  userNodes,
  spaceNodes,
  workspaceNodes,
  auditNodes,
  notificationNodes,
  webhookNodes,
  stageNodes,
  distributionNodes,
  assignmentNodes,
  groupNodes,
  annotationNodes,
  rubricNodes,
  ltiNodes,
] as const;

/** What an integrator reads first in the schema: where the limits and conventions are. */
const SCHEMA_DESCRIPTION = `The Stagecoach API: spaces, workspaces, the stage, distributions, assignments, hand-ins, grades and the audit trail.

Limits (each refusal has its own extensions.code): selections nest at most ${LIMITS.depth} levels (QUERY_TOO_DEEP), at most ${LIMITS.aliases} aliases (TOO_MANY_ALIASES), ${LIMITS.tokens} tokens (QUERY_TOO_LARGE) and ${LIMITS.cost} cost points per request (QUERY_TOO_COMPLEX): one point per object resolved, a paged field counted as a full page of first/last (20 when omitted), a list without paging as 10 items. Each API token spends a budget of points per window (REQUEST_BUDGET_POINTS per REQUEST_BUDGET_WINDOW_SECONDS, 300000 per 60 s by default); once spent, requests are refused with RATE_LIMITED (HTTP 429, Retry-After). Every response reports extensions.cost { requested, actual, limit, budget, remaining, resetSeconds } and the RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset and RateLimit-Policy headers. Pages hold 1 to 100 items (first, 20 when omitted). Bytes (uploads, downloads, exports) go through the /api HTTP endpoints, not GraphQL.

Ids are opaque global ids that name their type (see Node): compare them and pass them back as they are; node and nodes refetch an object by its id. Every id argument, and the /api HTTP routes, also accept the older raw ids, which webhook payloads still carry.

Subscriptions use graphql-ws on /graphql, authenticated with connectionParams { authorization: "Bearer <token>" } or, from the dashboard, the session cookie; their errors carry extensions.code as over HTTP.`;

/** type-graphql gives the root types no description of their own; the schema lint requires one. */
const ROOT_DESCRIPTIONS = [
  ['query', 'Reads. Each field states who may call it; a caller without access gets FORBIDDEN, or NOT_FOUND where even existence is private.'],
  ['mutation', 'Changes. Each field states who may call it; refused input changes nothing and says what was wrong (BAD_USER_INPUT, CONFLICT). Read-only API tokens may call only logout. Mutations added from now on answer with a <Name>Payload type holding what they created or changed (createDistribution); older ones answer with the object itself and keep doing so.'],
  ['subscription', 'Live events over graphql-ws on /graphql, authorised on subscribe and filtered per event; each field states who may subscribe.'],
] as const;

/** Builds the executable schema. `emit` writes schema.graphql (used by `npm run schema`). */
export async function createSchema(pubSub: EventBus, options: { emit?: string | false } = {}): Promise<GraphQLSchema> {
  // Filled by globalIds once the schema is built, read by the middleware on each call.
  const decoders: ArgumentDecoders = new Map();
  registerNodeLookups(...nodeLookups);
  const built = globalIds(
    await buildSchema({
      resolvers,
      pubSub: pubSub as never,
      globalMiddlewares: [MapErrors, DefaultDeny, decodeIdArguments(decoders)],
      validate: false,
    }),
    decoders,
  );
  const config = built.toConfig();
  for (const [root, description] of ROOT_DESCRIPTIONS) {
    const type = config[root];
    if (type) type.description = description;
  }
  const schema = new GraphQLSchema({ ...config, description: SCHEMA_DESCRIPTION });
  assertEveryNodeHasLookup(schema);
  if (options.emit) await emitSchemaDefinitionFile(options.emit, schema, { sortedSchema: true });
  return schema;
}
