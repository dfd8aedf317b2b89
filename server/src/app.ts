import 'reflect-metadata';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { entities } from './entities';
import { createEventBus, type EventBus } from './core/pubsub';
import { createServices, type Services } from './services';
import type { GraphQLContext } from './core/graphql/context';
import { toGraphQLError } from './core/graphql/guards';
import { LIMITS, limitError, limitRules, requestCostPlugin } from './core/graphql/request-cost';
import { sharedSubscribe } from './core/graphql/shared-execution';
import { subscriptionLimits } from './http/subscription-limits';
import { createSchema } from './schema';
import { httpErrorHandler, httpRoutes, unknownEndpoint } from './http/routes';
import { oversizedUpload, refuseOversizedUploads } from './http/oversized-uploads';
import { assignmentRoutes } from './http/assignment-routes';
import { ssoRoutes } from './http/sso-routes';
import { ltiRoutes } from './http/lti-routes';
import { bearerOf } from './modules/users/session-cookie';
import { corsPolicy, csrfGuard } from './http/csrf';
import { SocketSessions } from './http/socket-sessions';
import { subscriptionMetrics } from './http/subscription-metrics';
import { sharedResultsJson } from './http/shared-results-json';
import { graphqlObservability, startObservability } from './http/observability';
import { seedDemo } from './seed/demo-course';
import { logger } from './core/logger';
import { WorkerThreadHost } from './worker-thread-host';

export { LIMITS } from './core/graphql/request-cost';

export interface RunningApp {
  url: string;
  port: number;
  /** The Prometheus endpoint, when METRICS_PORT is set. */
  metricsUrl: string | null;
  services: Services;
  db: Database;
  /** The worker thread of an `all` process (null: the worker runs inline, or elsewhere). */
  workerThread: WorkerThreadHost | null;
  /**
   * Stops taking requests, lets running ones (uploads) and the worker's
   * current target finish within `graceMs` (the configured grace by default),
   * then closes every connection; writes cut short leave no temporary file.
   */
  stop(graceMs?: number): Promise<void>;
}

/** Waits for `promise` at most `ms`; resolves false when the time ran out first. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts Stagecoach: database (migrated), services, and per role the HTTP API
 * with GraphQL over HTTP and graphql-ws on /graphql. Stopping drains open
 * requests and subscriptions before closing the database.
 */
export async function startApp(config: AppConfig): Promise<RunningApp> {
  const db = await openDatabase(config, entities);
  // Role `all` runs the queue on a worker thread (by default), which shares this process's events.
  const thread = config.role === 'all' && config.workerThread ? new WorkerThreadHost(config) : null;
  const bus = createEventBus(config.redisUrl, thread?.channel ?? null);
  const services = createServices(config, db, bus.pubSub, { leaseMs: config.workerLeaseMs, concurrency: config.workerConcurrency });
  // The thread loads and connects beside the rest of the start (on another core where there is one);
  // the API listens once it runs the queue. Work queued meanwhile wakes it when it is up.
  const threadStarted = thread?.start().then(
    () => null,
    (error: unknown) => error,
  );
  if (thread) services.worker.forwardWakes(() => thread.wake());
  // Leftovers of a process that was killed mid-upload; twice the idle limit, so no live upload's file is taken.
  const swept = await services.blobs.sweepTemporary(2 * config.requestTimeoutMs);
  if (swept > 0) logger.info(`removed ${swept} temporary file(s) left by interrupted uploads`);
  if (config.seedDemo) await seedDemo(services, config.demoClassSize);
  // `api` processes leave execution to `worker` processes on the same database.
  if (!thread && config.role !== 'api') services.worker.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(
    {
      // Uploads may take hours: what is limited is silence (`timeout` below), not a request's total duration.
      requestTimeout: 0,
      headersTimeout: config.headersTimeoutMs,
      keepAliveTimeout: config.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
    },
    app,
  );
  // A socket without a byte either way for this long is destroyed (WebSockets clear it on upgrade and ping instead).
  httpServer.timeout = config.requestTimeoutMs;
  const sockets = new SocketSessions(services, config);
  const observability = await startObservability(app, services, config, () => sockets.subscriptionsOpen);
  // `Expect: 100-continue`: the client waits for our go-ahead before sending the body; an upload
  // declared over the limit never gets it and is answered 413 instead (refuseOversizedUploads).
  httpServer.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (oversizedUpload(req, config.maxUploadBytes) === undefined) res.writeContinue();
    httpServer.emit('request', req, res);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, role: config.role });
  });
  // A worker-only process serves nothing but its health checks.
  const api = config.role === 'worker' ? null : await mountApi(app, httpServer, services, bus.pubSub, config, sockets);

  const threadError = await threadStarted;
  if (threadError) throw threadError;
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    port,
    metricsUrl: observability.metricsUrl,
    services,
    db,
    workerThread: thread,
    // Stopping twice waits for the one stop (a restarted process's test stops the old one first).
    stop(graceMs = config.shutdownGraceMs) {
      stopping ??= (async () => {
        const deadline = Date.now() + graceMs;
        const left = () => deadline - Date.now();
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        // Keep a tenth of the grace for closing connections, removing cut uploads and the database.
        const worker = Promise.all([services.worker.stop().then(() => services.webhookSender.idle()), thread?.stop()]);
        const drain = Promise.all([worker, services.gc.idle(), api ? api.stop() : closed]);
        if (!(await within(drain, left() - graceMs / 10))) {
          logger.warn('shutdown: requests still running when the grace ran out; closing their connections');
          await thread?.terminate();
        }
        httpServer.closeAllConnections();
        const cut = await services.blobs.settle(Math.max(0, left() - graceMs / 20));
        if (cut > 0) logger.warn(`shutdown: ${cut} upload(s) cut short; their temporary files were removed`);
        await services.blobs.close();
        await within(closed, left());
        await bus.close();
        services.limiters.close();
        await observability.close();
        await within(db.close(), left());
      })();
      return stopping;
    },
  };
}

/** GraphQL over HTTP and WebSocket on /graphql, and the streaming endpoints. */
async function mountApi(app: express.Express, httpServer: http.Server, services: Services, pubSub: EventBus, config: AppConfig, sockets: SocketSessions) {
  const schema = await createSchema(pubSub);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', verifyClient: sockets.verifyUpgrade });
  // Origin checked on the upgrade; authenticated at connection_init (and closed when that session ends); each subscribe is authorised again by its resolver.
  sockets.start();
  const metrics = subscriptionMetrics();
  // Each event's result is written as JSON once, whatever the number of subscribers it goes to.
  const sharedJson = sharedResultsJson();
  wsServer.on('connection', (socket) => sharedJson.attach(socket));
  const limits = subscriptionLimits(schema);
  const subscriptionHooks = {
    ...metrics,
    onSubscribe: (...[ctx, id, payload]: Parameters<typeof limits.onSubscribe>) => {
      metrics.onSubscribe(ctx, id);
      return limits.onSubscribe(ctx, id, payload);
    },
    onError: limits.onError,
    onNext: (...args: Parameters<typeof limits.onNext>) => {
      metrics.onNext(...args);
      return limits.onNext(...args) ?? sharedJson.onNext(args[4]);
    },
    jsonMessageReplacer: sharedJson.replacer,
  };
  const wsCleanup = useServer<Record<string, unknown> | undefined, { actor?: GraphQLContext['actor'] }>(
    {
      schema,
      subscribe: sharedSubscribe(),
      onConnect: sockets.onConnect,
      ...subscriptionHooks,
      context: (ctx): GraphQLContext => ({ actor: ctx.extra.actor ?? null, services }),
    },
    wsServer,
  );

  const production = config.env === 'production';
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    parseOptions: { maxTokens: LIMITS.tokens },
    // Refused before anything runs, each with its own code naming the limit (QUERY_TOO_DEEP, TOO_MANY_ALIASES).
    validationRules: limitRules,
    // Cookie-authenticated writes are guarded by csrfGuard; a GET carries only queries, so it needs no special header.
    csrfPrevention: false,
    // Unexpected errors are logged with the request's id by graphqlObservability, and hidden here.
    formatError: (formatted, error) => {
      const limit = limitError(formatted, error);
      if (limit) return limit;
      const code = formatted.extensions?.code;
      if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
      return { message: 'internal error; it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
    plugins: [
      // Running requests (uploads above all) get most of the shutdown grace; see RunningApp.stop.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: Math.round(config.shutdownGraceMs * 0.8) }),
      graphqlObservability(),
      requestCostPlugin(schema, services.requestBudget),
      { async serverWillStart() { return { async drainServer() { sockets.stop(); await wsCleanup.dispose(); } }; } },
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(corsPolicy(config), refuseOversizedUploads(config.maxUploadBytes), csrfGuard(config));
  app.use(httpRoutes(services));
  app.use(assignmentRoutes(services));
  app.use(ssoRoutes(services));
  app.use(ltiRoutes(services));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          return { actor: await services.users.authenticate(bearerOf(req.headers)), services, res, ip: req.ip };
        } catch (error) {
          // The database being unavailable is a 503 with Retry-After here too, not "context creation failed".
          throw toGraphQLError(error);
        }
      },
    }),
  );
  app.use('/api', unknownEndpoint);
  app.use(httpErrorHandler);

  return apollo;
}
