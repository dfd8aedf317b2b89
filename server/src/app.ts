import 'reflect-metadata';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import express from 'express';
import type { GraphQLError, ValidationContext } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { createEventBus, type EventBus } from './core/pubsub';
import { createServices, type Services } from './core/services';
import type { GraphQLContext } from './core/graphql/context';
import { createSchema } from './schema';
import { httpErrorHandler, httpRoutes } from './http/routes';
import { assignmentRoutes } from './http/assignment-routes';
import { bearerOf } from './http/session-cookie';
import { corsPolicy, csrfGuard } from './http/csrf';
import { SocketSessions } from './http/socket-sessions';
import { graphqlObservability, startObservability } from './http/observability';
import { seedDemo } from './seed/demo-course';

export const LIMITS = { depth: 12, aliases: 30, cost: 20_000, tokens: 5_000 };

const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export interface RunningApp {
  url: string;
  port: number;
  /** The Prometheus endpoint, when METRICS_PORT is set. */
  metricsUrl: string | null;
  services: Services;
  db: Database;
  stop(): Promise<void>;
}

/**
 * Starts Stagecoach: database (migrated), services, and per role the HTTP API
 * with GraphQL over HTTP and graphql-ws on /graphql. Stopping drains open
 * requests and subscriptions before closing the database.
 */
export async function startApp(config: AppConfig): Promise<RunningApp> {
  const db = await openDatabase(config);
  const bus = createEventBus(config.redisUrl);
  const services = createServices(config, db, bus.pubSub, { leaseMs: config.workerLeaseMs });
  if (config.seedDemo) await seedDemo(services);
  // `api` processes leave execution to `worker` processes on the same database.
  if (config.role !== 'api') services.worker.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  httpServer.requestTimeout = config.requestTimeoutMs;
  const sockets = new SocketSessions(services, config);
  const observability = await startObservability(app, services, config, () => sockets.subscriptionsOpen);
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, role: config.role });
  });
  // A worker-only process serves nothing but its health checks.
  const api = config.role === 'worker' ? null : await mountApi(app, httpServer, services, bus.pubSub, config, sockets);

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    port,
    metricsUrl: observability.metricsUrl,
    services,
    db,
    async stop() {
      await services.worker.stop();
      if (api) await api.stop();
      else await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await bus.close();
      services.users.close();
      await observability.close();
      await db.close();
    },
  };
}


/** GraphQL over HTTP and WebSocket on /graphql, and the streaming endpoints. */
async function mountApi(app: express.Express, httpServer: http.Server, services: Services, pubSub: EventBus, config: AppConfig, sockets: SocketSessions) {
  const schema = await createSchema(pubSub);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  // Authenticated at connection_init (and closed when that session ends); each subscribe is authorised again by its resolver.
  sockets.start();
  const wsCleanup = useServer<Record<string, unknown> | undefined, { actor?: GraphQLContext['actor'] }>(
    {
      schema,
      onConnect: sockets.onConnect,
      context: (ctx): GraphQLContext => ({ actor: ctx.extra.actor ?? null, services }),
    },
    wsServer,
  );

  const production = config.env === 'production';
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    parseOptions: { maxTokens: LIMITS.tokens },
    // Reported as validation errors (GRAPHQL_VALIDATION_FAILED, naming the limit), not thrown as internal errors.
    validationRules: [
      maxDepthRule({ n: LIMITS.depth, ...reportAsValidationError }),
      maxAliasesRule({ n: LIMITS.aliases, ...reportAsValidationError }),
      costLimitRule({ maxCost: LIMITS.cost, ...reportAsValidationError }),
    ],
    // Unexpected errors are logged with the request's id by graphqlObservability, and hidden here.
    formatError: (formatted) => {
      const code = formatted.extensions?.code;
      if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
      return { message: 'internal error; it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphqlObservability(),
      { async serverWillStart() { return { async drainServer() { sockets.stop(); await wsCleanup.dispose(); } }; } },
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(corsPolicy(config), csrfGuard(config));
  app.use(httpRoutes(services));
  app.use(assignmentRoutes(services));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({ actor: await services.users.authenticate(bearerOf(req.headers)), services, res, ip: req.ip }),
    }),
  );
  app.use(httpErrorHandler);

  return apollo;
}
