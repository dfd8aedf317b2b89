import type { GraphQLContext } from '../../core/graphql/context';
import { loaderOf } from '../../core/graphql/loaders';
import type { Distribution } from './distribution.entity';

/** The undo and retract pushes of each push, newest first, batched per request. */
export function reversalsOf(ctx: GraphQLContext, originId: string): Promise<Distribution[]> {
  return loaderOf(ctx, 'reversals', async (originIds: readonly string[]) => {
    const rows = await ctx.services.distributions.reversalsOf(originIds);
    return originIds.map((id) => rows.filter((r) => r.originId === id));
  }).load(originId);
}
