import DataLoader from 'dataloader';
import { DomainError } from '../errors';
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

/**
 * A batch answered from rows looked up by id, each kept only where the caller
 * may see it, that being decided once per distinct scope of the batch (the
 * space, endpoint or assignment a row belongs to, as `scopeOf` names it; null
 * for none, which hides the row): `admits` throws NOT_FOUND or FORBIDDEN for a
 * scope the caller may not see. So `nodes` with many ids of one type costs a
 * query for the rows and a check per scope, not a query and a check per id.
 */
export function byIdWithin<V extends { id: string }>(
  load: (ids: readonly string[], ctx: GraphQLContext) => Promise<V[]>,
  scopeOf: (row: V) => string | null,
  admits: (scope: string, ctx: GraphQLContext) => Promise<unknown>,
): BatchLoad<string, V | null> {
  return byId(async (ids, ctx) => {
    const rows = await load(ids, ctx);
    const scopes = [...new Set(rows.map(scopeOf).filter((scope): scope is string => scope !== null))];
    const seen = new Set<string>();
    for (const scope of scopes) {
      const admitted = await admits(scope, ctx).then(
        () => true,
        (error: unknown) => {
          if (error instanceof DomainError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return false;
          throw error;
        },
      );
      if (admitted) seen.add(scope);
    }
    return rows.filter((row) => {
      const scope = scopeOf(row);
      return scope !== null && seen.has(scope);
    });
  });
}
