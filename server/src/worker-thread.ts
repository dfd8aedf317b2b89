import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db/database';
import { entities } from './entities';
import { createEventBus } from './core/pubsub';
import { countTargetsWith } from './core/metrics';
import { configureLogger, logger } from './core/logger';
import { createServices } from './services';
import type { ThreadMessage, WorkerThreadData } from './worker-thread-host';

/**
 * The distribution worker of an `all` process, on a thread of its own (see
 * `WorkerThreadHost`): it executes pushes, releases and the other queued work
 * while the main thread answers requests and feeds subscriptions, so neither
 * waits for the other. Events go to the main thread over the shared channel
 * (or Redis); the database is the same file or server.
 */
async function run(port: NonNullable<typeof parentPort>, { config, channel }: WorkerThreadData): Promise<void> {
  configureLogger(config.logLevel);
  const send = (message: ThreadMessage) => port.postMessage(message);
  countTargetsWith((status) => send({ kind: 'target', status }));
  // The main thread applied the migrations before starting this one; opening finds none left.
  const db = await openDatabase(config, entities);
  const bus = createEventBus(config.redisUrl, channel);
  const services = createServices(config, db, bus.pubSub, { leaseMs: config.workerLeaseMs, concurrency: config.workerConcurrency });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // The current target finishes; claimed targets not started go back to the queue.
      await services.worker.stop();
      await Promise.all([services.webhookSender.idle(), services.gc.idle()]);
      await services.blobs.close();
      await bus.close();
      services.limiters.close();
      await db.close();
      port.close();
    })());
  port.on('message', (message: 'wake' | 'stop' | 'pause' | 'resume') => {
    if (message === 'wake') services.worker.wake();
    else if (message === 'pause') void services.worker.stop().then(() => send({ kind: 'paused' }));
    else if (message === 'resume') {
      services.worker.start();
      send({ kind: 'resumed' });
    } else void stop();
  });
  services.worker.start();
  send({ kind: 'ready' });
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as WorkerThreadData).catch((error: unknown) => {
    logger.error({ err: error }, 'worker thread: could not start');
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ThreadMessage);
    // In a worker thread this ends the thread, not the process.
    process.exit(1);
  });
}
