import type { AppServices } from '../../core/graphql/context';
import { Distribution } from './distribution.entity';
import type { DistributionTarget } from './distribution-target.entity';
import type { TargetCounts } from './distributions.service';

export interface ProgressEvent {
  distribution: Distribution;
  counts: TargetCounts;
  finished: DistributionTarget[];
  final: boolean;
}

const TERMINAL = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']);
/** When no event arrives for this long, the status is read again (the database is the source of truth). */
const RECHECK_MS = 5_000;
/** The most finished targets the first event lists; more are paged through the `targets` query. */
const INITIAL_FINISHED = 1_000;

/**
 * A subscriber's progress stream: the current state first, then at most one
 * event per `intervalMs` carrying the targets finished since the last one,
 * and a final event when the distribution ends. Subscribes before reading,
 * so nothing that happens in between is missed.
 */
export async function* progressStream(services: AppServices, distributionId: string, intervalMs = 100): AsyncGenerator<ProgressEvent> {
  const iterator = services.events.subscribe('DISTRIBUTION_PROGRESS', distributionId)[Symbol.asyncIterator]();
  const finishedIds = new Set<string>();
  const build = async (initial = false): Promise<ProgressEvent> => {
    const distribution = await services.db.manager.findOneByOrFail(Distribution, { id: distributionId });
    const counts = await services.distributions.counts(distributionId);
    // The first event carries what finished before the subscriber arrived.
    const finished = initial
      ? await services.distributions.finishedTargets(distributionId, INITIAL_FINISHED)
      : await services.distributions.targetsByIds([...finishedIds]);
    finishedIds.clear();
    return { distribution, counts, finished, final: TERMINAL.has(distribution.status) };
  };
  try {
    let next = iterator.next();
    let event = await build(true);
    yield event;
    let lastEmit = Date.now();
    let dirty = false;
    while (!event.final) {
      const wait = dirty ? Math.max(0, lastEmit + intervalMs - Date.now()) : RECHECK_MS;
      let timer: NodeJS.Timeout | undefined;
      const woke = await Promise.race([
        next.then((r) => ({ r })),
        new Promise<'timer'>((resolve) => (timer = setTimeout(() => resolve('timer'), wait))),
      ]);
      clearTimeout(timer);
      if (woke !== 'timer') {
        if (woke.r.done) return;
        if (woke.r.value.targetId) finishedIds.add(woke.r.value.targetId);
        dirty = true;
        next = iterator.next();
        if (Date.now() - lastEmit < intervalMs) continue;
      }
      if (!dirty && woke === 'timer') {
        // Nothing was heard for a while: look, and report only an end we missed.
        const current = await services.db.manager.findOneByOrFail(Distribution, { id: distributionId });
        if (!TERMINAL.has(current.status)) continue;
      }
      event = await build();
      yield event;
      lastEmit = Date.now();
      dirty = false;
    }
  } finally {
    await iterator.return?.();
  }
}
