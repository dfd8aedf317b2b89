import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import os from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { backoffMs, isTransientDbError, pause, retryTransient, TRANSIENT_RETRIES, type Database } from '../../db/database';
import { claimLeased } from '../../db/lease-queue';
import { TaskPool } from '../../core/util/task-pool';
import { notFound } from '../../core/errors';
import { safeErrorMessage } from '../../core/safe-error';
import { logger } from '../../core/logger';
import { StaleHead, type WorkspaceStore } from '../workspaces/workspace-store';
import { Workspace } from '../workspaces/workspace.entity';
import type { WebhookOutbox } from '../webhooks/webhook-outbox';
import type { DistributionEffects } from './distribution-effects';
import type { DistributionTarget, TargetStatus } from './distribution-target.entity';
import { Distribution, type DistributionKind, type DistributionStatus } from './distribution.entity';
import {
  closeDistribution,
  countTargetsByStatus,
  failTarget,
  markRunning,
  releaseTargets,
  spacesWithQuota,
  strandedDistributions,
  TARGET_QUEUE,
} from './distribution-targets.repository';
import { LeaseLost, type TargetCommit } from './target-commit';
import type { TargetExecutor } from './target-executors';

export interface WorkerOptions {
  batchSize: number;
  leaseMs: number;
  idleMs: number;
  /** Targets of a batch executed at once: their database round trips overlap (SQLite still commits one at a time). */
  concurrency: number;
}

/**
 * Runs the queue of distribution targets. Workers claim targets in batches
 * under a lease (`FOR UPDATE SKIP LOCKED` on MySQL/MariaDB; SQLite runs the
 * same path serialised), hand each to the executor of its distribution's kind
 * and write it in a transaction it may share with other targets ready at
 * the same time ({@link TargetCommit}); what follows a
 * commit is {@link DistributionEffects}. A crash leaves a target
 * wholly before or after; an expired lease is claimed again; a finished
 * target is never applied twice, because "finished" commits with the head.
 */
export class DistributionWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  /** Set by stop(): a batch in progress ends after its current target. */
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  /** Other due work run on the same loop (scheduled assignment jobs); each returns how much it did. */
  private readonly duties: (() => Promise<number>)[] = [];
  /** Batches being executed now (drain() may run beside the loop). */
  private inHand = 0;
  readonly options: WorkerOptions;

  constructor(
    private readonly db: Database,
    private readonly store: WorkspaceStore,
    private readonly executors: Record<DistributionKind, TargetExecutor>,
    private readonly commit: TargetCommit,
    private readonly effects: DistributionEffects,
    private readonly webhooks: WebhookOutbox,
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { batchSize: 25, leaseMs: 60_000, idleMs: 250, concurrency: 4, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.wake();
    await this.loop;
  }

  /** Returns claimed targets not started yet to the queue, for any worker to take. */
  private async release(targets: DistributionTarget[]): Promise<void> {
    if (targets.length === 0) return;
    await this.db.transaction((m) => releaseTargets(m, targets.map((t) => t.id), this.id));
  }

  /** Where else a wake-up goes: the worker thread that runs the queue for this process (see `WorkerThreadHost`). */
  private alsoWake: (() => void) | null = null;

  wake(): void {
    this.wakeUp?.();
    this.alsoWake?.();
  }

  /** New work is announced to `wake` as well (the process's queue runs elsewhere). */
  forwardWakes(wake: () => void): void {
    this.alsoWake = wake;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let processed = 0;
      try {
        processed = await this.runOnce();
      } catch (error) {
        // A busy or lost database while taking work is waited out like one met while applying a target.
        if (isTransientDbError(error)) logger.warn({ worker: this.id, err: describeError(error) }, `taking work from the queue met a transient database error; trying again in ${this.options.idleMs} ms`);
        else logger.error({ err: error, worker: this.id }, 'distribution worker: batch failed');
      }
      if (processed === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idleMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
      }
    }
  }

  addDuty(duty: () => Promise<number>): void {
    this.duties.push(duty);
  }

  /** Claims one batch and executes it, then any other due work; returns how much it handled. */
  async runOnce(): Promise<number> {
    let handled = 0;
    for (const duty of this.duties) handled += await duty();
    return handled + (await this.runTargets());
  }

  private async runTargets(): Promise<number> {
    const claimed = await this.claim();
    if (claimed.length === 0) return this.settleStranded();
    this.inHand++;
    try {
      await this.executeBatch(claimed);
    } finally {
      this.inHand--;
    }
    return claimed.length;
  }

  private async executeBatch(claimed: DistributionTarget[]): Promise<void> {
    const distributions = new Map<string, Distribution>();
    // The batch's workspaces in one query; a target whose head moved since reads its own again.
    const workspaces = new Map((await this.db.manager.findBy(Workspace, { id: In(claimed.map((t) => t.workspaceId)) })).map((w) => [w.id, w]));
    // A space with a quota takes its targets one at a time: each checks the space's use as the one before left it.
    const quota = await spacesWithQuota(this.db.manager, [...workspaces.values()].map((w) => w.spaceId));
    const pool = new TaskPool(quota.size > 0 ? 1 : this.options.concurrency);
    let started = 0;
    for (const target of claimed) {
      // Shutting down: targets in hand are finished; the rest go back at once rather than after the lease.
      if (this.stopping) break;
      let distribution = distributions.get(target.distributionId);
      if (!distribution) {
        distribution = await this.db.manager.findOneByOrFail(Distribution, { id: target.distributionId });
        distributions.set(distribution.id, distribution);
        const of = distribution.id;
        const theirs = claimed.flatMap((t) => (t.distributionId === of ? [workspaces.get(t.workspaceId)].filter((w) => !!w) : []));
        await this.executors[distribution.kind].prepare?.(distribution, theirs);
      }
      const of = distribution;
      await pool.add(async () => {
        await this.execute(of, target, workspaces.get(target.workspaceId) ?? null);
        // SQLite answers synchronously: without a turn of the event loop here, requests
        // and progress events would wait for the whole batch.
        await nextTurn();
      });
      started++;
    }
    await pool.drain();
    await this.release(claimed.slice(started));
    for (const distribution of distributions.values()) await this.settle(distribution.id);
  }

  /** Settles a distribution's status, waiting out a busy or lost database like a target does. */
  private settle(distributionId: string): Promise<void> {
    return retryTransient(
      () => this.finish(distributionId),
      (error, wait) =>
        logger.warn({ distributionId, err: describeError(error) }, `settling the distribution met a transient database error; trying again in ${Math.round(wait)} ms`),
    );
  }

  /**
   * Distributions still QUEUED or RUNNING with no target left to run: their
   * settling failed after the last target (the database was away longer than
   * the retries). An idle worker settles them, so none stays 'running' forever.
   */
  private async settleStranded(): Promise<number> {
    const stranded = await strandedDistributions(this.db.manager, 20);
    for (const id of stranded) await this.settle(id);
    return stranded.length;
  }

  /** Runs until nothing is left to claim (benchmarks and tests). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  private claim(): Promise<DistributionTarget[]> {
    const now = new Date();
    return claimLeased(this.db, TARGET_QUEUE, {
      owner: this.id,
      leaseMs: this.options.leaseMs,
      limit: this.options.batchSize,
      now,
      idle: this.inHand === 0,
      withClaimed: (m, targets) => markRunning(m, targets.map((t) => t.distributionId), now),
    });
  }

  private async execute(distribution: Distribution, target: DistributionTarget, read: Workspace | null): Promise<void> {
    let outages = 0;
    let known = read;
    for (let attempt = 1; attempt <= 20; attempt++) {
      try {
        const workspace = known ?? (await this.db.manager.findOneBy(Workspace, { id: target.workspaceId }));
        known = null;
        if (!workspace) throw notFound('the target workspace no longer exists');
        const session = this.store.trees.session();
        const executor = this.executors[distribution.kind];
        const change = await executor.compute(distribution, workspace, session);
        const lease = { owner: this.id, leaseMs: this.options.leaseMs };
        const { notes, commit } = await this.commit.write(lease, distribution, target, workspace, session, executor, change);
        session.committed();
        executor.committed(distribution.id, change);
        await this.effects.targetApplied(distribution, target, workspace, change.status, commit, notes);
        return;
      } catch (error) {
        if (error instanceof StaleHead) continue;
        if (error instanceof LeaseLost) return;
        // A lost connection, deadlock or busy database says nothing about the target: try again after a pause.
        // If the commit did land before the connection dropped, the lease check turns the next attempt into LeaseLost.
        if (isTransientDbError(error) && outages < TRANSIENT_RETRIES) {
          const wait = backoffMs(outages++);
          logger.warn({ distributionId: distribution.id, targetId: target.id, err: describeError(error) }, `the target met a transient database error; trying again in ${Math.round(wait)} ms`);
          await pause(wait);
          attempt--;
          continue;
        }
        await this.fail(target, safeErrorMessage(error, 'target', { distributionId: distribution.id, targetId: target.id, workspaceId: target.workspaceId }));
        return;
      }
    }
    await this.fail(target, 'the workspace kept changing; retry the target');
  }

  private async fail(target: DistributionTarget, message: string): Promise<void> {
    await retryTransient(() =>
      this.db.transaction(async (m) => {
        if (!(await failTarget(m, target.id, this.id, message))) return;
        const workspace = await m.findOneBy(Workspace, { id: target.workspaceId });
        const distribution = await m.findOneByOrFail(Distribution, { id: target.distributionId });
        await this.webhooks.emit(m, distribution.spaceId, 'distribution.target_failed', {
          distributionId: target.distributionId,
          targetId: target.id,
          workspaceId: target.workspaceId,
          ownerId: workspace?.ownerId ?? null,
          status: 'FAILED',
          error: message,
        });
      }),
    );
    this.effects.targetFailed(target);
  }

  /** Settles a distribution's status once none of its targets is pending or running. */
  private async finish(distributionId: string): Promise<void> {
    const targets = await countTargetsByStatus(this.db.manager, distributionId);
    const status = settledStatus(targets);
    if (!status) return;
    const closed = await this.db.transaction(async (m) => {
      if (!(await closeDistribution(m, distributionId, status))) return false;
      const distribution = await m.findOneByOrFail(Distribution, { id: distributionId });
      await this.webhooks.emit(m, distribution.spaceId, 'distribution.finished', {
        distributionId,
        kind: distribution.kind,
        status,
        sourceWorkspaceId: distribution.sourceWorkspaceId,
        createdById: distribution.createdById,
        targets: Object.fromEntries(Object.entries(targets).filter(([, n]) => n > 0)),
      });
      return true;
    });
    for (const executor of Object.values(this.executors)) executor.finished(distributionId);
    this.commit.finished(distributionId);
    if (!closed) return;
    this.effects.distributionFinished(distributionId, status, targets);
  }

}

function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ').slice(0, 200);
}

/** The final status of a distribution whose targets counted `n`; null while any is pending or running. */
function settledStatus(n: Record<TargetStatus, number>): DistributionStatus | null {
  if (n.PENDING + n.RUNNING > 0) return null;
  const bad = n.FAILED + n.CONFLICT;
  return n.CANCELLED > 0 ? 'CANCELLED' : bad === 0 ? 'SUCCEEDED' : n.SUCCEEDED === 0 ? 'FAILED' : 'PARTIAL';
}
