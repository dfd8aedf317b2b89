import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppConfig } from './config';
import { countTarget } from './core/metrics';
import { logger } from './core/logger';

/** What the worker thread is started with. */
export interface WorkerThreadData {
  config: AppConfig;
  /** The BroadcastChannel both threads publish their events on (without Redis). */
  channel: string;
}

/** What the worker thread tells the main thread. */
export type ThreadMessage =
  | { kind: 'ready' }
  | { kind: 'paused' }
  | { kind: 'resumed' }
  | { kind: 'failed'; message: string }
  | { kind: 'target'; status: string };

/** The thread's script: the compiled `worker-thread.js` beside this file (or the `.ts` when run from source with a loader). */
const ENTRY = path.join(__dirname, `worker-thread${path.extname(__filename)}`);

/** Waits before starting a thread that ended unexpectedly again: growing, at most 30 s. */
const restartDelayMs = (attempt: number) => Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));

/**
 * An `all` process runs its distribution worker on a thread of its own, so
 * a large push never competes with requests and subscriptions for the event
 * loop (and uses a second core where there is one). The thread has its own
 * database connection and services; events cross over a BroadcastChannel
 * (or Redis), new work is announced with `wake`. A thread that ends
 * unexpectedly is logged and started again; stopping lets its current
 * target finish.
 */
export class WorkerThreadHost {
  readonly channel = `stagecoach-events-${randomUUID()}`;
  private thread: Worker | null = null;
  private stopping: Promise<void> | null = null;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarts = 0;

  constructor(private readonly config: AppConfig) {}

  /** Starts the thread; resolves once it runs the queue, rejects naming why when it cannot start. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const thread = new Worker(ENTRY, { workerData: { config: this.config, channel: this.channel } satisfies WorkerThreadData, name: 'stagecoach-worker' });
      this.thread = thread;
      let started = false;
      thread.on('message', (message: ThreadMessage) => {
        if (message.kind === 'ready') {
          started = true;
          this.restarts = 0;
          resolve();
        } else if (message.kind === 'failed') {
          reject(new Error(`the worker thread could not start: ${message.message}`));
        } else if (message.kind === 'target') {
          countTarget(message.status);
        }
      });
      thread.on('error', (error) => {
        if (!started) reject(error);
        else logger.error({ err: error }, 'worker thread: uncaught error');
      });
      thread.on('exit', (code) => {
        if (this.thread === thread) this.thread = null;
        if (!started) reject(new Error(`the worker thread ended (exit code ${code}) before it was ready`));
        if (this.stopping) return;
        if (started) logger.error({ code }, `worker thread ended unexpectedly (exit code ${code}); pushes wait until it is started again`);
        // A first start that fails fails the process's start; a thread that ran, or a restart, is tried again.
        if (started || this.restarts > 0) this.restartLater();
      });
    });
  }

  private restartLater(): void {
    const delay = restartDelayMs(this.restarts++);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.start().then(
        () => logger.info('worker thread started again'),
        (error: unknown) => logger.error({ err: error }, `worker thread: could not start again; trying again in ${restartDelayMs(this.restarts)} ms`),
      );
    }, delay);
  }

  /** The queue stops being taken from (the current target finishes); the thread stays up. */
  pause(): Promise<void> {
    return this.ask('pause', 'paused');
  }

  /** The queue is taken from again after `pause`. */
  resume(): Promise<void> {
    return this.ask('resume', 'resumed');
  }

  private ask(request: 'pause' | 'resume', answer: ThreadMessage['kind']): Promise<void> {
    const thread = this.thread;
    if (!thread) return Promise.reject(new Error('the worker thread is not running'));
    return new Promise((resolve) => {
      const heard = (message: ThreadMessage) => {
        if (message.kind !== answer) return;
        thread.off('message', heard);
        resolve();
      };
      thread.on('message', heard);
      thread.postMessage(request);
    });
  }

  /** New work is queued: the thread looks at once instead of at its next poll. */
  wake(): void {
    this.thread?.postMessage('wake');
  }

  /** Lets the current target finish, returns the claimed rest to the queue, and ends the thread. */
  stop(): Promise<void> {
    return (this.stopping ??= (async () => {
      clearTimeout(this.restartTimer);
      const thread = this.thread;
      if (!thread) return;
      const ended = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage('stop');
      await ended;
    })());
  }

  /** Ends the thread at once (the shutdown grace ran out); an open transaction is rolled back. */
  async terminate(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.stopping ??= Promise.resolve();
    await this.thread?.terminate();
  }
}
