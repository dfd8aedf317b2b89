import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Express, NextFunction, Request, Response } from 'express';
import type { OperationDefinitionNode } from 'graphql';
import { connectRedis } from '../core/redis';
import { LessThanOrEqual } from 'typeorm';
import type { AppConfig } from '../config';
import type { GraphQLContext } from '../core/graphql/context';
import { logger, newCorrelationId } from '../core/logger';
import { registry, requestDuration, setGaugeSources } from '../core/metrics';
import type { Services } from '../services';
import { ScheduledJob } from '../modules/assignments/scheduled-job.entity';

const REQUEST_ID = /^[\w.:-]{1,64}$/;
const PROBES: ReadonlySet<string> = new Set(['/healthz', '/readyz']);
const PROBE_TIMEOUT_MS = 2000;
const BLOB_BYTES_MAX_AGE_MS = 60_000;

/**
 * Every request gets an id (the caller's `X-Request-Id` when it is a sane
 * token, else a new one), echoed in the response; one JSON log line per
 * request carries it with the operation, status and duration, and the
 * duration goes to the latency histogram.
 */
export function requestObservability() {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const reqId = typeof given === 'string' && REQUEST_ID.test(given) ? given : newCorrelationId();
    const started = process.hrtime.bigint();
    res.locals.reqId = reqId;
    res.setHeader('X-Request-Id', reqId);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const operation = operationOf(req, res);
      const outcome = !res.writableFinished ? 'aborted' : res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'refused' : 'ok';
      requestDuration.observe({ operation, outcome }, seconds);
      // Probes come every few seconds; their lines would drown the rest.
      const level = PROBES.has(req.path) && res.statusCode < 400 ? 'debug' : 'info';
      logger[level]({ reqId, method: req.method, path: req.path, operation, status: res.statusCode, outcome, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}

/** A bounded name for the latency label: the GraphQL root fields, or the matched route pattern (never the raw URL). */
function operationOf(req: Request, res: Response): string {
  if (typeof res.locals.operation === 'string') return res.locals.operation;
  if (req.route?.path) return `${req.method} ${req.baseUrl}${String(req.route.path)}`;
  if (req.originalUrl.startsWith('/graphql')) return `${req.method} /graphql`;
  return `${req.method} (no route)`;
}

/** A GraphQL operation's bounded name: its type and root fields (`mutation pushDistribution`). */
export function operationName(operation: OperationDefinitionNode): string {
  const fields = operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : '…'));
  return `${operation.operation} ${[...new Set(fields)].sort().join(',')}`;
}

/**
 * Names each GraphQL request by its operation type and root fields
 * (`mutation pushDistribution`) for the request log and the latency
 * histogram, and logs unexpected errors with the request's id.
 */
export function graphqlObservability(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const locals = contextValue.res?.locals;
      return {
        async didResolveOperation({ operation }) {
          if (!locals || !operation) return;
          locals.operation = operationName(operation);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code && code !== 'INTERNAL_SERVER_ERROR') continue;
            logger.error({ reqId: locals?.reqId, err: error.originalError ?? error, path: error.path }, 'unexpected error in GraphQL');
          }
        },
      };
    },
  };
}

async function probe(check: () => Promise<unknown>): Promise<'ok' | string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS))),
    ]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

export interface Observability {
  /** Where Prometheus scrapes, or null when METRICS_PORT is unset. */
  metricsUrl: string | null;
  close(): Promise<void>;
}

/**
 * Request ids and logs, `/readyz` (200 when the database, and Redis when
 * configured, answer within 2 s; 503 with the failing check otherwise) and
 * the Prometheus endpoint on its own port. Mount before any route.
 */
export async function startObservability(app: Express, services: Services, config: AppConfig, subscriptionsOpen: () => number): Promise<Observability> {
  app.use(requestObservability());
  const redis = config.redisUrl ? connectRedis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
  redis?.on('error', () => undefined);
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = { database: await probe(() => services.db.manager.query('SELECT 1')) };
    if (redis) {
      checks.redis = await probe(async () => {
        if (redis.status === 'wait') await redis.connect();
        return redis.ping();
      });
    }
    const ready = Object.values(checks).every((c) => c === 'ok');
    if (!ready) {
      res.setHeader('Retry-After', '5');
      logger.warn({ checks }, 'not ready');
    }
    res.status(ready ? 200 : 503).json({ ready, role: config.role, checks });
  });

  let blobBytes = { at: 0, value: 0, pending: null as Promise<number> | null };
  const measureBlobs = async () => {
    let total = 0;
    for await (const id of services.blobs.list()) total += (await services.blobs.stat(id))?.size ?? 0;
    blobBytes = { at: Date.now(), value: total, pending: null };
    return total;
  };
  setGaugeSources({
    async queueDepth() {
      const rows: { status: string; n: string | number }[] = await services.db.manager.query(
        `SELECT status, COUNT(*) AS n FROM distribution_target WHERE status IN ('PENDING', 'RUNNING') GROUP BY status`,
      );
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    jobsDue: () => services.db.manager.count(ScheduledJob, { where: { status: 'PENDING', runAt: LessThanOrEqual(new Date()) } }),
    subscriptionsOpen,
    async blobBytes() {
      // Walking the store is slow for big stores: the first scrape waits, later ones get the last value and refresh it behind.
      if (Date.now() - blobBytes.at > BLOB_BYTES_MAX_AGE_MS && !blobBytes.pending) blobBytes.pending = measureBlobs().catch(() => blobBytes.value);
      return blobBytes.at === 0 && blobBytes.pending ? blobBytes.pending : blobBytes.value;
    },
  });

  let metrics: http.Server | null = null;
  if (config.metricsPort !== null) {
    metrics = http.createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('metrics are at /metrics\n');
        return;
      }
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (err: unknown) => {
          logger.error({ err }, 'metrics could not be collected');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected; see the log\n');
        },
      );
    });
    await new Promise<void>((resolve) => metrics!.listen(config.metricsPort!, config.host, resolve));
  }
  const port = metrics ? (metrics.address() as AddressInfo).port : null;
  return {
    metricsUrl: port === null ? null : `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/metrics`,
    async close() {
      setGaugeSources(null);
      redis?.disconnect();
      if (metrics) await new Promise<void>((resolve) => metrics!.close(() => resolve()));
    },
  };
}
