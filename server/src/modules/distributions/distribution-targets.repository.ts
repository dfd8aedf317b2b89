import type { EntityManager } from 'typeorm';
import type { LeaseQueue } from '../../db/lease-queue';
import { DistributionTarget, type TargetStatus } from './distribution-target.entity';
import { Distribution, type DistributionStatus } from './distribution.entity';

/**
 * The queries on distribution targets and their distributions that the
 * worker and the service share: the lease queue, leases held and handed
 * back, and the status counts a distribution is settled from.
 */
export const TARGET_QUEUE: LeaseQueue<DistributionTarget> = {
  entity: DistributionTarget,
  table: 'distribution_target',
  due: "status = 'PENDING'",
  orderBy: 'distributionId, id',
};

const NO_TARGETS = (): Record<TargetStatus, number> => ({ PENDING: 0, RUNNING: 0, SUCCEEDED: 0, CONFLICT: 0, FAILED: 0, CANCELLED: 0 });

/** How many of the distribution's targets are in each status (every status present, 0 if none). */
export async function countTargetsByStatus(m: EntityManager, distributionId: string): Promise<Record<TargetStatus, number>> {
  const rows: { status: TargetStatus; n: string | number }[] = await m
    .createQueryBuilder(DistributionTarget, 't')
    .select('t.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .where('t.distributionId = :distributionId', { distributionId })
    .groupBy('t.status')
    .getRawMany();
  const byStatus = NO_TARGETS();
  for (const r of rows) byStatus[r.status] = Number(r.n);
  return byStatus;
}

/** Claimed distributions start running (those still queued). */
export async function markRunning(m: EntityManager, distributionIds: readonly string[], startedAt: Date): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Distribution)
    .set({ status: 'RUNNING', startedAt })
    .where('id IN (:...ids) AND status = :queued', { ids: [...new Set(distributionIds)], queued: 'QUEUED' })
    .execute();
}

/** Returns targets `owner` claimed but did not start to the queue. */
export async function releaseTargets(m: EntityManager, targetIds: readonly string[], owner: string): Promise<void> {
  await m
    .createQueryBuilder()
    .update(DistributionTarget)
    .set({ status: 'PENDING', leaseOwner: null, leaseExpiresAt: null })
    .where('id IN (:...ids) AND status = :running AND leaseOwner = :me', { ids: targetIds, running: 'RUNNING', me: owner })
    .execute();
}

/** Extends `owner`'s lease on a running target (locking its row); false when the lease passed to another worker. */
export async function holdLease(m: EntityManager, targetId: string, owner: string, until: Date): Promise<boolean> {
  const held = await m
    .createQueryBuilder()
    .update(DistributionTarget)
    .set({ leaseExpiresAt: until })
    .where('id = :id AND status = :running AND leaseOwner = :me', { id: targetId, running: 'RUNNING', me: owner })
    .execute();
  return held.affected === 1;
}

/** Marks a target `owner` holds as failed with `message`; false when the owner no longer held it. */
export async function failTarget(m: EntityManager, targetId: string, owner: string, message: string): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(DistributionTarget)
    .set({ status: 'FAILED', error: message.slice(0, 2000), leaseOwner: null, leaseExpiresAt: null, finishedAt: new Date() })
    .where('id = :id AND leaseOwner = :me', { id: targetId, me: owner })
    .execute();
  return result.affected === 1;
}

/** Distributions still QUEUED or RUNNING with no target left pending or running (up to `limit`). */
export async function strandedDistributions(m: EntityManager, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await m
    .createQueryBuilder(Distribution, 'd')
    .select('d.id', 'id')
    .where('d.status IN (:...open)', { open: ['QUEUED', 'RUNNING'] })
    .andWhere(
      (qb) =>
        'NOT EXISTS ' +
        qb
          .subQuery()
          .select('1')
          .from(DistributionTarget, 't')
          .where('t.distributionId = d.id')
          .andWhere('t.status IN (:...busy)', { busy: ['PENDING', 'RUNNING'] })
          .getQuery(),
    )
    .limit(limit)
    .getRawMany();
  return rows.map((r) => r.id);
}

/** Sets the final status of a distribution still open; false when it was settled already. */
export async function closeDistribution(m: EntityManager, distributionId: string, status: DistributionStatus): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(Distribution)
    .set({ status, finishedAt: new Date() })
    .where('id = :id AND status IN (:...open)', { id: distributionId, open: ['QUEUED', 'RUNNING'] })
    .execute();
  return Boolean(result.affected);
}

/** Which of these spaces have a storage quota. */
export async function spacesWithQuota(m: EntityManager, spaceIds: readonly string[]): Promise<Set<string>> {
  if (spaceIds.length === 0) return new Set();
  const rows: { id: string }[] = await m
    .createQueryBuilder()
    .select('s.id', 'id')
    .from('space', 's')
    .where('s.id IN (:...ids) AND s.quotaBytes IS NOT NULL', { ids: [...new Set(spaceIds)] })
    .getRawMany();
  return new Set(rows.map((r) => r.id));
}
