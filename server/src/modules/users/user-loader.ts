import type { GraphQLContext } from '../../core/graphql/context';
import { byId, loaderOf } from '../../core/graphql/loaders';
import type { User } from './user.entity';

const loadUsers = byId((ids, ctx) => ctx.services.users.getByIds(ids));

/** A user by id, batched per request (null when there is none). */
export function userById(ctx: GraphQLContext, id: string | null | undefined): Promise<User | null> {
  return id ? loaderOf(ctx, 'users', loadUsers).load(id) : Promise.resolve(null);
}
