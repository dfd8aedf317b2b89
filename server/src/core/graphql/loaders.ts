import DataLoader from 'dataloader';
import type { GraphQLContext } from './context';

const perContext = new WeakMap<GraphQLContext, Map<string, unknown>>();

/** Something made once per request (per connection over WebSocket) under `name`. */
export function requestScoped<T>(ctx: GraphQLContext, name: string, make: () => T): T {
  let scoped = perContext.get(ctx);
  if (!scoped) perContext.set(ctx, (scoped = new Map()));
  if (!scoped.has(name)) scoped.set(name, make());
  return scoped.get(name) as T;
}

export type BatchLoad<K, V> = (keys: readonly K[], ctx: GraphQLContext) => Promise<readonly (V | Error)[]>;

/**
 * Per-request batching for field resolvers: a list of N rows costs one query
 * per field, not N. Loaders batch only and never cache: a WebSocket context
 * lives as long as its connection, and each event must see the rows as they are.
 */
export function loaderOf<K, V>(ctx: GraphQLContext, name: string, batch: BatchLoad<K, V>): DataLoader<K, V> {
  return requestScoped(ctx, `loader:${name}`, () => new DataLoader<K, V>((keys) => batch(keys, ctx), { cache: false }));
}

/** A batch answered from rows looked up by id: each key gets its row, or null. */
export function byId<V extends { id: string }>(load: (ids: readonly string[], ctx: GraphQLContext) => Promise<V[]>): BatchLoad<string, V | null> {
  return async (ids, ctx) => {
    const rows = new Map((await load(ids, ctx)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  };
}
