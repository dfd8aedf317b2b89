import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, InterfaceType, Query, Resolver } from 'type-graphql';
import { badInput, notFound } from '../errors';
import type { GraphQLContext } from './context';
import { fromGlobalId } from './global-id';
import { toGraphQLError } from './guards';
import { NODE_LOOKUPS } from './id-fields';

/** The type each object `node`/`nodes` answered is of, for the interface's resolveType. */
const typeOfNode = new WeakMap<object, string>();

/** At most this many ids in one `nodes` call, like a page. */
export const MAX_NODES = 100;

const REFETCHABLE = Object.keys(NODE_LOOKUPS).join(', ');

@InterfaceType('Node', {
  description:
    'An object with a global id. Ids are opaque: base64url of the type name and the row id, so an id names its type; every id argument also accepts the older raw ids (and the ids of webhook payloads and the /api HTTP routes). `node`/`nodes` refetch an object by its id.',
  resolveType: (value: object) => typeOfNode.get(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'The global id of this object.' }) id: string;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: `Any object by its global id, read with the same access rules as its own lookup. Refetchable types: ${REFETCHABLE} (User: only the caller). Null with a NOT_FOUND error for an id that does not exist, is hidden from the caller or is of another type; BAD_USER_INPUT for a value that is not a Stagecoach id. A raw id names no type and is refused.`,
  })
  node(@Arg('id', () => ID, { description: 'A global id, as any id field answers it.' }) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return nodeOf(id, ctx, info);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by their global ids, in the order asked, as \`node\` reads each (at most ${MAX_NODES}): an id that cannot be read is null with an error at its index; the rest stand.`,
  })
  nodes(
    @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[],
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (ids.length > MAX_NODES) throw badInput(`nodes takes at most ${MAX_NODES} ids; ${ids.length} were sent`, { max: MAX_NODES });
    // Each item settles on its own, so one unreadable id leaves the others standing; the errors
    // of items are mapped here, since the middleware sees only the list.
    return ids.map((id) =>
      nodeOf(id, ctx, info).catch((error: unknown) => {
        throw toGraphQLError(error);
      }),
    );
  }
}

async function nodeOf(id: string, ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<object> {
  const { type, raw } = fromGlobalId(id);
  if (type === null) throw badInput(`\`${id}\` is a raw id, which names no type: node takes the global id an id field answers`, { id });
  const lookup = NODE_LOOKUPS[type];
  if (!lookup) throw notFound(`no ${type} can be fetched by id through node; read it through the object it belongs to`);
  let value: unknown;
  if (type === 'User') {
    // Who else may be read is decided by the spaces a user shares; node answers only the caller.
    if (ctx.actor?.user.id !== raw) throw notFound(`user ${id} not found`);
    value = ctx.actor.user;
  } else {
    const field = info.schema.getQueryType()?.getFields()[lookup];
    if (!field?.resolve) throw new Error(`Query.${lookup}, the lookup of ${type}, is missing`);
    value = await field.resolve(undefined, { id: raw }, ctx, info);
  }
  if (value === null || value === undefined || typeof value !== 'object') throw notFound(`${type} ${id} not found`);
  typeOfNode.set(value, type);
  return value;
}
