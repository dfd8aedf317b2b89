import DataLoader from 'dataloader';
import type { GraphQLContext } from '../../core/graphql/context';
import type { User } from '../users/user.entity';
import type { Distribution } from './distribution.entity';

export interface DistributionLoaders {
  users: DataLoader<string, User | null>;
  reversals: DataLoader<string, Distribution[]>;
}

// Batching only: a WebSocket context lives as long as its connection, so nothing is cached across events.
const FRESH = { cache: false } as const;

/** One set of loaders per request, so a list of distributions costs one query per field, not per row. */
const perRequest = new WeakMap<GraphQLContext, DistributionLoaders>();

export function distributionLoaders(ctx: GraphQLContext): DistributionLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      users: new DataLoader(async (ids) => {
        const byId = new Map((await ctx.services.users.getByIds(ids)).map((u) => [u.id, u]));
        return ids.map((id) => byId.get(id) ?? null);
      }, FRESH),
      reversals: new DataLoader(async (originIds) => {
        const rows = await ctx.services.distributions.reversalsOf(originIds);
        return originIds.map((id) => rows.filter((r) => r.originId === id));
      }, FRESH),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
