import { getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from 'graphql-ws';
import { requestDuration, subscriptionEvents } from '../core/metrics';
import { operationName } from './observability';

type AnyContext = Context<Record<string, unknown> | undefined, unknown>;

/** Operation names by document and requested name: a subscription's name is read once, not at every event it sends. */
const names = new WeakMap<ExecutionArgs['document'], Map<string | null | undefined, string>>();

function nameOf(args: ExecutionArgs): string {
  let byName = names.get(args.document);
  if (!byName) names.set(args.document, (byName = new Map()));
  let name = byName.get(args.operationName);
  if (name === undefined) {
    const operation = getOperationAST(args.document, args.operationName);
    byName.set(args.operationName, (name = operation ? operationName(operation) : 'subscription (unknown)'));
  }
  return name;
}

function isStream(result: unknown): boolean {
  return typeof result === 'object' && result !== null && Symbol.asyncIterator in result;
}

/**
 * graphql-ws hooks that measure subscriptions like HTTP requests: the time
 * from a subscribe message to the subscription running (or being refused)
 * goes to the request latency histogram under `subscription <field>`, and
 * every event sent counts in `stagecoach_subscription_events_total`.
 */
export function subscriptionMetrics() {
  const started = new WeakMap<AnyContext, Map<string, bigint>>();
  return {
    onSubscribe(ctx: AnyContext, id: string): void {
      let byId = started.get(ctx);
      if (!byId) started.set(ctx, (byId = new Map()));
      byId.set(id, process.hrtime.bigint());
    },
    onOperation(ctx: AnyContext, id: string, _payload: unknown, args: ExecutionArgs, result: unknown): void {
      const byId = started.get(ctx);
      const since = byId?.get(id);
      byId?.delete(id);
      if (since === undefined) return;
      const refused = !isStream(result) && Boolean((result as ExecutionResult).errors?.length);
      requestDuration.observe({ operation: nameOf(args), outcome: refused ? 'refused' : 'ok' }, Number(process.hrtime.bigint() - since) / 1e9);
    },
    onNext(_ctx: AnyContext, _id: string, _payload: unknown, args: ExecutionArgs, result: ExecutionResult): void {
      subscriptionEvents.inc({ operation: nameOf(args), outcome: result.errors?.length ? 'error' : 'ok' });
    },
  };
}
