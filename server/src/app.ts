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
import { oversizedUpload, refuseOversizedUploads } from './http/oversized-uploads';
import { assignmentRoutes } from './http/assignment-routes';
import { bearerOf } from './http/session-cookie';
import { seedDemo } from './seed/demo-course';

export const LIMITS = { depth: 12, aliases: 30, cost: 20_000, tokens: 5_000 };

const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export interface RunningApp {
  url: string;
  port: number;
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
  const httpServer = http.createServer(app);
  httpServer.requestTimeout = config.requestTimeoutMs;
  // `Expect: 100-continue`: the client waits for our go-ahead before sending the body; an upload
  // declared over the limit never gets it and is answered 413 instead (refuseOversizedUploads).
  httpServer.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (oversizedUpload(req, config.maxUploadBytes) === undefined) res.writeContinue();
    httpServer.emit('request', req, res);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, role: config.role });
  });
  // A worker-only process serves nothing but its health check.
  const api = config.role === 'worker' ? null : await mountApi(app, httpServer, services, bus.pubSub, config);

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    port,
    services,
    db,
    async stop() {
      await services.worker.stop();
      if (api) await api.stop();
      else await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await bus.close();
      await db.close();
    },
  };
}


/** GraphQL over HTTP and WebSocket on /graphql, and the streaming endpoints. */
async function mountApi(app: express.Express, httpServer: http.Server, services: Services, pubSub: EventBus, config: AppConfig) {
  const schema = await createSchema(pubSub);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { actor?: GraphQLContext['actor'] }>(
    {
      schema,
      // Authenticated once, at connection_init; each subscribe is authorised again by its resolver.
      onConnect: async (ctx) => {
        const param = ctx.connectionParams?.authorization ?? ctx.connectionParams?.token;
        const secret = typeof param === 'string' ? param.replace(/^Bearer /, '') : bearerOf(ctx.extra.request.headers);
        const actor = await services.users.authenticate(secret);
        if (!actor) return false;
        (ctx.extra as { actor?: GraphQLContext['actor'] }).actor = actor;
        return true;
      },
      context: (ctx): GraphQLContext => ({ actor: (ctx.extra as { actor?: GraphQLContext['actor'] }).actor ?? null, services }),
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
    formatError: (formatted, error) => {
      const code = formatted.extensions?.code;
      if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
      console.error('unexpected error in GraphQL', error);
      return { message: 'internal error; it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(refuseOversizedUploads(config.maxUploadBytes));
  app.use(httpRoutes(services));
  app.use(assignmentRoutes(services));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({ actor: await services.users.authenticate(bearerOf(req.headers)), services, res }),
    }),
  );
  app.use(httpErrorHandler);

  return apollo;
}
